/**
 * The dashboard-sized data set of the rules figure (ARCHITECTURE, Performance budgets): 100 branches, 10,000
 * members, 50,000 meetings, 20,000 talks. Deterministic: the same options give the same records every time.
 * Branches and members come from the demo generator; meetings and talks are taken from it where it makes them
 * and topped up here to the exact counts, all dated in the year checked, so that every rule has work to do.
 * Each branch's records are in the order the dashboard's indexed queries return them (renderer/src/db
 * dashboardHooks.ts): members by id, meetings by [branchId+startAt], talks by [branchId+date], ties by id.
 * Runs in Node and in the page (it is bundled into the Chromium bench), so no Node APIs here.
 */
import { generateDemoBranch, type DemoDataset } from '../../shared/demo';
import { createRandom, type Random } from '../../shared/demo/random';
import type { Attendance, Branch, Meeting, Member, Talk } from '../../shared/model';
import { TALK_KINDS } from '../../shared/model/talk';

export interface RulesDatasetOptions {
  branches: number;
  membersPerBranch: number;
  meetingsPerBranch: number;
  talksPerBranch: number;
  /** `YYYY-MM-DD`; the year checked is its year. */
  today: string;
  seed?: number;
}

export const DASHBOARD_SIZE: Omit<RulesDatasetOptions, 'today'> = {
  branches: 100,
  membersPerBranch: 100,
  meetingsPerBranch: 500,
  talksPerBranch: 200,
};

export interface RulesDataset {
  branches: Branch[];
  members: Member[];
  meetings: Meeting[];
  talks: Talk[];
}

/** Meeting types by weight: roughly how often a busy 机关 branch records each. */
const MEETING_MIX: readonly [string, number][] = [
  ['支部委员会', 24],
  ['党小组会', 30],
  ['主题党日', 14],
  ['党课', 10],
  ['支部党员大会', 10],
  ['集中学习', 10],
  ['组织生活会', 1],
  ['民主评议党员', 1],
];
const MIX_TOTAL = MEETING_MIX.reduce((sum, [, weight]) => sum + weight, 0);

function pickType(random: Random): string {
  let roll = random.int(1, MIX_TOTAL);
  for (const [type, weight] of MEETING_MIX) {
    roll -= weight;
    if (roll <= 0) {
      return type;
    }
  }
  return MEETING_MIX[0][0];
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A calendar day of `year` not after `last` (`YYYY-MM-DD`), uniformly by month then day. */
function dayOfYear(random: Random, year: number, last: string): string {
  for (;;) {
    const date = `${year}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}`;
    if (date <= last) {
      return date;
    }
  }
}

/** The demo generator's meetings and talks, once it makes them (the field is optional until then). */
type DemoWithRecords = DemoDataset & { meetings?: Meeting[]; talks?: Talk[] };

function syntheticMeeting(random: Random, branch: Branch, members: Member[], year: number, lastDay: string): Meeting {
  const type = pickType(random);
  const date = dayOfYear(random, year, lastDay);
  const stamp = `${date}T18:00:00+08:00`;
  const group = type === '党小组会' ? random.pick(branch.partyGroups) : undefined;
  const committeeIds = new Set(branch.committee.members.map((c) => c.memberId));
  const expected =
    type === '支部委员会'
      ? members.filter((m) => committeeIds.has(m.id))
      : group
        ? members.filter((m) => m.partyGroupId === group.id)
        : members;
  const attendance: Attendance[] = expected.map((m) => {
    const roll = random.next();
    return { memberId: m.id, state: roll < 0.86 ? '出席' : roll < 0.96 ? '请假' : '缺席' };
  });
  const present = attendance.filter((a) => a.state === '出席').length;
  const votes = (type === '支部党员大会' && random.chance(0.5)) || (type === '支部委员会' && random.chance(0.4));
  return {
    id: random.uuid(),
    branchId: branch.id,
    createdAt: stamp,
    updatedAt: stamp,
    type,
    alsoCountsAs: type === '主题党日' && random.chance(0.2) ? ['党课'] : [],
    title: `${date.slice(5)} ${type}`,
    startAt: `${date}T${pad(random.int(8, 17))}:30:00+08:00`,
    partyGroupId: group?.id,
    hostId: branch.committee.members[0]?.memberId,
    attendance,
    topics: ['学习贯彻上级精神'],
    speeches: [],
    resolutions: votes ? [{ text: '审议通过相关事项', votesFor: Math.max(0, present - random.int(0, 2)), votesAgainst: 0, abstentions: 0 }] : [],
  };
}

function syntheticTalk(random: Random, branch: Branch, members: Member[], year: number, lastDay: string): Talk {
  const date = dayOfYear(random, year, lastDay);
  const committee = branch.committee.members.map((c) => c.memberId);
  const talkerId = random.chance(0.6) && committee.length > 0 ? random.pick(committee) : random.pick(members).id;
  const group = random.chance(0.15);
  const interviewees = new Set<string>();
  const wanted = group ? random.int(3, 8) : 1;
  while (interviewees.size < wanted) {
    const id = random.pick(members).id;
    if (id !== talkerId) {
      interviewees.add(id);
    }
  }
  const stamp = `${date}T10:00:00+08:00`;
  return {
    id: random.uuid(),
    branchId: branch.id,
    createdAt: stamp,
    updatedAt: stamp,
    date,
    talkerId,
    intervieweeIds: [...interviewees],
    kind: random.pick(TALK_KINDS),
    form: group ? '集中' : '个别',
    content: '交流思想、工作情况',
  };
}

function byKeyThenId<T extends { id: string }>(key: (record: T) => string): (a: T, b: T) => number {
  return (a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka !== kb) {
      return ka < kb ? -1 : 1;
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };
}

export function generateRulesDataset(options: RulesDatasetOptions): RulesDataset {
  const year = Number(options.today.slice(0, 4));
  // Planned meetings a few weeks ahead are part of a real ledger too.
  const lastMeetingDay = `${year}-12-28`;
  const seed = options.seed ?? 20250305;
  const dataset: RulesDataset = { branches: [], members: [], meetings: [], talks: [] };
  for (let index = 0; index < options.branches; index += 1) {
    const demo: DemoWithRecords = generateDemoBranch({
      today: options.today,
      memberCount: options.membersPerBranch,
      seed: seed + index,
      branchNumber: index + 1,
    });
    const random = createRandom(seed * 31 + index);
    const branch = { ...demo.branch, name: `${demo.branch.name}（${index + 1}）` };
    const meetings = (demo.meetings ?? []).filter((m) => m.startAt.startsWith(String(year))).slice(0, options.meetingsPerBranch);
    while (meetings.length < options.meetingsPerBranch) {
      meetings.push(syntheticMeeting(random, branch, demo.members, year, lastMeetingDay));
    }
    const talks = (demo.talks ?? []).filter((t) => t.date.startsWith(String(year))).slice(0, options.talksPerBranch);
    while (talks.length < options.talksPerBranch) {
      talks.push(syntheticTalk(random, branch, demo.members, year, options.today));
    }
    dataset.branches.push(branch);
    dataset.members.push(...[...demo.members].sort(byKeyThenId(() => '')));
    dataset.meetings.push(...meetings.sort(byKeyThenId((m) => m.startAt)));
    dataset.talks.push(...talks.sort(byKeyThenId((t) => t.date)));
  }
  return dataset;
}
