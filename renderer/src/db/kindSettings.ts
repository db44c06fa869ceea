import type { z } from 'zod';
import { DEFAULT_DUES_SETTINGS, DUES_SETTINGS_KEY, duesSettingsSchema, type DuesSettings } from '@shared/dues';
import { DEFAULT_TRAINING_SETTINGS, TRAINING_SETTINGS_KEY, trainingSettingsSchema, type TrainingSettings } from '@shared/training';
import type { BranchLedgerDatabase } from './database';
import { ValidationError } from './errors';
import { db } from './index';
import { sameSetting } from './ruleSettings';

/**
 * The settings rows of the ledger kinds (设置 → 党费规定, 学时), read by getDuesSettings / getTrainingSettings.
 * Stored as putRuleSettings stores the rules: only the keys that differ from the defaults (none at all: the row is
 * removed), so a key never changed follows the default of the version in use. A value the schema refuses is
 * refused whole and nothing is written.
 */
async function putSettingsRow<T extends Record<string, unknown>>(
  database: BranchLedgerDatabase,
  row: { key: string; schema: z.ZodType<T>; defaults: T; what: string },
  settings: T,
): Promise<T> {
  const parsed = row.schema.safeParse(settings);
  if (!parsed.success) {
    throw new ValidationError(parsed.error.issues.map((issue) => ({ field: issue.path.join('.'), message: `${row.what}设置无效：${issue.message}` })));
  }
  const changed = Object.fromEntries(Object.entries(parsed.data).filter(([key, value]) => !sameSetting(value, row.defaults[key])));
  await (Object.keys(changed).length === 0 ? database.settings.delete(row.key) : database.settings.put({ key: row.key, value: changed }));
  return parsed.data;
}

/** 设置 → 党费规定; DEFAULT_DUES_SETTINGS is 恢复默认. */
export function putDuesSettings(database: BranchLedgerDatabase, settings: DuesSettings): Promise<DuesSettings> {
  return putSettingsRow(database, { key: DUES_SETTINGS_KEY, schema: duesSettingsSchema, defaults: DEFAULT_DUES_SETTINGS, what: '党费规定' }, settings);
}

/** 设置 → 学时; DEFAULT_TRAINING_SETTINGS is 恢复默认. */
export function putTrainingSettings(database: BranchLedgerDatabase, settings: TrainingSettings): Promise<TrainingSettings> {
  return putSettingsRow(
    database,
    { key: TRAINING_SETTINGS_KEY, schema: trainingSettingsSchema, defaults: DEFAULT_TRAINING_SETTINGS, what: '学时' },
    settings,
  );
}

/** Saves 设置 → 党费规定 of this installation. */
export function saveDuesSettings(settings: DuesSettings): Promise<DuesSettings> {
  return putDuesSettings(db, settings);
}

/** Saves 设置 → 学时 of this installation. */
export function saveTrainingSettings(settings: TrainingSettings): Promise<TrainingSettings> {
  return putTrainingSettings(db, settings);
}
