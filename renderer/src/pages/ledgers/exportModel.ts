/**
 * What the 导出 and 检查材料包 tabs show, without React: the ledgers offered, the period chosen, the file names,
 * and the read-only check of packages with their side-by-side comparison. Pure (runs in the page, the worker and
 * Vitest).
 */
import { formatDate, formatDateTime, isValidIsoDate } from '@shared/dates';
import { rangePeriod, yearPeriod } from '@shared/exports/period';
import { LEDGER_EXPORT_KINDS, type ExportPeriod, type LedgerExportKind } from '@shared/exports/types';
import { LEDGER_EXPORT_FILES } from '@shared/kinds';
import type { LedgerKind } from '@shared/ledgers';
import { PACKAGE_COUNT_KEYS, PACKAGE_COUNT_LABELS, PACKAGE_COUNT_UNITS, type PackageManifest } from '@shared/package/manifest';
import { sanitizeSegment } from '@shared/package/paths';
import type { PackageVerification } from '@shared/package/verify';
import { RULE_IDS, RULE_LABELS } from '@shared/rules/types';

export interface ExportLedgerChoice {
  kind: LedgerExportKind;
  /** The ledger's name on the button and in the file name. */
  label: string;
  /** The import template of the same ledger; 组织设置 has none (it is entered in 设置 → 支部信息). */
  template?: LedgerKind;
}

/** Every ledger kind (with its template) and 组织设置, in file order; each named as its file (`01_党员花名册.xlsx` → 党员花名册). */
export const EXPORT_LEDGERS: readonly ExportLedgerChoice[] = [...LEDGER_EXPORT_KINDS].sort((a, b) => LEDGER_EXPORT_FILES[a].localeCompare(LEDGER_EXPORT_FILES[b])).map((kind) => ({
  kind,
  label: LEDGER_EXPORT_FILES[kind].replace(/^\d+_/, '').replace(/\.xlsx$/, ''),
  ...(kind === 'organization' ? {} : { template: kind }),
}));

export function ledgerChoice(kind: LedgerExportKind): ExportLedgerChoice {
  return EXPORT_LEDGERS.find((l) => l.kind === kind) ?? EXPORT_LEDGERS[0];
}

/** What the period picker holds: a year, or a range whose ends may still be empty. */
export type PeriodChoice = { mode: 'year'; year: number } | { mode: 'range'; start?: string; end?: string };

export type PeriodResult = { ok: true; period: ExportPeriod } | { ok: false; message: string };

/** The period chosen, or why it cannot be used (Chinese, saying which end is wrong). */
export function periodOf(choice: PeriodChoice): PeriodResult {
  if (choice.mode === 'year') {
    if (!Number.isInteger(choice.year) || choice.year < 1921 || choice.year > 2999) {
      return { ok: false, message: '请选择年度' };
    }
    return { ok: true, period: yearPeriod(choice.year) };
  }
  if (!choice.start || !isValidIsoDate(choice.start)) {
    return { ok: false, message: '请选择期间的开始日期' };
  }
  if (!choice.end || !isValidIsoDate(choice.end)) {
    return { ok: false, message: '请选择期间的结束日期' };
  }
  if (choice.end < choice.start) {
    return { ok: false, message: `结束日期（${formatDate(choice.end)}）早于开始日期（${formatDate(choice.start)}），请重新选择` };
  }
  return { ok: true, period: rangePeriod(choice.start, choice.end) };
}

/** Years offered by the year picker, newest first: next year down to ten years back. */
export function yearOptions(thisYear: number): number[] {
  return Array.from({ length: 12 }, (_, i) => thisYear + 1 - i);
}

/** `<支部名称>_<期间>_<台账名>.xlsx`, every part safe as a Windows file name. */
export function ledgerFileName(branchName: string, periodLabel: string, ledgerLabel: string): string {
  return `${sanitizeSegment(branchName, '支部', 80)}_${sanitizeSegment(periodLabel, '期间', 40)}_${sanitizeSegment(ledgerLabel, '台账')}.xlsx`;
}

/** `<台账名>_空白模板.xlsx`. */
export function templateFileName(ledgerLabel: string): string {
  return `${sanitizeSegment(ledgerLabel, '台账')}_空白模板.xlsx`;
}

function stem(fileName: string): string {
  return fileName.replace(/\.xlsx$/i, '');
}

