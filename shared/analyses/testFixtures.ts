import { analysisSchema, type Analysis, type AnalysisEntryInput } from '../model/analysis';
import { BRANCH_ID } from '../rules/testFixtures';

/** A literal analysis for tests, through the model's schema (defaults filled). */
export function makeAnalysis(id: string, periodKind: Analysis['periodKind'], periodStart: string, periodEnd: string, overrides: Partial<Omit<Analysis, 'entries'>> & { entries?: AnalysisEntryInput[] } = {}): Analysis {
  return analysisSchema.parse({
    id,
    branchId: BRANCH_ID,
    createdAt: '2025-01-01T09:00:00+08:00',
    updatedAt: '2025-01-01T09:00:00+08:00',
    periodKind,
    periodStart,
    periodEnd,
    ...overrides,
  });
}
