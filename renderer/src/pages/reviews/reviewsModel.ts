import { NOT_GRADED, REVIEW_VOTE_LABELS, type Member, type ReviewResult, type ReviewVotes } from '@shared/model';
import type { ReviewInput } from '../../db/reviewHooks';
import { excellentQuota, resultsByMember, reviewParticipants } from '@shared/reviews';
import { sortByPinyin } from '@shared/text/pinyin';

/**
 * What the 民主评议党员 page shows for a year: one row per participant (正式党员 to be graded, 预备党员 不评定等次),
 * plus any result on file for someone not on that day's roster (never hidden), and the year's figures.
 */
export interface ReviewRow {
  member: Member;
  /** 正式党员 on the review day: gets a 等次. */
  graded: boolean;
  /** On the roster of the review day. */
  participant: boolean;
  result?: ReviewResult;
  /** A 正式党员 taking part without a 等次 yet. */
  missing: boolean;
  /** A decided result (等次 or 不评定等次) not yet fed back. */
  awaitingFeedback: boolean;
}

export function reviewRows(members: readonly Member[], results: readonly ReviewResult[], year: number, date: string): ReviewRow[] {
  const byMember = resultsByMember(results, year);
  const participants = reviewParticipants(members, date);
  const taking = new Set(participants.map((p) => p.member.id));
  const row = (member: Member, graded: boolean, participant: boolean): ReviewRow => {
    const result = byMember.get(member.id);
    const grade = result?.grade;
    return {
      member,
      graded,
      participant,
      result,
      missing: participant && graded && (grade === undefined || grade === NOT_GRADED),
      awaitingFeedback: grade !== undefined && !result?.feedbackOn,
    };
  };
  const others = members.filter((m) => !taking.has(m.id) && byMember.has(m.id)).map((m) => row(m, false, false));
  return sortByPinyin([...participants.map((p) => row(p.member, p.graded, true)), ...others], (r) => r.member.name);
}

export interface ReviewFigures {
  /** Everyone taking part. */
  participants: number;
  /** 正式党员 taking part: N of ⌊N/3⌋. */
  graded: number;
  /** 预备党员 taking part (不评定等次). */
  probationary: number;
  /** Graded participants with a 等次. */
  rated: number;
  /** Graded participants without one. */
  missing: number;
  excellent: number;
  /** ⌊N/3⌋. */
  quota: number;
  /** Decided results not yet fed back. */
  notFedBack: number;
}

export function reviewFigures(rows: readonly ReviewRow[]): ReviewFigures {
  const taking = rows.filter((r) => r.participant);
  const graded = taking.filter((r) => r.graded);
  const missing = graded.filter((r) => r.missing).length;
  return {
    participants: taking.length,
    graded: graded.length,
    probationary: taking.length - graded.length,
    rated: graded.length - missing,
    missing,
    excellent: rows.filter((r) => r.result?.grade === '优秀').length,
    quota: excellentQuota(graded.length),
    notFedBack: rows.filter((r) => r.awaitingFeedback).length,
  };
}

/** The 测评票 fields in the order of REVIEW_GRADES. */
export const VOTE_KEYS = Object.keys(REVIEW_VOTE_LABELS) as (keyof ReviewVotes)[]; // keys of the label map are the vote fields

/** The form's values: antd gives `null` for a cleared number and '' for a cleared text. */
export interface ReviewFormValues {
  selfAssessment?: string;
  peerOpinion?: string;
  votes?: { [K in keyof ReviewVotes]?: number | null };
  grade?: ReviewResult['grade'];
  basis?: string;
  feedbackOn?: string;
  feedbackById?: string;
  disposal?: string;
}

export function formValuesOf(result: ReviewResult | undefined): ReviewFormValues {
  if (!result) {
    return { votes: {} };
  }
  const { selfAssessment, peerOpinion, votes, grade, basis, feedbackOn, feedbackById, disposal } = result;
  return { selfAssessment, peerOpinion, votes, grade, basis, feedbackOn, feedbackById, disposal };
}

/** The repository's input: a cleared count or choice is absent (blank stays blank), texts go as typed. */
export function reviewInputOf(values: ReviewFormValues, key: { year: number; memberId: string; meetingId?: string }): ReviewInput {
  const votes: ReviewVotes = {};
  for (const vote of VOTE_KEYS) {
    const count = values.votes?.[vote];
    if (typeof count === 'number') {
      votes[vote] = count;
    }
  }
  return {
    ...key,
    selfAssessment: values.selfAssessment,
    peerOpinion: values.peerOpinion,
    votes,
    grade: values.grade ?? undefined,
    basis: values.basis,
    feedbackOn: values.feedbackOn || undefined,
    feedbackById: values.feedbackById ?? undefined,
    disposal: values.disposal,
  };
}
