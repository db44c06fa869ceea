/** How a `ledger check` report reads: Chinese text for a terminal, or the JSON contract. */
import { LEDGER_LABELS } from '../../shared/ledgers';
import type { CheckDetails, CheckIssue, CheckReport } from './check';

const SEVERITY_LABELS = { error: '错误', warning: '警告' } as const;

function count(issues: readonly CheckIssue[], severity: CheckIssue['severity']): number {
  return issues.filter((i) => i.severity === severity).length;
}

function where(issue: CheckIssue): string {
  const parts: string[] = [];
  if (issue.row !== null) {
    parts.push(`第${issue.row}行`);
  }
  if (issue.column) {
    parts.push(issue.cell ? `${issue.column}（${issue.cell}）` : issue.column);
  } else if (issue.cell) {
    parts.push(issue.cell);
  }
  return parts.length > 0 ? `${parts.join(' ')}：` : '';
}

export function formatCheckText(report: CheckReport, details: CheckDetails): string {
  const lines: string[] = [];
  const format = details.format ? `（${details.format}${details.encoding ? `，${details.encoding.toUpperCase()} 编码` : ''}）` : '';
  lines.push(`台账检查 · ${report.file}${format}`);
  if (report.error && report.sheets.length === 0) {
    lines.push(`无法读取：${report.error.message}`);
    return `${lines.join('\n')}\n`;
  }
  for (const sheet of report.sheets) {
    const note = details.notes.get(sheet.sheet);
    lines.push('');
    if (!sheet.kind) {
      lines.push(`■ 工作表“${sheet.sheet}”：不是台账，未导入`);
      for (const issue of sheet.issues) {
        lines.push(`  ${issue.message}`);
      }
      continue;
    }
    const errors = count(sheet.issues, 'error');
    const warnings = count(sheet.issues, 'warning');
    lines.push(`■ 工作表“${sheet.sheet}”：${note?.ledgerLabel ?? LEDGER_LABELS[sheet.kind]}`);
    lines.push(`  表头在第${sheet.headerRow}行；可导入 ${sheet.records} 条；错误 ${errors} 处，警告 ${warnings} 处`);
    for (const severity of ['error', 'warning'] as const) {
      for (const issue of sheet.issues.filter((i) => i.severity === severity)) {
        lines.push(`  [${SEVERITY_LABELS[severity]}] ${where(issue)}${issue.message}`);
      }
    }
    for (const skipped of note?.skipped ?? []) {
      lines.push(`  [跳过] 第${skipped.row}行：${skipped.reason}`);
    }
    for (const row of sheet.rows ?? []) {
      lines.push(`  第${row.row}行 ${JSON.stringify(row.record)}`);
    }
  }
  const ledgers = report.sheets.filter((s) => s.kind);
  const all = ledgers.flatMap((s) => s.issues);
  lines.push('');
  if (report.error) {
    lines.push(`不能导入：${report.error.message}`);
  } else {
    const records = ledgers.reduce((n, s) => n + s.records, 0);
    lines.push(`共 ${ledgers.length} 个台账工作表，可导入 ${records} 条；错误 ${count(all, 'error')} 处，警告 ${count(all, 'warning')} 处。`);
  }
  return `${lines.join('\n')}\n`;
}

export function formatCheckJson(report: CheckReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
