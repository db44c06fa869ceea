/**
 * The rule settings (设置 → 规则): one row of the settings table, read through readRuleSettings so that a missing
 * or broken key falls back to its 条例 default. Every page that applies the rules reads them here.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import {
  DEFAULT_RULE_SETTINGS,
  readRuleSettings,
  RULE_SETTINGS_KEY,
  ruleSettingsSchema,
  type RuleSettingKey,
  type RuleSettings,
} from '@shared/rules/settings';
import type { BranchLedgerDatabase } from './database';
import { ValidationError } from './errors';
import { db } from './index';

/** The settings in force: the stored row, every missing or broken key at its default. */
export async function getRuleSettings(database: BranchLedgerDatabase): Promise<RuleSettings> {
  return readRuleSettings((await database.settings.get(RULE_SETTINGS_KEY))?.value);
}

/** Key order does not matter: `{share, inclusive}` equals `{inclusive, share}`. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export function sameSetting(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

/**
 * Stores what differs from the 条例 defaults (nothing at all when every key is at its default), so that a key the
 * user never changed follows the default of the version in use. Refuses values the schema does not accept.
 */
export async function putRuleSettings(database: BranchLedgerDatabase, settings: RuleSettings): Promise<RuleSettings> {
  const parsed = ruleSettingsSchema.safeParse(settings);
  if (!parsed.success) {
    throw new ValidationError(
      parsed.error.issues.map((issue) => ({ field: String(issue.path[0] ?? ''), message: `规则设置无效：${issue.message}` })),
    );
  }
  const changed: Partial<Record<RuleSettingKey, unknown>> = {};
  for (const key of ruleSettingsSchema.keyof().options) {
    if (!sameSetting(parsed.data[key], DEFAULT_RULE_SETTINGS[key])) {
      changed[key] = parsed.data[key];
    }
  }
  await (Object.keys(changed).length === 0
    ? database.settings.delete(RULE_SETTINGS_KEY)
    : database.settings.put({ key: RULE_SETTINGS_KEY, value: changed }));
  return parsed.data;
}

/** The rule settings in force, live; `undefined` while loading. */
export function useRuleSettings(): RuleSettings | undefined {
  return useLiveQuery(() => getRuleSettings(db), []);
}

/** Saves the rule settings of 设置 → 规则; DEFAULT_RULE_SETTINGS is 恢复默认. */
export function saveRuleSettings(settings: RuleSettings): Promise<RuleSettings> {
  return putRuleSettings(db, settings);
}
