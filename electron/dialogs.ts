/**
 * Files in and out. The renderer never names a path: it gets files the user picked in a dialog, writes
 * where the user chose in a dialog, or uses the app's own backup folder by bare file name.
 */
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BaseWindow, Dialog, FileFilter, OpenDialogOptions, SaveDialogOptions, Shell } from 'electron';
import {
  isSafeFileName,
  MAX_TRANSFER_BYTES,
  type BackupEntry,
  type FileFilterPayload,
  type OpenFolderResult,
  type OpenedFilePayload,
  type OpenFilesPayload,
  type SaveFilePayload,
  type SaveFileResultPayload,
} from '@shared/ipc';
import { errorCode } from '@shared/errors';

/** Error codes that endpoint security and backup software cause while they hold a file open. */
const LOCKED_FILE_CODES = new Set(['EBUSY', 'EPERM', 'EACCES']);

export interface RetryOptions {
  /** Total tries, the first included. */
  attempts?: number;
  /** Wait before the second try; doubled each time. */
  delayMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Runs a file operation again while the file is locked (virus scanners on government PCs do this). */
export async function retryWhileLocked<T>(operation: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 5;
  const sleep = options.sleep ?? defaultSleep;
  let delay = options.delayMs ?? 200;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await operation();
    } catch (error) {
      const code = errorCode(error);
      if (attempt >= attempts || code === undefined || !LOCKED_FILE_CODES.has(code)) {
        throw error;
      }
      await sleep(delay);
      delay *= 2;
    }
  }
}

export type WriteBytes = (filePath: string, data: Uint8Array) => Promise<void>;

export async function writeFileWithRetry(
  filePath: string,
  data: Uint8Array,
  options: RetryOptions & { write?: WriteBytes } = {},
): Promise<void> {
  const write = options.write ?? ((file: string, bytes: Uint8Array) => writeFile(file, bytes));
  try {
    await retryWhileLocked(() => write(filePath, data), options);
  } catch (error) {
    const code = errorCode(error);
    if (code !== undefined && LOCKED_FILE_CODES.has(code)) {
      throw new Error(`文件被占用或没有写入权限，无法保存：${filePath}`, { cause: error });
    }
    throw error;
  }
}

/** Bytes in an ArrayBuffer of their own: a pooled Buffer would carry its neighbours across IPC. */
export function toOwnBytes(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);
}

async function readFileWithinLimit(filePath: string, options: RetryOptions = {}): Promise<Uint8Array> {
  const info = await stat(filePath);
  if (info.size > MAX_TRANSFER_BYTES) {
    throw new Error(`文件过大（超过 512 MB），无法打开：${path.basename(filePath)}`);
  }
  return toOwnBytes(await retryWhileLocked(() => readFile(filePath), options));
}

export interface DialogContext {
  dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>;
  /** The window the dialog belongs to (modal on it), or null. */
  parent: BaseWindow | null;
  /** Where the save dialog starts, e.g. the user's Documents folder. */
  defaultDir: string;
  retry?: RetryOptions;
}

function toDialogFilters(filters: FileFilterPayload[] | undefined): FileFilter[] | undefined {
  return filters?.map((filter) => ({ name: filter.name, extensions: [...filter.extensions] }));
}

/**
 * The file name a page suggests, without any folder: `../../evil.zip`, `C:\\x\\a.zip` or `/tmp/a.zip` would
 * otherwise point the dialog outside the documents folder. Only the name the user then confirms is written.
 */
export function suggestedFileName(name: string): string {
  const base = path.posix.basename(name.replace(/\\/g, '/').replace(/^[A-Za-z]:/, ''));
  return base === '' || base === '.' || base === '..' ? '未命名' : base;
}

