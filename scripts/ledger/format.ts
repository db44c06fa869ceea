/**
 * How a self-check report reads: in a terminal (Chinese, grouped by branch, errors first) or as JSON
 * (`{year, today, branches: [{id, name, file, findings}], issues, notes, errors}`, findings as runAllRules
 * returns them).
 */
import { periodLabel, RULE_LABELS, type Finding, type RuleId, type Severity } from '../../shared/rules';
import type { SelfCheckReport } from './selfCheck';
import { fieldName, TABLE_NAMES, type DataIssue } from './validate';

const SEVERITY_LABELS: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };
const SEVERITY_ORDER: Severity[] = ['error', 'warning', 'info'];

function countBySeverity(findings: readonly Finding[]): string {
  return SEVERITY_ORDER.map((s) => `${SEVERITY_LABELS[s]} ${findings.filter((f) => f.severity === s).length} 条`).join('，');
}

function ruleLabel(rule: RuleId): string {
  // A rule id from a newer export may have no label here.
  return RULE_LABELS[rule] ?? rule;
}

/** `members.json：党员表（members）第 3 条（rows[2]，id m-1）字段 birthDate（出生日期）：日期格式应为 年-月-日`. */
export function describeIssue(issue: DataIssue): string {
  const table = `${TABLE_NAMES[issue.table]}表（${issue.table}）`;
  const row =
    issue.index === undefined
      ? issue.id
        ? `（${issue.id}）`
        : ''
      : `第 ${issue.index + 1} 条（rows[${issue.index}]${issue.id ? `，id ${issue.id}` : ''}）`;
  const field = issue.field ? `字段 ${fieldName(issue.table, issue.field)}` : '';
  return `${issue.file}：${table}${row}${field}：${issue.message}`;
}

export function formatText(report: SelfCheckReport): string {
  const lines: string[] = [];
  lines.push(`支部台账自检 · ${report.year} 年度 · 按 ${report.today} 判断`);
  for (const note of report.notes) {
    lines.push(`注意：${note}`);
  }
  for (const branch of report.branches) {
    lines.push('');
    lines.push(`■ ${branch.name}`);
    lines.push(`  文件 ${branch.file} · 支部 id ${branch.id}`);
    lines.push(`  ${countBySeverity(branch.findings)}`);
    if (branch.findings.length === 0) {
      lines.push('  未发现问题');
      continue;
    }
    // Errors first, then warnings, then notes; within each, in the order the rules report them.
    for (const severity of SEVERITY_ORDER) {
      for (const finding of branch.findings.filter((f) => f.severity === severity)) {
        lines.push('');
        lines.push(`  [${SEVERITY_LABELS[severity]}] ${periodLabel(finding.period)} · ${ruleLabel(finding.rule)}`);
        lines.push(`         ${finding.message}`);
        lines.push(`         依据：${finding.source}`);
      }
    }
  }
  if (report.issues.length > 0) {
    lines.push('');
    lines.push(`数据问题 ${report.issues.length} 处（有问题的记录未参与自检）：`);
    for (const issue of report.issues) {
      lines.push(`  ${describeIssue(issue)}`);
    }
  }
  const all = report.branches.flatMap((b) => b.findings);
  lines.push('');
  lines.push(`共检查 ${report.branches.length} 个支部：${countBySeverity(all)}。`);
  return `${lines.join('\n')}\n`;
}

export function formatJson(report: SelfCheckReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
