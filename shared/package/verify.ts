/**
 * Checking a 检查材料包 the way an inspector would: is it a zip, does it carry our manifest, are its names safe,
 * and does every file listed there exist with the same bytes (SHA-256), with nothing added. What this proves is
 * integrity against the package's own manifest ("与包内清单一致"); that nobody recomputed the manifest is shown by
 * the fingerprint (SHA-256 of manifest.json), printed on the signed 报送单 and compared by the inspector.
 * Entries are read through shared/zip under PACKAGE_ZIP_LIMITS and hashed as they inflate: time grows with the
 * number and size of entries, memory stays flat with their size.
 */
import { SELF_CHECK_FILE } from '../exports/types';
import { isRecord } from '../oneOf';
import { PACKAGE_ZIP_LIMITS } from '../zip/limits';
import { pathProblems } from '../zip/names';
import { Sha256Stream, sha256Hex } from '../zip/sha256';
import { ZipArchive, ZipFormatError, ZipLimitError, zipLimitMessage, type ZipEntry } from '../zip/zip';
import {
  PACKAGE_FORMAT,
  PACKAGE_FORMAT_VERSION,
  PACKAGE_MANIFEST_ENTRY,
  packageManifestSchema,
  type PackageCounts,
  type PackageManifest,
} from './manifest';
import { readSelfCheckContent } from './selfCheckContent';

export type PackageProblemKind = 'missing' | 'extra' | 'altered' | 'invalid';

export interface PackageProblem {
  /** The file concerned; the package itself ('') when it cannot be read at all. */
  path: string;
  kind: PackageProblemKind;
  /** Chinese, for the user; does not repeat the path (see problemText). */
  message: string;
}

export interface PackageVerification {
  ok: boolean;
  branch: { id: string; name: string } | null;
  period: { start: string; end: string; label: string } | null;
  counts: PackageCounts | null;
  /** SHA-256 of manifest.json (hex), null when there is no readable manifest. */
  fingerprint: string | null;
  problems: PackageProblem[];
}

/** A problem in one line: `path：message` (the path once). */
export function problemText(problem: PackageProblem): string {
  return problem.path ? `${problem.path}：${problem.message}` : problem.message;
}

/** manifest.json of a package with 100,000 files is about 20 MB. */
const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;
/** The 自检报告 is read back whole (it is small: the rules and the findings of one period). */
const MAX_SELF_CHECK_BYTES = 32 * 1024 * 1024;

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

function isZip(bytes: Uint8Array): boolean {
  // A local file header (PK\3\4), or the end record of an empty archive (PK\5\6).
  return bytes.byteLength >= 22 && bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6));
}

/** The archive with its directory read (nothing inflated); throws PackageFormatError. */
export function openPackage(bytes: Uint8Array): ZipArchive {
  if (bytes.byteLength === 0) {
    throw new PackageFormatError('文件是空的，不是检查材料包');
  }
  if (!isZip(bytes)) {
    throw new PackageFormatError('这不是检查材料包（不是 zip 格式）');
  }
  try {
    return new ZipArchive(bytes, PACKAGE_ZIP_LIMITS);
  } catch (error) {
    if (error instanceof ZipLimitError) {
      throw new PackageFormatError(zipLimitMessage(error, '检查材料包'), '', { cause: error });
    }
    throw new PackageFormatError('检查材料包已损坏，无法读取其中的文件目录', '', { cause: error });
  }
}

// why: shared/ has no DOM or Node types; TextDecoder is in every runtime the app runs in (Node, Chromium, workers)
const decoder = new (globalThis as unknown as { TextDecoder: new (label: string) => { decode(input: Uint8Array): string } }).TextDecoder('utf-8');

