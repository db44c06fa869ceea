import { formatDate } from '../dates';
import type { ImportedTraining } from '../ledgers/definitions/training';
import type { TrainingRecord, TrainingRecordFields } from '../model/training';
import { DEFAULT_TRAINING_SETTINGS, hoursOf, type TrainingSettings } from '../training/settings';
import { foldText, type Roster } from './core';
import { findInBranch } from './reviews';

/**
 * 学时 rows against the branch's records, for the keyed planner. Key: member + 日期 + 学习培训内容 folded (foldText,
 * then without spaces and quotation marks: `学习《条例》` and `学习 “条例”` are one activity). A duration written as
 * 半天/一天 becomes hours with the 学时 settings (pass the stored ones; the defaults are 4 and 8); a number is kept
 * as written.
 */

export type ResolvedTraining = { ok: true; fields: TrainingRecordFields } | { ok: false; reason: string };

export function resolveTraining(
  imported: ImportedTraining,
  roster: Roster,
  branchId: string,
  settings: Pick<TrainingSettings, 'halfDayHours' | 'fullDayHours'> = DEFAULT_TRAINING_SETTINGS,
): ResolvedTraining {
  const member = findInBranch(roster, '党员', imported.memberName, branchId);
  if (!('id' in member)) {
    return { ok: false, reason: member.reason };
  }
  const written = imported.hours;
  const hours = 'hours' in written ? written.hours : hoursOf(written.unit, settings, written.count);
  if (!Number.isInteger(hours * 2)) {
    // 1.5天 at 4.25 学时 a half day: the settings, not the sheet, make it uneven.
    return { ok: false, reason: `按学时设置折算为${hours}学时，不是0.5的整数倍，请在表中直接填写学时数` };
  }
  return {
    ok: true,
    fields: { date: imported.date, memberId: member.id, activity: imported.activity, form: imported.form, hours },
  };
}

/** An activity as compared: foldText, no spaces, no quotation marks or book-title marks. */
export function foldActivity(activity: string): string {
  return foldText(activity).replace(/[\s"'“”‘’《》〈〉「」『』]/g, '');
}

export function trainingKey(fields: Pick<TrainingRecordFields, 'memberId' | 'date' | 'activity'>): string {
  return `${fields.memberId}|${fields.date}|${foldActivity(fields.activity)}`;
}

/** `2025年3月5日 张三：学习党章（支部学习，2学时）` (a 冲突 candidate). */
export function trainingLabel(stored: TrainingRecord, roster: Roster): string {
  return `${formatDate(stored.date)} ${roster.nameOf(stored.memberId)}：${stored.activity}（${stored.form}，${stored.hours}学时）`;
}
