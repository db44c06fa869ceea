import type { z } from 'zod';
import {
  duesSettingsSchema,
  FIXED_DUES_CATEGORIES,
  formatYuan,
  parseYuan,
  RATED_DUES_CATEGORIES,
  type DuesSettings,
  type FixedDuesCategory,
  type RateBracket,
  type RatedDuesCategory,
} from '@shared/dues';
import { trainingSettingsSchema, type TrainingSettings } from '@shared/training';

/**
 * The forms of 设置 → 党费规定 and 学时: the stored settings as the fields show them (amounts in 元 as typed
 * text, counts as numbers) and back, checked by the settings' zod schemas with a Chinese message on the field.
 */

export type FieldPath = (string | number)[];
export interface SettingsProblem {
  /** The form field; absent for a problem of a whole table (shown above the buttons). */
  name?: FieldPath;
  message: string;
}
export type SettingsOutcome<T> = { ok: true; settings: T } | { ok: false; problems: SettingsProblem[] };

/** A zod issue in Chinese, for the field named `label`; `amount` writes a bound (e.g. 分 as 元). */
export function issueText(issue: z.core.$ZodIssue, label: string, amount: (n: number) => string = String): string {
  switch (issue.code) {
    case 'too_small':
      return issue.inclusive === false ? `${label}应大于${amount(Number(issue.minimum))}` : `${label}不能小于${amount(Number(issue.minimum))}`;
    case 'too_big':
      return issue.inclusive === false ? `${label}应小于${amount(Number(issue.maximum))}` : `${label}不能大于${amount(Number(issue.maximum))}`;
    case 'invalid_type':
      return issue.expected === 'int' ? `${label}应为整数` : `请填写${label}`;
    default:
      // The schemas' own checks (refine) already speak Chinese.
      return `${label}：${issue.message}`;
  }
}

// ── 党费规定 ──────────────────────────────────────────────────────────────────────────────────────────────────

/** The form's keys of the two rate tables, as in DuesSettings. */
const RATED_KEYS = { 在职: 'employed', 离退休: 'retired' } as const satisfies Record<RatedDuesCategory, keyof DuesSettings>;
type RatedKey = (typeof RATED_KEYS)[RatedDuesCategory];
export const RATED_TABLES = RATED_DUES_CATEGORIES.map((category) => ({ category, key: RATED_KEYS[category] }));

export const DUES_MONTH_LABELS = {
  unpaidWarnMonths: '一年内未交几个月起提醒',
  unpaidFlagMonths: '连续几个月未交提示（党章第九条）',
  backPayMonths: '补交超过几个月提示',
} as const satisfies Partial<Record<keyof DuesSettings, string>>;
type MonthKey = keyof typeof DUES_MONTH_LABELS;
const MONTH_KEYS = Object.keys(DUES_MONTH_LABELS) as MonthKey[]; // the keys of the label map above

export interface BracketValues {
  /** 上限 in 元 as typed; the last bracket has none. */
  upTo?: string;
  percent?: number | null;
}
export type DuesSettingsValues = Record<RatedKey, BracketValues[]> & {
  fixed: Partial<Record<FixedDuesCategory, string>>;
} & Partial<Record<MonthKey, number | null>>;

const yuanText = (fen: number) => formatYuan(fen).replace(/元$/, '');

export function duesValuesOf(settings: DuesSettings): DuesSettingsValues {
  const brackets = (list: readonly RateBracket[]) => list.map((b) => ({ upTo: b.upToFen === null ? undefined : yuanText(b.upToFen), percent: b.percent }));
  return {
    employed: brackets(settings.employed),
    retired: brackets(settings.retired),
    fixed: Object.fromEntries(FIXED_DUES_CATEGORIES.map((c) => [c, yuanText(settings.fixedFen[c])])),
    unpaidWarnMonths: settings.unpaidWarnMonths,
    unpaidFlagMonths: settings.unpaidFlagMonths,
    backPayMonths: settings.backPayMonths,
  };
}

const bracketLabel = (category: RatedDuesCategory, index: number) => `${category}党员第${index + 1}档`;

