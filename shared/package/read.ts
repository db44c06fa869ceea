/**
 * Reading a 检查材料包 back for the read-only comparison of several branches: its manifest, whether it is intact,
 * and the rows of its 00_自检报告.xlsx (sheet 自检报告: 规则 | 要求 | 实际 | 结论 | 缺口明细; sheet 问题清单:
 * 规则 | 期间 | 结论 | 问题 | 依据, as shared/exports/selfCheck.ts writes them). Columns are found by their
 * header text, not their position, so a package from a slightly different version still reads.
 */
import type { Worksheet } from 'exceljs';
import { unzipSync } from 'fflate';
import { SELF_CHECK_FILE } from '../exports';
import type { PackageManifest } from './manifest';
import { webCryptoSha256, type Sha256 } from './sha256';
import { PackageFormatError, readPackageManifest, verifyInspectionPackage, type PackageVerification } from './verify';

export interface PackageRuleRow {
  /** 规则, e.g. 支部党员大会. */
  label: string;
  /** 要求 with its article. */
  requirement: string;
  actual: string;
  /** 符合 / 不符合 / 需注意 / 提醒 / 不检查. */
  conclusion: string;
  /** 缺口明细, one line each. */
  gaps: string[];
}

export interface PackageFindingRow {
  rule: string;
  period: string;
  conclusion: string;
  message: string;
  source: string;
}

export interface InspectionPackageContents {
  manifest: PackageManifest;
  verification: PackageVerification;
  rules: PackageRuleRow[];
  findings: PackageFindingRow[];
}

type ExcelJsModule = typeof import('exceljs');

async function loadExcelJs(): Promise<ExcelJsModule> {
  const mod = (await import('exceljs')) as ExcelJsModule & { default?: ExcelJsModule };
  return mod.default ?? mod;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) {
    return '';
  }
  if (typeof value === 'object') {
    const rich = value as { richText?: { text: string }[]; text?: string; result?: unknown };
    if (rich.richText) {
      return rich.richText.map((r) => r.text).join('');
    }
    if (typeof rich.text === 'string') {
      return rich.text;
    }
    if (rich.result !== undefined) {
      return cellText(rich.result);
    }
  }
  return String(value).trim();
}

/** Rows under the first row holding every one of `headers`, as objects keyed by header. */
function tableOf(sheet: Worksheet | undefined, headers: readonly string[]): Record<string, string>[] {
  if (!sheet) {
    return [];
  }
  let columns: Map<string, number> | undefined;
  const rows: Record<string, string>[] = [];
  sheet.eachRow((row) => {
    const values = (row.values as unknown[]).map(cellText);
    if (!columns) {
      if (headers.every((h) => values.includes(h))) {
        columns = new Map(headers.map((h) => [h, values.indexOf(h)]));
      }
      return;
    }
    const record = Object.fromEntries(headers.map((h) => [h, values[columns?.get(h) ?? -1] ?? '']));
    if (Object.values(record).some(Boolean)) {
      rows.push(record);
    }
  });
  return rows;
}

/** Manifest, verification and self-check rows of a package; throws PackageFormatError when it is not one. */
export async function readInspectionPackage(bytes: Uint8Array, sha256: Sha256 = webCryptoSha256): Promise<InspectionPackageContents> {
  const manifest = readPackageManifest(bytes);
  const verification = await verifyInspectionPackage(bytes, sha256);
  const report = unzipSync(bytes, { filter: (file) => file.name === SELF_CHECK_FILE })[SELF_CHECK_FILE];
  if (!report) {
    return { manifest, verification, rules: [], findings: [] };
  }
  const ExcelJS = await loadExcelJs();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(report as unknown as ArrayBuffer);
  } catch (error) {
    throw new PackageFormatError(`${SELF_CHECK_FILE} 已损坏，无法读取`, SELF_CHECK_FILE, { cause: error });
  }
  const rules = tableOf(workbook.getWorksheet('自检报告') ?? workbook.worksheets[0], ['规则', '要求', '实际', '结论', '缺口明细']).map((r) => ({
    label: r['规则'],
    requirement: r['要求'],
    actual: r['实际'],
    conclusion: r['结论'],
    gaps: r['缺口明细'] ? r['缺口明细'].split(/\r?\n/).filter(Boolean) : [],
  }));
  const findings = tableOf(workbook.getWorksheet('问题清单'), ['规则', '期间', '结论', '问题', '依据']).map((r) => ({
    rule: r['规则'],
    period: r['期间'],
    conclusion: r['结论'],
    message: r['问题'],
    source: r['依据'],
  }));
  return { manifest, verification, rules, findings };
}
