import { formatDate } from '../dates';
import { formatYuan } from '../dues/money';
import { indexPayments, memberDuesCells, type DuesTerms } from '../dues/grid';
import type { ColumnMatch } from '../ledgers/classify';
import { duesPaymentsOf, type ImportedDues, type ImportedDuesPayment } from '../ledgers/definitions/dues';
import type { ParsedRow } from '../ledgers/parseSheet';
import type { DuesPayment, DuesPaymentFieldsInput } from '../model/dues';
import { compact, type Roster } from './core';
import { findInBranch } from './reviews';

/**
 * 党费 member-months against the branch's records, for the keyed planner. A sheet row's record is first split into
 * its months (duesPaymentsOf in the definition); each is resolved, keyed and matched on its own.
 *
 * Key: member + 缴费月份, without 缴费类型. The ledger keeps one record per member-month (model/dues.ts,
 * shared/dues/grid.ts indexPayments): a 补缴 for March is March's record paid late, a 自愿多交 is March's record
 * paying more, not a second obligation. And a wide sheet (张榜公示) never says the type: keyed by it, re-importing an
 * exported grid would add a second record beside every 补缴.
 *
 * The record needs 人员类别 and 应交 (model). What the row does not say comes from the member's terms already on file
 * (`termsOf`, see duesTermsLookup: those the month grid shows, carried from the nearest record, 党费规定 第十条); with
 * neither the row is refused, saying which column to add. Other fields the row leaves empty are absent, so an
 * update keeps what is stored (交纳日期, 方式, 类型 of a grid re-imported) and a new record takes the model's
 * defaults (类型 正常).
 */

/** One member-month of a sheet row, with the column its amount came from (for messages and the preview). */
export interface DuesEntry extends ParsedRow<ImportedDuesPayment> {
  /** 1-based column of the month's cell (the 所属月份 column for a long row). */
  column?: number;
}

/**
 * A 党费 sheet's parsed rows as the planner takes them: a row with a record becomes one entry per month it names
 * (the row's number, the row's issues on its first entry only, so that they are counted once); a row without a record
 * (refused) stays one entry, without a record; a row naming no amount (every month empty) plans nothing.
 */
export function splitDuesRows(rows: readonly ParsedRow[], columns: readonly ColumnMatch[]): DuesEntry[] {
  const columnOf = new Map(columns.flatMap((c) => (c.field && !c.duplicateOf ? [[c.field, c.column] as const] : [])));
  return rows.flatMap((row): DuesEntry[] => {
    if (row.record === undefined) {
      return [{ rowNumber: row.rowNumber, values: row.values, issues: row.issues }];
    }
    // The row is a 党费 row: its record is what duesLedger.toRecord built.
    const record = row.record as ImportedDues;
    return duesPaymentsOf(record).map((payment, index) => ({
      rowNumber: row.rowNumber,
      values: row.values,
      record: payment,
      issues: index === 0 ? row.issues : [],
      column: columnOf.get(payment.field),
    }));
  });
}

export type ResolvedDues = { ok: true; fields: DuesPaymentFieldsInput } | { ok: false; reason: string };

/** The terms on file for a member and month (from the branch's records), if any. */
export type DuesTermsLookup = (memberId: string, month: string) => DuesTerms | undefined;

export function resolveDues(imported: ImportedDuesPayment, roster: Roster, branchId: string, termsOf?: DuesTermsLookup): ResolvedDues {
  const member = findInBranch(roster, '党员', imported.memberName, branchId);
  if (!('id' in member)) {
    return { ok: false, reason: member.reason };
  }
  const found = termsOf?.(member.id, imported.month);
  // Terms on file fill the gaps only when they agree with what the row says (one 核定, not two mixed).
  const onFile =
    found &&
    (imported.category === undefined || imported.category === found.category) &&
    (imported.baseFen === undefined || imported.baseFen === found.baseFen)
      ? found
      : undefined;
  const category = imported.category ?? onFile?.category;
  const owedFen = imported.owedFen ?? onFile?.owedFen;
  if (category === undefined || owedFen === undefined) {
    const missing = [category === undefined ? '人员类别' : undefined, owedFen === undefined ? '应交金额' : undefined].filter(Boolean);
    return {
      ok: false,
      reason: `${formatDate(imported.month)}的党费缺少${missing.join('和')}，该党员也没有可沿用的党费核定记录：请在表中加“人员类别”“月应交”列后重新导入`,
    };
  }
  const fields = compact({
    month: imported.month,
    memberId: member.id,
    category,
    baseFen: imported.baseFen ?? onFile?.baseFen,
    percent: imported.percent ?? onFile?.percent,
    owedFen,
    paidFen: imported.paidFen,
    paidOn: imported.paidOn,
    method: imported.method,
    kind: imported.kind,
    collector: imported.collector,
    remarks: imported.remarks,
  });
  return { ok: true, fields };
}

/**
 * The terms the month grid shows for a member and month (its record's, else carried from the nearest one): the
 * lookup resolveDues fills a row's gaps from. `payments`: the branch's stored records, any year.
 */
export function duesTermsLookup(roster: Roster, payments: readonly DuesPayment[]): DuesTermsLookup {
  const { byMember } = indexPayments(payments);
  return (memberId, month) => {
    const member = roster.members.find((m) => m.id === memberId);
    const records = byMember.get(memberId);
    // Only the cell's terms are read: its state (hence `today`) does not matter here.
    return member && records ? memberDuesCells(member, records, [month], { today: month })[0]?.terms : undefined;
  };
}

export function duesKey(fields: Pick<DuesPaymentFieldsInput, 'memberId' | 'month'>): string {
  return `${fields.memberId}|${fields.month}`;
}

/** `2025年3月 张三：应交12.50元，实交12.50元（补缴）` (a 冲突 candidate). */
export function duesLabel(stored: DuesPayment, roster: Roster): string {
  const paid = stored.paidFen === undefined ? '未交' : `实交${formatYuan(stored.paidFen)}`;
  const kind = stored.kind === '正常' ? '' : `（${stored.kind}）`;
  return `${formatDate(stored.month)} ${roster.nameOf(stored.memberId)}：应交${formatYuan(stored.owedFen)}，${paid}${kind}`;
}
