/**
 * Reading chosen packages for the 校验检查材料包 section: runs in the export worker (it inflates every file, hashes
 * it and loads ExcelJS for the 自检报告), so it lives apart from exportModel, which the page imports.
 */
import { messageOf } from '@shared/errors';
import { readInspectionPackage } from '@shared/package/read';
import { verifyInspectionPackage } from '@shared/package/verify';
import type { PackageCheck } from './exportModel';

/**
 * Verifies one package and reads what it says about itself and its 自检报告. Never throws for a bad file: a
 * package that is not one, or whose report cannot be read, comes back with its problems and readProblem.
 */
export async function checkPackage(fileName: string, bytes: Uint8Array): Promise<PackageCheck> {
  try {
    const contents = await readInspectionPackage(bytes);
    return {
      fileName,
      verification: contents.verification,
      about: { generatedAt: contents.manifest.generatedAt, appVersion: contents.manifest.appVersion, options: contents.manifest.options },
      selfCheck: contents.rules.map((row) => ({ label: row.label, conclusion: row.conclusion, actual: row.actual || undefined })),
    };
  } catch (error) {
    // Not a package, or its 自检报告 is damaged: the verification names what is wrong, file by file.
    return { fileName, verification: await verifyInspectionPackage(bytes), readProblem: messageOf(error, '文件无法读取') };
  }
}
