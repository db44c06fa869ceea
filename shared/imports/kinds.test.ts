import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makePayment } from '../dues/testFixtures';
import type { ImportedDuesPayment } from '../ledgers/definitions/dues';
import type { ImportedReview } from '../ledgers/definitions/reviews';
import type { ImportedTraining } from '../ledgers/definitions/training';
import { duesPaymentFieldsSchema } from '../model/dues';
import { makeReview } from '../reviews/testFixtures';
import { BRANCH_ID, makeMember } from '../rules/testFixtures';
import { makeTraining } from '../training/testFixtures';
import { Roster } from './core';
import { duesKey, duesLabel, duesTermsLookup, resolveDues, splitDuesRows } from './dues';
import { readLedgerFile } from '../ledgers';
import { resolveReview, reviewKey, reviewLabel } from './reviews';
import { foldActivity, resolveTraining, trainingKey, trainingLabel } from './training';

/** The resolve, key and label functions of the three kinds, as the keyed planner calls them. */

const roster = new Roster([
  makeMember('m1', { name: '王建国' }),
  makeMember('m2', { name: '李秀英' }),
  makeMember('m3', { name: '张三' }),
  makeMember('m4', { name: '张三', birthDate: '1990-01-01' }),
  makeMember('m5', { name: '刘芳', departure: { reason: '转出', date: '2024-06-01' } }),
  makeMember('x1', { name: '外支部', branchId: 'branch-2' }),
]);

describe('民主评议党员结果', () => {
  const imported: ImportedReview = {
    memberName: '李秀英',
    year: 2025,
    votes: { excellent: 3, qualified: 9 },
    grade: '合格',
    feedbackOn: '2026-01-25',
    feedbackByName: '王 建国',
  };

  it('resolves the member and the 反馈人 to ids, leaving out what the row did not say', () => {
    expect(resolveReview(imported, roster, BRANCH_ID)).toEqual({
      ok: true,
      fields: { year: 2025, memberId: 'm2', votes: { excellent: 3, qualified: 9 }, grade: '合格', feedbackOn: '2026-01-25', feedbackById: 'm1' },
    });
    // No 测评票 written: votes absent, so an update keeps the stored ones.
    const bare = resolveReview({ memberName: '李秀英', year: 2025 }, roster, BRANCH_ID);
    expect(bare).toEqual({ ok: true, fields: { year: 2025, memberId: 'm2' } });
  });

  it('refuses a name not on the roster, two members of one name, and a member of another branch', () => {
    expect(resolveReview({ ...imported, memberName: '赵六' }, roster, BRANCH_ID)).toEqual({
      ok: false,
      reason: '党员“赵六”不在本支部花名册中，请先在花名册中添加或核对姓名',
    });
    expect(resolveReview({ ...imported, feedbackByName: '张三' }, roster, BRANCH_ID)).toEqual({
      ok: false,
      reason: '本支部花名册中有2名党员叫“张三”，无法确定反馈人是哪一位',
    });
    expect(resolveReview({ ...imported, memberName: '外支部' }, roster, BRANCH_ID)).toMatchObject({ ok: false });
  });

  it('keys by member and year, and labels a candidate in Chinese', () => {
    expect(reviewKey({ memberId: 'm2', year: 2025 })).toBe('m2|2025');
    expect(reviewKey({ memberId: 'm2', year: 2025 })).not.toBe(reviewKey({ memberId: 'm2', year: 2024 }));
    expect(reviewLabel(makeReview('m2'), roster)).toBe('2025年度 李秀英：合格');
    expect(reviewLabel(makeReview('m2', { grade: undefined }), roster)).toBe('2025年度 李秀英：未评定等次');
  });
});

