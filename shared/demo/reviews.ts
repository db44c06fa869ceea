import type { Branch } from '../model/branch';
import type { Meeting } from '../model/meeting';
import type { Member } from '../model/member';
import { NOT_GRADED, type ReviewGrade, type ReviewResult, type ReviewVotes } from '../model/review';
import { excellentQuota, reviewMeetingOf, reviewParticipants } from '../reviews/participants';
import { meetingDate } from '../rules/roster';
import { addDaysTo } from './calendar';
import { createRandom } from './random';

/**
 * Demo 民主评议党员结果 for last year's 民主评议党员 meeting of the demo branch (see meetings.ts): every member on
 * the roster that day, 预备党员 不评定等次; 优秀 two short of ⌊N/3⌋ and never a 支委 majority, one 基本合格 with
 * its 处置措施; the 测评票 add up to those present. All fed back by the 书记 within two weeks except two members,
 * whose 年度总结谈话 is still open. Nothing when the branch has no such meeting.
 */
export interface DemoReviewOptions {
  today: string;
  seed?: number;
}

const SELF = [
  '能够认真学习党的理论，按时参加组织生活，工作中还存在创新不够的问题。',
  '坚持学习不放松，完成了年度工作任务，但深入基层调研较少。',
  '政治立场坚定，工作认真负责，理论学习的系统性有待加强。',
  '积极参加支部活动，服务意识较强，业务能力还需提高。',
];
const PEER = [
  '工作踏实，团结同志，希望在理论学习上更加深入。',
  '作风扎实，敢于担当，建议多与同事交流。',
  '为人谦和，乐于助人，工作标准有待提高。',
];
const BASIS = {
  优秀: '全年出满勤，带头完成重点任务，群众评价好。',
  合格: '能够履行党员义务，按时参加组织生活和交纳党费。',
  基本合格: '全年缺席组织生活三次，学习笔记不全。',
} as const;
const BASIC_DISPOSAL = '由党小组长谈话提醒，指出差距，限期三个月改进，党小组跟踪帮助。';

/** Votes among `voters` that put the member at `grade` with a clear majority. */
function votesFor(grade: ReviewGrade, voters: number, spread: number): ReviewVotes {
  if (grade === '优秀') {
    const excellent = Math.max(0, voters - spread);
    return { excellent, qualified: voters - excellent, basic: 0, unqualified: 0 };
  }
  if (grade === '基本合格') {
    const basic = Math.min(voters, Math.ceil(voters / 2) + 1);
    return { excellent: 0, qualified: voters - basic, basic, unqualified: 0 };
  }
  const excellent = Math.min(spread, voters);
  return { excellent, qualified: voters - excellent, basic: 0, unqualified: 0 };
}

export function generateDemoReviews(
  records: { branch: Branch; members: readonly Member[]; meetings: readonly Meeting[] },
  options: DemoReviewOptions,
): ReviewResult[] {
  const random = createRandom((options.seed ?? 20250305) ^ 0x4e71e3);
  const year = Number(options.today.slice(0, 4)) - 1;
  const meeting = reviewMeetingOf(records.meetings, year, options.today);
  if (!meeting) {
    return [];
  }
  const date = meetingDate(meeting);
  const now = `${options.today}T09:00:00+08:00`;
  const participants = reviewParticipants(records.members, date);
  const voters = meeting.attendance.filter((a) => a.state === '出席').length;
  const committee = new Set(records.branch.committee.members.map((c) => c.memberId));
  const secretary = records.branch.committee.members.find((c) => c.role === '书记')?.memberId;
  const graded = participants.filter((p) => p.graded);
  const excellentCount = Math.max(0, excellentQuota(graded.length) - 2);
  // 优秀: one 支委 and the rest ordinary members; 基本合格: the last ordinary member.
  const ordinary = graded.filter((p) => !committee.has(p.member.id));
  const excellent = new Set([
    ...graded.filter((p) => committee.has(p.member.id)).slice(0, 1),
    ...ordinary.slice(0, Math.max(0, excellentCount - 1)),
  ].slice(0, excellentCount).map((p) => p.member.id));
  const basic = ordinary.length > excellentCount ? ordinary[ordinary.length - 1].member.id : undefined;
  const notFedBack = new Set(ordinary.slice(-3, -1).map((p) => p.member.id));

  return participants.map((p, index): ReviewResult => {
    const grade = !p.graded ? undefined : excellent.has(p.member.id) ? '优秀' : p.member.id === basic ? '基本合格' : '合格';
    const feedbackOn = addDaysTo(date, random.int(3, 14));
    const fedBack = !notFedBack.has(p.member.id) && feedbackOn < options.today;
    return {
      id: random.uuid(),
      branchId: records.branch.id,
      createdAt: now,
      updatedAt: now,
      year,
      memberId: p.member.id,
      selfAssessment: SELF[index % SELF.length],
      peerOpinion: PEER[random.int(0, PEER.length - 1)],
      votes: grade ? votesFor(grade, voters, random.int(0, 3)) : {},
      grade: grade ?? NOT_GRADED,
      basis: grade ? BASIS[grade] : '预备党员参加评议，不评定等次。',
      feedbackOn: fedBack ? feedbackOn : undefined,
      feedbackById: fedBack ? secretary : undefined,
      disposal: grade === '基本合格' ? BASIC_DISPOSAL : undefined,
      meetingId: meeting.id,
    };
  });
}
