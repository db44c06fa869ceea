import { z } from 'zod';
import { isoDateSchema } from '../../dates';
import { DUES_CATEGORIES, DUES_KINDS, DUES_METHODS, fenSchema, isoMonthSchema, type DuesCategory, type DuesKind, type DuesMethod } from '../../model/dues';
import { formatYuan } from '../../dues/money';
import { parseDateCell } from '../dates';
import { normalizeToken } from '../normalize';
import type { CellParser, ColumnDefinition, LedgerDefinition, RecordContext, RecordResult } from '../types';
import { cellText, enumParser, parseDate, parseMoney, parseText, parseYear } from '../values';
import { finish, oneMemberName, textColumn, trimmed } from './common';

/**
 * 党费收缴台账 (DOMAIN §1.6, §3.9) in both shapes treasurers keep:
 * - long: one row per payment (姓名, 所属月份, 人员类别, 核定基数, 比例, 应交, 实交, 交纳日期, 方式, 类型, 收款人);
 * - wide: one row per member of a year (the 张榜公示 sheet): 1月…12月 (or 一月…十二月) holding what was paid, maybe
 *   月应交/核定基数 columns, the year in a 年度 column or the title (`2025年党费收缴明细表`); 合计 columns are read for
 *   the preview only (notKept), a 合计 row is a footer.
 *
 * A row is one record here: its `payments` hold one entry per month it speaks of (one for a long row, one per filled
 * month cell for a wide row), each naming the field it came from so that a message can point at its column.
 * duesPaymentsOf splits a row's record into one ImportedDuesPayment per month; the plan resolves, keys and matches
 * each of those (shared/imports/dues.ts). Nothing is made up: an empty month cell is no payment recorded (not a zero
 * payment), an amount, a date or a type the sheet leaves empty stays empty.
 */

type MonthNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12;
/** A wide sheet's month column: `m3` = 3月 (实交), `o3` = 3月应交. */
export type PaidMonthField = `m${MonthNumber}`;
export type OwedMonthField = `o${MonthNumber}`;

export type DuesColumnField =
  | 'name' | 'year' | 'month' | 'category' | 'base' | 'percent' | 'owed' | 'paid' | 'paidOn' | 'method' | 'kind'
  | 'collector' | 'remarks' | 'owedTotal' | 'paidTotal' | PaidMonthField | OwedMonthField;