/** A part of a ledger split into several files: `…_三会一课台账.xlsx` → `…_三会一课台账_第2部分.xlsx`. */
export function partFileName(fileName: string, index: number): string {
  return `${stem(fileName)}_第${index}部分.xlsx`;
}

/** The zip that holds the parts: `…_三会一课台账.zip`. */
export function partsZipName(fileName: string): string {
  return `${stem(fileName)}.zip`;
}

/** One rule's line of a package's 自检报告, as read back from the package (规则 is its label: 支部党员大会 …). */
export interface PackageSelfCheckRow {
  label: string;
  /** 符合 / 不符合 / 需注意 / 提醒 / 不检查. */
  conclusion: string;
  actual?: string;
}

/** One chosen package: the verification, and what it says about itself (when it could be read). */
export interface PackageCheck {
  fileName: string;
  verification: PackageVerification;
  /** From manifest.json; absent when the package could not be read at all. */
  about?: Pick<PackageManifest, 'generatedAt' | 'appVersion' | 'options'>;
  /** Absent when the 自检报告 could not be read (the reason is in readProblem). */
  selfCheck?: PackageSelfCheckRow[];
  readProblem?: string;
}

/** A row of the side-by-side tables: one cell per package, in the order chosen (undefined: nothing to show). */
export interface ComparisonRow {
  key: string;
  label: string;
  cells: (string | undefined)[];
}

export interface PackageComparison {
  basics: ComparisonRow[];
  rules: ComparisonRow[];
}

function verdictOf(check: PackageCheck): string {
  return check.verification.ok ? '与包内清单一致' : `校验未通过（${check.verification.problems.length} 个问题）`;
}

/**
 * The packages side by side: what each covers (branch, period, when and how it was made, counts) and each rule's
 * 自检结论 (rows in the order of RULE_IDS; a rule only a newer version knows goes last, under its own label).
 */
export function comparePackages(checks: readonly PackageCheck[]): PackageComparison {
  const each = (value: (check: PackageCheck) => string | undefined) => checks.map(value);
  const basics: ComparisonRow[] = [
    { key: 'verdict', label: '校验结果', cells: each(verdictOf) },
    { key: 'branch', label: '支部', cells: each((c) => c.verification.branch?.name) },
    { key: 'period', label: '期间', cells: each((c) => c.verification.period?.label) },
    { key: 'generatedAt', label: '生成时间', cells: each((c) => (c.about ? formatDateTime(c.about.generatedAt) : undefined)) },
    { key: 'appVersion', label: '软件版本', cells: each((c) => c.about?.appVersion) },
    { key: 'masked', label: '身份证号', cells: each((c) => (c.about ? (c.about.options.masked ? '已隐藏中间位' : '完整') : undefined)) },
    { key: 'attention', label: '“需关注”详情', cells: each((c) => (c.about ? (c.about.options.includeAttention ? '包含' : '未包含') : undefined)) },
    ...PACKAGE_COUNT_KEYS.map((key) => ({
      key: `count.${key}`,
      label: `${PACKAGE_COUNT_LABELS[key]}${PACKAGE_COUNT_UNITS[key] ? `（${PACKAGE_COUNT_UNITS[key]}）` : ''}`,
      cells: each((c) => (c.verification.counts ? String(c.verification.counts[key]) : undefined)),
    })),
  ];

  // The 自检报告 names each rule by its label: rows in the order of RULE_IDS, then labels only a newer version knows.
  const order: string[] = RULE_IDS.map((id) => RULE_LABELS[id]);
  for (const check of checks) {
    for (const row of check.selfCheck ?? []) {
      if (!order.includes(row.label)) {
        order.push(row.label);
      }
    }
  }
  const byPackage = checks.map((check) => new Map((check.selfCheck ?? []).map((row) => [row.label, row])));
  const rules = order
    .map((label) => ({
      key: `rule.${label}`,
      label,
      cells: checks.map((check, index) => {
        if (!check.selfCheck) {
          return check.readProblem ? `无法读取自检报告：${check.readProblem}` : undefined;
        }
        const row = byPackage[index].get(label);
        return row ? (row.actual ? `${row.conclusion}\n${row.actual}` : row.conclusion) : undefined;
      }),
    }))
    // A rule no package reports on (an older package, a rule added since) would be a row of dashes.
    .filter((row) => row.cells.some((cell) => cell !== undefined));
  return { basics, rules };
}