describe('党费收缴', () => {
  const wide: ImportedDuesPayment = { memberName: '王建国', month: '2025-03', field: 'm3', paidFen: 12840 };

  it('takes 人员类别 and 应交 from the row when it says them; leaves 交纳日期, 方式 and 类型 out when it does not', () => {
    const result = resolveDues({ ...wide, category: '在职', baseFen: 856000, percent: 1.5, owedFen: 12840 }, roster, BRANCH_ID);
    expect(result).toEqual({
      ok: true,
      fields: { month: '2025-03', memberId: 'm1', category: '在职', baseFen: 856000, percent: 1.5, owedFen: 12840, paidFen: 12840 },
    });
    // A new record gets the model's default 类型 (正常); an update keeps the stored one (the field is absent).
    expect(result.ok && duesPaymentFieldsSchema.parse(result.fields).kind).toBe('正常');
  });

  it('fills a grid row without terms from the terms on file (the month grid’s), and refuses when there are none', () => {
    const stored = [makePayment('m1', '2025-01', { category: '在职', baseFen: 856000, percent: 1.5, owedFen: 12840 })];
    const lookup = duesTermsLookup(roster, stored);
    expect(resolveDues(wide, roster, BRANCH_ID, lookup)).toEqual({
      ok: true,
      fields: { month: '2025-03', memberId: 'm1', category: '在职', baseFen: 856000, percent: 1.5, owedFen: 12840, paidFen: 12840 },
    });
    expect(resolveDues(wide, roster, BRANCH_ID)).toEqual({
      ok: false,
      reason: '2025年3月的党费缺少人员类别和应交金额，该党员也没有可沿用的党费核定记录：请在表中加“人员类别”“月应交”列后重新导入',
    });
    // A row naming another 核定基数 does not borrow the 应交 of the old one.
    expect(resolveDues({ ...wide, category: '在职', baseFen: 900000 }, roster, BRANCH_ID, lookup)).toMatchObject({ ok: false });
  });

  it('refuses a name not on the roster, with the reason the plan shows', () => {
    expect(resolveDues({ ...wide, memberName: '赵六', owedFen: 100, category: '在职' }, roster, BRANCH_ID)).toEqual({
      ok: false,
      reason: '党员“赵六”不在本支部花名册中，请先在花名册中添加或核对姓名',
    });
  });

  it('keys by member and month only: a 补缴 re-imported from a grid (no 类型) matches its record', () => {
    const late = makePayment('m1', '2025-03', { kind: '补缴', paidOn: '2025-05-08' });
    const resolved = resolveDues({ ...wide, category: '在职', owedFen: 9000 }, roster, BRANCH_ID);
    expect(resolved.ok && duesKey(resolved.fields)).toBe(duesKey(late));
    expect(duesKey({ memberId: 'm1', month: '2025-03' })).not.toBe(duesKey({ memberId: 'm1', month: '2025-04' }));
  });

  it('splits a sheet’s rows into member-months, each pointing at its cell; a refused row stays, an empty one plans nothing', async () => {
    const read = async (name: string) => {
      const bytes = new Uint8Array(readFileSync(new URL(`../ledgers/fixtures/kinds/${name}`, import.meta.url)));
      const result = await readLedgerFile(name, bytes, { today: '2026-03-05' });
      return result.sheets[0];
    };
    const wide = await read('党费收缴明细表.xlsx');
    const entries = splitDuesRows(wide.rows, wide.columns);
    expect(entries.map((e) => `${e.rowNumber}:${e.record?.month ?? ''}@${e.column ?? ''}`)).toEqual([
      '4:2025-01@7', '4:2025-02@8', '4:2025-03@9', '4:2025-04@10',
      '5:2025-01@7', '5:2025-02@8', '5:2025-03@9', '5:2025-06@12',
      '6:2025-01@7', '6:2025-02@8',
      '7:2025-01@7', '7:2025-02@8', '7:2025-03@9',
    ]);
    // The row's warning (the 3月 tick) is carried once, on its first month.
    expect(entries.filter((e) => e.rowNumber === 6).map((e) => e.issues.length)).toEqual([1, 0]);
    const csv = await read('党费-年度列.csv');
    const split = splitDuesRows(csv.rows, csv.columns);
    expect(split.filter((e) => e.rowNumber === 4)).toEqual([{ rowNumber: 4, values: csv.rows[2].values, issues: csv.rows[2].issues }]);
  });

  it('labels a candidate with the month, the member and the amounts', () => {
    expect(duesLabel(makePayment('m1', '2025-03', { owedFen: 12840, paidFen: 12840 }), roster)).toBe('2025年3月 王建国：应交128.40元，实交128.40元');
    expect(duesLabel(makePayment('m2', '2025-03', { owedFen: 4200, paidFen: undefined, paidOn: undefined }), roster)).toBe('2025年3月 李秀英：应交42.00元，未交');
    expect(duesLabel(makePayment('m2', '2025-03', { owedFen: 4200, paidFen: 4200, kind: '补缴', paidOn: '2025-05-01' }), roster)).toBe(
      '2025年3月 李秀英：应交42.00元，实交42.00元（补缴）',
    );
  });
});

