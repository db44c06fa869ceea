/**
 * The self-check of a package: runAllRules for every year the period touches, judged on the day the package is
 * made (as the 工作台 judges them that day), keeping the findings whose period overlaps the package's period.
 * The app and the CLI both call this, so the same data gives the same 自检报告.
 */
import type { AttachmentMeta } from '../model/attachment';
import { runAllRules, subjectKey, type Finding, type RuleSettings } from '../rules';
import { ruleInputFor } from '../rules/input';
import type { LedgerDataset, ExportPeriod } from '../exports';

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function lastDay(year: number, month: number): string {
  return `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;
}

/** `2025` / `2025-H1` / `2025-Q3` / `2025-03` → its first and last day; undefined for anything else. */
export function periodKeyRange(key: string): { start: string; end: string } | undefined {
  const match = /^(\d{4})(?:-(H[12]|Q[1-4]|\d{2}))?$/.exec(key);
  if (!match) {
    return undefined;
  }
  const year = Number(match[1]);
  const part = match[2];
  const months = (first: number, count: number) => ({ start: `${year}-${pad(first)}-01`, end: lastDay(year, first + count - 1) });
  if (!part) {
    return months(1, 12);
  }
  if (part.startsWith('H')) {
    return months(part === 'H1' ? 1 : 7, 6);
  }
  if (part.startsWith('Q')) {
    return months((Number(part.slice(1)) - 1) * 3 + 1, 3);
  }
  return months(Number(part), 1);
}

export interface PackageFindingsInput {
  dataset: LedgerDataset;
  period: ExportPeriod;
  /** `YYYY-MM-DD`: the day the rules judge on. */
  today: string;
  ruleSettings?: RuleSettings;
  attachments?: readonly Pick<AttachmentMeta, 'ownerTable' | 'ownerId'>[];
}

export function packageFindings(input: PackageFindingsInput): Finding[] {
  const { dataset, period } = input;
  const first = Number(period.start.slice(0, 4));
  const last = Number(period.end.slice(0, 4));
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (let year = first; year <= last; year += 1) {
    const found = runAllRules(
      // The whole dataset: every table it carries that the rules read is judged (民主评议, 党费, 学时 included).
      ruleInputFor({ ...dataset, attachments: input.attachments ?? [] }, { year, today: input.today, settings: input.ruleSettings }),
    );
    for (const finding of found) {
      const range = periodKeyRange(finding.period);
      if (range && (range.end < period.start || range.start > period.end)) {
        continue;
      }
      // Rules that look at today whatever the year (届满, 转正) say the same for every year: keep one.
      const key = `${finding.rule}|${finding.period}|${subjectKey(finding.subject)}|${finding.message}`;
      if (!seen.has(key)) {
        seen.add(key);
        findings.push(finding);
      }
    }
  }
  return findings;
}
