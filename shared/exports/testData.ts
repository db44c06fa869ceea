import { generateDemoBranch } from '../demo';
import { yearPeriod } from './period';
import { ledgerDataset, type ExportOptions, type LedgerDataset } from './types';

/** The demo branch as an export dataset: the same records for every export test. */
export const TEST_TODAY = '2025-06-15';

export function demoDataset(memberCount = 25): LedgerDataset {
  const demo = generateDemoBranch({ today: TEST_TODAY, memberCount });
  return ledgerDataset(demo);
}

export const TEST_OPTIONS: ExportOptions = { period: yearPeriod(2025), generatedOn: TEST_TODAY };
