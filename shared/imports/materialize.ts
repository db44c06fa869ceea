import type { LedgerFileResult, LedgerKind, ParsedRow } from '../ledgers';
import type { Analysis } from '../model/analysis';
import { branchFieldsSchema, type Branch } from '../model/branch';
import type { ImportContext, PlannedRow } from './core';
import { applyOrganization } from './organization';
import { planLedgerImport } from './plan';

/**
 * A branch rebuilt in memory from ledger files, through the same reading and planning as the import (used by
 * `npm run ledger -- self-check` on Excel ledgers, so that the rules judge what the app would hold after importing
 * them). Ledgers are planned in this order so that people named in meetings, talks and analyses are found on the
 * roster imported first; rows are applied as a commit would write them, without Dexie.
 */
const ORDER: readonly LedgerKind[] = ['members', 'meetings', 'talks', 'analyses', 'rectifications'];

type Stored = { id: string; branchId: string; createdAt: string; updatedAt: string };

export interface LedgerBranch {
  context: ImportContext;
  /** Rows planned per ledger (新增/更新 applied; the rest, with their reasons, for the report). */
  planned: PlannedRow[];
}

/** Applies the writable rows of a plan to the records of `ctx` (新增 get an id; an analysis row joins its period). */
export function applyPlan(ctx: ImportContext, kind: LedgerKind, rows: readonly PlannedRow[], at: string, nextId: () => string): ImportContext {
  const writable = rows.filter((r) => !r.blocked && (r.action === '新增' || r.action === '更新') && r.after !== undefined);
  const meta = (id: string): Stored => ({ id, branchId: ctx.branchId, createdAt: at, updatedAt: at });
  if (kind === 'analyses') {
    const analyses = [...ctx.analyses];
    for (const row of writable) {
      const entry = row.after as Analysis['entries'][number];
      const period = row.period;
      let index = row.recordId ? analyses.findIndex((a) => a.id === row.recordId) : -1;
      if (index < 0 && period) {
        index = analyses.findIndex((a) => a.periodKind === period.kind && a.periodStart === period.start && a.periodEnd === period.end);
      }
      if (index < 0 && period) {
        analyses.push({
          ...meta(nextId()),
          periodKind: period.kind,
          periodStart: period.start,
          periodEnd: period.end,
          ...(period.kind === '专题' ? { title: period.label } : {}),
          entries: [],
        } as unknown as Analysis);
        index = analyses.length - 1;
      }
      if (index < 0) continue;
      const current = analyses[index];
      const others = current.entries.filter((e) => e.memberId !== entry.memberId);
      analyses[index] = { ...current, entries: [...others, entry] };
    }
    return { ...ctx, analyses };
  }
  const table = kind as Exclude<LedgerKind, 'analyses'>;
  const list = [...(ctx[table] as unknown as Stored[])];
  for (const row of writable) {
    if (row.action === '更新' && row.recordId) {
      const index = list.findIndex((r) => r.id === row.recordId);
      if (index >= 0) list[index] = { ...(row.after as Stored), id: list[index].id, branchId: list[index].branchId, createdAt: list[index].createdAt, updatedAt: at };
    } else {
      list.push({ ...(row.after as object), ...meta(nextId()) } as Stored);
    }
  }
  return { ...ctx, [table]: list };
}

/**
 * The branch that the ledger sheets of `results` describe, named `name`: every ledger sheet planned (in ORDER) against
 * what was applied before it, then applied. Rows a plan cannot write (有错误, 冲突) are left out and kept in `planned`.
 */
export function branchFromLedgers(results: readonly LedgerFileResult[], name: string, today: string): LedgerBranch {
  const at = `${today}T00:00:00+08:00`;
  let n = 0;
  const nextId = () => `ledger-${(n += 1)}`;
  const branch: Branch = { ...branchFieldsSchema.parse({ name }), ...({ id: 'ledger-branch', createdAt: at, updatedAt: at } as Stored) } as Branch;
  let ctx: ImportContext = { branchId: branch.id, branches: [branch], members: [], meetings: [], talks: [], analyses: [], rectifications: [], today };
  const planned: PlannedRow[] = [];
  for (const kind of ORDER) {
    const rows: ParsedRow[] = results.flatMap((r) => r.sheets.filter((s) => s.ledger === kind).flatMap((s) => s.rows));
    if (rows.length === 0) continue;
    // A roster's 所在党支部 is not followed here: every member is of the one branch being checked.
    const plan = planLedgerImport(kind, kind === 'members' ? rows.map(withoutBranchName) : rows, ctx);
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
  if (!row.record || !(row.record as { branchName?: string }).branchName) return row;
  const { branchName: _b, ...record } = row.record as { branchName?: string };
  const { branchName: _v, ...values } = row.values;
  return { ...row, values, record };
}
