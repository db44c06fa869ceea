/**
 * The work the dashboard does over many branches: each branch's records (what the db query by branchId
 * returns) → runAllRules. Runs in Node and in the page.
 */
import { DEFAULT_RULE_SETTINGS, RULES, meetingMatrix, runAllRules, type RuleInput, type RuleSettings } from '../../shared/rules';
import type { RulesDataset } from './rulesDataset';

function byBranch<T extends { branchId: string }>(records: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const record of records) {
    const group = groups.get(record.branchId);
    if (group) {
      group.push(record);
    } else {
      groups.set(record.branchId, [record]);
    }
  }
  return groups;
}

/** Each branch's RuleInput: what the dashboard's query returns for it. */
export function ruleInputs(dataset: RulesDataset, today: string, settings: RuleSettings = DEFAULT_RULE_SETTINGS): RuleInput[] {
  const year = Number(today.slice(0, 4));
  const members = byBranch(dataset.members);
  const meetings = byBranch(dataset.meetings);
  const talks = byBranch(dataset.talks);
  return dataset.branches.map((branch) => ({
    branch,
    members: members.get(branch.id) ?? [],
    meetings: meetings.get(branch.id) ?? [],
    talks: talks.get(branch.id) ?? [],
    settings,
    today,
    year,
  }));
}

/** Findings over all branches; the grouping by branch is part of the measured work. */
export function runRulesOverBranches(dataset: RulesDataset, today: string): number {
  let findings = 0;
  for (const input of ruleInputs(dataset, today)) {
    findings += runAllRules(input).length;
  }
  return findings;
}

/**
 * Where the time goes: each rule on its own over all branches (the seven meeting-frequency rules share one
 * matrix in runAllRules, so they are timed as that matrix). Milliseconds by name.
 */
export function timeEachRule(dataset: RulesDataset, today: string, now: () => number): Record<string, number> {
  const inputs = ruleInputs(dataset, today);
  const parts: Record<string, (input: RuleInput) => unknown> = {
    'meeting matrix (7 frequency rules)': meetingMatrix,
    'meeting.quorum': RULES['meeting.quorum'],
    'talk.coverage': RULES['talk.coverage'],
    'talk.mustTalk': RULES['talk.mustTalk'],
    'branch.setup, term.expiry, probation.due': (input) => [
      RULES['branch.setup'](input),
      RULES['term.expiry'](input),
      RULES['probation.due'](input),
    ],
  };
  const times: Record<string, number> = {};
  for (const [name, run] of Object.entries(parts)) {
    const start = now();
    for (const input of inputs) {
      run(input);
    }
    times[name] = now() - start;
  }
  return times;
}
