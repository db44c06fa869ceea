/**
 * Writing and reading a backup file: a zip (fflate) with `manifest.json`, `data.json` (every table's rows)
 * and one entry per binary value under `blobs/`. Reading verifies everything — zip structure, manifest
 * schema, the exact set of entries, each entry's size and SHA-256, the data schema, the row counts and every
 * binary reference — and throws a BackupFormatError with a Chinese message at the first problem, so that a
 * caller never writes anything from a file that is damaged, altered or not ours.
 * Pure: the SHA-256 function is passed in (crypto.subtle in the renderer and in tests).
 */
import { strFromU8, strToU8, zipSync, type Zippable } from 'fflate';
import { BACKUP_ZIP_LIMITS } from '../zip/limits';
import { pathProblems } from '../zip/names';
import { ZipArchive, ZipLimitError, zipLimitMessage } from '../zip/zip';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BACKUP_REASON_LABELS,
  backupDataSchema,
  backupManifestSchema,
  BINARY_FOLDER,
  DATA_ENTRY,
  isBinaryRef,
  MANIFEST_ENTRY,
  type BackupData,
  type BackupManifest,
  type BackupReason,
} from './manifest';
import { invalidBackupRow } from './tables';
import { isRecord } from '../oneOf';

/** SHA-256 of some bytes as 64 lowercase hex digits. */
export type Sha256 = (data: Uint8Array) => Promise<string>;

/** A file that is not a usable backup; `message` is Chinese and meant for the user. */
export class BackupFormatError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BackupFormatError';
  }
}


export type BackupRow = Record<string, unknown>;

export interface BackupInput {
  createdAt: string;
  reason: BackupReason;
  database: { name: string; version: number };
  /** Rows per table, binaries already replaced by BinaryRef (see mapValuesDeep). */
  tables: Record<string, BackupRow[]>;
  /** The bytes of each BinaryRef, by its path (`blobs/…`). */
  binaries: ReadonlyMap<string, Uint8Array>;
}

export interface BackupArchive {
  manifest: BackupManifest;
  data: BackupData;
  binaries: Map<string, Uint8Array>;
}

/**
 * Replaces values deep inside plain objects and arrays: `map` sees every value first and returns
 * `{ value }` to replace it, or undefined to keep it (and descend into plain objects and arrays).
 */
export function mapValuesDeep(value: unknown, map: (value: unknown) => { value: unknown } | undefined): unknown {
  const replaced = map(value);
  if (replaced) {
    return replaced.value;
  }
  if (Array.isArray(value)) {
    return value.map((item) => mapValuesDeep(item, map));
  }
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      out[key] = mapValuesDeep(item, map);
    }
    return out;
  }
  return value;
}

function branchesOf(tables: Record<string, BackupRow[]>): { id: string; name: string }[] {
  return (tables.branches ?? []).map((row) => ({ id: String(row.id), name: String(row.name) }));
}

/** Builds the backup file. Callers read it back with readBackupArchive before trusting it. */
export async function writeBackupArchive(input: BackupInput, sha256: Sha256): Promise<Uint8Array> {
  const dataBytes = strToU8(JSON.stringify({ tables: input.tables } satisfies BackupData));
  const entries: Zippable = { [DATA_ENTRY]: [dataBytes, { level: 6 }] };
  const files = [{ path: DATA_ENTRY, size: dataBytes.byteLength, sha256: await sha256(dataBytes) }];
  for (const [path, bytes] of input.binaries) {
    if (!path.startsWith(BINARY_FOLDER) || path === MANIFEST_ENTRY || path === DATA_ENTRY) {
      throw new Error(`invalid binary path ${path}`);
    }
    // Photos and PDFs are compressed already: store them.
    entries[path] = [bytes, { level: 0 }];
    files.push({ path, size: bytes.byteLength, sha256: await sha256(bytes) });
  }
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    createdAt: input.createdAt,
    reason: input.reason,
    database: input.database,
    tables: Object.fromEntries(Object.entries(input.tables).map(([name, rows]) => [name, rows.length])),
    branches: branchesOf(input.tables),
    files,
  };
  backupManifestSchema.parse(manifest);
  entries[MANIFEST_ENTRY] = [strToU8(JSON.stringify(manifest, null, 2)), { level: 6 }];
  return zipSync(entries);
}

const NOT_OURS = '这不是支部台账的备份文件';

function parseJson(bytes: Uint8Array, what: string): unknown {
  try {
    return JSON.parse(strFromU8(bytes));
  } catch (error) {
    throw new BackupFormatError(`备份文件已损坏：${what} 无法读取`, { cause: error });
  }
}

