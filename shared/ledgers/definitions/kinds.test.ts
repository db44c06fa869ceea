import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readLedgerFile, type ParsedSheet } from '../index';
import { classifySheet } from '../classify';
import { parseSheetRows } from '../parseSheet';
import type { CellValue, LedgerDefinition, SheetGrid } from '../types';
import { parseCount, parseMoney, parseYear } from '../values';
import { LEDGER_DEFINITIONS } from './index';
import { duesLedger, duesPaymentsOf, parseMonth, parsePercent, type ImportedDues } from './dues';
import { reviewsLedger, type ImportedReview } from './reviews';
import { parseHours, parseTrainingDate, trainingLedger, type ImportedTraining } from './training';

/** 民主评议党员结果, 党费收缴 and 学习培训学时: sheets as branches keep them (fixtures/kinds, scripts/make-kind-fixtures.ts). */

const TODAY = '2026-03-05';
const KINDS = [reviewsLedger, duesLedger, trainingLedger] as LedgerDefinition[]; // why: each definition is of its own record type
const DEFINITIONS = LEDGER_DEFINITIONS;

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/kinds/${name}`, import.meta.url)));

async function sheetOf(name: string): Promise<ParsedSheet> {
  const result = await readLedgerFile(name, fixture(name), { today: TODAY, definitions: DEFINITIONS });
  expect(result.fileIssues).toEqual([]);
  expect(result.sheets).toHaveLength(1);
  return result.sheets[0];
}

/** A parsed row's record as the test reads it (ParsedRow holds it as unknown); a row without one fails the test. */
function recordOf<R>(row: { rowNumber: number; record?: unknown } | undefined): R {
  if (row?.record === undefined) {
    throw new Error(`第${row?.rowNumber ?? '?'}行没有记录`);
  }
  // The sheet's ledger is asserted before its records are read: the record is that ledger's.
  return row.record as R;
}
const byRow = <R>(sheet: ParsedSheet) => ({
  get: (rowNumber: number): R | undefined => {
    const row = sheet.rows.find((r) => r.rowNumber === rowNumber);
    return row?.record === undefined ? undefined : recordOf<R>(row);
  },
});
const at = <R>(sheet: ParsedSheet, rowNumber: number): R => recordOf<R>(sheet.rows.find((r) => r.rowNumber === rowNumber));
const messages = (sheet: ParsedSheet, row: number) => (sheet.rows.find((r) => r.rowNumber === row)?.issues ?? []).map((i) => `${i.severity}:${i.header ?? ''}:${i.message}`);
const text = (t: string): CellValue => ({ kind: 'text', text: t });
const num = (n: number, numFmt?: string): CellValue => (numFmt ? { kind: 'number', number: n, numFmt } : { kind: 'number', number: n });
const EMPTY_CELL: CellValue = { kind: 'empty' };

/** A sheet from rows of strings, numbers and nulls (null = empty cell). */
function grid(rows: (string | number | null)[][]): SheetGrid {
  return {
    name: 'Sheet1',
    rows: rows.map((row) => row.map((v) => (v === null ? EMPTY_CELL : typeof v === 'number' ? num(v) : text(v)))),
    merges: [],
  };
}

/** Classifies among all eight ledgers and parses, with the title's year as readLedgerFile finds it. */
function parse(sheet: SheetGrid, titleYear?: number) {
  const classification = classifySheet(sheet, DEFINITIONS);
  if (!classification.ledger) {
    return { kind: undefined, rows: [], reason: classification.reason };
  }
  const { rows } = parseSheetRows(sheet, { ...classification, ledger: classification.ledger }, { file: 't.xlsx', sheet: 'Sheet1' }, { today: TODAY, titleYear });
  return { kind: classification.ledger.kind, rows, reason: undefined };
}

describe('民主评议党员结果登记表.xlsx', () => {
  it('is a reviews ledger under a two-row header, the year from the title, not from 填表日期', async () => {
    const sheet = await sheetOf('民主评议党员结果登记表.xlsx');
    expect(sheet.ledger).toBe('reviews');
    expect(sheet.columns.filter((c) => c.field).map((c) => c.field)).toEqual([
      'name', 'category', 'selfAssessment', 'peerOpinion', 'excellent', 'qualified', 'basic', 'unqualified', 'grade', 'basis',
      'feedbackOn', 'feedbackBy', 'disposal', 'remarks',
    ]);
    const rows = byRow<ImportedReview>(sheet);
    expect(rows.get(5)).toEqual({
      memberName: '王建国',
      year: 2025,
      selfAssessment: '认真履行书记职责，理论学习有待加强',
      peerOpinion: '工作扎实，带头作用好',
      votes: { excellent: 9, qualified: 3, basic: 0, unqualified: 0 },
      grade: '优秀',
      basis: '全年带头讲党课，组织生活全勤',
      feedbackOn: '2026-01-25',
      feedbackByName: '王建国',
    });
    // 12票 is 12; a date cell and 2026年1月26日 are the days written.
    expect(rows.get(6)?.votes).toEqual({ excellent: 3, qualified: 9, basic: 0, unqualified: 0 });
    expect(rows.get(6)?.feedbackOn).toBe('2026-01-25');
    expect(rows.get(7)).toMatchObject({ grade: '基本合格', disposal: '限期改进，由组织委员谈心帮助', feedbackOn: '2026-01-26' });
  });

  it('keeps a 预备党员 ungraded as written: 不评定等次, or no grade at all when left blank', async () => {
    const sheet = await sheetOf('民主评议党员结果登记表.xlsx');
    const rows = byRow<ImportedReview>(sheet);
    expect(rows.get(8)).toMatchObject({ memberName: '刘芳', grade: '不评定等次', basis: '备注：预备党员' });
    expect(rows.get(9)).toEqual({ memberName: '赵磊', year: 2025, selfAssessment: '认真学习党章' });
    expect(messages(sheet, 9)).toEqual([]);
  });

  it('refuses only the row that says nobody, and says 党员类别 is read for checking only', async () => {
    const sheet = await sheetOf('民主评议党员结果登记表.xlsx');
    expect(sheet.rows.filter((r) => !r.record).map((r) => r.rowNumber)).toEqual([10]);
    expect(messages(sheet, 10)).toEqual(['error:姓名:缺少姓名，无法确定是哪一名党员的评议结果']);
    expect(sheet.issues.map((i) => i.message)).toEqual(['党员类别以花名册为准，本列仅用于核对评定等次（预备党员不评定等次），不导入']);
  });

  it('reads a 年度 column, headers as people write them, and flags what does not fit the grade', () => {
    const { kind, rows } = parse(
      grid([
        ['年度', '被评议党员', '类别', '自我评价', '测评优秀', '测评合格', '测评基本合格', '测评不合格', '评议结果', '处理措施'],
        ['2024年度', '张三', '预备', '好', '3', '/', null, null, '合格', null],
        [2024, '李四', '正式', null, null, null, null, null, '不定等次', null],
        [2024, '王五', null, null, null, null, null, null, '不合格党员', null],
        [2024, '赵六', null, null, null, null, null, null, '良好', null],
      ]),
    );
    expect(kind).toBe('reviews');
    expect(rows.map((r) => r.record)).toEqual([
      { memberName: '张三', year: 2024, selfAssessment: '好', votes: { excellent: 3 }, grade: '合格' },
      { memberName: '李四', year: 2024, grade: '不评定等次' },
      { memberName: '王五', year: 2024, grade: '不合格' },
      { memberName: '赵六', year: 2024 },
    ]);
    expect(rows[0].issues.map((i) => i.message)).toEqual(['预备党员参加民主评议但不评定等次，这里写的是“合格”，请核对']);
    expect(rows[1].issues.map((i) => i.message)).toEqual(['正式党员应评定等次，“不评定等次”仅用于预备党员，请核对']);
    expect(rows[2].issues.map((i) => i.message)).toEqual(['评定为不合格的党员应填写处置措施']);
    // An unknown 等次 is not the record's identity: the row comes in without it, flagged.
    expect(rows[3].issues.map((i) => `${i.severity}:${i.message}`)).toEqual([
      'warning:“良好”不是有效的评定等次，可填：优秀、合格、基本合格、不合格、不评定等次；本项未导入',
    ]);
  });

  it('refuses a row whose year no cell and no title says', () => {
    const { rows } = parse(grid([['姓名', '评定等次'], ['张三', '优秀']]));
    expect(rows[0].record).toBeUndefined();
    expect(rows[0].issues.map((i) => i.message)).toEqual([
      '无法确定评议年度：请加“评议年度”列，或在表格标题中写明年度（如“2025年度民主评议党员结果登记表”）',
    ]);
    expect(parse(grid([['姓名', '评定等次'], ['张三', '优秀']]), 2025).rows[0].record).toEqual({ memberName: '张三', year: 2025, grade: '优秀' });
  });
});

describe('党费收缴明细表.xlsx (wide, 一月…十二月)', () => {
  it('is a dues ledger: one record per member with a payment for each month filled, money in 分', async () => {
    const sheet = await sheetOf('党费收缴明细表.xlsx');
    expect(sheet.ledger).toBe('dues');
    // 合计 is named in the preview but not stored; the 合计 row under the table is a footer.
    expect(sheet.issues.map((i) => `${i.header ?? ''}:${i.message}`)).toEqual(['合计:合计由各月金额算出，本列仅供核对，不导入']);
    expect(sheet.skippedRows.map((r) => r.rowNumber)).toEqual([8]);
    const wang = at<ImportedDues>(sheet, 4);
    expect(wang).toMatchObject({ memberName: '王建国', category: '在职', baseFen: 856000, percent: 1.5 });
    // 128.4, 128.40元 and ￥128.40 are all 12840 分; May onwards is empty: nothing recorded, not a zero payment.
    expect(wang.payments).toEqual(
      ['2025-01', '2025-02', '2025-03', '2025-04'].map((month, i) => ({ month, field: `m${i + 1}`, owedFen: 12840, paidFen: 12840 })),
    );
  });

  it('reads 未交 as no payment, a formula by its value, 0.01 under a % format as 1 %, and refuses a tick without an amount', async () => {
    const sheet = await sheetOf('党费收缴明细表.xlsx');
    const rows = byRow<ImportedDues>(sheet);
    const li = at<ImportedDues>(sheet, 5);
    expect(li.baseFen).toBe(420000); // 4,200.00
    expect(li.payments.map((p) => [p.month, p.paidFen])).toEqual([['2025-01', 4200], ['2025-02', 4200], ['2025-03', 4200], ['2025-06', 8400]]);
    expect(li.remarks).toBe('5月6月于7月补交');
    const chen = at<ImportedDues>(sheet, 6);
    expect(chen).toMatchObject({ category: '离退休', percent: 1 });
    expect(chen.payments.map((p) => p.month)).toEqual(['2025-01', '2025-02']);
    expect(messages(sheet, 6)).toEqual(['warning:3月:“√”没有写金额，请填写实交金额；本项未导入']);
    // 0.2元 a month for a 学生: 20 分, no base and no 比例.
    expect(rows.get(7)).toMatchObject({ category: '学生', payments: [{ paidFen: 20 }, { paidFen: 20 }, { paidFen: 20 }] });
    expect(rows.get(7)?.baseFen).toBeUndefined();
  });

  it('splits a row into one imported payment per month with the row’s terms', async () => {
    const payments = duesPaymentsOf(at<ImportedDues>(await sheetOf('党费收缴明细表.xlsx'), 5));
    expect(payments).toHaveLength(4);
    expect(payments[3]).toEqual({
      memberName: '李秀英',
      category: '在职',
      baseFen: 420000,
      percent: 1,
      remarks: '5月6月于7月补交',
      month: '2025-06',
      field: 'm6',
      owedFen: 4200,
      paidFen: 8400,
    });
  });
});

describe('党费-年度列.csv (wide, 1月…12月, a 年度 column)', () => {
  it('takes the year of each row and refuses the row without one', async () => {
    const sheet = await sheetOf('党费-年度列.csv');
    expect(sheet.ledger).toBe('dues');
    const rows = byRow<ImportedDues>(sheet);
    expect(rows.get(2)?.payments).toEqual([
      { month: '2025-01', field: 'm1', owedFen: 12840, paidFen: 12840 },
      { month: '2025-02', field: 'm2', owedFen: 12840, paidFen: 12840 },
    ]);
    expect(rows.get(4)).toBeUndefined();
    expect(messages(sheet, 4)).toEqual(['error:年度:缺少年度，无法确定是哪一年的党费']);
  });
});

describe('党费收缴登记.xlsx (long, one row per payment)', () => {
  it('reads each payment with its month written four ways, its method and type in the words people use', async () => {
    const sheet = await sheetOf('党费收缴登记.xlsx');
    expect(sheet.ledger).toBe('dues');
    const rows = byRow<ImportedDues>(sheet);
    expect(rows.get(3)).toEqual({
      memberName: '王建国',
      category: '在职',
      baseFen: 856000,
      percent: 1.5,
      payments: [{ month: '2025-01', field: 'month', owedFen: 12840, paidFen: 12840, paidOn: '2025-01-10', method: '线上', kind: '正常', collector: '李秀英' }],
    });
    expect(rows.get(4)?.payments[0]).toMatchObject({ month: '2025-02', paidFen: 20000, paidOn: '2025-02-12', kind: '自愿多交' });
    // A month with 应交 and no 实交 is an unpaid month as written: no 实交, no date, no type made up.
    expect(rows.get(5)?.payments).toEqual([{ month: '2025-03', field: 'month', owedFen: 4200 }]);
    expect(rows.get(6)?.payments[0]).toMatchObject({ month: '2025-03', method: '代交', kind: '补缴', paidOn: '2025-05-08' });
  });

  it('refuses a month without a year when neither the 年度 cell nor the title says it', async () => {
    const sheet = await sheetOf('党费收缴登记.xlsx');
    expect(sheet.rows.filter((r) => !r.record).map((r) => r.rowNumber)).toEqual([7]);
    expect(messages(sheet, 7)).toEqual(['error:年度:缺少年度，无法确定是哪一年的党费']);
  });

  it('takes the title’s year for a month alone, and imports nothing from a row that names no amount', () => {
    const sheet = grid([
      ['姓名', '缴费月份', '应缴', '实缴', '缴费方式', '缴费类型'],
      ['张三', '3月', '￥12.50', '12.5元', '支付宝', '补交'],
      ['李四', '四月份', null, null, null, null],
      ['王五', '2024.12', null, '0', null, null],
    ]);
    const { kind, rows } = parse(sheet, 2025);
    expect(kind).toBe('dues');
    expect(recordOf<ImportedDues>(rows[0]).payments).toEqual([
      { month: '2025-03', field: 'month', owedFen: 1250, paidFen: 1250, method: '线上', kind: '补缴' },
    ]);
    // A month without any amount says nothing to import: the row comes in with no payment, flagged.
    expect(rows[1].record).toEqual({ memberName: '李四', payments: [] });
    expect(rows[1].issues.map((i) => `${i.severity}:${i.message}`)).toEqual(['warning:没有填写应交或实交金额，本行没有可导入的党费']);
    // A zero written is a zero payment, and a month with its own year keeps it.
    expect(recordOf<ImportedDues>(rows[2]).payments).toEqual([{ month: '2024-12', field: 'month', paidFen: 0 }]);
  });

  it('flags money that is not money, and never makes an amount up', () => {
    const { rows } = parse(
      grid([
        ['姓名', '所属月份', '应交', '实交'],
        ['张三', '2025-03', '12.345', '十二元'],
        ['李四', null, '12', '12'],
      ]),
    );
    expect(rows[0].record).toEqual({ memberName: '张三', payments: [] });
    expect(rows[0].issues.map((i) => `${i.severity}:${i.message}`)).toEqual([
      'warning:金额最多精确到分（两位小数）：12.345；本项未导入',
      'warning:不是有效的金额：十二元；本项未导入',
      'warning:没有填写应交或实交金额，本行没有可导入的党费',
    ]);
    // No month in a long sheet: the row cannot say which month, and is refused.
    expect(rows[1].record).toBeUndefined();
    expect(rows[1].issues.map((i) => `${i.severity}:${i.message}`)).toEqual(['error:缺少所属月份，无法确定是哪个月的党费']);
  });

  it('reads a grid whose months each hold 应交 and 实交 under a two-row header', () => {
    const { kind, rows } = parse(
      grid([
        ['2025年党费收缴公示表'],
        ['姓名', '1月', '1月', '2月', '2月'],
        ['姓名', '应交', '实交', '应交', '实交'],
        ['张三', '12.5', '12.5', '15', null],
      ]),
      2025,
    );
    expect(kind).toBe('dues');
    expect(recordOf<ImportedDues>(rows[0]).payments).toEqual([
      { month: '2025-01', field: 'm1', owedFen: 1250, paidFen: 1250 },
      { month: '2025-02', field: 'o2', owedFen: 1500 },
    ]);
  });

  it('takes a grid row with every month empty as nothing to import, not as an error', () => {
    const { rows } = parse(grid([['姓名', '月应交', '1月', '2月', '合计'], ['张三', '12.5', null, null, 0]]), 2025);
    expect(rows[0].record).toEqual({ memberName: '张三', payments: [] });
    expect(rows[0].issues.map((i) => `${i.severity}:${i.message}`)).toEqual(['warning:各月份都没有填写金额，本行没有可导入的党费']);
  });
});

describe('党费 cell readers', () => {
  it('reads 所属月份 as a month alone or with its year', () => {
    expect(parseMonth(text('2025年3月'))).toEqual({ ok: true, value: { year: 2025, month: 3 } });
    expect(parseMonth(text('十二月'))).toEqual({ ok: true, value: { month: 12 } });
    expect(parseMonth(num(7))).toEqual({ ok: true, value: { month: 7 } });
    expect(parseMonth(text('13月')).ok).toBe(false);
  });

  it('reads 比例 as written, a fraction up to 0.02, or a number under a % format', () => {
    expect(parsePercent(text('1.5%'))).toEqual({ ok: true, value: 1.5 });
    expect(parsePercent(text('0.5'))).toEqual({ ok: true, value: 0.5 });
    expect(parsePercent(num(0.005))).toEqual({ ok: true, value: 0.5 });
    expect(parsePercent(num(0.015, '0.0%'))).toEqual({ ok: true, value: 1.5 });
    expect(parsePercent(num(2))).toEqual({ ok: true, value: 2 });
  });
});

describe('学习培训学时登记表.xlsx', () => {
  it('is a training ledger: forms read from the words people use, hours kept as written', async () => {
    const sheet = await sheetOf('学习培训学时登记表.xlsx');
    expect(sheet.ledger).toBe('training');
    const rows = byRow<ImportedTraining>(sheet);
    expect(rows.get(3)).toEqual({ memberName: '王建国', date: '2025-03-05', activity: '学习《中国共产党纪律处分条例》', form: '支部学习', hours: { hours: 2 } });
    expect(rows.get(4)).toMatchObject({ date: '2025-03-05', form: '支部学习', hours: { hours: 2 } });
    expect(rows.get(5)).toMatchObject({ date: '2025-04-10', form: '网络学习', hours: { hours: 1.5 } });
    // 半天 and 一天 stay durations: the plan turns them into hours with the 学时 settings.
    expect(rows.get(6)).toMatchObject({ form: '网络学习', hours: { unit: '半天', count: 1 } });
    expect(rows.get(7)).toMatchObject({ form: '脱产培训', hours: { unit: '一天', count: 1 } });
  });

  it('refuses a date without its day and a row naming two members, and says 备注 is not kept', async () => {
    const sheet = await sheetOf('学习培训学时登记表.xlsx');
    expect(sheet.rows.filter((r) => !r.record).map((r) => r.rowNumber)).toEqual([8, 9]);
    expect(messages(sheet, 8)).toEqual(['error:日期:日期只写到月（2025-07），请写明哪一天']);
    expect(messages(sheet, 9)).toEqual(['error:姓名:每行只能填一名党员，这里有2人（陈志强、刘芳），请分行填写']);
    expect(sheet.issues.map((i) => i.message)).toEqual(['学时记录没有备注项，本列仅供核对，不导入']);
  });

  it('refuses a row without 形式 or 学时 (the record cannot be kept without them)', () => {
    const { kind, rows } = parse(
      grid([
        ['姓名', '学习日期', '培训内容', '培训形式', '学时数'],
        ['张三', '2025-03-05', '党章学习', null, '2小时'],
        ['李四', '2025-03-05', '党章学习', '干部网络学院', null],
        ['王五', '2025-03-05', '党章学习', '专题党课', '1.25'],
        ['赵六', '2025-03-05', '党章学习', '自学', '很久'],
      ]),
    );
    expect(kind).toBe('training');
    expect(rows.map((r) => r.issues.map((i) => i.message))).toEqual([
      ['缺少形式（脱产培训、专题讲座、支部学习、主题实践或网络学习），可在下方为本表设置统一的形式'],
      ['缺少学时'],
      ['学时“1.25”不符合要求：应大于0，以0.5为单位'],
      ['“自学”不是有效的形式，可填：脱产培训、专题讲座、支部学习、主题实践、网络学习', '“很久”不是学时，请写成数字（如 2 或 1.5），或写“半天”“一天”'],
    ]);
    expect(rows.every((r) => r.record === undefined && r.issues.every((i) => i.severity === 'error'))).toBe(true);
  });

  it('says on the row what was to be kept “in 备注”: a 学时 record has no 备注', () => {
    const sheet = grid([['姓名', '日期', '学习内容', '形式', '学时', '地点'], ['张三', '2025-03-05', '党章学习', '集中学习', 2, '三楼会议室']]);
    const classification = classifySheet(sheet, DEFINITIONS);
    const ledger = classification.ledger;
    expect(ledger?.kind).toBe('training');
    if (!ledger) return;
    const { rows } = parseSheetRows(sheet, { ...classification, ledger }, { file: 't.xlsx' }, { today: TODAY }, undefined, { keepInRemarks: [6] });
    expect(rows[0].record).toBeDefined();
    expect(rows[0].issues.map((i) => i.message)).toEqual(['学时记录没有备注项，未导入：地点：三楼会议室']);
  });

  it('keeps a 培训班 written as a span of days by its first day, saying so', () => {
    expect(parseTrainingDate(text('2025.3.1-3.5'))).toEqual({ ok: true, value: '2025-03-01', warning: '“2025.3.1-3.5”是一段日期，按开始日期2025-03-01登记' });
    expect(parseTrainingDate(text('2025年6月16日至18日'))).toMatchObject({ ok: true, value: '2025-06-16' });
    expect(parseTrainingDate(text('2025-03-01至2025-03-05'))).toMatchObject({ ok: true, value: '2025-03-01' });
    expect(parseTrainingDate(text('2025-03-05'))).toEqual({ ok: true, value: '2025-03-05' });
    expect(parseTrainingDate(text('三月上旬')).ok).toBe(false);
  });

  it('reads 学时 as numbers, hours and days', () => {
    expect(parseHours(text('2学时'))).toEqual({ ok: true, value: { hours: 2 } });
    expect(parseHours(text('1.5小时'))).toEqual({ ok: true, value: { hours: 1.5 } });
    expect(parseHours(text('半日'))).toEqual({ ok: true, value: { unit: '半天', count: 1 } });
    expect(parseHours(text('两天'))).toEqual({ ok: true, value: { unit: '一天', count: 2 } });
    expect(parseHours(text('3个半天'))).toEqual({ ok: true, value: { unit: '半天', count: 3 } });
    expect(parseHours(text('很久')).ok).toBe(false);
  });
});

describe('the three kinds beside the five ledgers', () => {
  it('do not take the meetings 类型×月份 matrix or a roster with 人员类别 for theirs', () => {
    const roster = parse(grid([['姓名', '性别', '人员类别', '入党时间'], ['张三', '男', '在职', '2010-07-01']]));
    expect(roster.kind).toBe('members');
    const matrix = parse(grid([['会议类型', '1月', '2月', '合计'], ['支部委员会', 1, 1, 2]]));
    expect(matrix.kind).toBeUndefined();
  });
});

describe('the cell readers of the three kinds', () => {
  const cells: CellValue[] = [
    EMPTY_CELL,
    text(''),
    text('  '),
    text('—'),
    text('一二三'),
    text('1e309'),
    text('-5'),
    num(-1),
    num(Number.MAX_VALUE),
    num(0.1 + 0.2),
    { kind: 'boolean', boolean: true },
    { kind: 'error', message: '#REF!' },
    { kind: 'date', date: { year: 2025, month: 3, day: 5, hour: 0, minute: 0, second: 0 } },
  ];

  it('answer every kind of cell with a value or a message, never a throw', () => {
    const readers = [...KINDS.flatMap((d) => d.columns.map((c) => c.parse)), parseMonth, parsePercent, parseHours];
    for (const read of readers) {
      for (const cell of cells) {
        const result = read(cell);
        expect(result.ok || (typeof result.message === 'string' && result.message.length > 0)).toBe(true);
      }
    }
    expect(parseCount({ kind: 'error', message: '#REF!' })).toEqual({ ok: false, message: '#REF!' });
  });

  it('read money as 分: float noise of a formula is the 分 it shows, a third decimal is refused', () => {
    expect(parseMoney(num(0.1 + 0.2))).toEqual({ ok: true, value: 30 });
    expect(parseMoney(num(128.4))).toEqual({ ok: true, value: 12840 });
    expect(parseMoney(text('￥1,234.50'))).toEqual({ ok: true, value: 123450 });
    expect(parseMoney(num(12.345)).ok).toBe(false);
    expect(parseMoney(num(-1)).ok).toBe(false);
    expect(parseMoney(text('/'))).toEqual({ ok: true, value: undefined });
  });

  it('read 年度 and counts as people write them', () => {
    expect(parseYear(text('2025年度'))).toEqual({ ok: true, value: 2025 });
    expect(parseYear(num(2025))).toEqual({ ok: true, value: 2025 });
    expect(parseYear(text('25年')).ok).toBe(false);
    expect(parseCount(text('12票'))).toEqual({ ok: true, value: 12 });
    expect(parseCount(text('3张'))).toEqual({ ok: true, value: 3 });
    expect(parseCount(text('-'))).toEqual({ ok: true, value: undefined });
  });
});
