import { secretaryOf, type Branch } from '../model/branch';
import type { TalkForm, TalkKind } from '../model/talk';
import type { MustTalkItem } from '../rules/mustTalk';
import type { RuleSettings } from '../rules/settings';
import type { MissingTalk } from '../rules/talks';

/** What a 记录谈话 button puts into a new talk's form. */
export interface TalkPrefill {
  talkerId?: string;
  intervieweeIds: string[];
  kind?: TalkKind;
  form?: TalkForm;
}

type CommitteeOf = Pick<Branch, 'committee'>;

/** Who talks with `memberId` on the branch's behalf: the 书记, or for the 书记 himself the next 支委. */
export function defaultTalkerFor(memberId: string | undefined, branch: CommitteeOf): string | undefined {
  const secretary = secretaryOf(branch);
  if (secretary && secretary !== memberId) {
    return secretary;
  }
  return branch.committee.members.find((c) => c.memberId !== memberId)?.memberId;
}

/** A matrix cell (row = 支委, column = member) or a missing pair: the 支委 or first one talks. */
export function prefillForPair(talkerId: string, intervieweeId: string): TalkPrefill {
  return { talkerId, intervieweeIds: [intervieweeId], form: '个别' };
}

/**
 * A gap of the coverage: a pair talks; a 党员 who has talked with no 支委 talks with the 书记; a 党员 who has
 * talked with no other 党员 is the 谈话人 and picks whom to talk with.
 */
export function prefillForMissing(gap: MissingTalk, branch: CommitteeOf): TalkPrefill {
  if (gap.otherId) {
    return prefillForPair(gap.memberId, gap.otherId);
  }
  if (gap.requirement === 'memberMember') {
    return { talkerId: gap.memberId, intervieweeIds: [], form: '个别' };
  }
  return { talkerId: defaultTalkerFor(gap.memberId, branch), intervieweeIds: [gap.memberId], form: '个别' };
}

/** 必谈: the 书记 talks with the member, of the kind the trigger calls for. */
export function prefillForMustTalk(item: Pick<MustTalkItem, 'memberId' | 'kind'>, branch: CommitteeOf): TalkPrefill {
  return { talkerId: defaultTalkerFor(item.memberId, branch), intervieweeIds: [item.memberId], kind: item.kind, form: '个别' };
}

/** One line of the 未谈 list, e.g. `王伟与李芳`, `张三尚未与任何支委谈话`. */
export function describeMissing(
  gap: MissingTalk,
  nameOf: (id: string) => string,
  settings: Pick<RuleSettings, 'talkCommitteeMember' | 'talkMinPerPair'>,
): string {
  const times = settings.talkMinPerPair > 1 ? `（本年已谈${gap.count}次，应不少于${settings.talkMinPerPair}次）` : '';
  if (gap.otherId) {
    return `${nameOf(gap.memberId)}与${nameOf(gap.otherId)}${times}`;
  }
  if (gap.requirement === 'memberMember') {
    return `${nameOf(gap.memberId)}尚未与其他党员谈话${times}`;
  }
  const whom = settings.talkCommitteeMember === 'secretary' ? '书记（支部尚未登记书记）' : '任何支委';
  return `${nameOf(gap.memberId)}尚未与${whom}谈话${times}`;
}
