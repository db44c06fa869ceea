import type { Branch } from '../model/branch';
import type { Meeting } from '../model/meeting';
import type { Member } from '../model/member';
import type { TrainingRecord } from '../model/training';
import { countsAs, isOnRoster, meetingDate } from '../rules/roster';
import { creditMeeting } from '../training/hours';
import { DEFAULT_TRAINING_SETTINGS, hoursOf } from '../training/settings';
import { workday } from './calendar';
import { createRandom } from './random';

/**
 * Demo 学习培训学时 of the demo branch for this year up to yesterday: each 党课 credits those present with its
 * length (creditMeeting, as the user would), every member has a 网络学习 course most past months (2 or 3 学时),
 * and the 支委 went to a three-day 脱产培训 in the spring (3 × 一天 = 24 学时). Two ordinary members skip the
 * online courses after the first quarter, so training.hours has someone behind.
 */
export interface DemoTrainingOptions {
  today: string;
  seed?: number;
}

const COURSES = [
  '学习贯彻党的二十大精神网络专题班',
  '《中国共产党纪律处分条例》解读',
  '机关党建业务知识网络培训',
  '习近平新时代中国特色社会主义思想专题学习',
  '保密知识网络培训',
  '数字政府建设专题课程',
];

/** The half hours a meeting lasted (1 h 30 min → 1.5); 2 when no end is recorded. */
function lengthInHours(meeting: Meeting): number {
  if (!meeting.endAt) {
    return 2;
  }
  const minutes = (Date.parse(meeting.endAt) - Date.parse(meeting.startAt)) / 60000;
  return Math.max(0.5, Math.floor(minutes / 30) / 2);
}

export function generateDemoTraining(
  records: { branch: Branch; members: readonly Member[]; meetings: readonly Meeting[] },
  options: DemoTrainingOptions,
): TrainingRecord[] {
  const random = createRandom((options.seed ?? 20250305) ^ 0x7a1e);
  const now = `${options.today}T09:00:00+08:00`;
  const year = Number(options.today.slice(0, 4));
  const thisMonth = Number(options.today.slice(5, 7));
  const { branch, members, meetings } = records;
  const result: TrainingRecord[] = [];

  for (const meeting of meetings) {
    if (countsAs(meeting, '党课') && meetingDate(meeting).startsWith(`${year}-`)) {
      const credited = creditMeeting(meeting, lengthInHours(meeting), { now, newId: () => random.uuid(), existing: result });
      if (credited.ok) {
        result.push(...credited.records);
      }
    }
  }

  const committee = new Set(branch.committee.members.map((c) => c.memberId));
  const ordinary = members.filter((m) => !committee.has(m.id));
  const lagging = new Set(ordinary.slice(0, 2).map((m) => m.id));
  const add = (member: Member, date: string, activity: string, form: TrainingRecord['form'], hours: number) => {
    if (date < options.today && isOnRoster(member, date)) {
      result.push({ id: random.uuid(), branchId: branch.id, createdAt: now, updatedAt: now, date, memberId: member.id, activity, form, hours });
    }
  };
  for (let month = 1; month < thisMonth; month += 1) {
    for (const member of members) {
      if ((lagging.has(member.id) && month > 3) || random.chance(0.15)) {
        continue;
      }
      add(member, workday(year, month, random.int(5, 25)), COURSES[random.int(0, COURSES.length - 1)], '网络学习', random.chance(0.5) ? 2 : 3);
    }
  }
  const trainingDay = workday(year, 4, 14);
  for (const member of members.filter((m) => committee.has(m.id))) {
    add(member, trainingDay, `${year}年基层党组织书记和支委脱产培训班（3天）`, '脱产培训', hoursOf('一天', DEFAULT_TRAINING_SETTINGS, 3));
  }
  return result.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