const MONTHS: readonly MonthNumber[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const CN_MONTHS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
const pad = (n: number) => String(n).padStart(2, '0');

const CATEGORY_ALIASES: Record<string, DuesCategory> = {
  在职党员: '在职', 在职人员: '在职', 在岗: '在职', 在岗党员: '在职', 在编: '在职', 在职在岗: '在职',
  离休: '离退休', 退休: '离退休', 离退休党员: '离退休', 退休党员: '离退休', 离退休人员: '离退休', 退休人员: '离退休', 离休人员: '离退休',
  学生党员: '学生', 在校学生: '学生',
  下岗: '下岗失业', 失业: '下岗失业', 失业人员: '下岗失业', 下岗职工: '下岗失业', 下岗失业人员: '下岗失业',
  低保户: '低保', 享受低保: '低保', 低保人员: '低保', 领取低保: '低保',
  农民党员: '农民',
  其它: '其他',
};

const METHOD_ALIASES: Record<string, DuesMethod> = {
  现金交纳: '现金', 现金缴纳: '现金', 当面交纳: '现金',
  微信: '线上', 支付宝: '线上', 转账: '线上', 银行转账: '线上', 网上: '线上', 网上缴纳: '线上', 网上交纳: '线上', 线上支付: '线上',
  线上缴纳: '线上', 线上交纳: '线上', 扫码: '线上', 在线: '线上', 手机: '线上', 微信转账: '线上', 网银: '线上', 银行代扣: '线上',
  代缴: '代交', 代交纳: '代交', 他人代交: '代交', 亲属代交: '代交', 委托代交: '代交',
};

const KIND_ALIASES: Record<string, DuesKind> = {
  按月: '正常', 按时: '正常', 当月: '正常', 按月交纳: '正常', 正常交纳: '正常', 正常缴纳: '正常', 按时交纳: '正常',
  补交: '补缴', 补缴党费: '补缴', 补交党费: '补缴',
  预缴: '预交', 提前交纳: '预交', 提前缴纳: '预交', 预交党费: '预交',
  多交: '自愿多交', 自愿多缴: '自愿多交', 自愿多交党费: '自愿多交', 捐赠: '自愿多交', 多缴: '自愿多交',
};

export interface MonthValue {
  year?: number;
  month: number;
}

/**
 * 所属月份: `2025-03`, `2025年3月`, `2025.3`, a date cell (its month), or a month alone (`3月`, `三月`, `3`) whose year
 * is the row's 年度 or the title's.
 */
export const parseMonth: CellParser<MonthValue> = (cell) => {
  if (cell.kind === 'empty') {
    return { ok: true, value: undefined };
  }
  if (cell.kind === 'number' && Number.isInteger(cell.number) && cell.number >= 1 && cell.number <= 12) {
    return { ok: true, value: { month: cell.number } };
  }
  const token = normalizeToken(cellText(cell)).replace(/份$/, '');
  const alone = /^(\d{1,2})月?$/.exec(token);
  if (alone && Number(alone[1]) >= 1 && Number(alone[1]) <= 12) {
    return { ok: true, value: { month: Number(alone[1]) } };
  }
  const chinese = CN_MONTHS.indexOf(token.replace(/月$/, ''));
  if (chinese >= 0 && token.endsWith('月')) {
    return { ok: true, value: { month: chinese + 1 } };
  }
  const dated = parseDateCell(cell);
  if (!dated.ok) {
    return { ok: false, message: `“${cellText(cell)}”不是月份，请写成 2025-03 或 2025年3月` };
  }
  if (!dated.value) {
    return { ok: true, value: undefined };
  }
  return { ok: true, value: { year: Number(dated.value.date.slice(0, 4)), month: Number(dated.value.date.slice(5, 7)) }, warning: dated.warning };
};

/**
 * 比例 as written: `1%`, `1.5%`, `0.5`, or a number cell (0.015 under a % format is 1.5 %). A bare number up to 0.02 is
 * a fraction (0.005 = 0.5 %): no 党费 rate is below 0.5 %, and none above 2 % is written as a fraction. Percent, to a
 * tenth.
 */
export const parsePercent: CellParser<number> = (cell) => {
  if (cell.kind === 'empty') {
    return { ok: true, value: undefined };
  }
  if (cell.kind === 'error') {
    return { ok: false, message: cell.message };
  }
  const tenth = (n: number) => Math.round(n * 10) / 10;
  if (cell.kind === 'number') {
    const fraction = (cell.numFmt ?? '').includes('%') || cell.number <= 0.02;
    return { ok: true, value: tenth(fraction ? cell.number * 100 : cell.number) };
  }
  const token = normalizeToken(cellText(cell));
  const m = /^(\d+(?:\.\d+)?)(%|‰)?$/.exec(token);
  if (!m) {
    return { ok: false, message: `“${cellText(cell)}”不是比例，请写成 1% 或 1.5%` };
  }
  const n = Number(m[1]);
  const percent = m[2] === '%' ? n : m[2] === '‰' ? n / 10 : n <= 0.02 ? n * 100 : n;
  return percent > 100 ? { ok: false, message: `比例“${cellText(cell)}”超过100%` } : { ok: true, value: tenth(percent) };
};

/** A month cell of a wide sheet: an amount; `未交`, `/`, `-` are no payment. A tick without an amount is refused. */
const parseMonthAmount: CellParser<number> = (cell) => {
  const token = normalizeToken(cellText(cell));
  if (/^(未交|未缴|欠交|欠缴)$/.test(token)) {
    return { ok: true, value: undefined };
  }
  if (/^(√|✓|✔|已交|已缴|交|是)$/.test(token)) {
    return { ok: false, message: `“${cellText(cell)}”没有写金额，请填写实交金额` };
  }
  return parseMoney(cell);
};

/** Money is read into 分: the preview shows it, and an edit starts from it, in 元 as written (`84.00元`). */
const yuanShown = (value: unknown) => (typeof value === 'number' ? formatYuan(value) : undefined);

function monthHeaders(month: MonthNumber, words: readonly string[]): string[] {
  const names = [`${month}月`, `${CN_MONTHS[month - 1]}月`, `${month}月份`, `${CN_MONTHS[month - 1]}月份`, ...(month < 10 ? [`0${month}月`] : [])];
  return words.flatMap((word) => names.map((name) => `${name}${word}`));
}

const monthColumns: ColumnDefinition<DuesColumnField>[] = MONTHS.flatMap((month) => [
  {
    field: `m${month}` as const,
    label: `${month}月`,
    // `1月实交` first: under a two-row header (1月 over 应交|实交) the joined text must fit better than 实交 alone.
    headers: monthHeaders(month, ['实交', '', '实缴', '实交金额', '实缴金额', '交纳', '缴纳', '已交']),
    parse: parseMonthAmount,
    show: yuanShown,
  },
  {
    field: `o${month}` as const,
    label: `${month}月应交`,
    headers: monthHeaders(month, ['应交', '应缴', '应交金额', '应缴金额']),
    parse: parseMoney,
    show: yuanShown,
  },
]);

/** 合计 columns are sums of the months: read so the preview names them, never stored. */
const TOTAL_NOT_KEPT = '合计由各月金额算出，本列仅供核对，不导入';

const columns: ColumnDefinition<DuesColumnField>[] = [
  { field: 'name', label: '姓名', headers: ['姓名', '党员姓名', '交费人', '缴费人', '交纳人', '缴纳人', '交费党员'], parse: parseText },
  { field: 'year', label: '年度', headers: ['年度', '年份', '缴费年度', '交纳年度', '所属年度'], parse: parseYear },
  {
    field: 'month',
    label: '所属月份',
    headers: ['所属月份', '缴费月份', '交纳月份', '缴纳月份', '党费月份', '月份', '所属期', '费款所属期', '交费月份'],
    parse: parseMonth,
  },
  {
    field: 'category',
    label: '人员类别',
    headers: ['人员类别', '缴费类别', '交纳类别', '人员身份', '党费类别', '身份类别', '党员身份'],
    parse: enumParser('人员类别', DUES_CATEGORIES, CATEGORY_ALIASES),
  },
  {
    field: 'base',
    label: '核定基数',
    headers: ['核定基数', '工资基数', '交纳基数', '缴费基数', '缴纳基数', '党费基数', '计算基数', '计缴基数', '月工资基数', '月收入', '税后收入', '税后工资', '月工资收入', '工资收入', '基数', '交费基数', '离退休费'],
    parse: parseMoney,
    show: yuanShown,
  },
  { field: 'percent', label: '比例', headers: ['比例', '交纳比例', '缴费比例', '缴纳比例', '党费比例', '费率', '交费比例'], parse: parsePercent },
  {
    field: 'owed',
    label: '月应交',
    headers: ['月应交', '应交', '应交金额', '应缴', '应缴金额', '应交党费', '应缴党费', '月应缴', '月应交金额', '每月应交', '月交纳额', '月交纳金额', '月缴纳金额', '交纳标准', '缴纳标准', '月交纳标准', '每月交纳'],
    parse: parseMoney,
    show: yuanShown,
  },
  { field: 'paid', label: '实交', headers: ['实交', '实交金额', '实缴', '实缴金额', '实交党费', '实缴党费', '交纳金额', '缴纳金额', '已交金额', '实收金额'], parse: parseMonthAmount, show: yuanShown },
  { field: 'paidOn', label: '交纳日期', headers: ['交纳日期', '缴纳日期', '缴费日期', '交费日期', '交纳时间', '缴费时间', '收缴日期', '缴纳时间'], parse: parseDate },
  { field: 'method', label: '交纳方式', headers: ['交纳方式', '缴费方式', '方式', '缴纳方式', '支付方式', '交费方式'], parse: enumParser('交纳方式', DUES_METHODS, METHOD_ALIASES) },
  { field: 'kind', label: '缴费类型', headers: ['缴费类型', '类型', '交纳类型', '交费类型', '缴纳类型'], parse: enumParser('缴费类型', DUES_KINDS, KIND_ALIASES) },
  textColumn('collector', '收款人', ['收缴人', '经手人', '收费人', '收款', '收缴经办人']),
  ...monthColumns,
  { field: 'owedTotal', label: '应交合计', headers: ['应交合计', '全年应交', '应交总额', '年应交', '应缴合计'], parse: parseText, notKept: TOTAL_NOT_KEPT },
  { field: 'paidTotal', label: '实交合计', headers: ['实交合计', '合计', '全年合计', '全年实交', '实交总额', '实缴合计', '小计', '总计'], parse: parseText, notKept: TOTAL_NOT_KEPT },
  textColumn('remarks', '备注', []),
];

const importedPaymentSchema = z.object({
  month: isoMonthSchema,
  /** The definition field the month came from (`month` for a long row, `m3`/`o3` for a wide one): its column. */
  field: z.string(),
  owedFen: fenSchema.optional(),
  paidFen: fenSchema.optional(),
  paidOn: isoDateSchema.optional(),
  method: z.enum(DUES_METHODS).optional(),
  kind: z.enum(DUES_KINDS).optional(),
  collector: z.string().optional(),
});

export const importedDuesSchema = z.object({
  memberName: z.string().min(1),
  category: z.enum(DUES_CATEGORIES).optional(),
  baseFen: fenSchema.optional(),
  percent: z.number().min(0).max(100).optional(),
  remarks: z.string().optional(),
  /** Empty when the row names no amount (every month of a grid row left empty): the row plans nothing. */
  payments: z.array(importedPaymentSchema),
});
/** One row of a 党费 sheet: the member's terms and the months it speaks of. */
export type ImportedDues = z.infer<typeof importedDuesSchema>;

/** One member-month as a row says it: what the plan resolves, keys and matches. */
export type ImportedDuesPayment = Omit<ImportedDues, 'payments'> & ImportedDues['payments'][number];

/** A row's record → one entry per month, each with the row's terms (the row's 月应交 unless the month has its own). */
export function duesPaymentsOf(row: ImportedDues): ImportedDuesPayment[] {
  const { payments, ...terms } = row;
  return payments.map((payment) => ({ ...terms, ...payment }));
}

type Issues = RecordResult<ImportedDues, DuesColumnField>['issues'];

/** What the column parsers above return, field by field (合计 columns are read for the preview only). */
interface DuesValues extends Partial<Record<PaidMonthField | OwedMonthField, number>> {
  name?: string;
  year?: number;
  month?: MonthValue;
  category?: DuesCategory;
  base?: number;
  percent?: number;
  owed?: number;
  paid?: number;
  paidOn?: string;
  method?: DuesMethod;
  kind?: DuesKind;
  collector?: string;
  remarks?: string;
}

function toRecord(parsed: Partial<Record<DuesColumnField, unknown>>, context: RecordContext): RecordResult<ImportedDues, DuesColumnField> {
  // Each field holds what its column's parser returned: the columns above decide the types.
  const values = parsed as DuesValues;
  const issues: Issues = [];
  const name = oneMemberName(values.name, 'name', '党费', issues);
  const year = values.year ?? context.titleYear;
  const { owed, month: long } = values;
  // 交纳日期 is a day: a month alone is no date (the payment still comes in, without it).
  let paidOn = values.paidOn;
  if (paidOn && paidOn.length < 10) {
    issues.push({ field: 'paidOn', severity: 'warning', message: `交纳日期只写到月（${paidOn}），未导入，请写明哪一天` });
    paidOn = undefined;
  }
  const payments: ImportedDues['payments'] = [];
  const filled = MONTHS.filter((m) => values[`m${m}`] !== undefined || values[`o${m}`] !== undefined);
  if ((long && long.year === undefined && year === undefined) || (filled.length > 0 && year === undefined)) {
    issues.push({
      field: 'year',
      severity: 'error',
      message: context.fieldsInSheet?.has('year')
        ? '缺少年度，无法确定是哪一年的党费'
        : '无法确定年度：请加“年度”列，或在表格标题中写明年份（如“2025年党费收缴明细表”）',
    });
  }
  const longYear = long?.year ?? year;
  if (long && longYear !== undefined) {
    if (owed === undefined && values.paid === undefined) {
      // Said of the row: a cell already reported as unreadable must not hide it.
      issues.push({ severity: 'warning', message: '没有填写应交或实交金额，本行没有可导入的党费' });
    } else {
      payments.push({
        month: `${longYear}-${pad(long.month)}`,
        field: 'month',
        owedFen: owed,
        paidFen: values.paid,
        paidOn,
        method: values.method,
        kind: values.kind,
        collector: trimmed(values.collector),
      });
    }
  }
  if (year !== undefined) {
    for (const m of filled) {
      const paid = values[`m${m}`];
      payments.push({ month: `${year}-${pad(m)}`, field: paid !== undefined ? `m${m}` : `o${m}`, owedFen: values[`o${m}`] ?? owed, paidFen: paid });
    }
  }
  if (payments.length === 0 && !issues.some((i) => i.severity === 'error')) {
    const sheet = context.fieldsInSheet;
    const wideSheet = MONTHS.some((m) => sheet?.has(`m${m}`) || sheet?.has(`o${m}`));
    if (!long && !wideSheet && sheet?.has('month')) {
      issues.push({ field: 'month', severity: 'error', message: '缺少所属月份，无法确定是哪个月的党费' });
    } else if (!long) {
      // A member listed with every month empty (a grid early in the year): nothing to import, nothing wrong.
      issues.push({ severity: 'warning', message: '各月份都没有填写金额，本行没有可导入的党费' });
    }
  }
  return finish(
    importedDuesSchema,
    { memberName: name, category: values.category, baseFen: values.base, percent: values.percent, remarks: trimmed(values.remarks), payments },
    issues,
  );
}

export const duesLedger: LedgerDefinition<DuesColumnField, ImportedDues> = {
  kind: 'dues',
  label: '党费收缴台账',
  columns,
  keyFields: [['name'], ['month', 'paid', ...MONTHS.map((m): PaidMonthField => `m${m}`)]],
  identity: ['name', 'year', 'month'],
  remarksField: 'remarks',
  toRecord,
};
