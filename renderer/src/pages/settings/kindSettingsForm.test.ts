import { describe, expect, it } from 'vitest';
import { DEFAULT_DUES_SETTINGS } from '@shared/dues';
import { DEFAULT_TRAINING_SETTINGS } from '@shared/training';
import { duesSettingsOf, duesValuesOf, trainingSettingsOf, trainingValuesOf } from './kindSettingsForm';

describe('党费规定 form', () => {
  it('shows the 规定 in 元 and reads it back unchanged', () => {
    const values = duesValuesOf(DEFAULT_DUES_SETTINGS);
    expect(values.employed.map((b) => [b.upTo, b.percent])).toEqual([
      ['3000.00', 0.5],
      ['5000.00', 1],
      ['10000.00', 1.5],
      [undefined, 2],
    ]);
    expect(values.fixed.学生).toBe('0.20');
    expect(duesSettingsOf(values)).toEqual({ ok: true, settings: DEFAULT_DUES_SETTINGS });
  });

  it('takes a local rate and amount as typed', () => {
    const values = duesValuesOf(DEFAULT_DUES_SETTINGS);
    values.retired[0] = { upTo: '4,000', percent: 0.5 };
    values.fixed.农民 = '0.5';
    const outcome = duesSettingsOf(values);
    expect(outcome.ok && outcome.settings.retired[0]).toEqual({ upToFen: 400000, percent: 0.5 });
    expect(outcome.ok && outcome.settings.fixedFen.农民).toBe(50);
  });

  it('says in Chinese what is wrong, on the field', () => {
    const values = duesValuesOf(DEFAULT_DUES_SETTINGS);
    values.employed[1] = { upTo: '', percent: 1.25 };
    values.fixed.农民 = '2';
    values.unpaidFlagMonths = null;
    values.backPayMonths = 30;
    const outcome = duesSettingsOf(values);
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.problems).toEqual(
      expect.arrayContaining([
        { name: ['employed', 1, 'upTo'], message: '在职党员第2档上限：请填写金额' },
        { name: ['employed', 1, 'percent'], message: '在职党员第2档比例：比例精确到0.1%' },
        { name: ['fixed', '农民'], message: '农民每月交纳不能大于1.00元' },
        { name: ['unpaidFlagMonths'], message: '请填写连续几个月未交提示（党章第九条）' },
        { name: ['backPayMonths'], message: '补交超过几个月提示不能大于24' },
      ]),
    );
  });

  it('refuses brackets out of order for the whole table', () => {
    const values = duesValuesOf(DEFAULT_DUES_SETTINGS);
    values.employed[1].upTo = '2000';
    const outcome = duesSettingsOf(values);
    expect(!outcome.ok && outcome.problems).toEqual([{ message: '在职党员比例表：各档上限应从小到大' }]);
  });
});

describe('学时 form', () => {
  it('reads the defaults back unchanged, 每周一学 off', () => {
    expect(trainingValuesOf(DEFAULT_TRAINING_SETTINGS)).toEqual({ memberGoalHours: 32, leaderGoalHours: 56, halfDayHours: 4, fullDayHours: 8, weeklyStudy: false });
    expect(trainingSettingsOf(trainingValuesOf(DEFAULT_TRAINING_SETTINGS))).toEqual({ ok: true, settings: DEFAULT_TRAINING_SETTINGS });
  });

  it('says in Chinese what is wrong, a cleared number included', () => {
    const outcome = trainingSettingsOf({ memberGoalHours: null, leaderGoalHours: 500, halfDayHours: 0, fullDayHours: 8, weeklyStudy: true });
    expect(!outcome.ok && outcome.problems).toEqual([
      { name: ['memberGoalHours'], message: '请填写党员每年学时' },
      { name: ['leaderGoalHours'], message: '书记和支委每年学时不能大于400学时' },
      { name: ['halfDayHours'], message: '半天计应大于0学时' },
    ]);
  });
});
