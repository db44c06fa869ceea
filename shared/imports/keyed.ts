import type { ParsedRow } from '../ledgers/parseSheet';
import type { LedgerKind, RowValue, Stored } from '../model/kinds';
import {
  blockedRow,
  compact,
  diffFields,
  joinNotes,
  keepStoredWording,
  planned,
  type Draft,
  type ImportContext,
  type KindPlanner,
  type PlannedRow,
} from './core';

/**
 * The generic keyed planner: a row resolves to the fields of a record (names → member ids on the branch's roster),
 * its key finds the stored records of the branch it may be. Two rows of the file with one key: the second is 冲突
 * naming the first. No stored match: 新增; one: 更新 with the fields that differ, or 跳过 when none does (free text
 * that says the same keeps its stored wording); several: 冲突 with them as candidates. A row that does not resolve
 * (a person not on the roster) is 冲突 and blocked with the reason. Kinds whose record is the row (not analyses)
 * plan with it by giving these hooks.
 */
export type Resolved<F> = { ok: true; fields: F; note?: string } | { ok: false; reason: string };

/** A kind whose stored record is what a row plans. */
type RecordKind = { [K in LedgerKind]: RowValue<K> extends Stored<K> ? K : never }[LedgerKind];

export interface KeyedHooks<K extends RecordKind, I, F extends object, C extends { branchId: string }, R = I> {
  kind: K;
  /**
   * The records a row holds (a 党费 row: one per month), each planned on its own with the row's number; without it
   * the row's record is one. A row holding none plans as 跳过 with `messages.none`.
   */
  split?(record: R): I[];
  /** What resolve and label need, built once per plan for the branch `ctx.branchId` (its roster …). */
  context(ctx: ImportContext): C;
  /** The imported record as the fields of a stored one, or why it cannot be. */
  resolve(imported: I, c: C): Resolved<F>;
  /** The matching key of resolved fields and of a stored record. */
  key(fields: F | Stored<K>): string;
  /** A stored record as a 冲突 candidate is shown (`2025年3月5日 张三与李四（交流谈话）`). */
  label(stored: Stored<K>, c: C): string;
  /** The labels of the fields an update compares (the model's `…_FIELD_LABELS`). */
  fieldLabels: Readonly<Record<string, string>>;
  /** The Chinese of the messages. */
  messages: {
    /** `与文件第3行是同一次谈话（日期、谈话人和谈话对象相同）`. */
    duplicate(earlierRow: number): string;
    /** `已有2条相同…的谈话记录，请选择要更新哪一条，或作为新记录导入`. */
    several(count: number): string;
    /** `与已有谈话记录相同`. */
    same: string;
    /** Why a row holding no record (split) imports nothing. */
    none?: string;
  };
  /**
   * The record as it will be stored: for a new one (`existing` undefined) the fields alone by default, for an
   * update the stored record with the fields over it. A kind merges what is a set or a log (整改进展) here.
   */
  merge?(existing: Stored<K> | undefined, fields: F, c: C): Draft<Stored<K>>;
}

/** One record of a row: the row itself, or one of the records it holds (`part`). */
interface Piece<I> {
  row: ParsedRow;
  record: I;
  part?: number;
}

