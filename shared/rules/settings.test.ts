import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RULE_SETTINGS,
  frequencyLabel,
  readRuleSettings,
  RULE_SETTING_CHOICES,
  ruleSettingsSchema,
  type RuleSettingKey,
} from './settings';

describe('rule settings: the 条例 values are the defaults', () => {
  it('defaults to 第十一条 (每季度), 第十二条/第十三条/第十六条 (每月), 第十七条/第十八条 (每年)', () => {
    expect(frequencyLabel(DEFAULT_RULE_SETTINGS.partyCongress)).toBe('每季度至少1次');
    expect(frequencyLabel(DEFAULT_RULE_SETTINGS.committeeMeeting)).toBe('每月至少1次');
    expect(frequencyLabel(DEFAULT_RULE_SETTINGS.partyGroupMeeting)).toBe('每月至少1次');
    expect(frequencyLabel(DEFAULT_RULE_SETTINGS.themeDay)).toBe('每月至少1次');
    expect(frequencyLabel(DEFAULT_RULE_SETTINGS.orgLife)).toBe('每年至少1次');
    expect(frequencyLabel(DEFAULT_RULE_SETTINGS.democraticReview)).toBe('每年至少1次');
    // 党课: the 条例 sets no branch count; the common local floor is quarterly.
    expect(frequencyLabel(DEFAULT_RULE_SETTINGS.partyLecture)).toBe('每季度至少1次');
  });

  it('defaults to more than half (第十一条、第十二条), 3-year term, 6/1-month warnings, 3/50/7 (第四条、第六章)', () => {
    expect(DEFAULT_RULE_SETTINGS.partyCongressQuorum).toEqual({ share: 0.5, inclusive: false });
    expect(DEFAULT_RULE_SETTINGS.partyCongressPass).toEqual({ share: 0.5, inclusive: false, base: 'expected' });
    expect(DEFAULT_RULE_SETTINGS.committeeQuorum).toEqual({ share: 0.5, inclusive: false });
    expect(DEFAULT_RULE_SETTINGS).toMatchObject({
      talkMinPerPair: 1,
      termYears: 3,
      termWarningMonths: 6,
      probationWarningMonths: 1,
      minFullMembers: 3,
      maxMembers: 50,
      committeeFromFullMembers: 7,
    });
  });

  it('describes every setting, with the default as the first choice and only valid choices', () => {
    const keys = Object.keys(ruleSettingsSchema.shape) as RuleSettingKey[];
    expect(Object.keys(RULE_SETTING_CHOICES).sort()).toEqual([...keys].sort());
    for (const key of keys) {
      const info = RULE_SETTING_CHOICES[key];
      expect(info.label, key).not.toBe('');
      expect(info.source, key).toMatch(/《|地方/);
      expect(info.choices[0].value, key).toEqual(DEFAULT_RULE_SETTINGS[key]);
      for (const choice of info.choices) {
        expect(ruleSettingsSchema.shape[key].safeParse(choice.value).success, `${key}: ${choice.label}`).toBe(true);
      }
    }
  });

  it('offers 每季度, 每半年, 每年 and 不检查 for 党课', () => {
    expect(RULE_SETTING_CHOICES.partyLecture.choices.map((c) => c.label)).toEqual([
      '每季度至少1次',
      '每半年至少1次',
      '每年至少1次',
      '不检查（条例未规定党支部党课次数）',
    ]);
  });

  it('reads stored settings key by key, falling back to the default for what does not validate', () => {
    const read = readRuleSettings({ partyLecture: { enabled: true, period: 'halfYear', minCount: 1 }, termYears: 9 });
    expect(read.partyLecture.period).toBe('halfYear');
    expect(read.termYears).toBe(3);
    expect(read.partyCongress).toEqual(DEFAULT_RULE_SETTINGS.partyCongress);
    expect(readRuleSettings(undefined)).toEqual(DEFAULT_RULE_SETTINGS);
    expect(readRuleSettings('garbage')).toEqual(DEFAULT_RULE_SETTINGS);
  });
});
