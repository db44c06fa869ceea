import { describe, expect, it } from 'vitest';
import { checkDuesOwed, duesOwed, owedAtPercent } from './owed';
import { DEFAULT_DUES_SETTINGS, duesSettingsSchema, readDuesSettings } from './settings';
import { makePayment } from './testFixtures';

const yuan = (y: number) => Math.round(y * 100);

describe('党费规定 rate table (含本数)', () => {
  it('在职: 3000, 5000 and 10000 元 are in the lower bracket; one 分 more is in the next', () => {
    const rate = (base: number) => duesOwed('在职', base, DEFAULT_DUES_SETTINGS)?.percent;
    expect(rate(yuan(3000))).toBe(0.5);
    expect(rate(yuan(3000) + 1)).toBe(1);
    expect(rate(yuan(5000))).toBe(1);
    expect(rate(yuan(5000) + 1)).toBe(1.5);
    expect(rate(yuan(10000))).toBe(1.5);
    expect(rate(yuan(10000) + 1)).toBe(2);
    expect(rate(0)).toBe(0.5);
  });

  it('computes 应交 in 分 rounded half up', () => {
    expect(duesOwed('在职', yuan(3000), DEFAULT_DUES_SETTINGS)).toEqual({ owedFen: 1500, percent: 0.5 });
    expect(duesOwed('在职', yuan(3000.01), DEFAULT_DUES_SETTINGS)).toEqual({ owedFen: 3000, percent: 1 });
    expect(duesOwed('在职', yuan(4567.89), DEFAULT_DUES_SETTINGS)?.owedFen).toBe(4568);
    expect(duesOwed('在职', yuan(10000.01), DEFAULT_DUES_SETTINGS)?.owedFen).toBe(20000);
    // 0.5 分 exactly rounds up; 0.4 分 rounds down.
    expect(owedAtPercent(100, 0.5)).toBe(1);
    expect(owedAtPercent(80, 0.5)).toBe(0);
    expect(owedAtPercent(yuan(7777.77), 1.5)).toBe(11667);
  });

  it('离退休: 5000 元 at 0.5 %, one 分 more at 1 %', () => {
    expect(duesOwed('离退休', yuan(5000), DEFAULT_DUES_SETTINGS)).toEqual({ owedFen: 2500, percent: 0.5 });
    expect(duesOwed('离退休', yuan(5000) + 1, DEFAULT_DUES_SETTINGS)).toEqual({ owedFen: 5000, percent: 1 });
  });

  it('学生, 下岗失业, 低保 and 农民 pay 0.2 元 a month; 农民 is a setting', () => {
    for (const category of ['学生', '下岗失业', '低保', '农民'] as const) {
      expect(duesOwed(category, undefined, DEFAULT_DUES_SETTINGS)).toEqual({ owedFen: 20 });
    }
    const settings = duesSettingsSchema.parse({ fixedFen: { 学生: 20, 下岗失业: 20, 低保: 20, 农民: 100 } });
    expect(duesOwed('农民', yuan(2000), settings)).toEqual({ owedFen: 100 });
  });

  it('has no table figure for 其他 or for a rated category without a base', () => {
    expect(duesOwed('其他', yuan(3000), DEFAULT_DUES_SETTINGS)).toBeUndefined();
    expect(duesOwed('在职', undefined, DEFAULT_DUES_SETTINGS)).toBeUndefined();
  });

  it('warns when a record departs from the table, and keeps it', () => {
    const fields = makePayment('m1', '2025-03', { baseFen: yuan(6000), percent: 1, owedFen: 6000 });
    expect(checkDuesOwed(fields, DEFAULT_DUES_SETTINGS).map((p) => p.message)).toEqual([
      '按党费标准，核定基数6000.00元的交纳比例为1.5%',
      '按党费标准应交90.00元，请核对',
    ]);
    expect(checkDuesOwed({ ...fields, percent: 1.5, owedFen: 9000 }, DEFAULT_DUES_SETTINGS)).toEqual([]);
  });

  it('reads stored settings key by key, falling back to the defaults', () => {
    const read = readDuesSettings({ unpaidFlagMonths: 5, employed: [{ upToFen: 100, percent: 1 }] });
    expect(read.unpaidFlagMonths).toBe(5);
    expect(read.employed).toEqual(DEFAULT_DUES_SETTINGS.employed);
    expect(readDuesSettings(undefined)).toEqual(DEFAULT_DUES_SETTINGS);
  });
});
