import type { TalkCoverage, TalkRequirementCoverage } from '@shared/rules';

/**
 * How one 谈心谈话 requirement is shown on the 工作台: `已完成 6/10（60%）` with its bar, or, when nobody has to
 * talk (no committee, a single 支委, fewer than two 党员), why it does not apply — never "0/0（100%）".
 */
export type CoverageView = { applies: true; text: string; percent: number } | { applies: false; text: string };

export function coverageView(requirement: TalkRequirementCoverage, coverage: Pick<TalkCoverage, 'committeeIds' | 'memberIds'>): CoverageView {
  if (requirement.required > 0) {
    return { applies: true, text: `已完成 ${requirement.met}/${requirement.required}（${requirement.percent}%）`, percent: requirement.percent };
  }
  const committee = coverage.committeeIds.length;
  const others = coverage.memberIds.length - committee;
  switch (requirement.requirement) {
    case 'committeePairs':
      return { applies: false, text: committee === 0 ? '未设支部委员会，不适用' : '支委不足2人，不适用' };
    case 'committeeMember':
      return { applies: false, text: committee === 0 ? '未设支部委员会，不适用' : others === 0 ? '没有支委以外的党员，不适用' : '不适用' };
    case 'memberMember':
      return { applies: false, text: others < 2 ? '支委以外的党员不足2人，不适用' : '不适用' };
  }
}
