import type { ParsedRow } from '../ledgers/parseSheet';
import type { Analysis } from '../model/analysis';
import type { Branch } from '../model/branch';
import type { LedgerKind, LedgerRecords, RowValue, Stored } from '../model/kinds';
import type { Member } from '../model/member';
import { nameKey } from '../ledgers/definitions/common';

/**
 * The shapes every import plan shares (shared/imports/plan.ts computes them; renderer/src/db/imports.ts writes
 * them). A plan is computed once, shown before anything is written, and the commit writes exactly the plan.
 */
export type ImportAction = '新增' | '更新' | '跳过' | '冲突';
export type ImportTable = LedgerKind;

export interface FieldChange {
  field: string;
  label: string;
  before: unknown;
  after: unknown;
}

/** An existing record the row could update (冲突: the user picks one, or 'new', or 'skip'). */
export interface ConflictCandidate {
  id: string;
  label: string;
}

export type PlanTarget = { branchId: string } | { newBranchName: string };

/**
 * A row's record as the plan holds it: a new record has no id and times yet, nor a branch when it goes to a branch
 * the import creates (the commit assigns them).
 */
export type Draft<T> = T extends { id: string; branchId: string; createdAt: string; updatedAt: string }
  ? Omit<T, 'id' | 'branchId' | 'createdAt' | 'updatedAt'> & Partial<Pick<T, 'id' | 'branchId' | 'createdAt' | 'updatedAt'>>
  : T;

export interface PlannedRowOf<K extends LedgerKind> {
  rowNumber: number;
  kind: K;
  action: ImportAction;
  /** True when the row cannot be imported (an error in the file, or a person not on the roster). */
  blocked: boolean;
  /** Where the row goes: its branch id, or a branch to create (roster 所在党支部 column). */
  target: PlanTarget;
  /**
   * The stored record the row updates (更新, 跳过, and 冲突 with one match). For analyses: the Analysis whose
   * entry the row adds or changes (absent when the period's Analysis is to be created).
   */
  recordId?: string;
  /** The row's value (for analyses: the entry) before the import. */
  before?: RowValue<K>;
  /**
   * The row's value as it will be stored: the whole record (without id/createdAt/updatedAt for 新增: the commit
   * assigns them); for analyses the entry.
   */
  after?: Draft<RowValue<K>>;
  changes?: FieldChange[];
  /** Why 冲突 / 跳过 / blocked, or notes (what was derived, a name not found), in Chinese. */
  reason?: string;
  candidates?: ConflictCandidate[];
  /** The whole stored record when planned (the Analysis for analyses): the commit refuses if it changed since. */
  storedBefore?: Stored<K>;
  /** Analyses only: the period the entry belongs to (rows of one new period become one Analysis). */
  period?: { kind: Analysis['periodKind']; start: string; end: string; label: string };
  /** The parsed row, kept so that resolveConflict can plan it again against another choice. */
  source?: ParsedRow;
  /** Earlier row of the file with the same key (冲突 within the file). */
  duplicateOf?: number;
  /**
   * Which record of its row this plan is, when one row holds several (a 党费 row of twelve months: one plan each,
   * all with the row's number).
   */
  part?: number;
}

/** One planned row of kind K; without K, a row of any kind (narrowed by `kind`). */
export type PlannedRow<K extends LedgerKind = LedgerKind> = { [P in K]: PlannedRowOf<P> }[K];

/** A row built for a generic kind K as the row type of K. */
export function planned<K extends LedgerKind>(row: PlannedRowOf<K>): PlannedRow<K> {
  return row;
}

/** How one kind plans its rows, and plans a 冲突 row again for the user's choice (shared/kinds holds one per kind). */
export interface KindPlanner<K extends LedgerKind> {
  plan(rows: readonly ParsedRow[], ctx: ImportContext): PlannedRow<K>[];
  /**
   * The 冲突 row planned again as new (`'new'`) or as an update of the stored record `id` (a candidate, already
   * checked), in `ctx` scoped to the row's branch; undefined when that record is gone.
   */
  replan(row: PlannedRow<K>, choice: string, ctx: ImportContext): PlannedRow<K> | undefined;
}

/** What a plan is made against: the branch imported into, every branch, and the stored records of every kind. */
export interface ImportContext extends LedgerRecords {
  /** The branch the user imports into (rows without 所在党支部 go there). */
  branchId: string;
  branches: Branch[];
  /** `YYYY-MM-DD`. */
  today: string;
}

export interface ImportCounts {
  新增: number;
  更新: number;
  跳过: number;
  冲突: number;
  有错误: number;
}

/** Counts for the preview: a blocked row counts as 有错误 whatever its action. */
export function countPlan(rows: readonly Pick<PlannedRow, 'action' | 'blocked'>[]): ImportCounts {
  const counts: ImportCounts = { 新增: 0, 更新: 0, 跳过: 0, 冲突: 0, 有错误: 0 };
  for (const row of rows) {
    if (row.blocked) {
      counts.有错误 += 1;
    } else {
      counts[row.action] += 1;
    }
  }
  return counts;
}

export function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Fields whose value differs, with their Chinese labels (absent and empty arrays are the same). */
export function diffFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  labels: Readonly<Record<string, string>>,
): FieldChange[] {
  const empty = (v: unknown) => (Array.isArray(v) && v.length === 0 ? undefined : v);
  const changes: FieldChange[] = [];
  for (const [field, label] of Object.entries(labels)) {
    if (!same(empty(before[field]), empty(after[field]))) {
      changes.push({ field, label, before: before[field], after: after[field] });
    }
  }
  return changes;
}

