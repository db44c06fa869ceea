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

export interface OpenFilesRequest {
  filters?: FileFilter[];
  multiple?: boolean;
}

export interface OpenedFile {
  name: string;
  data: Uint8Array;
}

export interface Platform {
  readonly kind: 'electron' | 'browser';
  /** Save through a dialog the user answers (Electron) or a download (browser). */
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  /** Files the user picked; an empty list when cancelled. */
  openFiles(request: OpenFilesRequest): Promise<OpenedFile[]>;
  /** Print the current page (print views use CSS @media print). */
  print(): Promise<void>;
  /** Ask the browser not to evict IndexedDB under storage pressure; resolves to the answer. */
  requestPersistentStorage(): Promise<boolean>;
}
