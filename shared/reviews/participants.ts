import type { Meeting } from '../model/meeting';
import type { Member } from '../model/member';
import { NOT_GRADED, type ReviewResult } from '../model/review';
import { countsAs, isFullMemberOn, isOnRoster, meetingDate } from '../rules/roster';

/**
 * Who takes part in a year's 民主评议党员 and what the results must satisfy (DOMAIN §1.5, §3.8):
 * - everyone on the roster on the day of the review takes part; 正式党员 are graded, 预备党员 get 不评定等次;
 *   without a meeting yet, the roster on 31 December (or today, during the year) is used;
 * - 优秀 ≤ ⌊N/3⌋ where N is the number of 正式党员 taking part (those who can be graded);
 * - a result is fed back (反馈日期) in the 年度总结谈话.
 */

export interface Participant {
  member: Member;
  /** 正式党员 on the day: gets a 等次; a 预备党员 gets 不评定等次. */
  graded: boolean;
}

/** The first meeting of the year counting as 民主评议党员 held by `today` (several sessions: the first opens it). */
export function reviewMeetingOf(meetings: readonly Meeting[], year: number, today: string): Meeting | undefined {
  const prefix = `${year}-`;
  return meetings
    .filter((m) => countsAs(m, '民主评议党员') && meetingDate(m).startsWith(prefix) && meetingDate(m) <= today)
    .reduce<Meeting | undefined>((first, m) => (!first || meetingDate(m) < meetingDate(first) ? m : first), undefined);
}

/** The day whose roster takes part: the meeting's, else 31 December, else today during the year. */
export function reviewDate(year: number, today: string, meeting?: Meeting): string {
  if (meeting) {
    return meetingDate(meeting);
  }
  const end = `${year}-12-31`;
  return today < end ? today : end;
}

/** Everyone taking part on `date`, and whether each is graded. */
export function reviewParticipants(members: readonly Member[], date: string): Participant[] {
  return members.filter((m) => isOnRoster(m, date)).map((member) => ({ member, graded: isFullMemberOn(member, date) }));
}

/** 优秀 may go to at most ⌊N/3⌋ of the N graded members (N = 3 → 1, N = 4 → 1, N = 6 → 2). */
export function excellentQuota(gradedCount: number): number {
  return Math.floor(gradedCount / 3);
}

/** The year's results of a branch by member (a second result for the same member and year is ignored). */
export function resultsByMember(results: readonly ReviewResult[], year: number): Map<string, ReviewResult> {
  const byMember = new Map<string, ReviewResult>();
  for (const result of results) {
    if (result.year === year && !byMember.has(result.memberId)) {
      byMember.set(result.memberId, result);
    }
  }
  return byMember;
}

/** Graded participants without a 等次 yet. */
export function participantsWithoutResult(participants: readonly Participant[], byMember: ReadonlyMap<string, ReviewResult>): Participant[] {
  return participants.filter((p) => {
    const grade = byMember.get(p.member.id)?.grade;
    return p.graded && (grade === undefined || grade === NOT_GRADED);
  });
}

/** Results with a 等次 (or 不评定等次) decided and no 反馈日期 yet: the 年度总结谈话 is still to be held. */
export function resultsNeedingFeedback(results: readonly ReviewResult[], year: number): ReviewResult[] {
  return [...resultsByMember(results, year).values()].filter((r) => r.grade !== undefined && !r.feedbackOn);
}