/**
 * Free text as compared between a stored record and a file: invisible characters dropped, full-width forms made
 * half-width, runs of spaces (any width) one space, no spaces around line breaks, trimmed. The reader may change a
 * cell's punctuation width (shared/ledgers/normalize.ts normalizeCellText turns ： into :), and a secretary may
 * retype a line with other spaces: neither is a change worth an 更新, and the stored wording is kept.
 */
export function foldText(text: string): string {
  return text
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\r\n?/g, '\n')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .trim();
}

/** Two texts that say the same under foldText (both absent counts as the same). */
export function sameText(a: string | undefined, b: string | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  return foldText(a) === foldText(b);
}

/**
 * `incoming` with every text (string, or list of strings) that says the same as the stored one (sameText) replaced
 * by the stored value: only a real change of wording makes an 更新, and an update keeps the stored punctuation.
 */
export function keepStoredWording<T extends object>(stored: object, incoming: T): T {
  const old = new Map<string, unknown>(Object.entries(stored));
  const out: Record<string, unknown> = Object.fromEntries(Object.entries(incoming));
  for (const [key, value] of Object.entries(out)) {
    const before = old.get(key);
    if (typeof value === 'string' && typeof before === 'string' && sameText(before, value)) {
      out[key] = before;
    } else if (
      Array.isArray(value) &&
      Array.isArray(before) &&
      value.length === before.length &&
      value.every((v, i) => typeof v === 'string' && typeof before[i] === 'string' && sameText(before[i], v))
    ) {
      out[key] = before;
    }
  }
  return out as T; // why: a copy of `incoming` where only a string or string list may be swapped for the stored equal one
}

/** A copy without the keys whose value is undefined (so stored and planned records compare as JSON). */
export function compact<T extends object>(record: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) {
    if (v !== undefined) {
      out[k] = v;
    }
  }
  return out as T; // why: a copy of `record` that leaves out only keys whose value is undefined
}

/** Names → members of one branch: exact name after removing spaces; active members win over 历史党员. */
export class Roster {
  private readonly byName = new Map<string, Member[]>();

  constructor(readonly members: readonly Member[]) {
    for (const m of members) {
      const key = nameKey(m.name);
      this.byName.set(key, [...(this.byName.get(key) ?? []), m]);
    }
  }

  /** The one member of that name, or why not (`missing`, or several of that name). */
  find(name: string): { member: Member } | { problem: 'missing' | 'ambiguous'; count: number } {
    const all = this.byName.get(nameKey(name)) ?? [];
    const active = all.filter((m) => !m.departure);
    const pool = active.length > 0 ? active : all;
    if (pool.length === 1) {
      return { member: pool[0] };
    }
    return pool.length === 0 ? { problem: 'missing', count: 0 } : { problem: 'ambiguous', count: pool.length };
  }

  nameOf(id: string | undefined): string {
    return this.members.find((m) => m.id === id)?.name ?? '';
  }
}

/** The branch imported into and its roster: what most kinds resolve names with. */
export interface RosterContext {
  branchId: string;
  roster: Roster;
}

export function rosterContext(ctx: Pick<ImportContext, 'branchId' | 'members'>): RosterContext {
  return { branchId: ctx.branchId, roster: new Roster(ctx.members.filter((m) => m.branchId === ctx.branchId)) };
}

/** `本支部花名册中没有“张三”` / `本支部有2名党员叫“张三”`. */
export function personProblem(role: string, name: string, found: { problem: 'missing' | 'ambiguous'; count: number }): string {
  return found.problem === 'missing'
    ? `${role}“${name}”不在本支部花名册中，请先在花名册中添加或核对姓名`
    : `本支部花名册中有${found.count}名党员叫“${name}”，无法确定${role}是哪一位`;
}

export function blockedRow<K extends LedgerKind>(row: ParsedRow, kind: K, branchId: string, reason = '本行有错误，不能导入'): PlannedRow<K> {
  return planned<K>({ rowNumber: row.rowNumber, kind, action: '跳过', blocked: true, target: { branchId }, reason, source: row });
}

export function joinNotes(...notes: (string | undefined)[]): string | undefined {
  const list = notes.filter((n): n is string => Boolean(n));
  return list.length > 0 ? list.join('；') : undefined;
}

/**
 * One record an import writes (the commit in renderer/src/db/imports.ts, or shared/imports/materialize.ts in
 * memory): a new one, or a new version of `before`, from the plan's `rows`.
 */
export interface RecordWrite<K extends LedgerKind> {
  record: Stored<K>;
  /** The stored version replaced; absent for a new record. */
  before?: Stored<K>;
  rows: PlannedRow<K>[];
  /** The record's own audit line; absent: a new record is counted with the others of its kind, an update lists its changed fields. */
  summary?: string;
}

export interface WriteContext {
  /** The instant written as createdAt/updatedAt. */
  at: string;
  newId(): string;
  /** The branch a row goes to (a branch the import creates has its id by now). */
  targetOf(row: { target: PlanTarget }): string;
  fileName: string;
}

/**
 * The records of the writable rows of a kind whose row is its record: 新增 a new record (id, branch, times assigned),
 * 更新 the planned record over the stored one (its id, branch and createdAt kept).
 */
export function recordWrites<K extends LedgerKind>(rows: readonly PlannedRow<K>[], w: WriteContext): RecordWrite<K>[] {
  return rows.map((row) => {
    const before = row.storedBefore;
    const record = (
      row.action === '新增' || !before
        ? { ...row.after, id: w.newId(), branchId: w.targetOf(row), createdAt: w.at, updatedAt: w.at }
        : { ...row.after, id: before.id, branchId: before.branchId, createdAt: before.createdAt, updatedAt: w.at }
    ) as Stored<K>; // why: a row's `after` of a record kind is the record without id, branch and times
    return row.action === '新增' || !before ? { record, rows: [row] } : { record, before, rows: [row] };
  });
}
