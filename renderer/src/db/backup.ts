/**
 * Backup and restore of the whole database, attachments included, in the file format of shared/backup
 * (a zip with manifest.json, data.json and the attachment bytes, each entry SHA-256-checked).
 *
 * - createBackup reads every table in one read transaction (a consistent snapshot), writes the file and reads
 *   it back through the same verification a restore uses before returning it.
 * - restoreBackup verifies first and refuses a damaged, altered or foreign file (BackupFormatError, Chinese
 *   message) before touching anything; then it replaces every table in ONE transaction: it either all
 *   happens or nothing changes.
 * - backupBeforeRiskyChange is what import code (and restore itself) calls first. In Electron it writes into
 *   the backup folder (userData/backups). A plain browser has no folder: the bytes are returned and the page
 *   offers them as a download; nothing is kept in the browser, where it would be lost with the database.
 * - backupBeforeSchemaUpgrade: Dexie runs upgrade functions inside the versionchange transaction, too late
 *   to read the old data out. A new schema version therefore calls this BEFORE opening the database with the
 *   new version: it opens the installed database as it is (Dexie's dynamic mode), backs it up if its version
 *   is older than the target, and closes it again.
 */
import Dexie from 'dexie';
import dayjs from 'dayjs';
import {
  BackupFormatError,
  backupFileName,
  backupsToDelete,
  dailyBackupName,
  isBinaryRef,
  mapValuesDeep,
  readBackupArchive,
  summarizeManifest,
  writeBackupArchive,
  describeBackup as describeBackupFile,
  type BackupDescription,
  type BackupReason,
  type BackupRow,
  type BackupSummary,
} from '@shared/backup';
import { messageOf } from '@shared/errors';

export { BackupFormatError, type BackupDescription, type BackupSummary };

/** The app's backup folder (Electron: userData/backups), by bare file names. Same shape as Platform.backupFolder. */
export interface BackupFolder {
  write(name: string, data: Uint8Array): Promise<unknown>;
  /** Newest first. */
  list(): Promise<{ name: string; size: number; modifiedAt: string }[]>;
  read(name: string): Promise<Uint8Array>;
  remove(name: string): Promise<unknown>;
}

/** SHA-256 as lowercase hex, with the browser's (and Node's) WebCrypto. */
export async function sha256Hex(data: Uint8Array): Promise<string> {
  // why: a Uint8Array may in general view a SharedArrayBuffer, which digest refuses; ours never do.
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', data as BufferSource));
  let hex = '';
  for (const byte of digest) {
    hex += byte.toString(16).padStart(2, '0');
  }
  return hex;
}

/** Verifies a file and says what it holds (for the confirm dialog), or why it cannot be restored. */
export function describeBackup(bytes: Uint8Array): Promise<BackupDescription> {
  return describeBackupFile(bytes, sha256Hex);
}

export interface CreateBackupOptions {
  reason?: BackupReason;
  now?: Date;
}

/** The whole database as a verified backup file. */
export async function createBackup(db: Dexie, options: CreateBackupOptions = {}): Promise<Uint8Array> {
  const snapshot: Record<string, unknown[]> = {};
  await db.transaction('r', db.tables, async () => {
    for (const table of db.tables) {
      snapshot[table.name] = await table.toArray();
    }
  });

  const pending: Promise<void>[] = [];
  const binaries = new Map<string, Uint8Array>();
  const tables: Record<string, BackupRow[]> = {};
  for (const [name, rows] of Object.entries(snapshot)) {
    tables[name] = mapValuesDeep(rows, (value) => {
      if (value instanceof Blob) {
        const path = `blobs/${pending.length + 1}`;
        pending.push(
          value.arrayBuffer().then((buffer) => {
            binaries.set(path, new Uint8Array(buffer));
          }),
        );
        return { value: { $binary: { path, type: value.type } } };
      }
      return undefined;
      // why: mapValuesDeep keeps an array of plain objects one; it replaces only Blobs, which no row is.
    }) as BackupRow[];
  }
  await Promise.all(pending);

  const bytes = await writeBackupArchive(
    {
      createdAt: dayjs(options.now ?? new Date()).format(),
      reason: options.reason ?? 'manual',
      database: { name: db.name, version: db.verno },
      tables,
      binaries,
    },
    sha256Hex,
  );
  // Read back: the file must pass exactly the checks a restore makes, and hold what we read.
  const check = await readBackupArchive(bytes, sha256Hex);
  for (const [name, rows] of Object.entries(snapshot)) {
    if (check.manifest.tables[name] !== rows.length) {
      throw new Error(`备份校验失败：${name} 的记录数不符，备份未完成`);
    }
  }
  if (check.binaries.size !== binaries.size) {
    throw new Error('备份校验失败：附件数量不符，备份未完成');
  }
  return bytes;
}

