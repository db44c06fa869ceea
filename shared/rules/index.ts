/**
 * The binding rules of a branch's organisational life as pure functions: records + today → findings.
 * Runs in Node, the browser and a worker alike.
 */
import { analysisDue } from './analyses';
import { branchSetup } from './branchSetup';
import { duesInputOf, duesLateBackPay, duesMismatch, duesUnpaid } from './dues';
import { rosterIncomplete } from './incomplete';
import {
  committeeMonthly,
  democraticReviewYearly,
  meetingFrequencyFindings,
  meetingMatrix,
  orgLifeYearly,
  partyCongressQuarterly,
  partyGroupMonthly,
  partyLecture,
  themeDayMonthly,
} from './meetings';
import { mustTalk } from './mustTalk';
import { probationDue } from './probation';
import { meetingQuorum } from './quorum';
import { rectificationClosedWithoutEvidence, rectificationOverdue } from './rectifications';
import { reviewDisposal, reviewExcellentQuota, reviewInputOf, reviewMissing } from './reviews';
import { talkCoverageFindings } from './talks';
import { termExpiry } from './term';
import { trainingHours, trainingInputOf, trainingWeeklyStudy } from './training';
import { RULE_IDS, type Finding, type Rule, type RuleId, type RuleInput } from './types';

export * from './types';
export * from './settings';
export * from './periods';
export * from './ledgerStart';
export * from './sources';
export * from './roster';
export * from './meetings';
export * from './quorum';
export * from './talks';
export * from './mustTalk';
export * from './term';
export * from './probation';
export * from './branchSetup';
export * from './incomplete';
export * from './rectifications';
export * from './analyses';
export * from './reviews';
export * from './dues';
export * from './training';

/** A rule of a ledger kind that takes its own part of RuleInput: nothing to check without the kind's records. */
function ofKind<I>(part: (input: RuleInput) => I | undefined, rule: (input: I) => Finding[]): Rule {
  return (input) => {
    const own = part(input);
    return own ? rule(own) : [];
  };
}

/** Every rule by its id, in the order runAllRules reports them. */
export const RULES: Readonly<Record<RuleId, Rule>> = {
  'branch.setup': branchSetup,
  'roster.incomplete': rosterIncomplete,
  'term.expiry': termExpiry,
  'probation.due': probationDue,
  'meeting.partyCongress.quarterly': partyCongressQuarterly,
  'meeting.committee.monthly': committeeMonthly,
  'meeting.partyGroup.monthly': partyGroupMonthly,
  'meeting.partyLecture': partyLecture,
  'meeting.themeDay.monthly': themeDayMonthly,
  'meeting.orgLife.yearly': orgLifeYearly,
  'meeting.democraticReview.yearly': democraticReviewYearly,
  'meeting.quorum': meetingQuorum,
  'talk.coverage': talkCoverageFindings,
  'talk.mustTalk': mustTalk,
  'rectification.overdue': rectificationOverdue,
  'rectification.closedWithoutEvidence': rectificationClosedWithoutEvidence,
  'analysis.due': analysisDue,
  'review.missing': ofKind(reviewInputOf, reviewMissing),
  'review.excellentQuota': ofKind(reviewInputOf, reviewExcellentQuota),
  'review.disposal': ofKind(reviewInputOf, reviewDisposal),
  'dues.mismatch': ofKind(duesInputOf, duesMismatch),
  'dues.unpaid': ofKind(duesInputOf, duesUnpaid),
  'dues.lateBackPay': ofKind(duesInputOf, duesLateBackPay),
  'training.hours': ofKind(trainingInputOf, trainingHours),
  'training.weeklyStudy': ofKind(trainingInputOf, trainingWeeklyStudy),
};

const MEETING_FREQUENCY_RULES = new Set<RuleId>([
  'meeting.partyCongress.quarterly',
  'meeting.committee.monthly',
  'meeting.partyGroup.monthly',
  'meeting.partyLecture',
  'meeting.themeDay.monthly',
  'meeting.orgLife.yearly',
  'meeting.democraticReview.yearly',
]);

/**
 * All findings, in a stable order: by rule (RULE_IDS order), then by period, then as each rule lists them
 * (chronologically, members in input order).
 */
export function runAllRules(input: RuleInput): Finding[] {
  const matrix = meetingMatrix(input);
  const findings: Finding[] = [];
  for (const id of RULE_IDS) {
    const found = MEETING_FREQUENCY_RULES.has(id) ? meetingFrequencyFindings(input, matrix, id) : RULES[id](input);
    // Array.prototype.sort is stable: ties keep the rule's own order.
    findings.push(...found.sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0)));
  }
  return findings;
}
