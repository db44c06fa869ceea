/**
 * What differs between the Electron app and a plain browser: files in and out, printing, storage.
 * Pages import `platform` from './index' only, never a target file.
 */
export interface FileFilter {
  /** Shown in the dialog, Chinese, e.g. 'Excel 工作簿'. */
  name: string;
  /** Without the dot: ['xlsx']. */
  extensions: string[];
}

export interface SaveFileRequest {
  suggestedName: string;
  data: Uint8Array;
  filters?: FileFilter[];
}

export interface SaveFileResult {
  /** False when the user cancelled the dialog. */
  saved: boolean;
  /** Where it went, when the platform knows (Electron). */
  path?: string;
}

export interface SaveFileStreamRequest {
  suggestedName: string;
  filters?: FileFilter[];
}

/**
 * A file being saved in pieces (a file too big to hold in memory or send in one message). Operations run in the
 * order they are called; nothing carries the chosen name until `close` has succeeded.
 */
export interface FileSink {
  /** Appends the bytes (the caller may reuse or drop its array once this resolves). */
  write(chunk: Uint8Array): Promise<void>;
  /** Finishes the file: Electron renames the partial file to the chosen name; a browser starts the download. */
  close(): Promise<SaveFileResult>;
  /** Gives up: nothing is left behind. Never throws; safe to call after a failure or twice. */
  abort(): Promise<void>;
}

export interface OpenFilesRequest {
  filters?: FileFilter[];
  multiple?: boolean;
}

export interface OpenedFile {
  name: string;
  data: Uint8Array;
}

export interface BackupFolderEntry {
  name: string;
  size: number;
  /** ISO datetime of the last write. */
  modifiedAt: string;
}

/** The app's own backup folder (Electron: userData/backups), by bare file names. Absent in a browser. */
export interface BackupFolderAccess {
  write(name: string, data: Uint8Array): Promise<BackupFolderEntry>;
  /** Newest first. */
  list(): Promise<BackupFolderEntry[]>;
  read(name: string): Promise<Uint8Array>;
  /** False when there was no such file. */
  remove(name: string): Promise<boolean>;
  /** The folder's path, shown in 设置. */
  location(): Promise<string>;
  /** Shows the folder in the system's file manager. */
  open(): Promise<{ opened: boolean; error?: string }>;
}

export interface Platform {
  readonly kind: 'electron' | 'browser';
  /** Save through a dialog the user answers (Electron) or a download (browser). */
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  /**
   * Save in pieces: Electron shows the save dialog now (null when cancelled) and writes each chunk to disk as it
   * comes; a browser collects the chunks in a Blob and downloads it on close.
   */
  saveFileStream(request: SaveFileStreamRequest): Promise<FileSink | null>;
  /** Files the user picked; an empty list when cancelled. */
  openFiles(request: OpenFilesRequest): Promise<OpenedFile[]>;
  /** Print the current page (print views use CSS @media print). */
  print(): Promise<void>;
  /** Ask the browser not to evict IndexedDB under storage pressure; resolves to the answer. */
  requestPersistentStorage(): Promise<boolean>;
  /** Only where the app has a folder of its own (Electron); a browser offers backups as downloads instead. */
  readonly backupFolder?: BackupFolderAccess;
}
