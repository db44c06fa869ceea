import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SETTINGS, RULE_SETTINGS_KEY, type RuleSettings } from '@shared/rules/settings';
import type { BranchLedgerDatabase } from './database';
import { ValidationError } from './errors';
import { getRuleSettings, putRuleSettings, sameSetting } from './ruleSettings';
import { freshDatabase } from './testing';

let db: BranchLedgerDatabase;
beforeEach(() => {
  db = freshDatabase();
});

const halfYearly: RuleSettings = {
  ...DEFAULT_RULE_SETTINGS,
  partyLecture: { enabled: true, period: 'halfYear', minCount: 1 },
};

describe('rule settings', () => {
  it('reads the 条例 defaults when nothing is stored', async () => {
    expect(await getRuleSettings(db)).toEqual(DEFAULT_RULE_SETTINGS);
  });

  it('stores only what differs from the defaults, and reads it back whole', async () => {
    await putRuleSettings(db, halfYearly);
    expect((await db.settings.get(RULE_SETTINGS_KEY))?.value).toEqual({ partyLecture: { enabled: true, period: 'halfYear', minCount: 1 } });
    expect(await getRuleSettings(db)).toEqual(halfYearly);
  });

  it('恢复默认 removes the row', async () => {
    await putRuleSettings(db, halfYearly);
    await putRuleSettings(db, DEFAULT_RULE_SETTINGS);
    expect(await db.settings.get(RULE_SETTINGS_KEY)).toBeUndefined();
    expect(await getRuleSettings(db)).toEqual(DEFAULT_RULE_SETTINGS);
  });

  it('refuses an invalid value and keeps what was stored', async () => {
    await putRuleSettings(db, halfYearly);
    const broken = { ...halfYearly, termYears: 9 };
    await expect(putRuleSettings(db, broken)).rejects.toBeInstanceOf(ValidationError);
    expect(await getRuleSettings(db)).toEqual(halfYearly);
  });

  it('falls back to the default for a broken stored key, keeping the others', async () => {
    await db.settings.put({ key: RULE_SETTINGS_KEY, value: { termYears: 'three', talkMinPerPair: 2 } });
    const settings = await getRuleSettings(db);
    expect(settings.termYears).toBe(3);
    expect(settings.talkMinPerPair).toBe(2);
  });

  it('compares settings regardless of key order', () => {
    expect(sameSetting({ share: 0.5, inclusive: false }, { inclusive: false, share: 0.5 })).toBe(true);
    expect(sameSetting({ share: 0.5, inclusive: true }, { inclusive: false, share: 0.5 })).toBe(false);
  });
});
