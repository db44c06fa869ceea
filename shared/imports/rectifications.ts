import { parseProgress, type ImportedRectification } from '../ledgers/definitions/rectifications';
import { toHalfWidth } from '../ledgers/normalize';
import { formatDate } from '../dates';
import { RECTIFICATION_FIELD_LABELS, type Rectification } from '../model/rectification';
import { compact, sameText, type ImportContext } from './core';
import { keyedPlanner, type Resolved } from './keyed';

/**
 * 整改台账 rows against the branch's tasks. Key: 存在问题 normalised (half-width, no spaces, no punctuation or
 * symbols, lower case) + 问题来源. 整改进展 arrives as entries (definitions/rectifications parseProgress) merged
 * into the stored progress: a dated entry is new unless a stored line has its date and text (sameText); an undated
 * one is dated the day of the import, and new unless a stored line of any date says the same. Nothing new → the
 * stored progress unchanged (an exported task re-imports as 跳过).
 */

export function problemKey(problem: string, source: string): string {
  return `${toHalfWidth(problem).replace(/[\s\p{P}\p{S}]+/gu, '').toLowerCase()}|${source}`;
}

export interface RectificationPlanContext {
  branchId: string;
  today: string;
}

export function rectificationPlanContext(ctx: ImportContext): RectificationPlanContext {
  return { branchId: ctx.branchId, today: ctx.today };
}

type Progress = Rectification['progress'];

/** The stored progress with the file's entries that are not there yet, each after the stored lines of its date or earlier. */
export function mergeProgress(stored: Progress, entries: ImportedRectification['progressEntries'], today: string): Progress {
  const merged = [...stored];
  for (const entry of entries) {
    const known = merged.some((p) => (entry.date === undefined || p.date === entry.date) && sameText(p.text, entry.text));
    if (known) continue;
    const line = { date: entry.date ?? today, text: entry.text };
    let at = merged.length;
    while (at > 0 && merged[at - 1].date > line.date) at -= 1;
    merged.splice(at, 0, line);
  }
  return merged.length === stored.length ? stored : merged;
}

/** The imported task's fields, with its 整改进展 as entries still to merge. */
export type RectificationImport = Omit<ImportedRectification, 'progressText' | 'progressEntries'> & {
  progressEntries: ImportedRectification['progressEntries'];
};

export function resolveRectification(record: ImportedRectification): Resolved<RectificationImport> {
  const { progressText, progressEntries, ...rest } = record;
  // A record built elsewhere than the definition (a test, an older preview) may carry the text alone.
  return { ok: true, fields: { ...rest, progressEntries: progressEntries ?? parseProgress(progressText).entries } };
}

export function rectificationKey(task: Pick<Rectification, 'problem' | 'source'>): string {
  return problemKey(task.problem, task.source);
}

export function rectificationLabel(r: Rectification): string {
  const problem = r.problem.length > 30 ? `${r.problem.slice(0, 30)}…` : r.problem;
  return `${problem}（${r.source}，${r.status}${r.deadline ? `，时限${formatDate(r.deadline)}` : ''}）`;
}

export const rectificationsPlanner = keyedPlanner({
  kind: 'rectifications',
  context: rectificationPlanContext,
  resolve: resolveRectification,
  key: rectificationKey,
  label: rectificationLabel,
  fieldLabels: RECTIFICATION_FIELD_LABELS,
  messages: {
    duplicate: (earlier) => `与文件第${earlier}行是同一问题（问题来源和存在问题相同）`,
    several: (count) => `已有${count}条相同问题的整改任务，请选择要更新哪一条，或作为新任务导入`,
    same: '与已有整改任务相同',
  },
  merge: (existing: Rectification | undefined, imported: RectificationImport, rc: RectificationPlanContext) => {
    const { progressEntries, ...fields } = imported;
    const progress = mergeProgress(existing?.progress ?? [], progressEntries, rc.today);
    if (!existing) return compact({ ...fields, progress });
    // The same problem written with other spaces or punctuation keeps its stored wording.
    const problem = problemKey(fields.problem, fields.source) === problemKey(existing.problem, fields.source) ? existing.problem : fields.problem;
    return { ...existing, ...compact({ ...fields, progress }), problem };
  },
});
