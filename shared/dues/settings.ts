import { z } from 'zod';
import { readSettingsByKey } from '../rules/readSettings';
import type { DuesCategory } from '../model/dues';

/**
 * The 党费规定 (中组部 2008) table and the dues rules' thresholds, each a setting with the 规定's value as
 * default (DOMAIN §1.6, §3.9). Bases are monthly amounts in 分; a bracket applies up to and including `upToFen`
 * (含本数: 3000.00元 pays 0.5 %, 3000.01元 pays 1 %); the last bracket has no upper bound.
 */

export const DUES_SETTINGS_KEY = 'duesSettings';

export const rateBracketSchema = z.object({
  /** Inclusive upper bound in 分; null = no bound (the last bracket). */
  upToFen: z.number().int().min(0).nullable(),
  /** Percent, to a tenth (0.5 = 0.5 %). */
  percent: z
    .number()
    .min(0)
    .max(100)
    .refine((p) => Math.abs(p * 10 - Math.round(p * 10)) < 1e-9, { message: '比例精确到0.1%' }),
});
export type RateBracket = z.infer<typeof rateBracketSchema>;

/** Brackets in ascending order, ending with an unbounded one. */
const bracketsSchema = z
  .array(rateBracketSchema)
  .min(1)
  .refine((list) => list[list.length - 1].upToFen === null, { message: '最后一档应不设上限' })
  .refine((list) => list.slice(0, -1).every((b, i) => b.upToFen !== null && (i === 0 || b.upToFen > (list[i - 1].upToFen ?? 0))), {
    message: '各档上限应从小到大',
  });

/** The categories that pay a fixed sum a month instead of a share of a base. */
export const FIXED_DUES_CATEGORIES = ['学生', '下岗失业', '低保', '农民'] as const satisfies readonly DuesCategory[];
export type FixedDuesCategory = (typeof FIXED_DUES_CATEGORIES)[number];

/** The categories that pay a share of a base, and their table. */
export const RATED_DUES_CATEGORIES = ['在职', '离退休'] as const satisfies readonly DuesCategory[];
export type RatedDuesCategory = (typeof RATED_DUES_CATEGORIES)[number];

const yuan = (y: number) => y * 100;

export const duesSettingsSchema = z.object({
  /** 在职: 税后 monthly fixed income (机关: 职务工资+级别工资+津贴补贴). */
  employed: bracketsSchema.default([
    { upToFen: yuan(3000), percent: 0.5 },
    { upToFen: yuan(5000), percent: 1 },
    { upToFen: yuan(10000), percent: 1.5 },
    { upToFen: null, percent: 2 },
  ]),
  /** 离退休: 离退休费 total. */
  retired: bracketsSchema.default([
    { upToFen: yuan(5000), percent: 0.5 },
    { upToFen: null, percent: 1 },
  ]),
  /** 学生, 下岗失业, 低保: 0.2 元 a month; 农民 0.2–1 元, 0.2 by default. */
  fixedFen: z
    .object({
      学生: z.number().int().min(0),
      下岗失业: z.number().int().min(0),
      低保: z.number().int().min(0),
      农民: z.number().int().min(0).max(100),
    })
    .default({ 学生: 20, 下岗失业: 20, 低保: 20, 农民: 20 }),
  /** dues.unpaid warns from this many unpaid months in a year. */
  unpaidWarnMonths: z.number().int().min(1).max(12).default(3),
  /** dues.unpaid flags this many consecutive unpaid months (党章 第九条: 连续6个月). */
  unpaidFlagMonths: z.number().int().min(1).max(24).default(6),
  /** 补交一般不超过6个月: dues.lateBackPay points out payments made later than this after their month. */
  backPayMonths: z.number().int().min(1).max(24).default(6),
});
export type DuesSettings = z.infer<typeof duesSettingsSchema>;

export const DEFAULT_DUES_SETTINGS: DuesSettings = Object.freeze(duesSettingsSchema.parse({}));

/** Stored settings (partial, older, hand-edited): each key that does not validate falls back to its default. */
export function readDuesSettings(stored: unknown): DuesSettings {
  return readSettingsByKey(duesSettingsSchema.shape, DEFAULT_DUES_SETTINGS, stored);
}

/** Every category is either rated or fixed, or 其他 (decided by the 支部, no table row). */
const RATED: readonly DuesCategory[] = RATED_DUES_CATEGORIES;
const FIXED: readonly DuesCategory[] = FIXED_DUES_CATEGORIES;
export function isRatedCategory(category: DuesCategory): category is RatedDuesCategory {
  return RATED.includes(category);
}
export function isFixedCategory(category: DuesCategory): category is FixedDuesCategory {
  return FIXED.includes(category);
}

// Every category of the model is placed once (rated, fixed, or 其他): a new category fails to compile here.
type Unplaced = Exclude<DuesCategory, RatedDuesCategory | FixedDuesCategory | '其他'>;
export const ALL_DUES_CATEGORIES_PLACED: [Unplaced] extends [never] ? true : never = true;
