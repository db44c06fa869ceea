import type { DuesCategory, DuesKind, DuesMethod, DuesPayment } from '../model/dues';
import { monthsAfter } from '../model/dues';
import type { Member } from '../model/member';
import { rosterStart } from '../rules/roster';
import { sortByPinyin } from '../text/pinyin';

/**
 * The 党费收缴 month grid (members × months) a treasurer fills from the keyboard, its 一键按应交标记已交, and the
 * yearly 收缴情况 (张榜公示, 收缴情况报告). Pure: records in, new records out; nothing is mutated.
 *
 * A month is owed from the month of 入党时间 (预备党员 pay from the day the 支部大会 accepts them, 党费规定 第八条),
 * or of 组织关系转入 when later, up to the month before leaving (the month a member leaves is paid where he or she
 * goes, as the month of arrival is paid here). A month is unpaid once it is over and nothing was paid for it.
 */

/** `2025-01` … `2025-12`. */
export function monthsOfYear(year: number): string[] {
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}

/** `2025-03` moved by `n` months. */
export function shiftMonth(month: string, n: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** `2025-03` → `3月` (the grid's column head; the year is the grid's). */
export function monthColumnLabel(month: string): string {
  return `${Number(month.slice(5, 7))}月`;
}

/** Whether `month` is owed by the member: on this branch's roster for it (see above). */
export function isMonthOwed(member: Pick<Member, 'joinedOn' | 'transferredInOn' | 'departure'>, month: string): boolean {
  const start = rosterStart(member).slice(0, 7);
  if (month < start) {
    return false;
  }
  return !member.departure || month < member.departure.date.slice(0, 7);
}

/**
 * notOwed: not on the roster that month. due: owed, nothing paid, the month not over yet. unpaid: over and
 * nothing paid. partial: paid less than owed. paid: exactly owed (or 应交 0, 免交). overpaid: more (自愿多交, or an
 * error).
 */
export type DuesCellState = 'notOwed' | 'due' | 'unpaid' | 'partial' | 'paid' | 'overpaid';

/** The terms a month is owed on: a record's own, or carried from the member's nearest record. */
export interface DuesTerms {
  category: DuesCategory;
  baseFen?: number;
  percent?: number;
  owedFen: number;
}

export interface DuesCell {
  month: string;
  state: DuesCellState;
  /** The month's record, if any. */
  payment?: DuesPayment;
  /**
   * 应交 of the month: the record's, else carried from the member's nearest earlier record (the base changes
   * only when a new one is recorded, 党费规定 第十条), else the nearest later one; absent when the member has no
   * record at all (核定基数 not yet set).
   */
  terms?: DuesTerms;
  paidFen: number;
}

export interface DuesRow {
  member: Member;
  cells: DuesCell[];
  owedFen: number;
  paidFen: number;
  /** Months over and unpaid (partial ones are not counted here: something was paid). */
  unpaidMonths: string[];
}

export interface DuesGrid {
  year: number;
  months: string[];
  rows: DuesRow[];
  /** Records beyond the first for the same member and month (the ledger keeps one per member-month). */
  duplicates: DuesPayment[];
}

export interface DuesGridOptions {
  /** `YYYY-MM-DD`: months from today's on are not over. */
  today: string;
}

function termsOf(payment: DuesPayment): DuesTerms {
  return { category: payment.category, baseFen: payment.baseFen, percent: payment.percent, owedFen: payment.owedFen };
}

/** Each member's records by month (the first of a member-month wins), and the extra records. */
export function indexPayments(payments: readonly DuesPayment[]): {
  byMember: Map<string, Map<string, DuesPayment>>;
  duplicates: DuesPayment[];
} {
  const byMember = new Map<string, Map<string, DuesPayment>>();
  const duplicates: DuesPayment[] = [];
  for (const payment of payments) {
    let months = byMember.get(payment.memberId);
    if (!months) {
      months = new Map();
      byMember.set(payment.memberId, months);
    }
    if (months.has(payment.month)) {
      duplicates.push(payment);
    } else {
      months.set(payment.month, payment);
    }
  }
  return { byMember, duplicates };
}

/** The cells of one member for the given months (in order), from all of the member's records of any year. */
export function memberDuesCells(
  member: Member,
  records: ReadonlyMap<string, DuesPayment>,
  months: readonly string[],
  options: DuesGridOptions,
): DuesCell[] {
  const current = options.today.slice(0, 7);
  const recorded = [...records.keys()].sort();
  const carried = (month: string): DuesTerms | undefined => {
    let earlier: string | undefined;
    for (const m of recorded) {
      if (m <= month) {
        earlier = m;
      } else {
        break;
      }
    }
    const source = earlier ?? recorded[0];
    const record = source === undefined ? undefined : records.get(source);
    return record ? termsOf(record) : undefined;
  };
  return months.map((month) => {
    const payment = records.get(month);
    const paidFen = payment?.paidFen ?? 0;
    const owed = isMonthOwed(member, month);
    const terms = payment ? termsOf(payment) : owed ? carried(month) : undefined;
    let state: DuesCellState;
    if (!owed && !payment) {
      state = 'notOwed';
    } else if (paidFen === 0 && terms?.owedFen === 0) {
      // 应交 0: 免交 approved (党费规定 第七条), nothing to pay.
      state = 'paid';
    } else if (paidFen === 0) {
      state = month < current ? 'unpaid' : 'due';
    } else if (terms && paidFen < terms.owedFen) {
      state = 'partial';
    } else if (terms && paidFen > terms.owedFen) {
      state = 'overpaid';
    } else {
      state = 'paid';
    }
    return { month, state, payment, terms, paidFen };
  });
}

/**
 * The grid of a year: every member owing a month of it or with a record in it, in pinyin order. `payments` may
 * hold other years and other members (terms carry over the year's boundary).
 */
export function duesGrid(members: readonly Member[], payments: readonly DuesPayment[], year: number, options: DuesGridOptions): DuesGrid {
  const months = monthsOfYear(year);
  const { byMember, duplicates } = indexPayments(payments);
  const empty = new Map<string, DuesPayment>();
  const rows: DuesRow[] = [];
  for (const member of members) {
    const records = byMember.get(member.id) ?? empty;
    const cells = memberDuesCells(member, records, months, options);
    if (cells.every((c) => c.state === 'notOwed')) {
      continue;
    }
    rows.push({
      member,
      cells,
      owedFen: cells.reduce((sum, c) => sum + (c.state === 'notOwed' ? 0 : (c.terms?.owedFen ?? 0)), 0),
      paidFen: cells.reduce((sum, c) => sum + c.paidFen, 0),
      unpaidMonths: cells.filter((c) => c.state === 'unpaid').map((c) => c.month),
    });
  }
  const yearDuplicates = duplicates.filter((d) => d.month.startsWith(`${year}-`));
  return { year, months, rows: sortByPinyin(rows, (r) => r.member.name), duplicates: yearDuplicates };
}

/** 正常 in its own month, 补缴 after it, 预交 before it. */
export function kindOfPayment(month: string, paidOn: string): DuesKind {
  const after = monthsAfter(month, paidOn);
  return after > 0 ? '补缴' : after < 0 ? '预交' : '正常';
}

export interface MarkPaidOptions {
  branchId: string;
  /** 交纳日期 of every record marked. */
  paidOn: string;
  method?: DuesMethod;
  collector?: string;
  /** createdAt / updatedAt of what is written. */
  now: string;
  /** A new record id (crypto.randomUUID in the app). */
  newId: () => string;
}

export interface MarkPaidResult {
  /** New records for owed months without one. */
  created: DuesPayment[];
  /** Copies of existing unpaid records with 实交 = 应交. */
  updated: DuesPayment[];
  /** Members left as they were, and why (shown to the user). */
  skipped: { memberId: string; reason: string }[];
}

/**
 * 一键按应交标记已交 for one month of the grid: every owed cell with nothing paid gets 实交 = 应交 on `paidOn`.
 * A partly paid cell is left for the user (its 实交 was written by someone), as is a member without a 核定基数.
 * Returns the records to write in one transaction; never mutates the grid's records.
 */
export function markMonthPaid(grid: DuesGrid, month: string, options: MarkPaidOptions): MarkPaidResult {
  const column = grid.months.indexOf(month);
  const result: MarkPaidResult = { created: [], updated: [], skipped: [] };
  if (column < 0) {
    return result;
  }
  const kind = kindOfPayment(month, options.paidOn);
  for (const row of grid.rows) {
    const cell = row.cells[column];
    if (cell.state === 'partial') {
      result.skipped.push({ memberId: row.member.id, reason: '已部分交纳，请逐笔核对' });
      continue;
    }
    if (cell.state !== 'unpaid' && cell.state !== 'due') {
      continue;
    }
    if (!cell.terms) {
      result.skipped.push({ memberId: row.member.id, reason: '尚未核定党费基数' });
      continue;
    }
    const paid = {
      paidFen: cell.terms.owedFen,
      paidOn: options.paidOn,
      method: options.method,
      collector: options.collector,
      kind,
    };
    if (cell.payment) {
      result.updated.push({ ...cell.payment, ...paid, updatedAt: options.now });
    } else {
      result.created.push({
        id: options.newId(),
        branchId: options.branchId,
        createdAt: options.now,
        updatedAt: options.now,
        month,
        memberId: row.member.id,
        ...cell.terms,
        ...paid,
        remarks: undefined,
      });
    }
  }
  return result;
}

export interface DuesMonthSummary {
  month: string;
  /** Members owing the month. */
  owing: number;
  owedFen: number;
  paidFen: number;
  /** Members who paid at least 应交. */
  paidInFull: number;
  /** Members with less than 应交 paid: nothing once the month is over, or part of it. */
  unpaid: number;
}

export interface DuesYearSummary {
  year: number;
  months: DuesMonthSummary[];
  owedFen: number;
  paidFen: number;
  /** Members of the grid. */
  members: number;
}

/** The year's 收缴情况 per month, for the 张榜公示 sheet and the 收缴情况报告. */
export function duesYearSummary(grid: DuesGrid): DuesYearSummary {
  const months = grid.months.map((month, column): DuesMonthSummary => {
    const summary: DuesMonthSummary = { month, owing: 0, owedFen: 0, paidFen: 0, paidInFull: 0, unpaid: 0 };
    for (const row of grid.rows) {
      const cell = row.cells[column];
      summary.paidFen += cell.paidFen;
      if (cell.state === 'notOwed') {
        continue;
      }
      summary.owing += 1;
      summary.owedFen += cell.terms?.owedFen ?? 0;
      if (cell.state === 'paid' || cell.state === 'overpaid') {
        summary.paidInFull += 1;
      } else if (cell.state === 'unpaid' || cell.state === 'partial') {
        summary.unpaid += 1;
      }
    }
    return summary;
  });
  return {
    year: grid.year,
    months,
    owedFen: months.reduce((sum, m) => sum + m.owedFen, 0),
    paidFen: months.reduce((sum, m) => sum + m.paidFen, 0),
    members: grid.rows.length,
  };
}
