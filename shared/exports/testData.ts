import { generateDemoBranch } from '../demo';
import { runAllRules, type Finding } from '../rules';
import { ruleInputFor } from '../rules/input';
import { yearPeriod } from './period';
import { ledgerDataset, type ExportOptions, type LedgerDataset } from './types';
import { demoLedgers } from '../kinds';

/** The demo branch as an export dataset: the same records for every export test. */
export const TEST_TODAY = '2025-06-15';

export function demoDataset(memberCount = 25): LedgerDataset {
  const demo = generateDemoBranch({ today: TEST_TODAY, memberCount });
  return ledgerDataset({ branch: demo.branch, ...demoLedgers(demo, { today: TEST_TODAY }) });
}

export const TEST_OPTIONS: ExportOptions = { period: yearPeriod(2025), generatedOn: TEST_TODAY };

/** Every finding of the rules over a dataset in 2025, judged on TEST_TODAY: what 00_自检报告 is built from. */
export function findingsOf(data: LedgerDataset): Finding[] {
  return runAllRules(ruleInputFor(data, { year: 2025, today: TEST_TODAY }));
}