/** A KindPlanner from the hooks. */
export function keyedPlanner<K extends RecordKind, I, F extends object, C extends { branchId: string }, R = I>(
  hooks: KeyedHooks<K, I, F, C, R>,
): KindPlanner<K> {
  /** A row's records, each with its part number (absent when a row is one record). */
  const piecesOf = (row: ParsedRow): Piece<I>[] => {
    const record = row.record as R; // why: the rows of a sheet of this kind carry its definition's record
    return hooks.split
      ? hooks.split(record).map((r, part) => ({ row, record: r, part }))
      : [{ row, record: record as unknown as I }]; // why: without split a row's record is the one record
  };
  const base = ({ row, part }: Piece<I>, c: C) => ({
    rowNumber: row.rowNumber,
    kind: hooks.kind,
    blocked: false,
    target: { branchId: c.branchId },
    source: row,
    ...(part === undefined ? {} : { part }),
  });
  const refused = (piece: Piece<I>, c: C, reason: string) => planned<K>({ ...base(piece, c), action: '冲突', blocked: true, reason });
  const draft = (existing: Stored<K> | undefined, fields: F, c: C): Draft<Stored<K>> =>
    hooks.merge ? hooks.merge(existing, fields, c) : ({ ...existing, ...fields } as unknown as Draft<Stored<K>>); // why: a kind without merge resolves to its stored record's fields

  function asNew(piece: Piece<I>, c: C, resolved = hooks.resolve(piece.record, c)): PlannedRow<K> {
    if (!resolved.ok) return refused(piece, c, resolved.reason);
    const after = { branchId: c.branchId, ...draft(undefined, resolved.fields, c) };
    return planned<K>({ ...base(piece, c), action: '新增', after, reason: resolved.note });
  }

  function asUpdate(piece: Piece<I>, existing: Stored<K>, c: C, resolved = hooks.resolve(piece.record, c)): PlannedRow<K> {
    if (!resolved.ok) return refused(piece, c, resolved.reason);
    const after = compact(keepStoredWording(existing, draft(existing, resolved.fields, c)));
    const changes = diffFields(existing, after, hooks.fieldLabels);
    const common = { ...base(piece, c), recordId: existing.id, before: existing, storedBefore: existing };
    return changes.length === 0
      ? planned<K>({ ...common, action: '跳过', reason: joinNotes(hooks.messages.same, resolved.note) })
      : planned<K>({ ...common, action: '更新', after, changes, reason: resolved.note });
  }

  function plan(rows: readonly ParsedRow[], ctx: ImportContext): PlannedRow<K>[] {
    const c = hooks.context(ctx);
    const byKey = new Map<string, Stored<K>[]>();
    for (const record of ctx[hooks.kind] as Stored<K>[]) { // why: ctx[K] holds Stored<K> (LedgerRecords)
      if (record.branchId !== c.branchId) continue;
      const key = hooks.key(record);
      byKey.set(key, [...(byKey.get(key) ?? []), record]);
    }
    const seen = new Map<string, number>();
    const planOne = (piece: Piece<I>): PlannedRow<K> => {
      const { row } = piece;
      const resolved = hooks.resolve(piece.record, c);
      if (!resolved.ok) return refused(piece, c, resolved.reason);
      const key = hooks.key(resolved.fields);
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        return planned<K>({ ...base(piece, c), action: '冲突', reason: hooks.messages.duplicate(earlier), duplicateOf: earlier, candidates: [] });
      }
      seen.set(key, row.rowNumber);
      const matches = byKey.get(key) ?? [];
      if (matches.length === 0) return asNew(piece, c, resolved);
      if (matches.length > 1) {
        return planned<K>({
          ...base(piece, c),
          action: '冲突',
          reason: hooks.messages.several(matches.length),
          candidates: matches.map((m) => ({ id: m.id, label: hooks.label(m, c) })),
        });
      }
      return asUpdate(piece, matches[0], c, resolved);
    };
    return rows.flatMap((row) => {
      if (!row.record) {
        return [blockedRow(row, hooks.kind, c.branchId)];
      }
      const pieces = piecesOf(row);
      if (pieces.length === 0) {
        return [planned<K>({ rowNumber: row.rowNumber, kind: hooks.kind, blocked: false, target: { branchId: c.branchId }, source: row, action: '跳过', reason: hooks.messages.none })];
      }
      return pieces.map(planOne);
    });
  }

  function replan(row: PlannedRow<K>, choice: string, ctx: ImportContext): PlannedRow<K> | undefined {
    const source = row.source;
    const piece = source && piecesOf(source).find((p) => p.part === row.part);
    if (!piece) return undefined;
    const c = hooks.context(ctx);
    if (choice === 'new') return asNew(piece, c);
    const existing = (ctx[hooks.kind] as Stored<K>[]).find((r) => r.id === choice); // why: as in plan
    return existing ? asUpdate(piece, existing, c) : undefined;
  }

  return { plan, replan };
}
