import { generateDemoBranch } from '../demo';
import { DEFAULT_ANALYSIS_SETTINGS } from '../model/analysis';
import { yearPeriod } from './period';
import type { ExportOptions, LedgerDataset } from './types';

/** The demo branch as an export dataset: the same records for every export test. */
export const TEST_TODAY = '2025-06-15';

export function demoDataset(memberCount = 25): LedgerDataset {
  const demo = generateDemoBranch({ today: TEST_TODAY, memberCount });
  return {
    branch: demo.branch,
    members: demo.members,
    meetings: demo.meetings,
    talks: demo.talks,
    analyses: demo.analyses,
    rectifications: demo.rectifications,
    analysisSettings: DEFAULT_ANALYSIS_SETTINGS,
  };
}

export const TEST_OPTIONS: ExportOptions = { period: yearPeriod(2025), generatedOn: TEST_TODAY };
