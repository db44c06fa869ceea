import { parseProgress, type ImportedRectification } from '../ledgers/definitions/rectifications';
import type { ParsedRow } from '../ledgers/parseSheet';
import { toHalfWidth } from '../ledgers/normalize';
import { formatDate } from '../dates';
import { RECTIFICATION_FIELD_LABELS, type Rectification } from '../model/rectification';
import { blockedRow, compact, diffFields, keepStoredWording, sameText, type ImportContext, type PlannedRow } from './core';

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
  byKey: Map<string, Rectification[]>;
  today: string;
}

export function rectificationPlanContext(ctx: ImportContext): RectificationPlanContext {
  const byKey = new Map<string, Rectification[]>();
  for (const r of ctx.rectifications) {
    if (r.branchId !== ctx.branchId) continue;
    const key = problemKey(r.problem, r.source);
    byKey.set(key, [...(byKey.get(key) ?? []), r]);
  }
  return { branchId: ctx.branchId, byKey, today: ctx.today };
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

function fieldsOf(record: ImportedRectification, progress: Progress, today: string) {
  const { progressText, progressEntries, ...rest } = record;
  // A record built elsewhere than the definition (a test, an older preview) may carry the text alone.
  const entries = progressEntries ?? parseProgress(progressText).entries;
  return compact({ ...rest, progress: mergeProgress(progress, entries, today) });
}

function base(row: ParsedRow, rc: RectificationPlanContext) {
  return { rowNumber: row.rowNumber, kind: 'rectifications' as const, blocked: false, target: { branchId: rc.branchId }, source: row };
}

export function rectificationAsNew(row: ParsedRow<ImportedRectification>, rc: RectificationPlanContext): PlannedRow {
  const fields = fieldsOf(row.record as ImportedRectification, [], rc.today);
  return { ...base(row, rc), action: '新增', after: { branchId: rc.branchId, ...fields } };
}

export function rectificationAsUpdate(row: ParsedRow<ImportedRectification>, existing: Rectification, rc: RectificationPlanContext): PlannedRow {
  const fields = keepStoredWording(existing, fieldsOf(row.record as ImportedRectification, existing.progress ?? [], rc.today));
  // The same problem written with other spaces or punctuation keeps its stored wording.
  const problem = problemKey(fields.problem, fields.source) === problemKey(existing.problem, fields.source) ? existing.problem : fields.problem;
  const after = compact({ ...existing, ...fields, problem }) as Rectification;
  const changes = diffFields(existing, after, RECTIFICATION_FIELD_LABELS);
  const common = { ...base(row, rc), recordId: existing.id, before: existing, storedBefore: existing };
  return changes.length === 0
    ? { ...common, action: '跳过', reason: '与已有整改任务相同' }
    : { ...common, action: '更新', after, changes };
}

export function rectificationLabel(r: Rectification): string {
  const problem = r.problem.length > 30 ? `${r.problem.slice(0, 30)}…` : r.problem;
  return `${problem}（${r.source}，${r.status}${r.deadline ? `，时限${formatDate(r.deadline)}` : ''}）`;
}

export function planRectificationRows(rows: readonly ParsedRow[], ctx: ImportContext): PlannedRow[] {
  const rc = rectificationPlanContext(ctx);
  const seen = new Map<string, number>();
  return rows.map((parsed): PlannedRow => {
    const row = parsed as ParsedRow<ImportedRectification>;
    const record = row.record;
    if (!record) {
      return blockedRow(row, 'rectifications', rc.branchId);
    }
    const key = problemKey(record.problem, record.source);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      return {
        ...base(row, rc),
        action: '冲突',
        reason: `与文件第${earlier}行是同一问题（问题来源和存在问题相同）`,
        duplicateOf: earlier,
        candidates: [],
      };
    }
    seen.set(key, row.rowNumber);
    const matches = rc.byKey.get(key) ?? [];
    if (matches.length === 0) {
      return rectificationAsNew(row, rc);
    }
    if (matches.length > 1) {
      return {
        ...base(row, rc),
        action: '冲突',
        reason: `已有${matches.length}条相同问题的整改任务，请选择要更新哪一条，或作为新任务导入`,
        candidates: matches.map((r) => ({ id: r.id, label: rectificationLabel(r) })),
      };
    }
    return rectificationAsUpdate(row, matches[0], rc);
  });
}
