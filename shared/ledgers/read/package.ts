import { strFromU8, unzipSync } from 'fflate';

/**
 * The ledger workbooks inside a 检查材料包 (shared/package writes it): `01_党员花名册.xlsx` … `05_整改台账.xlsx`
 * (and their `_第N部分` parts), so that a package received from another branch, or one's own, can be imported like
 * any ledger file. The photos and Word documents are never inflated.
 */
export const INSPECTION_PACKAGE_FORMAT = 'branch-ledger-inspection-package';
const MANIFEST = 'manifest.json';
// 06_组织设置 too: a branch is rebuilt from its package with its 支委会 and 党小组 (issue 10).
const LEDGER_ENTRY = /^0[1-6]_[^/]*\.xlsx$/;

export interface PackageWorkbook {
  /** The entry's name, e.g. `02_三会一课台账.xlsx`. */
  name: string;
  bytes: Uint8Array;
}

export type PackageWorkbooks = { ok: true; workbooks: PackageWorkbook[] } | { ok: false; message: string };

export function readPackageWorkbooks(bytes: Uint8Array): PackageWorkbooks {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, { filter: (file) => file.name === MANIFEST || LEDGER_ENTRY.test(file.name) });
  } catch {
    return { ok: false, message: '压缩包已损坏，无法打开。请重新拷贝原文件后再导入。' };
  }
  let format: unknown;
  try {
    format = entries[MANIFEST] ? (JSON.parse(strFromU8(entries[MANIFEST])) as { format?: unknown }).format : undefined;
  } catch {
    format = undefined;
  }
  if (format !== INSPECTION_PACKAGE_FORMAT) {
    return { ok: false, message: '这是压缩包，请先解压，再选择其中的 Excel 台账文件。' };
  }
  const workbooks = Object.keys(entries)
    .filter((name) => LEDGER_ENTRY.test(name))
    .sort()
    .map((name) => ({ name, bytes: entries[name] }));
  if (workbooks.length === 0) {
    return { ok: false, message: '这个检查材料包里没有台账工作簿（01_党员花名册.xlsx 至 05_整改台账.xlsx）。' };
  }
  return { ok: true, workbooks };
}
