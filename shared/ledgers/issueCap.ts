/**
 * A sheet reports at most ISSUES_PER_KIND issues of one kind (same column, same message but for its numbers):
 * a file with the same fault in 40,000 rows shows the first 200 and one line "另有 N 处同类问题", instead of
 * 40,000 messages that take the memory and bury the others. The rows beyond keep their effect (a row with an
 * error is still not imported); only the repeated wording is left out.
 */
import { makeIssue, type ParsedRow, type Place } from './parseSheet';
import type { LedgerIssue } from './types';

export const ISSUES_PER_KIND = 200;

function kindOf(issue: LedgerIssue): string {
  return `${issue.severity}|${issue.column ?? ''}|${issue.message.replace(/\d+/g, '#')}`;
}

/** Trims the rows' issues in place and adds one sheet issue per kind that was trimmed. */
export function capIssues(rows: readonly ParsedRow[], sheetIssues: LedgerIssue[], place: Place, perKind = ISSUES_PER_KIND): void {
  const kinds = new Map<string, { first: LedgerIssue; listed: number; more: number }>();
  for (const row of rows) {
    if (row.issues.length === 0) {
      continue;
    }
    const kept = row.issues.filter((issue) => {
      const key = kindOf(issue);
      const kind = kinds.get(key) ?? { first: issue, listed: 0, more: 0 };
      kinds.set(key, kind);
      if (kind.listed < perKind) {
        kind.listed += 1;
        return true;
      }
      kind.more += 1;
      return false;
    });
    if (kept.length !== row.issues.length) {
      row.issues = kept;
    }
  }
  for (const { first, more } of kinds.values()) {
    if (more > 0) {
      const what = first.header ? `${first.header}：${first.message}` : first.message;
      const effect = first.severity === 'error' ? '这些行同样不会导入' : '这些行按同样方式处理';
      sheetIssues.push(makeIssue(place, first.severity, `另有 ${more} 处同类问题未逐条列出（如“${what}”），${effect}`));
    }
  }
}
