import type { Branch } from '../model/branch';
import type { Meeting } from '../model/meeting';
import type { Member } from '../model/member';
import { needsDisposal, type ReviewResult } from '../model/review';
import {
  excellentQuota,
  participantsWithoutResult,
  resultsByMember,
  reviewDate,
  reviewMeetingOf,
  reviewParticipants,
} from '../reviews/participants';
import { SOURCES } from './sources';
import type { Finding, RuleInput } from './types';
import { isOnRoster, meetingDate, nameLookup, own } from './roster';

/**
 * The rules of 民主评议党员结果 (DOMAIN §1.5, §3.8, §8.2). The results of year Y are checked against the first
 * 民主评议党员 meeting held in Y (the one mustTalk opens the 年度总结谈话 with).
 */
export interface ReviewRuleInput {
  branch: Pick<Branch, 'id'>;
  members: readonly Member[];
  meetings: readonly Meeting[];
  results: readonly ReviewResult[];
  today: string;
  year: number;
}

/** review.missing: once the year's 民主评议党员 meeting is held, every 正式党员 taking part has a 等次. */
export function reviewMissing(input: ReviewRuleInput): Finding[] {
  const meeting = reviewMeetingOf(own(input.meetings, input.branch.id), input.year, input.today);
  if (!meeting) {
    // No meeting yet: meeting.democraticReview.yearly says so; there is nothing to have results of.
    return [];
  }
  const members = own(input.members, input.branch.id);
  const byMember = resultsByMember(own(input.results, input.branch.id), input.year);
  return participantsWithoutResult(reviewParticipants(members, meetingDate(meeting)), byMember).map((p) => ({
    rule: 'review.missing',
    severity: 'warning',
    period: String(input.year),
    message: `党员${p.member.name}参加了${input.year}年度民主评议党员，尚未录入支部评定等次`,
    source: SOURCES.democraticReview,
    subject: { table: 'reviews', year: input.year, memberId: p.member.id },
  }));
}

/** review.excellentQuota: 优秀 ≤ ⌊N/3⌋ of the N 正式党员 taking part (of those graded, before the meeting). */
export function reviewExcellentQuota(input: ReviewRuleInput): Finding[] {
  const meeting = reviewMeetingOf(own(input.meetings, input.branch.id), input.year, input.today);
  const participants = reviewParticipants(own(input.members, input.branch.id), reviewDate(input.year, input.today, meeting));
  const byMember = resultsByMember(own(input.results, input.branch.id), input.year);
  const graded = participants.filter((p) => p.graded).length;
  const excellent = [...byMember.values()].filter((r) => r.grade === '优秀').length;
  const quota = excellentQuota(graded);
  if (excellent <= quota) {
    return [];
  }
  return [
    {
      rule: 'review.excellentQuota',
      severity: 'error',
      period: String(input.year),
      message: `${input.year}年度评定为优秀的党员${excellent}名，超过参评正式党员${graded}名的三分之一（最多${quota}名）`,
      source: SOURCES.reviewQuota,
      subject: { table: 'reviews', year: input.year },
    },
  ];
}

/** review.disposal: a result of 基本合格 or 不合格 carries its 处置措施. */
export function reviewDisposal(input: ReviewRuleInput): Finding[] {
  const nameOf = nameLookup(own(input.members, input.branch.id));
  return [...resultsByMember(own(input.results, input.branch.id), input.year).values()]
    .filter((r) => needsDisposal(r.grade) && !r.disposal)
    .map((r) => ({
      rule: 'review.disposal',
      severity: 'warning',
      period: String(input.year),
      message: `党员${nameOf(r.memberId)}${input.year}年度评定为${r.grade}，尚未填写处置措施`,
      source: SOURCES.reviewDisposal,
      subject: { table: 'reviews', year: input.year, memberId: r.memberId },
    }));
}

/** The review rules' part of RuleInput; undefined without the results (nothing to check). */
export function reviewInputOf(input: RuleInput): ReviewRuleInput | undefined {
  const { branch, members, meetings, reviews, today, year } = input;
  return reviews ? { branch, members, meetings, results: reviews, today, year } : undefined;
}

/** Every rule of the kind, in the order reported. */
export function reviewFindings(input: ReviewRuleInput): Finding[] {
  return [...reviewMissing(input), ...reviewExcellentQuota(input), ...reviewDisposal(input)];
}

/**
 * The 年度总结谈话 必谈 items opened by the year's 民主评议党员 (六必谈: 反馈民主评议结果), the one source of
 * mustTalkItems' democraticReview items: one per member on the roster at the meeting, with the result's 反馈日期
 * when it was fed back (mustTalkItems counts the item done then, or when a 年度总结谈话 follows the meeting).
 */
export interface ReviewFeedbackItem {
  memberId: string;
  /** The meeting's day: the trigger date of the item. */
  date: string;
  meetingId: string;
  /** The result's 反馈日期, when fed back. */
  fedBackOn?: string;
}

export function reviewFeedbackItems(input: ReviewRuleInput): ReviewFeedbackItem[] {
  const meeting = reviewMeetingOf(own(input.meetings, input.branch.id), input.year, input.today);
  if (!meeting) {
    return [];
  }
  const date = meetingDate(meeting);
  const results = own(input.results, input.branch.id);
  const byMember = resultsByMember(results, input.year);
  // A result decided at this very meeting counts whatever its 评议年度 (a January meeting reviews the year before).
  for (const result of results) {
    if (result.meetingId === meeting.id) {
      byMember.set(result.memberId, result);
    }
  }
  // As mustTalk: someone admitted or transferred in at the meeting itself was not reviewed at it.
  return own(input.members, input.branch.id)
    .filter((m) => isOnRoster(m, date, true))
    .map((m) => ({ memberId: m.id, date, meetingId: meeting.id, fedBackOn: byMember.get(m.id)?.feedbackOn }));
}
