/**
 * Names of the files in the backup folder, and which of them rotation removes. Dates are local calendar dates
 * ('YYYY-MM-DD') and times 'HHmmss' computed by the caller, so that this stays pure.
 *
 * Policy: daily backups (自动备份_YYYY-MM-DD) keep the newest 14, plus the newest one of each of the 12 most
 * recent months that have any (so a year of history survives in 26 files at most). Backups taken before a
 * risky change (导入前/恢复前/升级前备份_…) keep the newest 10 of each kind. Files dated after today (a clock
 * that was wrong) and files whose names we did not write are never removed.
 */
import { BACKUP_EXTENSION, type BackupReason } from './manifest';

export const KEEP_DAILY = 14;
export const KEEP_MONTHLY = 12;
export const KEEP_PER_EVENT_KIND = 10;

const NAME_PREFIX: Record<BackupReason, string> = {
  manual: '支部台账备份',
  daily: '自动备份',
  'before-import': '导入前备份',
  'before-restore': '恢复前备份',
  'before-upgrade': '升级前备份',
};

const DATE = String.raw`\d{4}-\d{2}-\d{2}`;
const DAILY_NAME = new RegExp(`^${NAME_PREFIX.daily}_(${DATE})\\.${BACKUP_EXTENSION}$`);
const EVENT_NAME = new RegExp(
  `^(${NAME_PREFIX['before-import']}|${NAME_PREFIX['before-restore']}|${NAME_PREFIX['before-upgrade']})_(${DATE})_(\\d{6})\\.${BACKUP_EXTENSION}$`,
);

/**
 * The file name for a backup: daily ones by date only (one per day), the others by date and time.
 * `time` is 'HHmmss' for events, 'HHmm' is enough for manual backups the user saves.
 */
export function backupFileName(reason: BackupReason, date: string, time: string): string {
  return reason === 'daily'
    ? `${NAME_PREFIX.daily}_${date}.${BACKUP_EXTENSION}`
    : `${NAME_PREFIX[reason]}_${date}_${time}.${BACKUP_EXTENSION}`;
}

/** The daily backup's name for a date: its presence means today's backup has been taken. */
export function dailyBackupName(date: string): string {
  return backupFileName('daily', date, '');
}

/** True for files this app writes into the backup folder. */
export function isAutomaticBackupName(name: string): boolean {
  return DAILY_NAME.test(name) || EVENT_NAME.test(name);
}

/** The names rotation removes from the folder, given all names in it and today's date. */
export function backupsToDelete(names: readonly string[], today: string): string[] {
  const daily = names
    .map((name) => ({ name, date: DAILY_NAME.exec(name)?.[1] }))
    .filter((entry): entry is { name: string; date: string } => entry.date !== undefined && entry.date <= today)
    .sort((a, b) => b.date.localeCompare(a.date));
  const keep = new Set(daily.slice(0, KEEP_DAILY).map((entry) => entry.name));
  const months = new Set<string>();
  for (const entry of daily) {
    const month = entry.date.slice(0, 7);
    if (!months.has(month) && months.size < KEEP_MONTHLY) {
      months.add(month);
      keep.add(entry.name); // newest of its month: the list is sorted newest first
    }
  }

  const events = new Map<string, { name: string; stamp: string }[]>();
  for (const name of names) {
    const match = EVENT_NAME.exec(name);
    if (match && match[2] <= today) {
      const list = events.get(match[1]) ?? [];
      list.push({ name, stamp: `${match[2]}_${match[3]}` });
      events.set(match[1], list);
    }
  }
  const deleted = daily.filter((entry) => !keep.has(entry.name)).map((entry) => entry.name);
  for (const list of events.values()) {
    list.sort((a, b) => b.stamp.localeCompare(a.stamp));
    deleted.push(...list.slice(KEEP_PER_EVENT_KIND).map((entry) => entry.name));
  }
  return deleted;
}
