import type { Branch } from '../model/branch';
import { TALK_RELATIONS, type Talk, type TalkRelation } from '../model/talk';

/**
 * 关系 of 第十九条 (支委—支委 / 支委—党员 / 党员—党员), derived from the committee as it stands: a member is a 支委
 * while listed in branch.committee.members. Never stored, so a re-elected committee relabels old records too.
 */

type CommitteeOf = Pick<Branch, 'committee'>;

export function isCommitteeMember(memberId: string, branch: CommitteeOf): boolean {
  return branch.committee.members.some((c) => c.memberId === memberId);
}

/** The 支委 role (书记, 组织委员 …) of a member, if any. */
export function committeeRoleOf(memberId: string, branch: CommitteeOf): string | undefined {
  return branch.committee.members.find((c) => c.memberId === memberId)?.role;
}

/** Either direction gives the same relation: a 党员 talking with a 支委 is 支委—党员 as well. */
export function relationOf(talkerId: string, intervieweeId: string, branch: CommitteeOf): TalkRelation {
  const committee = [talkerId, intervieweeId].filter((id) => isCommitteeMember(id, branch)).length;
  return committee === 2 ? '支委—支委' : committee === 1 ? '支委—党员' : '党员—党员';
}

/** The relations of a talk (a 集中 talk may hold several), in the order of 第十九条; a pair with oneself has none. */
export function relationsOfTalk(talk: Pick<Talk, 'talkerId' | 'intervieweeIds'>, branch: CommitteeOf): TalkRelation[] {
  const found = new Set(
    talk.intervieweeIds.filter((id) => id !== talk.talkerId).map((id) => relationOf(talk.talkerId, id, branch)),
  );
  return TALK_RELATIONS.filter((r) => found.has(r));
}

/** `支委—党员`, or `支委—支委、支委—党员` for a 集中 talk with both; empty when no pair is complete. */
export function relationLabel(talk: Pick<Talk, 'talkerId' | 'intervieweeIds'>, branch: CommitteeOf): string {
  return relationsOfTalk(talk, branch).join('、');
}