/** Replaces the whole database with a backup's contents; refuses (changing nothing) unless the file verifies. */
export async function restoreBackup(db: Dexie, bytes: Uint8Array): Promise<BackupSummary> {
  const archive = await readBackupArchive(bytes, sha256Hex);
  const { manifest } = archive;
  if (manifest.database.version > db.verno) {
    throw new BackupFormatError(
      `这个备份来自更新版本的支部台账（数据库版本 ${manifest.database.version}），请先升级软件再恢复`,
    );
  }
  const known = new Map(db.tables.map((table) => [table.name, table]));
  const rowsByTable = new Map<string, unknown[]>();
  for (const [name, rows] of Object.entries(archive.data.tables)) {
    const table = known.get(name);
    if (!table) {
      throw new BackupFormatError(`备份中有本软件不认识的数据（${name}），无法恢复`);
    }
    const keyPath = table.schema.primKey.keyPath;
    if (typeof keyPath === 'string' && rows.some((row) => row[keyPath] === undefined || row[keyPath] === null)) {
      throw new BackupFormatError(`备份文件的数据不完整：${name} 中有记录缺少编号`);
    }
    rowsByTable.set(
      name,
      rows.map((row) =>
        mapValuesDeep(row, (value) => {
          if (!isBinaryRef(value)) {
            return undefined;
          }
          // why: readBackupArchive checked that every reference has its bytes; they never view a SharedArrayBuffer.
          const bytes = archive.binaries.get(value.$binary.path)! as BlobPart;
          return { value: new Blob([bytes], { type: value.$binary.type }) };
        }),
      ),
    );
  }

  try {
    await db.transaction('rw', db.tables, async () => {
      for (const table of db.tables) {
        await table.clear();
        const rows = rowsByTable.get(table.name) ?? [];
        if (rows.length > 0) {
          await table.bulkAdd(rows);
        }
      }
    });
  } catch (error) {
    throw new Error(`恢复失败，当前数据没有改动：${messageOf(error)}`, { cause: error });
  }
  return summarizeManifest(manifest);
}

/** True when there is nothing to lose: no branch and no record in any table but settings. */
export async function isDatabaseEmpty(db: Dexie): Promise<boolean> {
  for (const table of db.tables) {
    if (table.name !== 'settings' && table.name !== 'auditLog' && (await table.count()) > 0) {
      return false;
    }
  }
  return true;
}

export interface AutomaticBackup {
  /** The file name it has (in the folder) or should have (as a download). */
  name: string;
  bytes: Uint8Array;
  /** True when written into the backup folder; false in a browser, where the caller offers a download. */
  savedToFolder: boolean;
}

/**
 * The backup taken before an import, a restore or a schema upgrade. With a folder (Electron) it is written
 * there and the folder is rotated; without one (browser) the caller offers `bytes` as a download.
 */
export async function backupBeforeRiskyChange(
  db: Dexie,
  reason: Exclude<BackupReason, 'manual' | 'daily'>,
  folder?: BackupFolder,
  now: Date = new Date(),
): Promise<AutomaticBackup> {
  const bytes = await createBackup(db, { reason, now });
  const name = backupFileName(reason, dayjs(now).format('YYYY-MM-DD'), dayjs(now).format('HHmmss'));
  if (!folder) {
    return { name, bytes, savedToFolder: false };
  }
  await folder.write(name, bytes);
  await rotateBackups(folder, now);
  return { name, bytes, savedToFolder: true };
}

/** Removes what the rotation policy (shared/backup/rotation.ts) no longer keeps; returns the names removed. */
export async function rotateBackups(folder: BackupFolder, now: Date = new Date()): Promise<string[]> {
  const names = (await folder.list()).map((entry) => entry.name);
  const doomed = backupsToDelete(names, dayjs(now).format('YYYY-MM-DD'));
  for (const name of doomed) {
    await folder.remove(name);
  }
  return doomed;
}

/**
 * Today's automatic backup, once per day: nothing when today's file exists already or the database is empty.
 * Returns the name written (or null) and what rotation removed.
 */
export async function runDailyBackup(
  db: Dexie,
  folder: BackupFolder,
  now: Date = new Date(),
): Promise<{ created: string | null; deleted: string[] }> {
  const name = dailyBackupName(dayjs(now).format('YYYY-MM-DD'));
  const existing = await folder.list();
  if (existing.some((entry) => entry.name === name) || (await isDatabaseEmpty(db))) {
    return { created: null, deleted: [] };
  }
  await folder.write(name, await createBackup(db, { reason: 'daily', now }));
  return { created: name, deleted: await rotateBackups(folder, now) };
}

/**
 * For a future schema version n: call with (DATABASE_NAME, n) before `new BranchLedgerDatabase()` opens the
 * database with version n. Opens the installed database as it is, backs it up when its version is older
 * than `targetVersion`, closes it. Null when there is no database yet or it is already current.
 */
export async function backupBeforeSchemaUpgrade(
  databaseName: string,
  targetVersion: number,
  folder?: BackupFolder,
  now: Date = new Date(),
): Promise<AutomaticBackup | null> {
  if (!(await Dexie.exists(databaseName))) {
    return null;
  }
  const installed = new Dexie(databaseName);
  await installed.open();
  try {
    if (installed.verno >= targetVersion || (await isDatabaseEmpty(installed))) {
      return null;
    }
    return await backupBeforeRiskyChange(installed, 'before-upgrade', folder, now);
  } finally {
    installed.close();
  }
}

/**
 * Opens a database the way the app must: when the installed database is older than the versions `database`
 * declares, a safety backup of it is taken first (into the folder, or handed back for a download), and only then
 * does Dexie run its upgrade. Resolves with that backup (null when none was needed).
 */
export async function openDatabase(database: Dexie, folder?: BackupFolder, now: Date = new Date()): Promise<AutomaticBackup | null> {
  const backup = await backupBeforeSchemaUpgrade(database.name, database.verno, folder, now);
  await database.open();
  return backup;
}
