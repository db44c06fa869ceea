import { duePeriodsOfYear } from '../analyses/due';
import type { Analysis, AnalysisSettings } from '../model/analysis';
import type { Branch } from '../model/branch';
import { isReportedPeriod, reportingStartOf, type LedgerStartInput } from './ledgerStart';
import { RULE_LABELS, type Finding, type Severity } from './types';

/**
 * analysis.due: the 定期 党员思想动态分析 of every 季度 (or 半年, a setting) of the year checked.
 * No central article sets a frequency (DOMAIN §1.2: "定期分析", local rules ask 每季度 or 5月底/11月底), so a
 * missed period is a `warning`, not an `error`; the running period gets an `info` until it has one. An
 * analysis counts for the period in which its own period ends (shared/analyses/due.ts); 专题 and 即时 do not.
 */

export const ANALYSIS_RULE_ID = 'analysis.due';
export const ANALYSIS_RULE_LABEL = RULE_LABELS['analysis.due'];

export const ANALYSIS_SOURCE =
  '上级党组织关于定期分析党员干部思想动态的要求（各地规定每季度或每半年报送一次，中央条例未规定次数）';

export interface AnalysisRuleInput {
  branch: LedgerStartInput['branch'] & Pick<Branch, 'id'>;
  /** With the records, the 台账起始日期 of a branch without one set is its earliest record (ledgerStart.ts). */
  meetings?: LedgerStartInput['meetings'];
  talks?: LedgerStartInput['talks'];
  today: string;
  year: number;
  /** Without them the rule checks nothing (a RuleInput from before this module). */
  analyses?: readonly Analysis[];
  /** 每季度 unless the settings say 每半年. */
  analysisSettings?: Pick<AnalysisSettings, 'period'>;
}

export interface AnalysisFinding extends Omit<Finding, 'rule' | 'subject'> {
  rule: typeof ANALYSIS_RULE_ID;
  severity: Severity;
  subject?: { table: 'branches'; id: string };
}

function periodKey(year: number, kind: '季度' | '半年', index: number): string {
  return kind === '季度' ? `${year}-Q${index}` : `${year}-H${index}`;
}

export function analysisDue(input: AnalysisRuleInput): AnalysisFinding[] {
  if (!input.analyses) {
    return [];
  }
  const kind = input.analysisSettings?.period ?? '季度';
  const own = input.analyses.filter((a) => a.branchId === input.branch.id);
  const findings: AnalysisFinding[] = [];
  const reportingStart = reportingStartOf(input);
  for (const due of duePeriodsOfYear(own, kind, input.year, input.today)) {
    if (due.analysis || due.state === 'future' || !isReportedPeriod(due.period, reportingStart)) {
      continue;
    }
    const past = due.state === 'past';
    findings.push({
      rule: ANALYSIS_RULE_ID,
      severity: past ? 'warning' : 'info',
      period: periodKey(due.period.year, kind, due.period.index),
      message: past
        ? `${due.period.label}未开展党员思想动态分析`
        : `${due.period.label}党员思想动态分析尚未完成（本${kind === '季度' ? '季度' : '半年'}结束前完成）`,
      source: ANALYSIS_SOURCE,
      subject: { table: 'branches', id: input.branch.id },
    });
  }
  return findings;
}
