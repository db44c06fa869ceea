import type { ImportedReview } from '../ledgers/definitions/reviews';
import type { ReviewResult, ReviewResultFieldsInput } from '../model/review';
import { compact, personProblem, type Roster } from './core';

/**
 * 民主评议党员结果 rows against the branch's results, for the keyed planner. Key: member + 评议年度 (one result per
 * member per year, model/review.ts). The member and the 反馈人 must each be one member of the branch. Fields the
 * sheet leaves empty are absent (compact), so an update keeps what is stored for them; `votes` is absent when the
 * row gave no 测评票 at all.
 */

export type ResolvedReview = { ok: true; fields: ReviewResultFieldsInput } | { ok: false; reason: string };

/** The one member of `branchId` the name means, or why not. */
export function findInBranch(roster: Roster, role: string, name: string, branchId: string): { id: string } | { reason: string } {
  const found = roster.find(name);
  if (!('member' in found)) {
    return { reason: personProblem(role, name, found) };
  }
  if (found.member.branchId !== branchId) {
    return { reason: personProblem(role, name, { problem: 'missing', count: 0 }) };
  }
  return { id: found.member.id };
}

export function resolveReview(imported: ImportedReview, roster: Roster, branchId: string): ResolvedReview {
  const member = findInBranch(roster, '党员', imported.memberName, branchId);
  const feedbackBy = imported.feedbackByName ? findInBranch(roster, '反馈人', imported.feedbackByName, branchId) : undefined;
  const problems = [member, feedbackBy].flatMap((r) => (r && 'reason' in r ? [r.reason] : []));
  if (!('id' in member) || problems.length > 0) {
    return { ok: false, reason: problems.join('；') };
  }
  const fields = compact({
    year: imported.year,
    memberId: member.id,
    selfAssessment: imported.selfAssessment,
    peerOpinion: imported.peerOpinion,
    votes: imported.votes ? compact(imported.votes) : undefined,
    grade: imported.grade,
    basis: imported.basis,
    feedbackOn: imported.feedbackOn,
    feedbackById: feedbackBy && 'id' in feedbackBy ? feedbackBy.id : undefined,
    disposal: imported.disposal,
  });
  return { ok: true, fields };
}

export function reviewKey(fields: Pick<ReviewResultFieldsInput, 'memberId' | 'year'>): string {
  return `${fields.memberId}|${fields.year}`;
}

/** `2025年度 张三：合格` (a 冲突 candidate). */
export function reviewLabel(stored: ReviewResult, roster: Roster): string {
  return `${stored.year}年度 ${roster.nameOf(stored.memberId)}：${stored.grade ?? '未评定等次'}`;
}
