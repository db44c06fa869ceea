import { specOf } from '../kinds';
import type { LedgerFileResult, ParsedRow } from '../ledgers';
import { branchFieldsSchema, type Branch } from '../model/branch';
import { isRecord } from '../oneOf';
import { emptyLedgerRecords, LEDGER_KINDS, type LedgerKind, type Stored } from '../model/kinds';
import type { ImportContext, PlannedRow } from './core';
import { applyOrganization } from './organization';
import { planLedgerImport } from './plan';

/**
 * A branch rebuilt in memory from ledger files, through the same reading and planning as the import (used by
 * `npm run ledger -- self-check` on Excel ledgers, so that the rules judge what the app would hold after importing
 * them). Ledgers are planned in LEDGER_KINDS order so that people named in meetings, talks and analyses are found on
 * the roster imported first; rows are applied with the kinds' write hooks, as the commit writes them, without Dexie.
 */

export interface LedgerBranch {
  context: ImportContext;
  /** Rows planned per ledger (新增/更新 applied; the rest, with their reasons, for the report). */
  planned: PlannedRow[];
}

/** Applies the writable rows of a plan to the records of `ctx` (its spec's write: an analysis row joins its period). */
export function applyPlan<K extends LedgerKind>(ctx: ImportContext, kind: K, rows: readonly PlannedRow<K>[], at: string, nextId: () => string): ImportContext {
  const writable = rows.filter((r) => !r.blocked && (r.action === '新增' || r.action === '更新') && r.after !== undefined);
  const writes = specOf(kind).import.write(writable, { at, newId: nextId, targetOf: () => ctx.branchId, fileName: '' });
  const list: Stored<K>[] = [...(ctx[kind] as Stored<K>[])]; // why: ctx[K] holds Stored<K> (LedgerRecords)
  for (const { record, before } of writes) {
    const index = before ? list.findIndex((r) => r.id === before.id) : -1;
    if (index >= 0) {
      list[index] = record;
    } else {
      list.push(record);
    }
  }
  return { ...ctx, [kind]: list };
}

/**
 * The branch that the ledger sheets of `results` describe, named `name`: every ledger sheet planned (in ORDER) against
 * what was applied before it, then applied. Rows a plan cannot write (有错误, 冲突) are left out and kept in `planned`.
 */
export function branchFromLedgers(results: readonly LedgerFileResult[], name: string, today: string): LedgerBranch {
  const at = `${today}T00:00:00+08:00`;
  let n = 0;
  const nextId = () => `ledger-${(n += 1)}`;
  const branch: Branch = { ...branchFieldsSchema.parse({ name }), id: 'ledger-branch', createdAt: at, updatedAt: at };
  let ctx: ImportContext = { branchId: branch.id, branches: [branch], ...emptyLedgerRecords(), today };
  const planned: PlannedRow[] = [];
  for (const kind of LEDGER_KINDS) {
    const rows: ParsedRow[] = results.flatMap((r) => r.sheets.filter((s) => s.ledger === kind).flatMap((s) => s.rows));
    if (rows.length === 0) continue;
    // A roster's 所在党支部 is not followed here: every row is of the one branch being checked.
    const plan = planLedgerImport(kind, specOf(kind).import.acrossBranches ? rows.map(withoutBranchName) : rows, ctx);
    planned.push(...plan);
    ctx = applyPlan(ctx, kind, plan, at, nextId);
    if (kind === 'members') {
      ctx = withOrganization(ctx, results, nextId);
    }
  }
  return { context: ctx, planned };
}

/** 06_组织设置 among the files (a package's): the 支委会 and 党小组 the other ledgers are judged with. */
function withOrganization(ctx: ImportContext, results: readonly LedgerFileResult[], nextId: () => string): ImportContext {
  const organization = results.find((r) => r.organization)?.organization;
  if (!organization) {
    return ctx;
  }
  const applied = applyOrganization(ctx.branches[0], ctx.members, organization, nextId);
  const changed = new Map(applied.members.map((m) => [m.id, m]));
  return { ...ctx, branches: [applied.branch], members: ctx.members.map((m) => changed.get(m.id) ?? m) };
}

function withoutBranchName(row: ParsedRow): ParsedRow {
  if (!isRecord(row.record) || !row.record.branchName) return row;
  const { branchName: _b, ...record } = row.record;
  const { branchName: _v, ...values } = row.values;
  return { ...row, values, record };
}
