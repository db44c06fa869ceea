/**
 * The renderer ⇄ main contract: every IPC channel, the zod schemas of its payload and result, and the type
 * of `window.branchLedger`. Pure: no Node, no DOM, no Electron. The main process validates every payload
 * (and its own results) against these schemas; the preload only forwards.
 */
import { z } from 'zod';

/** Bytes that cross IPC in one message. Files that may be larger (inspection packages) go as a save stream. */
export const MAX_TRANSFER_BYTES = 512 * 1024 * 1024;

/** Largest chunk of a save stream (file:stream:write); the renderer splits bigger ones. */
export const MAX_STREAM_CHUNK_BYTES = 64 * 1024 * 1024;

/** Longest file name we accept; Windows allows 255 UTF-16 units, we keep room for a suffix. */
export const MAX_FILE_NAME_LENGTH = 200;

// Windows forbids these in file names; '/' and '\' would also be path separators everywhere.
const FORBIDDEN_FILE_NAME_CHARS = /[<>:"/\\|?*\u0000-\u001f]/;
const RESERVED_WINDOWS_NAMES = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/** True for a bare file name that is safe on Windows and Linux alike: no separators, no '..', no device names. */
export function isSafeFileName(name: string): boolean {
  if (name.length === 0 || name.length > MAX_FILE_NAME_LENGTH) {
    return false;
  }
  if (FORBIDDEN_FILE_NAME_CHARS.test(name)) {
    return false;
  }
  // Leading dots hide files (and cover '.' and '..'); Windows silently drops trailing dots and spaces.
  if (name.startsWith('.') || name.endsWith('.') || name.endsWith(' ') || name.trim() !== name) {
    return false;
  }
  return !RESERVED_WINDOWS_NAMES.test(name);
}

/** Turns any suggested name (e.g. '2024/一季度 台账.xlsx') into one that passes `isSafeFileName`. */
export function sanitizeFileName(name: string): string {
  let safe = name
    .replace(new RegExp(FORBIDDEN_FILE_NAME_CHARS.source, 'g'), '_')
    .trim()
    .replace(/^\.+/, '')
    .replace(/[. ]+$/, '');
  if (RESERVED_WINDOWS_NAMES.test(safe)) {
    safe = `_${safe}`;
  }
  if (safe.length > MAX_FILE_NAME_LENGTH) {
    const dot = safe.lastIndexOf('.');
    const extension = dot > 0 && safe.length - dot <= 10 ? safe.slice(dot) : '';
    safe = safe.slice(0, MAX_FILE_NAME_LENGTH - extension.length).replace(/[. ]+$/, '') + extension;
  }
  return safe.length > 0 ? safe : '未命名';
}

function isUint8Array(value: unknown): value is Uint8Array {
  // Tag check as well as instanceof: a Uint8Array from another realm (preload world, worker) is still bytes.
  return value instanceof Uint8Array || Object.prototype.toString.call(value) === '[object Uint8Array]';
}

export const bytesSchema = z
  .custom<Uint8Array>(isUint8Array, { message: '需要字节数据（Uint8Array）' })
  .refine((bytes) => bytes.byteLength <= MAX_TRANSFER_BYTES, { message: '文件过大（超过 512 MB）' });

export const fileNameSchema = z.string().refine(isSafeFileName, {
  message: '文件名不合法：不能为空，不能以点开头，不能包含 \\ / : * ? " < > |',
});

export const fileFilterSchema = z.strictObject({
  name: z.string().min(1).max(100),
  extensions: z
    .array(z.string().regex(/^(\*|[A-Za-z0-9]{1,16})$/))
    .min(1)
    .max(20),
});

export const saveFilePayloadSchema = z.strictObject({
  suggestedName: fileNameSchema,
  data: bytesSchema,
  filters: z.array(fileFilterSchema).max(20).optional(),
});

export const saveFileResultSchema = z.strictObject({
  saved: z.boolean(),
  path: z.string().optional(),
});

/** A save stream's handle: 128 random bits in hex, made by main; it names no path. */
export const streamHandleSchema = z.string().regex(/^[0-9a-f]{32}$/, { message: '保存句柄不合法' });

export const chunkBytesSchema = z
  .custom<Uint8Array>(isUint8Array, { message: '需要字节数据（Uint8Array）' })
  .refine((bytes) => bytes.byteLength <= MAX_STREAM_CHUNK_BYTES, { message: '数据块过大（超过 64 MB）' });

export const saveStreamOpenPayloadSchema = z.strictObject({
  suggestedName: fileNameSchema,
  filters: z.array(fileFilterSchema).max(20).optional(),
});

/** `handle: null` when the user cancelled the dialog. */
export const saveStreamOpenResultSchema = z.strictObject({
  handle: streamHandleSchema.nullable(),
});

export const saveStreamWritePayloadSchema = z.strictObject({
  handle: streamHandleSchema,
  chunk: chunkBytesSchema,
});

export const saveStreamWriteResultSchema = z.strictObject({
  /** Bytes in the file so far. */
  written: z.number().int().nonnegative(),
});

export const saveStreamHandlePayloadSchema = z.strictObject({
  handle: streamHandleSchema,
});

export const saveStreamAbortResultSchema = z.strictObject({
  aborted: z.boolean(),
});

export const openFilesPayloadSchema = z.strictObject({
  filters: z.array(fileFilterSchema).max(20).optional(),
  multiple: z.boolean().optional(),
});

export const openedFileSchema = z.strictObject({
  name: z.string(),
  data: bytesSchema,
});

export const openFilesResultSchema = z.array(openedFileSchema);

export const backupWritePayloadSchema = z.strictObject({
  name: fileNameSchema,
  data: bytesSchema,
});

export const backupNamePayloadSchema = z.strictObject({
  name: fileNameSchema,
});

export const backupEntrySchema = z.strictObject({
  name: z.string(),
  size: z.number().int().nonnegative(),
  /** ISO datetime of the last write. */
  modifiedAt: z.string(),
});

export const backupDeleteResultSchema = z.strictObject({
  deleted: z.boolean(),
});

export const openFolderResultSchema = z.strictObject({
  opened: z.boolean(),
  /** The system's reason when the folder could not be opened. */
  error: z.string().optional(),
});

export const appInfoSchema = z.strictObject({
  name: z.string(),
  version: z.string(),
  electron: z.string(),
  chrome: z.string(),
  node: z.string(),
  platform: z.string(),
  arch: z.string(),
  packaged: z.boolean(),
  /** Where backups go, shown in 设置 so that the user can find them. */
  backupDir: z.string(),
});

/** Channels without a payload are invoked with `undefined`. */
const noPayloadSchema = z.undefined();

/**
 * Every channel with its payload and result schema. A channel added here fails to compile in main until it
 * has a handler (IpcHandlers in electron/ipc-handlers.ts), and fails the tests until the API below reaches it.
 */
export const ipcContract = {
  'file:save': { payload: saveFilePayloadSchema, result: saveFileResultSchema },
  'file:open': { payload: openFilesPayloadSchema, result: openFilesResultSchema },
  'file:stream:open': { payload: saveStreamOpenPayloadSchema, result: saveStreamOpenResultSchema },
  'file:stream:write': { payload: saveStreamWritePayloadSchema, result: saveStreamWriteResultSchema },
  'file:stream:close': { payload: saveStreamHandlePayloadSchema, result: saveFileResultSchema },
  'file:stream:abort': { payload: saveStreamHandlePayloadSchema, result: saveStreamAbortResultSchema },
  'backup:write': { payload: backupWritePayloadSchema, result: backupEntrySchema },
  'backup:list': { payload: noPayloadSchema, result: z.array(backupEntrySchema) },
  'backup:read': { payload: backupNamePayloadSchema, result: bytesSchema },
  'backup:delete': { payload: backupNamePayloadSchema, result: backupDeleteResultSchema },
  'backup:openFolder': { payload: noPayloadSchema, result: openFolderResultSchema },
  'app:info': { payload: noPayloadSchema, result: appInfoSchema },
} as const satisfies Record<string, { payload: z.ZodType; result: z.ZodType }>;

export type IpcContract = typeof ipcContract;
export type IpcChannel = keyof IpcContract;
export type IpcPayload<C extends IpcChannel> = z.infer<IpcContract[C]['payload']>;
export type IpcResult<C extends IpcChannel> = z.infer<IpcContract[C]['result']>;

// Object.keys gives string[]; the contract's keys are exactly the channels.
export const IPC_CHANNELS = Object.keys(ipcContract) as IpcChannel[];

export function isIpcChannel(value: unknown): value is IpcChannel {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ipcContract, value);
}

