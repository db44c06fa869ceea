/**
 * The manifest of a 支部台账 backup file (`manifest.json` inside the zip): what the file holds, where it came
 * from, and the SHA-256 of every other entry so that a damaged or altered file is refused before anything
 * is written. Pure: no DOM, no Node.
 */
import { z } from 'zod';

export const BACKUP_FORMAT = 'branch-ledger-backup';
/** Raise when the layout of the archive changes; readers refuse versions they do not know. */
export const BACKUP_FORMAT_VERSION = 1;
/** File extension of backups written by the app (a zip inside). */
export const BACKUP_EXTENSION = 'blbak';

export const MANIFEST_ENTRY = 'manifest.json';
export const DATA_ENTRY = 'data.json';
/** Binary values (attachment files and thumbnails) are stored as entries under this folder. */
export const BINARY_FOLDER = 'blobs/';

/** Why a backup was taken; shown when the user looks at a file. */
export const BACKUP_REASONS = ['manual', 'daily', 'before-import', 'before-restore', 'before-upgrade'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

export const BACKUP_REASON_LABELS: Record<BackupReason, string> = {
  manual: '手动备份',
  daily: '每日自动备份',
  'before-import': '导入前自动备份',
  'before-restore': '恢复前自动备份',
  'before-upgrade': '升级前自动备份',
};

const sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/);

export const backupFileEntrySchema = z.strictObject({
  path: z.string().min(1).max(200),
  size: z.number().int().nonnegative(),
  sha256: sha256HexSchema,
});
export type BackupFileEntry = z.infer<typeof backupFileEntrySchema>;

export const backupManifestSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int().positive(),
  /** ISO datetime with offset. */
  createdAt: z.string().min(10).max(40),
  reason: z.enum(BACKUP_REASONS),
  database: z.strictObject({
    name: z.string().min(1),
    /** Dexie schema version of the database the backup was taken from. */
    version: z.number().int().positive(),
  }),
  /** Rows per table. */
  tables: z.record(z.string().min(1), z.number().int().nonnegative()),
  branches: z.array(z.strictObject({ id: z.string(), name: z.string() })),
  /** Every entry of the archive but the manifest itself: data.json and each binary. */
  files: z.array(backupFileEntrySchema).min(1),
});
export type BackupManifest = z.infer<typeof backupManifestSchema>;

/** A binary value inside a row of data.json: the archive entry holding its bytes, and its MIME type. */
export const binaryRefSchema = z.strictObject({
  $binary: z.strictObject({ path: z.string().startsWith(BINARY_FOLDER), type: z.string() }),
});
export type BinaryRef = z.infer<typeof binaryRefSchema>;

export function isBinaryRef(value: unknown): value is BinaryRef {
  return binaryRefSchema.safeParse(value).success;
}

/** data.json: every table's rows, binaries replaced by BinaryRef. */
export const backupDataSchema = z.strictObject({
  tables: z.record(z.string().min(1), z.array(z.record(z.string(), z.unknown()))),
});
export type BackupData = z.infer<typeof backupDataSchema>;