/** Shows the save dialog; the path the user chose, or null when cancelled. */
export async function askSavePath(
  context: DialogContext,
  request: { suggestedName: string; filters?: FileFilterPayload[] },
): Promise<string | null> {
  const options: SaveDialogOptions = {
    title: '保存文件',
    buttonLabel: '保存',
    defaultPath: path.join(context.defaultDir, suggestedFileName(request.suggestedName)),
    filters: toDialogFilters(request.filters),
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
  const answer = context.parent
    ? await context.dialog.showSaveDialog(context.parent, options)
    : await context.dialog.showSaveDialog(options);
  return answer.canceled || !answer.filePath ? null : answer.filePath;
}

export async function saveFileWithDialog(
  context: DialogContext,
  request: SaveFilePayload,
): Promise<SaveFileResultPayload> {
  const filePath = await askSavePath(context, request);
  if (filePath === null) {
    return { saved: false };
  }
  await writeFileWithRetry(filePath, request.data, context.retry);
  return { saved: true, path: filePath };
}

export async function openFilesWithDialog(
  context: DialogContext,
  request: OpenFilesPayload,
): Promise<OpenedFilePayload[]> {
  const options: OpenDialogOptions = {
    title: '打开文件',
    buttonLabel: '打开',
    filters: toDialogFilters(request.filters),
    properties: request.multiple ? ['openFile', 'multiSelections'] : ['openFile'],
  };
  const answer = context.parent
    ? await context.dialog.showOpenDialog(context.parent, options)
    : await context.dialog.showOpenDialog(options);
  if (answer.canceled) {
    return [];
  }
  const files: OpenedFilePayload[] = [];
  for (const filePath of answer.filePaths) {
    files.push({ name: path.basename(filePath), data: await readFileWithinLimit(filePath, context.retry) });
  }
  return files;
}

/** Suffix of a backup being written; renamed to its real name only when complete. */
const PARTIAL_SUFFIX = '.partial';

function assertBackupName(name: string): void {
  // The IPC schema checks this already; main-side callers (and future ones) get the same guard.
  if (!isSafeFileName(name) || name.endsWith(PARTIAL_SUFFIX)) {
    throw new Error(`备份文件名不合法：${name}`);
  }
}

export interface BackupStore {
  readonly dir: string;
  write(name: string, data: Uint8Array): Promise<BackupEntry>;
  list(): Promise<BackupEntry[]>;
  read(name: string): Promise<Uint8Array>;
  remove(name: string): Promise<boolean>;
}

/** The backup folder (userData/backups): bare names only, written atomically so a crash leaves no torn backup. */
export function createBackupStore(dir: string, retry: RetryOptions = {}): BackupStore {
  async function entryFor(name: string): Promise<BackupEntry> {
    const info = await stat(path.join(dir, name));
    return { name, size: info.size, modifiedAt: info.mtime.toISOString() };
  }

  return {
    dir,
    async write(name, data) {
      assertBackupName(name);
      await mkdir(dir, { recursive: true });
      const target = path.join(dir, name);
      const partial = `${target}${PARTIAL_SUFFIX}`;
      await writeFileWithRetry(partial, data, retry);
      await retryWhileLocked(() => rename(partial, target), retry);
      return entryFor(name);
    },
    async list() {
      let names: string[];
      try {
        const dirents = await readdir(dir, { withFileTypes: true });
        names = dirents
          .filter((dirent) => dirent.isFile() && !dirent.name.endsWith(PARTIAL_SUFFIX) && isSafeFileName(dirent.name))
          .map((dirent) => dirent.name);
      } catch (error) {
        if (errorCode(error) === 'ENOENT') {
          return [];
        }
        throw error;
      }
      const entries = await Promise.all(names.map(entryFor));
      return entries.sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt) || b.name.localeCompare(a.name));
    },
    async read(name) {
      assertBackupName(name);
      return readFileWithinLimit(path.join(dir, name), retry);
    },
    async remove(name) {
      assertBackupName(name);
      try {
        await stat(path.join(dir, name));
      } catch (error) {
        if (errorCode(error) === 'ENOENT') {
          return false;
        }
        throw error;
      }
      await retryWhileLocked(() => rm(path.join(dir, name)), retry);
      return true;
    },
  };
}

/** Shows the backup folder in the file manager (created first, so that it opens even before the first backup). */
export async function openBackupFolder(shell: Pick<Shell, 'openPath'>, dir: string): Promise<OpenFolderResult> {
  await mkdir(dir, { recursive: true });
  // openPath resolves to an error message, '' on success.
  const error = await shell.openPath(dir);
  return error ? { opened: false, error } : { opened: true };
}
