/**
 * Backups bound to the app's database, and the React hooks of 设置 → 数据备份. The backup folder is passed
 * in (Platform.backupFolder in Electron, undefined in a browser): db/ does not import the platform.
 */
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { isAutomaticBackupName, type BackupReason } from '@shared/backup';
import {
  backupBeforeRiskyChange,
  createBackup,
  describeBackup,
  isDatabaseEmpty,
  openDatabase,
  restoreBackup,
  runDailyBackup,
  type AutomaticBackup,
  type BackupFolder,
} from './backup';
import { db } from './index';
import { messageOf } from '@shared/errors';

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

/**
 * Opens the app's database before anything reads it: a safety backup first when Dexie is about to upgrade it.
 * A backup that could not be written is reported (BackupNotice) and the database opens all the same: refusing to
 * open would lock the secretary out of the ledger. Resolves with a backup to offer as a download (browser).
 */
export async function openAppDatabase(folder: BackupFolder | undefined): Promise<AutomaticBackup | null> {
  try {
    return await openDatabase(db, folder);
  } catch (error) {
    reportBackupProblem({ what: '数据库升级前的安全备份', message: messageOf(error) });
    return null;
  }
}

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
          setState((old) => ({ ...old, error: messageOf(error) }));
        }
      });
    return () => {
      live = false;
    };
  }, [folder, version]);
  return { ...state, refresh };
}

/** An automatic backup that failed in this session: told to the user on the 工作台, not only logged. */
export interface BackupProblem {
  /** Which backup, e.g. 今天的自动备份. */
  what: string;
  /** Why, as the error said it. */
  message: string;
}

let backupProblem: BackupProblem | null = null;
const problemListeners = new Set<() => void>();

export function reportBackupProblem(problem: BackupProblem | null): void {
  backupProblem = problem;
  problemListeners.forEach((listener) => listener());
}

/** The last failed automatic backup of this session, or null. */
export function useBackupProblem(): BackupProblem | null {
  return useSyncExternalStore(
    (listener) => {
      problemListeners.add(listener);
      return () => problemListeners.delete(listener);
    },
    () => backupProblem,
  );
}


/** The app session's daily backup runs once, however often the hook mounts. */
let dailyRun: Promise<{ created: string | null; deleted: string[] }> | null = null;

/**
 * Takes today's automatic backup once per app session (and at most one file per day) when a folder exists.
 * Mount it where the app starts; `onDone` hears what was written.
 */
export function useDailyBackup(folder: BackupFolder | undefined, onDone?: (created: string | null) => void): void {
  // The latest callback, read when the run ends: a new callback identity does not start another run.
  const latestOnDone = useRef(onDone);
  latestOnDone.current = onDone;
  useEffect(() => {
    if (!folder) {
      return;
    }
    let live = true;
    dailyRun ??= appBackup.runDaily(folder).catch((error: unknown) => {
      console.warn('[branch-ledger] daily backup failed:', error);
      reportBackupProblem({ what: '今天的自动备份', message: messageOf(error) });
      dailyRun = null;
      return { created: null, deleted: [] };
    });
    void dailyRun.then((result) => {
      if (live) {
        latestOnDone.current?.(result.created);
      }
    });
    return () => {
      live = false;
    };
  }, [folder]);
}
