/**
 * Checking a 检查材料包 the way an inspector would: is it a zip, does it carry our manifest, and does every file
 * listed there exist with the same bytes (SHA-256), with nothing added. Entries are inflated one at a time, so
 * checking a package of hundreds of photos holds one photo at a time besides the package itself.
 */
import { strFromU8, unzipSync } from 'fflate';
import {
  PACKAGE_FORMAT,
  PACKAGE_FORMAT_VERSION,
  PACKAGE_MANIFEST_ENTRY,
  packageManifestSchema,
  type PackageCounts,
  type PackageManifest,
} from './manifest';
import { webCryptoSha256, type Sha256 } from './sha256';

export type PackageProblemKind = 'missing' | 'extra' | 'altered' | 'invalid';

export interface PackageProblem {
  /** The file concerned; the package itself ('') when it cannot be read at all. */
  path: string;
  kind: PackageProblemKind;
  /** Chinese, for the user. */
  message: string;
}

export interface PackageVerification {
  ok: boolean;
  branch: { id: string; name: string } | null;
  period: { start: string; end: string; label: string } | null;
  counts: PackageCounts | null;
  problems: PackageProblem[];
}

/** Largest single entry we inflate (attachments are capped at 50 MB; generous for the ledgers). */
export const MAX_PACKAGE_ENTRY_BYTES = 1024 * 1024 * 1024;

/** A package that cannot be read as one; the message is Chinese. */
export class PackageFormatError extends Error {
  /** manifest.json when the package is a zip but its manifest is wrong; '' when the file itself is unusable. */
  readonly path: string;

  constructor(message: string, path = '', options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PackageFormatError';
    this.path = path;
  }
}

interface EntryInfo {
  name: string;
  originalSize: number;
}

function isZip(bytes: Uint8Array): boolean {
  // A local file header (PK\3\4), or the end record of an empty archive (PK\5\6).
  return bytes.byteLength >= 22 && bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6));
}

/** The entries of the zip (names and sizes from the central directory), nothing inflated. */
function listEntries(bytes: Uint8Array): EntryInfo[] {
  if (bytes.byteLength === 0) {
    throw new PackageFormatError('文件是空的，不是检查材料包');
  }
  if (!isZip(bytes)) {
    throw new PackageFormatError('这不是检查材料包（不是 zip 格式）');
  }
  const entries: EntryInfo[] = [];
  try {
    unzipSync(bytes, {
      filter: (file) => {
        entries.push({ name: file.name, originalSize: file.originalSize });
        return false;
      },
    });
  } catch (error) {
    throw new PackageFormatError('检查材料包已损坏，无法读取其中的文件目录', '', { cause: error });
  }
  return entries;
}

/** One entry's bytes (the last of that name), or undefined when it is not there. Throws when it cannot be inflated. */
function extract(bytes: Uint8Array, path: string): Uint8Array | undefined {
  return unzipSync(bytes, { filter: (file) => file.name === path })[path];
}

