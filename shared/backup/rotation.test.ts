import { describe, expect, it } from 'vitest';
import { backupFileName, backupsToDelete, dailyBackupName, isAutomaticBackupName } from './rotation';

function isoDays(from: string, count: number): string[] {
  const start = Date.UTC(Number(from.slice(0, 4)), Number(from.slice(5, 7)) - 1, Number(from.slice(8, 10)));
  return Array.from({ length: count }, (_, i) => new Date(start - i * 86_400_000).toISOString().slice(0, 10));
}

describe('backup names', () => {
  it('names daily backups by date and others by date and time', () => {
    expect(dailyBackupName('2025-03-05')).toBe('自动备份_2025-03-05.blbak');
    expect(backupFileName('before-import', '2025-03-05', '102030')).toBe('导入前备份_2025-03-05_102030.blbak');
    expect(backupFileName('manual', '2025-03-05', '1020')).toBe('支部台账备份_2025-03-05_1020.blbak');
    expect(isAutomaticBackupName('恢复前备份_2025-03-05_102030.blbak')).toBe(true);
    expect(isAutomaticBackupName('我的文件.blbak')).toBe(false);
  });
});

describe('backupsToDelete', () => {
  it('keeps everything while there are few', () => {
    const names = isoDays('2025-03-05', 14).map(dailyBackupName);
    expect(backupsToDelete(names, '2025-03-05')).toEqual([]);
  });

  it('keeps the newest 14 daily and the newest of each of 12 months', () => {
    // Every day for two years.
    const days = isoDays('2025-03-05', 730);
    const names = days.map(dailyBackupName);
    const deleted = new Set(backupsToDelete(names, '2025-03-05'));
    const kept = names.filter((name) => !deleted.has(name));
    const daily = days.slice(0, 14).map(dailyBackupName);
    expect(kept.slice(0, 14)).toEqual(daily);
    // Months: 2025-03 and 2025-02 are newest through dailies already; then the last day of each earlier month.
    expect(kept.slice(14)).toEqual(
      ['2025-01-31', '2024-12-31', '2024-11-30', '2024-10-31', '2024-09-30', '2024-08-31', '2024-07-31', '2024-06-30', '2024-05-31', '2024-04-30'].map(dailyBackupName),
    );
    expect(kept).toHaveLength(24);
  });

  it('keeps 12 monthly backups across gaps of months without use', () => {
    const names = ['2023-01-10', '2023-03-10', '2023-05-10', '2023-05-01', '2024-01-01'].map(dailyBackupName);
    const more = isoDays('2025-03-05', 30).map(dailyBackupName);
    const deleted = backupsToDelete([...names, ...more], '2025-03-05');
    // 14 dailies (03-05 … 02-20); months: 2025-03 and 2025-02 are covered by them, then 2024-01, 2023-05 (its newest), 2023-03, 2023-01.
    expect(deleted).toContain(dailyBackupName('2023-05-01'));
    expect(deleted).not.toContain(dailyBackupName('2023-05-10'));
    expect(deleted).not.toContain(dailyBackupName('2023-01-10'));
    expect(deleted).not.toContain(dailyBackupName('2025-02-20'));
    expect(deleted).toContain(dailyBackupName('2025-02-19'));
    expect(deleted).toContain(dailyBackupName('2025-02-04'));
    expect(deleted).toHaveLength(35 - 14 - 4);
  });

  it('keeps the newest 10 of each event kind and never touches other files or future dates', () => {
    const imports = Array.from({ length: 12 }, (_, i) => backupFileName('before-import', '2025-03-05', String(100000 + i)));
    const restores = Array.from({ length: 3 }, (_, i) => backupFileName('before-restore', '2025-03-01', String(100000 + i)));
    const deleted = backupsToDelete(
      [...imports, ...restores, '我的备份.blbak', dailyBackupName('2030-01-01'), 'notes.txt'],
      '2025-03-05',
    );
    expect(deleted.sort()).toEqual([imports[0], imports[1]].sort());
  });
});
