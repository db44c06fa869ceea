import { z } from 'zod';
import { readSettingsByKey } from '../rules/readSettings';

/**
 * 学时 goals and the usual 计时 (DOMAIN §1.2, §3.10), each a setting with the 规划's value as default: each 党员
 * ≥ 32 学时 of 集中学习培训 a year, 基层党组织书记和班子成员 ≥ 56 (2019–2023 全国党员教育培训工作规划); half a
 * day = 4 学时, a day = 8 (local 计时 rules). 每周一学 is a local practice: off unless the 上级 asks for it.
 */

export const TRAINING_SETTINGS_KEY = 'trainingSettings';

export const trainingSettingsSchema = z.object({
  memberGoalHours: z.number().min(0).max(400).default(32),
  /** 书记 and the other 支委 (班子成员). */
  leaderGoalHours: z.number().min(0).max(400).default(56),
  halfDayHours: z.number().positive().max(12).default(4),
  fullDayHours: z.number().positive().max(24).default(8),
  /** 每周一学: every week that is over has a 集中学习 (or a 支部学习 record). */
  weeklyStudy: z.object({ enabled: z.boolean() }).default({ enabled: false }),
});
export type TrainingSettings = z.infer<typeof trainingSettingsSchema>;

export const DEFAULT_TRAINING_SETTINGS: TrainingSettings = Object.freeze(trainingSettingsSchema.parse({}));

/** Stored settings (partial, older, hand-edited): each key that does not validate falls back to its default. */
export function readTrainingSettings(stored: unknown): TrainingSettings {
  return readSettingsByKey(trainingSettingsSchema.shape, DEFAULT_TRAINING_SETTINGS, stored);
}

/** The 计时 units a form offers next to typed hours. */
export const DURATION_UNITS = ['半天', '一天'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

/** 学时 of `count` half days or days (2 days = 16 学时 by default). */
export function hoursOf(unit: DurationUnit, settings: Pick<TrainingSettings, 'halfDayHours' | 'fullDayHours'>, count = 1): number {
  return (unit === '半天' ? settings.halfDayHours : settings.fullDayHours) * count;
}
