import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_DUES_SETTINGS, DUES_SETTINGS_KEY, type DuesSettings } from '@shared/dues';
import { DEFAULT_TRAINING_SETTINGS, TRAINING_SETTINGS_KEY } from '@shared/training';
import type { BranchLedgerDatabase } from './database';
import { getDuesSettings } from './dues';
import { ValidationError } from './errors';
import { putDuesSettings, putTrainingSettings } from './kindSettings';
import { freshDatabase } from './testing';
import { getTrainingSettings } from './training';

let db: BranchLedgerDatabase;
beforeEach(() => {
  db = freshDatabase();
});

describe('党费规定 and 学时 settings rows', () => {
  it('stores only what differs from the defaults, and the pages read it back whole', async () => {
    await putTrainingSettings(db, { ...DEFAULT_TRAINING_SETTINGS, leaderGoalHours: 60, weeklyStudy: { enabled: true } });
    expect((await db.settings.get(TRAINING_SETTINGS_KEY))?.value).toEqual({ leaderGoalHours: 60, weeklyStudy: { enabled: true } });
    expect(await getTrainingSettings(db)).toEqual({ ...DEFAULT_TRAINING_SETTINGS, leaderGoalHours: 60, weeklyStudy: { enabled: true } });
  });

  it('恢复默认 removes the row', async () => {
    await putDuesSettings(db, { ...DEFAULT_DUES_SETTINGS, unpaidWarnMonths: 2 });
    expect((await db.settings.get(DUES_SETTINGS_KEY))?.value).toEqual({ unpaidWarnMonths: 2 });
    await putDuesSettings(db, DEFAULT_DUES_SETTINGS);
    expect(await db.settings.get(DUES_SETTINGS_KEY)).toBeUndefined();
    expect(await getDuesSettings(db)).toEqual(DEFAULT_DUES_SETTINGS);
  });

  it('refuses brackets out of order whole and keeps what was stored', async () => {
    await putDuesSettings(db, { ...DEFAULT_DUES_SETTINGS, unpaidWarnMonths: 2 });
    const broken: DuesSettings = {
      ...DEFAULT_DUES_SETTINGS,
      unpaidWarnMonths: 4,
      employed: [{ upToFen: 500000, percent: 1 }, { upToFen: 300000, percent: 0.5 }, { upToFen: null, percent: 2 }],
    };
    const error: unknown = await putDuesSettings(db, broken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).problems[0].message).toBe('党费规定设置无效：各档上限应从小到大'); // the rejection is a ValidationError (checked above)
    expect(await getDuesSettings(db)).toEqual({ ...DEFAULT_DUES_SETTINGS, unpaidWarnMonths: 2 });
  });
});