describe('学习培训学时', () => {
  const imported: ImportedTraining = { memberName: '李秀英', date: '2025-03-05', activity: '学习《条例》', form: '支部学习', hours: { hours: 2 } };

  it('keeps hours written as a number, and turns 半天/一天 into hours by the settings', () => {
    expect(resolveTraining(imported, roster, BRANCH_ID)).toEqual({
      ok: true,
      fields: { date: '2025-03-05', memberId: 'm2', activity: '学习《条例》', form: '支部学习', hours: 2 },
    });
    const halfDay = { ...imported, hours: { unit: '半天' as const, count: 1 } };
    expect(resolveTraining(halfDay, roster, BRANCH_ID)).toMatchObject({ ok: true, fields: { hours: 4 } });
    expect(resolveTraining(halfDay, roster, BRANCH_ID, { halfDayHours: 3.5, fullDayHours: 7 })).toMatchObject({ ok: true, fields: { hours: 3.5 } });
    expect(resolveTraining({ ...imported, hours: { unit: '一天', count: 2 } }, roster, BRANCH_ID)).toMatchObject({ ok: true, fields: { hours: 16 } });
    expect(resolveTraining({ ...imported, hours: { unit: '半天', count: 1 } }, roster, BRANCH_ID, { halfDayHours: 3.25, fullDayHours: 7 })).toEqual({
      ok: false,
      reason: '按学时设置折算为3.25学时，不是0.5的整数倍，请在表中直接填写学时数',
    });
  });

  it('refuses a name not on the roster', () => {
    expect(resolveTraining({ ...imported, memberName: '赵六' }, roster, BRANCH_ID)).toEqual({
      ok: false,
      reason: '党员“赵六”不在本支部花名册中，请先在花名册中添加或核对姓名',
    });
  });

  it('keys by member, date and the activity folded: spaces, quotation marks and full-width forms do not count', () => {
    const key = trainingKey({ memberId: 'm2', date: '2025-03-05', activity: '学习《条例》' });
    expect(trainingKey({ memberId: 'm2', date: '2025-03-05', activity: '学习 “条例”' })).toBe(key);
    expect(trainingKey({ memberId: 'm2', date: '2025-03-06', activity: '学习《条例》' })).not.toBe(key);
    expect(trainingKey({ memberId: 'm2', date: '2025-03-05', activity: '学习党章' })).not.toBe(key);
    expect(foldActivity('ＡＢＣ 学习')).toBe('ABC学习');
  });

  it('labels a candidate with date, member, activity, form and hours', () => {
    expect(trainingLabel(makeTraining('t1', 'm2', '2025-03-05', 1.5), roster)).toBe('2025年3月5日 李秀英：网络学习专题课程（网络学习，1.5学时）');
  });
});
