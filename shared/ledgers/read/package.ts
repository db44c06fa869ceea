import { createTextDecoder } from '../../text/encoding';
import { PACKAGE_ZIP_LIMITS } from '../../zip/limits';
import { ZipArchive, ZipLimitError, zipLimitMessage } from '../../zip/zip';
import { MAX_FILE_BYTES } from './sniff';

/**
 * The ledger workbooks inside a 检查材料包 (shared/package writes it): `01_党员花名册.xlsx` … `09_学习培训学时.xlsx`
 * (and their `_第N部分` parts), so that a package received from another branch, or one's own, can be imported like
 * any ledger file. The photos and Word documents are never inflated; each workbook is inflated under the limit of
 * a ledger file (it is then read like one, with the ledger limits).
 */
export const INSPECTION_PACKAGE_FORMAT = 'branch-ledger-inspection-package';
const MANIFEST = 'manifest.json';
// Every numbered workbook but 00_自检报告; 06_组织设置 too: a branch is rebuilt from its package with its 支委会 and
// 党小组 (issue 10).
const LEDGER_ENTRY = /^(?!00_)\d{2}_[^/]*\.xlsx$/;
/** manifest.json of a package with 100,000 files is about 20 MB. */
const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;

export interface PackageWorkbook {
  /** The entry's name, e.g. `02_三会一课台账.xlsx`. */
  name: string;
  bytes: Uint8Array;
}

export type PackageWorkbooks = { ok: true; workbooks: PackageWorkbook[] } | { ok: false; message: string };

const DAMAGED = '压缩包已损坏，无法打开。请重新拷贝原文件后再导入。';

export function readPackageWorkbooks(bytes: Uint8Array): PackageWorkbooks {
  try {
    const archive = new ZipArchive(bytes, PACKAGE_ZIP_LIMITS);
    const manifest = archive.find(MANIFEST);
    let format: unknown;
    try {
      const parsed: unknown = manifest ? JSON.parse(createTextDecoder('utf-8').decode(archive.readBytes(manifest, MAX_MANIFEST_BYTES))) : undefined;
      format = typeof parsed === 'object' && parsed !== null && 'format' in parsed ? parsed.format : undefined;
    } catch (error) {
      if (error instanceof ZipLimitError) {
        throw error;
      }
      format = undefined;
    }
    if (format !== INSPECTION_PACKAGE_FORMAT) {
      return { ok: false, message: '这是压缩包，请先解压，再选择其中的 Excel 台账文件。' };
    }
    const names = [...new Set(archive.entries.map((entry) => entry.name).filter((name) => LEDGER_ENTRY.test(name)))].sort();
    if (names.length === 0) {
      return { ok: false, message: '这个检查材料包里没有台账工作簿（01_党员花名册.xlsx 等）。' };
    }
    // The last entry of a name, as unzip tools take it.
    const workbooks = names.map((name) => ({ name, bytes: archive.readBytes(archive.find(name)!, MAX_FILE_BYTES) }));
    return { ok: true, workbooks };
  } catch (error) {
    if (error instanceof ZipLimitError) {
      return { ok: false, message: `${zipLimitMessage(error, '检查材料包')}。请确认选对了文件。` };
    }
    return { ok: false, message: DAMAGED };
  }
}
