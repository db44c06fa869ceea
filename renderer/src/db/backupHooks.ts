/**
 * Backups bound to the app's database, and the React hooks of 设置 → 数据备份. The backup folder is passed
 * in (Platform.backupFolder in Electron, undefined in a browser): db/ does not import the platform.
 */
import { useCallback, useEffect, useState } from 'react';
import { isAutomaticBackupName, type BackupReason } from '@shared/backup';
import {
  backupBeforeRiskyChange,
  createBackup,
  describeBackup,
  isDatabaseEmpty,
  restoreBackup,
  runDailyBackup,
  type BackupFolder,
} from './backup';
import { db } from './index';

export { BackupFormatError, type BackupSummary, type BackupFolder, type AutomaticBackup } from './backup';

export const appBackup = {
  create: () => createBackup(db),
  describe: (bytes: Uint8Array) => describeBackup(bytes),
  restore: (bytes: Uint8Array) => restoreBackup(db, bytes),
  isEmpty: () => isDatabaseEmpty(db),
  beforeRiskyChange: (reason: Exclude<BackupReason, 'manual' | 'daily'>, folder?: BackupFolder) =>
    backupBeforeRiskyChange(db, reason, folder),
  runDaily: (folder: BackupFolder) => runDailyBackup(db, folder),
};

export interface BackupFolderEntryView {
  name: string;
  size: number;
  modifiedAt: string;
}

export interface BackupFolderStatus {
  /** The folder's path; undefined while loading. */
  location?: string;
  /** The app's own backups in the folder, newest first. */
  entries: BackupFolderEntryView[];
  /** The newest automatic backup, or null when there is none. */
  last: BackupFolderEntryView | null;
  error?: string;
  refresh: () => void;
}

interface FolderWithLocation extends BackupFolder {
  location(): Promise<string>;
}

/** What 设置 shows about the backup folder; `refresh` after writing into it. */
export function useBackupFolderStatus(folder: FolderWithLocation | undefined): BackupFolderStatus {
  const [state, setState] = useState<Omit<BackupFolderStatus, 'refresh'>>({ entries: [], last: null });
  const [version, setVersion] = useState(0);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  useEffect(() => {
    if (!folder) {
      return;
    }
    let live = true;
    Promise.all([folder.location(), folder.list()])
      .then(([location, list]) => {
        const entries = list.filter((entry) => isAutomaticBackupName(entry.name));
        if (live) {
          setState({ location, entries, last: entries[0] ?? null });
        }
      })
      .catch((error: unknown) => {
        if (live) {
          setState((old) => ({ ...old, error: error instanceof Error ? error.message : String(error) }));
        }
      });
    return () => {
      live = false;
    };
  }, [folder, version]);
  return { ...state, refresh };
}

/** The app session's daily backup runs once, however often the hook mounts. */
let dailyRun: Promise<{ created: string | null; deleted: string[] }> | null = null;

/**
 * Takes today's automatic backup once per app session (and at most one file per day) when a folder exists.
 * Mount it where the app starts; `onDone` hears what was written.
 */
export function useDailyBackup(folder: BackupFolder | undefined, onDone?: (created: string | null) => void): void {
  useEffect(() => {
    if (!folder) {
      return;
    }
    let live = true;
    dailyRun ??= appBackup.runDaily(folder).catch((error: unknown) => {
      console.warn('[branch-ledger] daily backup failed:', error);
      dailyRun = null;
      return { created: null, deleted: [] };
    });
    void dailyRun.then((result) => {
      if (live) {
        onDone?.(result.created);
      }
    });
    return () => {
      live = false;
    };
    // onDone is a notification only; re-running for a new callback identity is not wanted.
  }, [folder]);
}