function readManifest(archive: ZipArchive): { manifest: PackageManifest; fingerprint: string } {
  const entry = archive.find(PACKAGE_MANIFEST_ENTRY);
  if (!entry) {
    throw new PackageFormatError(`这不是检查材料包（缺少文件清单 ${PACKAGE_MANIFEST_ENTRY}）`, PACKAGE_MANIFEST_ENTRY);
  }
  let bytes: Uint8Array;
  let raw: unknown;
  try {
    bytes = archive.readBytes(entry, MAX_MANIFEST_BYTES);
    raw = JSON.parse(decoder.decode(bytes));
  } catch (error) {
    const why = error instanceof ZipLimitError ? zipLimitMessage(error, '检查材料包') : `文件清单 ${PACKAGE_MANIFEST_ENTRY} 已损坏，无法读取`;
    throw new PackageFormatError(why, PACKAGE_MANIFEST_ENTRY, { cause: error });
  }
  const header = isRecord(raw) ? raw : undefined;
  if (header?.format !== PACKAGE_FORMAT) {
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
  return { manifest: parsed.data, fingerprint: sha256Hex(bytes) };
}

/** The manifest of a package, checked against its schema (not the files: see verifyInspectionPackage). */
export function readPackageManifest(bytes: Uint8Array): PackageManifest {
  return readManifest(openPackage(bytes)).manifest;
}

/** Hashes one entry as it inflates; stops (altered) as soon as it is longer than the manifest says. */
function hashEntry(archive: ZipArchive, entry: ZipEntry, expectedSize: number): { size: number; sha256: string } | { tooLong: true } {
  const hash = new Sha256Stream();
  let size = 0;
  let tooLong = false;
  archive.stream(entry, (chunk) => {
    size += chunk.length;
    if (size > expectedSize) {
      tooLong = true;
      return true;
    }
    hash.update(chunk);
    return false;
  });
  return tooLong ? { tooLong: true } : { size, sha256: hash.hex() };
}

const ALTERED = '内容与文件清单记录的校验值不符，已被改动或损坏';

/** Checks a package completely; never throws for a bad file (it is reported as 'invalid'). */
export async function verifyInspectionPackage(bytes: Uint8Array): Promise<PackageVerification> {
  let archive: ZipArchive;
  let manifest: PackageManifest;
  let fingerprint: string;
  try {
    archive = openPackage(bytes);
    ({ manifest, fingerprint } = readManifest(archive));
  } catch (error) {
    if (error instanceof PackageFormatError) {
      return { ok: false, branch: null, period: null, counts: null, fingerprint: null, problems: [{ path: error.path, kind: 'invalid', message: error.message }] };
    }
    throw error;
  }

  const problems: PackageProblem[] = [];
  // Names first: a traversal or a name that collides on disk fails the package whatever its hash.
  const unsafe = new Set<string>();
  for (const { path, reason } of pathProblems([...new Set([...archive.entries.map((e) => e.name), ...manifest.files.map((f) => f.path)])])) {
    unsafe.add(path);
    problems.push({ path, kind: 'invalid', message: `文件名不安全：${reason}` });
  }
  const boundByContent = manifest.selfCheck?.path;
  const listed = new Set(manifest.files.map((f) => f.path));
  const occurrences = new Map<string, ZipEntry[]>();
  for (const entry of archive.entries) {
    const found = occurrences.get(entry.name);
    if (found) {
      found.push(entry);
    } else {
      occurrences.set(entry.name, [entry]);
    }
  }
  for (const [name, found] of occurrences) {
    if (unsafe.has(name) || (name.endsWith('/') && !listed.has(name))) {
      continue; // Reported above; a folder entry added by a zip tool holds no content.
    }
    if (name !== PACKAGE_MANIFEST_ENTRY && name !== boundByContent && !listed.has(name)) {
      problems.push({ path: name, kind: 'extra', message: '材料包中多出了文件清单里没有的文件' });
    } else if (found.length > 1) {
      problems.push({ path: name, kind: 'extra', message: `出现了 ${found.length} 次，可能已被改动` });
    }
  }
  for (const file of manifest.files) {
    if (unsafe.has(file.path)) {
      continue;
    }
    const found = occurrences.get(file.path);
    if (!found) {
      problems.push({ path: file.path, kind: 'missing', message: '缺少文件' });
      continue;
    }
    try {
      const hashed = hashEntry(archive, found[found.length - 1], file.size);
      if ('tooLong' in hashed || hashed.size !== file.size || hashed.sha256 !== file.sha256) {
        problems.push({ path: file.path, kind: 'altered', message: ALTERED });
      }
    } catch (error) {
      if (error instanceof ZipLimitError) {
        problems.push({ path: file.path, kind: 'invalid', message: zipLimitMessage(error, '检查材料包', '此文件').replace(/^检查材料包中的此文件/, '') });
        if (error.kind === 'total') {
          break;
        }
      } else if (error instanceof ZipFormatError) {
        problems.push({ path: file.path, kind: 'altered', message: '已损坏，无法解压' });
      } else {
        throw error;
      }
    }
  }
  if (manifest.selfCheck) {
    problems.push(...(await checkSelfCheck(archive, manifest.selfCheck, fingerprint)));
  }
  return { ok: problems.length === 0, branch: manifest.branch, period: manifest.period, counts: manifest.counts, fingerprint, problems };
}

/** The 自检报告 of a version-2 package: present, its content as listed, its 报送单 printing this fingerprint. */
async function checkSelfCheck(archive: ZipArchive, selfCheck: { path: string; contentSha256: string }, fingerprint: string): Promise<PackageProblem[]> {
  const path = selfCheck.path;
  if (path !== SELF_CHECK_FILE) {
    return [{ path, kind: 'invalid', message: '文件清单所指的自检报告不是 00_自检报告.xlsx' }];
  }
  const entry = archive.find(path);
  if (!entry) {
    return [{ path, kind: 'missing', message: '缺少文件' }];
  }
  let content: Awaited<ReturnType<typeof readSelfCheckContent>>;
  try {
    content = await readSelfCheckContent(archive.readBytes(entry, MAX_SELF_CHECK_BYTES));
  } catch {
    return [{ path, kind: 'altered', message: '已损坏，无法读取' }];
  }
  if (content.contentSha256 !== selfCheck.contentSha256) {
    return [{ path, kind: 'altered', message: '内容与文件清单记录的不符，已被改动' }];
  }
  if (content.printedFingerprint !== fingerprint) {
    return [{ path, kind: 'altered', message: '报送单上印的材料包指纹与本材料包不符' }];
  }
  return [];
}
