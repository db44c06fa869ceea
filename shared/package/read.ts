/**
 * Reading a 检查材料包 back for the read-only comparison of several branches: its manifest, whether it is intact,
 * and the rows of its 00_自检报告.xlsx (sheet 自检报告: 规则 | 要求 | 实际 | 结论 | 缺口明细; sheet 问题清单:
 * 规则 | 期间 | 结论 | 问题 | 依据, as shared/exports/selfCheck.ts writes them). Columns are found by their
 * header text, not their position, so a package from a slightly different version still reads.
 */
import { SELF_CHECK_FILE } from '../exports/types';
import { readXlsx } from '../ledgers/read/xlsx';
import type { SheetGrid } from '../ledgers/types';
import { cellText } from '../ledgers/values';
import type { PackageManifest } from './manifest';
import { openPackage, PackageFormatError, readPackageManifest, verifyInspectionPackage, type PackageVerification } from './verify';

/** The 自检报告 is small: the rules and the findings of one period. */
const MAX_SELF_CHECK_BYTES = 32 * 1024 * 1024;

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

/** Rows under the first row holding every one of `headers`, as objects keyed by header. */
function tableOf(sheet: SheetGrid | undefined, headers: readonly string[]): Record<string, string>[] {
  if (!sheet) {
    return [];
  }
  let columns: Map<string, number> | undefined;
  const rows: Record<string, string>[] = [];
  for (const row of sheet.rows) {
    const values = row.map((cell) => cellText(cell).trim());
    if (!columns) {
      if (headers.every((h) => values.includes(h))) {
        columns = new Map(headers.map((h) => [h, values.indexOf(h)]));
      }
      continue;
    }
    const record = Object.fromEntries(headers.map((h) => [h, values[columns?.get(h) ?? -1] ?? '']));
    if (Object.values(record).some(Boolean)) {
      rows.push(record);
    }
  }
  return rows;
}

/** Manifest, verification and self-check rows of a package; throws PackageFormatError when it is not one. */
export async function readInspectionPackage(bytes: Uint8Array): Promise<InspectionPackageContents> {
  const manifest = readPackageManifest(bytes);
  const verification = await verifyInspectionPackage(bytes);
  const archive = openPackage(bytes);
  const entry = archive.find(SELF_CHECK_FILE);
  if (!entry) {
    return { manifest, verification, rules: [], findings: [] };
  }
  let sheets: SheetGrid[];
  try {
    // Read like a ledger (the direct reader, with its limits): a crafted report cannot take the memory either.
    const read = await readXlsx(archive.readBytes(entry, MAX_SELF_CHECK_BYTES));
    if (!read.ok) {
      throw new Error(read.message);
    }
    sheets = read.sheets;
  } catch (error) {
    throw new PackageFormatError(`${SELF_CHECK_FILE} 已损坏，无法读取`, SELF_CHECK_FILE, { cause: error });
  }
  const byName = (name: string) => sheets.find((sheet) => sheet.name === name);
  const rules = tableOf(byName('自检报告') ?? sheets[0], ['规则', '要求', '实际', '结论', '缺口明细']).map((r) => ({
    label: r['规则'],
    requirement: r['要求'],
    actual: r['实际'],
    conclusion: r['结论'],
    gaps: r['缺口明细'] ? r['缺口明细'].split(/\r?\n/).filter(Boolean) : [],
  }));
  const findings = tableOf(byName('问题清单'), ['规则', '期间', '结论', '问题', '依据']).map((r) => ({
    rule: r['规则'],
    period: r['期间'],
    conclusion: r['结论'],
    message: r['问题'],
    source: r['依据'],
  }));
  return { manifest, verification, rules, findings };
}
