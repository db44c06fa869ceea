import dayjs from 'dayjs';
import type { Talk, TalkKind } from '../model';
import { sortByPinyin } from '../text/pinyin';
import { addDaysTo, presentOn } from './calendar';
import type { DemoRecordsContext } from './meetings';

/**
 * The demo branch's 谈心谈话 of this year, spread from 2 January to yesterday, partly covering 第十九条:
 * - 支委之间: the 书记 with each other 支委, and two more pairs (6 of the 10 pairs of five 支委);
 * - 支委和党员之间: the 书记 with most 党员, the 副书记 with two of those the 书记 has not reached yet;
 * - 党员和党员之间: five pairs of 党员.
 * The first 党员 in pinyin order (the first 党员 column of the 覆盖情况 table) has not been talked with at all yet.
 * No 教育谈话 or 年度总结谈话: the 必谈事项 (new 预备党员, 转正) stay open for the user to record.
 */

interface PlannedTalk {
  talkerId: string;
  intervieweeId: string;
  kind: TalkKind;
  location: string;
}

const CONTENT: Record<string, { content: string; issuesRaised: string; followUp: string }> = {
  交流谈话: {
    content: '交流近期思想、工作和学习情况，听取对支部工作的意见建议。',
    issuesRaised: '思想稳定，工作积极，希望支部多组织业务交流。',
    followUp: '意见建议提交支委会研究。',
  },
  关怀谈话: {
    content: '了解家庭和身体状况，询问工作中遇到的困难。',
    issuesRaised: '家中老人需要照顾，工作任务较重。',
    followUp: '与所在科室沟通，合理安排工作。',
  },
  勉励谈话: {
    content: '肯定近期工作成绩，鼓励在重点任务中发挥党员先锋模范作用。',
    issuesRaised: '工作热情高，希望多参加培训。',
    followUp: '推荐参加上级组织的业务培训。',
  },
  提醒谈话: {
    content: '就近期参加组织生活不够经常的情况进行提醒。',
    issuesRaised: '因业务繁忙缺席了两次学习，表示今后注意。',
    followUp: '下次党小组会前再次提醒。',
  },
};

export function generateDemoTalks(context: DemoRecordsContext): Talk[] {
  const { branch, members, today, now, random } = context;
  const year = Number(today.slice(0, 4));
  const first = `${year}-01-02`;
  const span = dayjs(today).diff(dayjs(first), 'day');
  if (span <= 0) {
    return [];
  }
  const byId = new Map(members.map((m) => [m.id, m]));
  const roleOf = (role: string) => branch.committee.members.find((c) => c.role === role)?.memberId;
  const committee = branch.committee.members.map((c) => c.memberId).filter((id) => byId.has(id));
  const secretary = roleOf('书记') ?? committee[0];
  const deputy = roleOf('副书记') ?? committee.find((id) => id !== secretary);
  if (!secretary) {
    return [];
  }
  const committeeSet = new Set(committee);
  const partyMembers = sortByPinyin(
    members.filter((m) => !committeeSet.has(m.id) && m.joinedOn !== undefined && m.joinedOn <= today && !m.departure),
    (m) => m.name,
  ).map((m) => m.id);
  // partyMembers[0] is left out of everything; three more wait for the 书记.
  const reachable = partyMembers.slice(1);
  const later = new Set<string>();
  while (later.size < Math.min(3, reachable.length)) {
    later.add(random.pick(reachable));
  }

  const plan: PlannedTalk[] = [];
  const others = committee.filter((id) => id !== secretary);
  for (const id of others) {
    plan.push({ talkerId: secretary, intervieweeId: id, kind: '交流谈话', location: '书记办公室' });
  }
  if (others.length >= 4) {
    plan.push({ talkerId: others[0], intervieweeId: others[1], kind: '交流谈话', location: '二楼小会议室' });
    plan.push({ talkerId: others[2], intervieweeId: others[3], kind: '交流谈话', location: '二楼小会议室' });
  }
  for (const id of reachable) {
    if (!later.has(id)) {
      plan.push({ talkerId: secretary, intervieweeId: id, kind: random.pick<TalkKind>(['交流谈话', '交流谈话', '关怀谈话', '勉励谈话']), location: '书记办公室' });
    }
  }
  if (deputy) {
    for (const id of [...later].slice(0, 2)) {
      plan.push({ talkerId: deputy, intervieweeId: id, kind: '提醒谈话', location: '二楼小会议室' });
    }
  }
  const shuffled = [...reachable];
  for (let i = shuffled.length - 1; i > 0; i -= 1) {
    const j = random.int(0, i);
    [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
  }
  for (let i = 0; i + 1 < shuffled.length && i < 10; i += 2) {
    plan.push({ talkerId: shuffled[i], intervieweeId: shuffled[i + 1], kind: '交流谈话', location: '党员活动室' });
  }

  // Spread over the year so far in a mixed order; someone admitted later talks after joining.
  const order = plan.map((talk) => ({ talk, key: random.next() }));
  order.sort((a, b) => a.key - b.key);
  const talks: Talk[] = [];
  order.forEach(({ talk }, index) => {
    let date = addDaysTo(first, Math.floor((index * span) / order.length));
    const joined = [talk.talkerId, talk.intervieweeId].map((id) => byId.get(id)!.joinedOn).sort().pop()!;
    if (joined >= date) {
      date = addDaysTo(joined, 7);
    }
    if (date >= today || ![talk.talkerId, talk.intervieweeId].every((id) => presentOn(byId.get(id)!, date))) {
      return;
    }
    const text = CONTENT[talk.kind];
    talks.push({
      id: random.uuid(),
      branchId: branch.id,
      createdAt: now,
      updatedAt: now,
      date,
      location: talk.location,
      talkerId: talk.talkerId,
      intervieweeIds: [talk.intervieweeId],
      kind: talk.kind,
      form: '个别',
      content: text.content,
      issuesRaised: text.issuesRaised,
      followUp: text.followUp,
    });
  });
  return talks.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