export type FileFilterPayload = z.infer<typeof fileFilterSchema>;
export type SaveFilePayload = IpcPayload<'file:save'>;
export type SaveFileResultPayload = IpcResult<'file:save'>;
export type SaveStreamOpenPayload = IpcPayload<'file:stream:open'>;
export type SaveStreamOpenResult = IpcResult<'file:stream:open'>;
export type SaveStreamWritePayload = IpcPayload<'file:stream:write'>;
export type SaveStreamWriteResult = IpcResult<'file:stream:write'>;
export type SaveStreamHandlePayload = IpcPayload<'file:stream:close'>;
export type SaveStreamAbortResult = IpcResult<'file:stream:abort'>;
export type OpenFilesPayload = IpcPayload<'file:open'>;
export type OpenedFilePayload = z.infer<typeof openedFileSchema>;
export type BackupWritePayload = IpcPayload<'backup:write'>;
export type BackupNamePayload = IpcPayload<'backup:read'>;
export type BackupEntry = z.infer<typeof backupEntrySchema>;
export type BackupDeleteResult = IpcResult<'backup:delete'>;
export type OpenFolderResult = IpcResult<'backup:openFolder'>;
export type AppInfo = IpcResult<'app:info'>;

/** What the preload exposes as `window.branchLedger`: named functions only, each one channel. */
export interface BranchLedgerApi {
  /** Shows a save dialog; writes the bytes where the user chose. */
  saveFile(request: SaveFilePayload): Promise<SaveFileResultPayload>;
  /**
   * A save in pieces, for files that may exceed one IPC message: shows the save dialog and opens
   * `<chosen path>.partial` (handle null when cancelled); chunks are appended in order; close renames the partial
   * to the chosen path; abort (or the window going away) deletes it. Only the page that opened a handle may use it.
   */
  openSaveStream(request: SaveStreamOpenPayload): Promise<SaveStreamOpenResult>;
  writeSaveStream(request: SaveStreamWritePayload): Promise<SaveStreamWriteResult>;
  closeSaveStream(request: SaveStreamHandlePayload): Promise<SaveFileResultPayload>;
  abortSaveStream(request: SaveStreamHandlePayload): Promise<SaveStreamAbortResult>;
  /** Shows an open dialog; returns the chosen files' bytes (empty when cancelled). */
  openFiles(request: OpenFilesPayload): Promise<OpenedFilePayload[]>;
  /** Writes a named file into the app's own backup folder (replacing one of the same name). */
  writeBackup(request: BackupWritePayload): Promise<BackupEntry>;
  /** The files in the backup folder, newest first. */
  listBackups(): Promise<BackupEntry[]>;
  readBackup(request: BackupNamePayload): Promise<Uint8Array>;
  /** Removes one backup (rotation); `deleted: false` when it did not exist. */
  deleteBackup(request: BackupNamePayload): Promise<BackupDeleteResult>;
  /** Shows the backup folder in the system's file manager. */
  openBackupFolder(): Promise<OpenFolderResult>;
  getAppInfo(): Promise<AppInfo>;
}

/** Which channel each API function uses; the preload and the tests both rely on it. */
export const API_CHANNELS = {
  saveFile: 'file:save',
  openFiles: 'file:open',
  openSaveStream: 'file:stream:open',
  writeSaveStream: 'file:stream:write',
  closeSaveStream: 'file:stream:close',
  abortSaveStream: 'file:stream:abort',
  writeBackup: 'backup:write',
  listBackups: 'backup:list',
  readBackup: 'backup:read',
  deleteBackup: 'backup:delete',
  openBackupFolder: 'backup:openFolder',
  getAppInfo: 'app:info',
} as const satisfies Record<keyof BranchLedgerApi, IpcChannel>;

/** The global name under which the preload exposes the API. */
export const BRIDGE_NAME = 'branchLedger';
