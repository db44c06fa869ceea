import { countPlan, resolveConflict, type ImportContext, type PlannedRow } from '@shared/imports';
import { formatDate, formatDateTime } from '@shared/dates';
import { isSensitiveState, type AnalysisSettings } from '@shared/model';
import { specOf } from '@shared/kinds';
import { LEDGER_LABELS, type LedgerFileResult, type LedgerKind, type NoteBlock } from '@shared/ledgers';
import { planSheets } from '../../workers/ledgerImportPlan';

/**
 * The preview's model, pure: plans every ledger sheet of a read file against the database, applies the user's
 * conflict choices and row exclusions, counts, and says what importing writes. The page only renders it.
 */

export type ImportCounts = ReturnType<typeof countPlan>;
/** How the user settled a 冲突 row: a candidate's id, `new` (add as a new record) or `skip`. */
export type ConflictChoice = string;

/** The key of a preview row: sheet index, Excel row number, and the record of the row when it holds several. */
export function rowKey(sheetIndex: number, rowNumber: number, part?: number): string {
  // A row holding several records (a 党费 row of twelve months) has a plan, a choice and a checkbox for each.
  return part === undefined ? `${sheetIndex}:${rowNumber}` : `${sheetIndex}:${rowNumber}:${part}`;
}

export interface ImportPreview {
  fileName: string;
  result: LedgerFileResult;
  context: ImportContext;
  /** Plans of the ledger sheets, by sheet index, aligned with `sheet.rows`. */
  plans: Map<number, PlannedRow[]>;
}

/** The preview of a read file; `plans` as the worker computed them (or computed here, in tests). */
export function buildPreview(
  result: LedgerFileResult,
  context: ImportContext,
  plans: Map<number, PlannedRow[]> = planSheets(result, context),
): ImportPreview {
  return { fileName: result.fileName, result, context, plans };
}

/** The plans with the user's conflict choices applied (rows not chosen for stay as planned). */
export function applyChoices(preview: ImportPreview, choices: ReadonlyMap<string, ConflictChoice>): Map<number, PlannedRow[]> {
  if (choices.size === 0) {
    return preview.plans;
  }
  const resolved = new Map<number, PlannedRow[]>();
  for (const [sheetIndex, plans] of preview.plans) {
    resolved.set(
      sheetIndex,
      plans.map((plan) => {
        const choice = choices.get(rowKey(sheetIndex, plan.rowNumber, plan.part));
        return choice !== undefined && plan.action === '冲突' ? resolveConflict(plan, choice, preview.context) : plan;
      }),
    );
  }
  return resolved;
}

/** Only 新增 and 更新 rows can be written; they are included unless the user excluded them. */
export function isWritable(plan: PlannedRow): boolean {
  return !plan.blocked && (plan.action === '新增' || plan.action === '更新');
}

export function rowsToWrite(plans: ReadonlyMap<number, PlannedRow[]>, excluded: ReadonlySet<string>): PlannedRow[] {
  const rows: PlannedRow[] = [];
  for (const [sheetIndex, list] of plans) {
    for (const plan of list) {
      if (isWritable(plan) && !excluded.has(rowKey(sheetIndex, plan.rowNumber, plan.part))) {
        rows.push(plan);
      }
    }
  }
  return rows;
}

/** `新增 3 · 更新 1 · 跳过 0 · 冲突 0 · 有错误 2`, the counts line of a sheet. */
export function countsText(counts: ImportCounts): string {
  return (['新增', '更新', '跳过', '冲突', '有错误'] as const).map((k) => `${k} ${counts[k]}`).join(' · ');
}

/** What importing writes, per ledger: `党员花名册：新增 23 名党员、更新 1 名党员`. */
export function writeSummary(rows: readonly PlannedRow[]): string[] {
  const byKind = new Map<LedgerKind, { added: number; updated: number }>();
  for (const row of rows) {
    const entry = byKind.get(row.kind) ?? { added: 0, updated: 0 };
    byKind.set(row.kind, entry);
    if (row.action === '新增') {
      entry.added += 1;
    } else {
      entry.updated += 1;
    }
  }
  return [...byKind].map(([kind, { added, updated }]) => {
    const parts = [added ? `新增 ${added} ${specOf(kind).labels.counted}` : '', updated ? `更新 ${updated} ${specOf(kind).labels.counted}` : ''];
    return `${LEDGER_LABELS[kind]}：${parts.filter(Boolean).join('、')}`;
  });
}

/** Branches a roster import would create (rows whose 所在党支部 names no existing branch). */
export function newBranchNames(rows: readonly PlannedRow[]): string[] {
  const names = new Set<string>();
  for (const row of rows) {
    if ('newBranchName' in row.target) {
      names.add(row.target.newBranchName);
    }
  }
  return [...names];
}

const ISO_DATE = /^\d{4}-\d{2}(-\d{2})?$/;
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** A value as the preview shows it: dates as `2025年3月5日`, yes/no in Chinese, lists joined with 、. */
export function showValue(value: unknown): string {
  if (value === undefined || value === null || value === '') {
    return '';
  }
  if (typeof value === 'string') {
    if (ISO_DATE.test(value)) {
      return formatDate(value);
    }
    return ISO_DATETIME.test(value) ? formatDateTime(value) : value;
  }
  if (typeof value === 'boolean') {
    return value ? '是' : '否';
  }
  if (Array.isArray(value)) {
    return value.map(showValue).filter(Boolean).join('、');
  }
  if (typeof value === 'object') {
    if ('date' in value && typeof value.date === 'string') {
      // A date as read from a cell: 2025-01-06 with 14:30 or 上午.
      const at = ('time' in value ? value.time : undefined) ?? ('partOfDay' in value ? value.partOfDay : undefined);
      return [formatDate(value.date), showValue(at)].filter(Boolean).join(' ');
    }
    if ('label' in value && typeof value.label === 'string') {
      // 分析时段 as read (kind, start, end and its label): the label is what was meant.
      return value.label;
    }
    if ('name' in value && typeof value.name === 'string') {
      // A person with a note (缺席人员 王某（病假）).
      const reason = 'reason' in value ? showValue(value.reason) : '';
      return reason ? `${value.name}（${reason}）` : value.name;
    }
    return JSON.stringify(value);
  }
  if (typeof value === 'number' || typeof value === 'bigint') {
    return String(value);
  }
  // A symbol or a function: no cell holds one.
  return '';
}

/** An analysis row's free text about a member marked 需关注 (a sensitive state) is not shown, as in 思想动态分析. */
const SENSITIVE_FIELDS = new Set(['work', 'details', 'problems', 'help', 'remarks']);

export function isMaskedCell(
  kind: LedgerKind | undefined,
  field: string,
  values: Readonly<Record<string, unknown>>,
  settings: Pick<AnalysisSettings, 'states'> | undefined,
): boolean {
  if (kind !== 'analyses' || !SENSITIVE_FIELDS.has(field) || values[field] === undefined) {
    return false;
  }
  const state = typeof values.state === 'string' ? values.state.trim() : '';
  return state !== '' && isSensitiveState(state, settings ?? { states: [] });
}

/** `第6—12行：说明文字，已跳过（“填写注意事项：1. …”）`: each block of instructions, said once. */
export function noteText(note: NoteBlock): string {
  const first = note.rows[0];
  const last = note.rows[note.rows.length - 1];
  const rows = first === last ? `第${first}行` : `第${first}—${last}行`;
  return `${rows}：说明文字，已跳过${note.text ? `（“${note.text.replace(/\s+/g, ' ')}”）` : ''}`;
}