/** Verifies a backup file completely and returns its contents; throws BackupFormatError otherwise. */
export async function readBackupArchive(bytes: Uint8Array, sha256: Sha256): Promise<BackupArchive> {
  if (bytes.byteLength === 0) {
    throw new BackupFormatError('文件是空的，不是支部台账的备份文件');
  }
  if (bytes.byteLength < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) {
    throw new BackupFormatError(`${NOT_OURS}（不是 zip 格式）`);
  }
  // Limits and names before anything is inflated: a bomb or a traversal name is refused before a restore
  // replaces anything (shared/zip: sizes checked as declared and again while inflating).
  const entries: Record<string, Uint8Array> = {};
  try {
    const archive = new ZipArchive(bytes, BACKUP_ZIP_LIMITS);
    const unsafe = pathProblems(archive.entries.map((entry) => entry.name))[0];
    if (unsafe) {
      throw new BackupFormatError(`备份文件中的“${unsafe.path}”文件名不安全（${unsafe.reason}），可能已被改动`);
    }
    for (const entry of archive.entries) {
      entries[entry.name] = archive.readBytes(entry);
    }
  } catch (error) {
    if (error instanceof BackupFormatError) {
      throw error;
    }
    if (error instanceof ZipLimitError) {
      throw new BackupFormatError(zipLimitMessage(error, '备份文件'), { cause: error });
    }
    throw new BackupFormatError('备份文件已损坏，无法解压', { cause: error });
  }

  const manifestBytes = entries[MANIFEST_ENTRY];
  if (!manifestBytes) {
    throw new BackupFormatError(`${NOT_OURS}（缺少 ${MANIFEST_ENTRY}）`);
  }
  const rawManifest = parseJson(manifestBytes, MANIFEST_ENTRY);
  const header = isRecord(rawManifest) ? rawManifest : undefined;
  if (header?.format !== BACKUP_FORMAT) {
    throw new BackupFormatError(NOT_OURS);
  }
  if (typeof header.formatVersion === 'number' && header.formatVersion > BACKUP_FORMAT_VERSION) {
    throw new BackupFormatError(`这个备份由更新版本的支部台账制作（格式版本 ${header.formatVersion}），请先升级软件再恢复`);
  }
  const parsedManifest = backupManifestSchema.safeParse(rawManifest);
  if (!parsedManifest.success || parsedManifest.data.formatVersion !== BACKUP_FORMAT_VERSION) {
    throw new BackupFormatError(`备份文件的说明（${MANIFEST_ENTRY}）不完整或已被改动`);
  }
  const manifest = parsedManifest.data;

  // Exactly the listed entries: nothing missing, nothing added.
  const listed = new Set(manifest.files.map((file) => file.path));
  for (const name of Object.keys(entries)) {
    if (name !== MANIFEST_ENTRY && !listed.has(name)) {
      throw new BackupFormatError(`备份文件含有说明中没有的内容（${name}），可能已被改动`);
    }
  }
  for (const file of manifest.files) {
    const content = entries[file.path];
    if (!content) {
      throw new BackupFormatError(`备份文件不完整：缺少 ${file.path}`);
    }
    if (content.byteLength !== file.size || (await sha256(content)) !== file.sha256) {
      throw new BackupFormatError(`备份文件已损坏或被改动：${file.path} 的校验值不符`);
    }
  }
  if (!listed.has(DATA_ENTRY)) {
    throw new BackupFormatError(`备份文件不完整：缺少 ${DATA_ENTRY}`);
  }

  const parsedData = backupDataSchema.safeParse(parseJson(entries[DATA_ENTRY], DATA_ENTRY));
  if (!parsedData.success) {
    throw new BackupFormatError(`备份文件的数据（${DATA_ENTRY}）格式不对`);
  }
  const data = parsedData.data;
  const invalid = invalidBackupRow(data.tables);
  if (invalid) {
    throw new BackupFormatError(`备份文件中的数据无法恢复：${invalid}。文件可能被手工改动过`);
  }
  const tableNames = new Set([...Object.keys(data.tables), ...Object.keys(manifest.tables)]);
  for (const name of tableNames) {
    if ((data.tables[name]?.length ?? -1) !== manifest.tables[name]) {
      throw new BackupFormatError(`备份文件的数据与说明不符（${name} 的记录数）`);
    }
  }

  const binaries = new Map<string, Uint8Array>();
  for (const path of listed) {
    if (path.startsWith(BINARY_FOLDER)) {
      binaries.set(path, entries[path]);
    }
  }
  mapValuesDeep(data.tables, (value) => {
    if (value !== null && typeof value === 'object' && '$binary' in value) {
      if (!isBinaryRef(value) || !binaries.has(value.$binary.path)) {
        throw new BackupFormatError('备份文件不完整：有附件的文件内容缺失');
      }
      return { value };
    }
    return undefined;
  });
  return { manifest, data, binaries };
}

/** What a verified backup holds, for the confirm dialog. */
export interface BackupSummary {
  createdAt: string;
  reason: BackupReason;
  reasonLabel: string;
  databaseVersion: number;
  branches: { id: string; name: string }[];
  /** Rows per table. */
  tables: Record<string, number>;
  /** Files stored (attachments and thumbnails) and their total size in bytes. */
  binaryCount: number;
  binaryBytes: number;
}

export function summarizeManifest(manifest: BackupManifest): BackupSummary {
  const binaries = manifest.files.filter((file) => file.path.startsWith(BINARY_FOLDER));
  return {
    createdAt: manifest.createdAt,
    reason: manifest.reason,
    reasonLabel: BACKUP_REASON_LABELS[manifest.reason],
    databaseVersion: manifest.database.version,
    branches: manifest.branches,
    tables: manifest.tables,
    binaryCount: binaries.length,
    binaryBytes: binaries.reduce((sum, file) => sum + file.size, 0),
  };
}

export type BackupDescription = { ok: true; summary: BackupSummary } | { ok: false; error: string };

/** Verifies a file and says what it holds, or why it cannot be used (Chinese). Never throws for bad input. */
export async function describeBackup(bytes: Uint8Array, sha256: Sha256): Promise<BackupDescription> {
  try {
    const archive = await readBackupArchive(bytes, sha256);
    return { ok: true, summary: summarizeManifest(archive.manifest) };
  } catch (error) {
    if (error instanceof BackupFormatError) {
      return { ok: false, error: error.message };
    }
    throw error;
  }
}