function readManifest(bytes: Uint8Array, entries: readonly EntryInfo[]): PackageManifest {
  if (!entries.some((e) => e.name === PACKAGE_MANIFEST_ENTRY)) {
    throw new PackageFormatError(`这不是检查材料包（缺少文件清单 ${PACKAGE_MANIFEST_ENTRY}）`, PACKAGE_MANIFEST_ENTRY);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(strFromU8(extract(bytes, PACKAGE_MANIFEST_ENTRY) ?? new Uint8Array()));
  } catch (error) {
    throw new PackageFormatError(`文件清单 ${PACKAGE_MANIFEST_ENTRY} 已损坏，无法读取`, PACKAGE_MANIFEST_ENTRY, { cause: error });
  }
  const header = raw as { format?: unknown; version?: unknown } | null;
  if (header === null || typeof header !== 'object' || header.format !== PACKAGE_FORMAT) {
    throw new PackageFormatError(`这不是支部台账的检查材料包（${PACKAGE_MANIFEST_ENTRY} 的格式名不符）`, PACKAGE_MANIFEST_ENTRY);
  }
  if (typeof header.version === 'number' && header.version > PACKAGE_FORMAT_VERSION) {
    throw new PackageFormatError(`这个材料包由更新版本的支部台账制作（格式版本 ${header.version}），请升级软件后再核验`, PACKAGE_MANIFEST_ENTRY);
  }
  const parsed = packageManifestSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first?.path.length ? `（${first.path.join('.')}）` : '';
    throw new PackageFormatError(`文件清单 ${PACKAGE_MANIFEST_ENTRY} 不完整或已被改动${where}`, PACKAGE_MANIFEST_ENTRY);
  }
  const seen = new Set<string>();
  for (const file of parsed.data.files) {
    if (file.path === PACKAGE_MANIFEST_ENTRY || seen.has(file.path)) {
      throw new PackageFormatError(`文件清单 ${PACKAGE_MANIFEST_ENTRY} 已被改动（重复列出 ${file.path}）`, PACKAGE_MANIFEST_ENTRY);
    }
    seen.add(file.path);
  }
  return parsed.data;
}

/** The manifest of a package, checked against its schema (not the files: see verifyInspectionPackage). */
export function readPackageManifest(bytes: Uint8Array): PackageManifest {
  return readManifest(bytes, listEntries(bytes));
}

/** Checks a package completely; never throws for a bad file (it is reported as 'invalid'). */
export async function verifyInspectionPackage(bytes: Uint8Array, sha256: Sha256 = webCryptoSha256): Promise<PackageVerification> {
  let entries: EntryInfo[];
  let manifest: PackageManifest;
  try {
    entries = listEntries(bytes);
    manifest = readManifest(bytes, entries);
  } catch (error) {
    if (error instanceof PackageFormatError) {
      return { ok: false, branch: null, period: null, counts: null, problems: [{ path: error.path, kind: 'invalid', message: error.message }] };
    }
    throw error;
  }

  const problems: PackageProblem[] = [];
  const listed = new Set(manifest.files.map((f) => f.path));
  const occurrences = new Map<string, EntryInfo[]>();
  for (const entry of entries) {
    occurrences.set(entry.name, [...(occurrences.get(entry.name) ?? []), entry]);
  }
  for (const [name, found] of occurrences) {
    if (name.endsWith('/') && !listed.has(name)) {
      continue; // A folder entry added by a zip tool holds no content.
    }
    if (name !== PACKAGE_MANIFEST_ENTRY && !listed.has(name)) {
      problems.push({ path: name, kind: 'extra', message: `材料包中多出了文件清单里没有的文件：${name}` });
    } else if (found.length > 1) {
      problems.push({ path: name, kind: 'extra', message: `材料包中 ${name} 出现了 ${found.length} 次，可能已被改动` });
    }
  }
  for (const file of manifest.files) {
    const found = occurrences.get(file.path);
    if (!found) {
      problems.push({ path: file.path, kind: 'missing', message: `缺少文件：${file.path}` });
      continue;
    }
    if (found.some((e) => e.originalSize > MAX_PACKAGE_ENTRY_BYTES)) {
      problems.push({ path: file.path, kind: 'invalid', message: `${file.path} 过大，无法核验` });
      continue;
    }
    let content: Uint8Array | undefined;
    try {
      content = extract(bytes, file.path);
    } catch {
      problems.push({ path: file.path, kind: 'altered', message: `${file.path} 已损坏，无法解压` });
      continue;
    }
    if (!content || content.byteLength !== file.size || (await sha256(content)) !== file.sha256) {
      problems.push({ path: file.path, kind: 'altered', message: `${file.path} 的内容与文件清单记录的校验值不符，已被改动或损坏` });
    }
  }
  return { ok: problems.length === 0, branch: manifest.branch, period: manifest.period, counts: manifest.counts, problems };
}
