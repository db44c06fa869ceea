import { z } from 'zod';
import { ISO_MONTH, isoDateSchema } from '../dates';
import { idSchema, optionalText, recordMetaSchema } from './common';

/** 人员类别 of the 党费规定 (DOMAIN §1.6): which row of the table a member pays by. */
export const DUES_CATEGORIES = ['在职', '离退休', '学生', '下岗失业', '低保', '农民', '其他'] as const;
export type DuesCategory = (typeof DUES_CATEGORIES)[number];

/** 交纳方式. 代交 = paid by a relative or another member with the 支部's consent. */
export const DUES_METHODS = ['现金', '线上', '代交'] as const;
export type DuesMethod = (typeof DUES_METHODS)[number];

/** 缴费类型: 补缴 = paid after its month, 预交 = before it, 自愿多交 = more than owed on purpose. */
export const DUES_KINDS = ['正常', '补缴', '预交', '自愿多交'] as const;
export type DuesKind = (typeof DUES_KINDS)[number];

/** An amount of money in 分 (integer): never a float of 元. */
export const fenSchema = z.number().int('金额应精确到分').min(0, '金额不能为负数');

/** `YYYY-MM`. */
export const isoMonthSchema = z.string().regex(ISO_MONTH, { message: '月份格式应为 年-月' });

/**
 * 党费收缴台账: one record per member per month (DOMAIN §3.9). Key: (memberId, month). 实交 absent = 未交;
 * 应交 is stored as agreed (the table's figure is what duesOwed suggests, a 支部 decision may differ).
 */
export const duesPaymentFieldsSchema = z.object({
  /** 缴费月份: the month the dues are for, not the day paid. */
  month: isoMonthSchema,
  memberId: idSchema,
  category: z.enum(DUES_CATEGORIES),
  /** 核定基数 (税后 monthly income or 离退休费), in 分; absent for the fixed-amount categories. */
  baseFen: fenSchema.optional(),
  /** 比例 in percent (1.5 = 1.5 %); absent for the fixed-amount categories. */
  percent: z.number().min(0).max(100).optional(),
  /** 应交金额, in 分. */
  owedFen: fenSchema,
  /** 实交金额, in 分; absent while unpaid. */
  paidFen: fenSchema.optional(),
  /** 交纳日期. */
  paidOn: isoDateSchema.optional(),
  method: z.enum(DUES_METHODS).optional(),
  kind: z.enum(DUES_KINDS).default('正常'),
  /** 收款人, as written (a 支委, the 党小组长 or the 机关党委's finance). */
  collector: optionalText,
  remarks: optionalText,
});
export type DuesPaymentFields = z.infer<typeof duesPaymentFieldsSchema>;
export type DuesPaymentFieldsInput = z.input<typeof duesPaymentFieldsSchema>;

export const duesPaymentSchema = recordMetaSchema.extend({ branchId: idSchema }).extend(duesPaymentFieldsSchema.shape);
export type DuesPayment = z.infer<typeof duesPaymentSchema>;

export const DUES_FIELD_LABELS: Record<keyof DuesPaymentFields, string> = {
  month: '缴费月份',
  memberId: '姓名',
  category: '人员类别',
  baseFen: '核定基数',
  percent: '比例',
  owedFen: '应交金额',
  paidFen: '实交金额',
  paidOn: '交纳日期',
  method: '交纳方式',
  kind: '缴费类型',
  collector: '收款人',
  remarks: '备注',
};

export interface DuesProblem {
  field: keyof DuesPaymentFields;
  severity: 'error' | 'warning';
  message: string;
}

/** Whole months from month `from` to the month of `date` (`2025-01` → `2025-07-03` is 6). */
export function monthsAfter(from: string, date: string): number {
  const index = (value: string) => Number(value.slice(0, 4)) * 12 + Number(value.slice(5, 7)) - 1;
  return index(date) - index(from);
}

/**
 * Cross-field checks beyond the zod shape: a payment has its date, 补缴 is paid after its month and 预交 before
 * it, 自愿多交 pays more than owed. Whether 应交 follows the table is for checkDuesOwed (shared/dues), which needs
 * the settings.
 */
export function checkDuesPayment(fields: DuesPaymentFields): DuesProblem[] {
  const problems: DuesProblem[] = [];
  const error = (field: keyof DuesPaymentFields, message: string) => problems.push({ field, severity: 'error', message });
  const warn = (field: keyof DuesPaymentFields, message: string) => problems.push({ field, severity: 'warning', message });

  if (fields.paidOn && fields.paidFen === undefined) {
    error('paidFen', '填写了交纳日期，请填写实交金额');
  }
  if (fields.paidFen !== undefined && fields.paidFen > 0 && !fields.paidOn) {
    warn('paidOn', '请填写交纳日期');
  }
  if (fields.paidOn) {
    const after = monthsAfter(fields.month, fields.paidOn);
    if (fields.kind === '补缴' && after <= 0) {
      error('kind', '补缴的交纳日期应晚于缴费月份');
    }
    if (fields.kind === '预交' && after >= 0) {
      error('kind', '预交的交纳日期应早于缴费月份');
    }
  }
  if (fields.kind === '自愿多交' && fields.paidFen !== undefined && fields.paidFen <= fields.owedFen) {
    error('kind', '自愿多交的实交金额应多于应交金额');
  }
  return problems;
}