/** The form's values as DuesSettings, or the problems, each on its field. The last bracket is unbounded. */
export function duesSettingsOf(values: DuesSettingsValues): SettingsOutcome<DuesSettings> {
  const problems: SettingsProblem[] = [];
  const amount = (text: string | undefined, name: FieldPath, label: string): number => {
    const parsed = parseYuan(text ?? '');
    if (!parsed.ok) {
      problems.push({ name, message: `${label}：${parsed.message}` });
      return 0;
    }
    return parsed.fen;
  };
  const brackets = (category: RatedDuesCategory): RateBracket[] => {
    const key = RATED_KEYS[category];
    const list = values[key];
    return list.map((b, i) => ({
      upToFen: i === list.length - 1 ? null : amount(b.upTo, [key, i, 'upTo'], `${bracketLabel(category, i)}上限`),
      // A cleared number is NaN for the schema, so that it is reported (请填写) rather than taken as the default.
      percent: b.percent ?? Number.NaN,
    }));
  };
  const candidate = {
    employed: brackets('在职'),
    retired: brackets('离退休'),
    fixedFen: Object.fromEntries(FIXED_DUES_CATEGORIES.map((c) => [c, amount(values.fixed[c], ['fixed', c], `${c}每月交纳`)])),
    ...Object.fromEntries(MONTH_KEYS.map((k) => [k, values[k] ?? Number.NaN])),
  };
  const parsed = duesSettingsSchema.safeParse(candidate);
  if (parsed.success && problems.length === 0) {
    return { ok: true, settings: parsed.data };
  }
  for (const issue of parsed.error?.issues ?? []) {
    const [head, index, field] = issue.path;
    const category = RATED_TABLES.find((t) => t.key === head)?.category;
    if (category && typeof index === 'number') {
      const label = `${bracketLabel(category, index)}${field === 'percent' ? '比例' : '上限'}`;
      problems.push({ name: [head as RatedKey, index, field === 'percent' ? 'percent' : 'upTo'], message: issueText(issue, label, field === 'percent' ? (n) => `${n}%` : (n) => formatYuan(n)) }); // head is a rated key (found above)
    } else if (category) {
      problems.push({ message: issueText(issue, `${category}党员比例表`) });
    } else if (head === 'fixedFen' && typeof index === 'string') {
      problems.push({ name: ['fixed', index], message: issueText(issue, `${index}每月交纳`, formatYuan) });
    } else if (typeof head === 'string' && head in DUES_MONTH_LABELS) {
      problems.push({ name: [head], message: issueText(issue, DUES_MONTH_LABELS[head as MonthKey]) }); // checked by `in` above
    } else {
      problems.push({ message: issue.message });
    }
  }
  // A blank amount was reported by parseYuan already; the schema's word on the same field is not repeated.
  const seen = new Set<string>();
  return {
    ok: false,
    problems: problems.filter((p) => {
      const key = p.name ? p.name.join('.') : p.message;
      return seen.has(key) ? false : (seen.add(key), true);
    }),
  };
}

// ── 学时 ──────────────────────────────────────────────────────────────────────────────────────────────────────

export const TRAINING_LABELS = {
  memberGoalHours: '党员每年学时',
  leaderGoalHours: '书记和支委每年学时',
  halfDayHours: '半天计',
  fullDayHours: '一天计',
} as const satisfies Partial<Record<keyof TrainingSettings, string>>;
type HoursKey = keyof typeof TRAINING_LABELS;
export const HOURS_KEYS = Object.keys(TRAINING_LABELS) as HoursKey[]; // the keys of the label map above

export type TrainingSettingsValues = Partial<Record<HoursKey, number | null>> & { weeklyStudy: boolean };

export function trainingValuesOf(settings: TrainingSettings): TrainingSettingsValues {
  return { ...Object.fromEntries(HOURS_KEYS.map((k) => [k, settings[k]])), weeklyStudy: settings.weeklyStudy.enabled };
}

export function trainingSettingsOf(values: TrainingSettingsValues): SettingsOutcome<TrainingSettings> {
  // A cleared number is NaN for the schema, so that it is reported rather than taken as the default.
  const parsed = trainingSettingsSchema.safeParse({
    ...Object.fromEntries(HOURS_KEYS.map((k) => [k, values[k] ?? Number.NaN])),
    weeklyStudy: { enabled: values.weeklyStudy },
  });
  if (parsed.success) {
    return { ok: true, settings: parsed.data };
  }
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => {
      const key = HOURS_KEYS.find((k) => k === issue.path[0]);
      return key ? { name: [key], message: issueText(issue, TRAINING_LABELS[key], (n) => `${n}学时`) } : { message: issue.message };
    }),
  };
}
