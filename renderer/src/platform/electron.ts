/**
 * The Electron `Platform`: files through the main process's dialogs (window.branchLedger, exposed by the
 * preload), printing and storage through Chromium itself. Imports only the shared contract, never electron/.
 */
import { sanitizeFileName, type BranchLedgerApi } from '@shared/ipc';
import { createElectronFileSink } from './fileSink';
import type {
  BackupFolderAccess,
  FileFilter,
  FileSink,
  OpenedFile,
  OpenFilesRequest,
  Platform,
  SaveFileRequest,
  SaveFileResult,
  SaveFileStreamRequest,
} from './types';

declare global {
  interface Window {
    /** Present only inside the Electron app (see electron/preload.ts). */
    branchLedger?: BranchLedgerApi;
  }
}

/** The bridge when running inside Electron, otherwise undefined. */
export function getElectronBridge(): BranchLedgerApi | undefined {
  return typeof window !== 'undefined' ? window.branchLedger : undefined;
}

/** Main accepts extensions without the dot ('xlsx'); tolerate '.xlsx' from a page rather than fail. */
function toContractFilters(filters: FileFilter[] | undefined): FileFilter[] | undefined {
  return filters?.map((filter) => ({
    name: filter.name,
    extensions: filter.extensions.map((extension) => extension.replace(/^\./, '')),
  }));
}

function createBackupFolder(api: BranchLedgerApi): BackupFolderAccess {
  return {
    write: (name, data) => api.writeBackup({ name, data }),
    list: () => api.listBackups(),
    read: (name) => api.readBackup({ name }),
    remove: async (name) => (await api.deleteBackup({ name })).deleted,
    location: async () => (await api.getAppInfo()).backupDir,
    open: () => api.openBackupFolder(),
  };
}

export function createElectronPlatform(api: BranchLedgerApi): Platform {
  return {
    kind: 'electron',
    backupFolder: createBackupFolder(api),
    async saveFile(request: SaveFileRequest): Promise<SaveFileResult> {
      const result = await api.saveFile({
        // Names like '2024/一季度.xlsx' would be refused by main: make them a valid bare file name.
        suggestedName: sanitizeFileName(request.suggestedName),
        data: request.data,
        filters: toContractFilters(request.filters),
      });
      return result.saved ? { saved: true, path: result.path } : { saved: false };
    },
    async saveFileStream(request: SaveFileStreamRequest): Promise<FileSink | null> {
      const { handle } = await api.openSaveStream({
        suggestedName: sanitizeFileName(request.suggestedName),
        filters: toContractFilters(request.filters),
      });
      return handle === null ? null : createElectronFileSink(api, handle);
    },
    async openFiles(request: OpenFilesRequest): Promise<OpenedFile[]> {
      const files = await api.openFiles({ filters: toContractFilters(request.filters), multiple: request.multiple });
      return files.map((file) => ({ name: file.name, data: file.data }));
    },
    async print(): Promise<void> {
      // Chromium's own print preview; print views style themselves with @media print.
      window.print();
    },
    async requestPersistentStorage(): Promise<boolean> {
      if (typeof navigator === 'undefined' || !navigator.storage?.persist) {
        return false;
      }
      return navigator.storage.persist();
    },
  };
}
