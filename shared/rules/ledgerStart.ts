import type { Branch } from '../model/branch';

/**
 * 台账起始日期: the day from which the app keeps a branch's ledger. Nothing before it is reported missing: a
 * branch created today, or one whose older records were never entered, does not owe the months before it.
 *
 * The branch's own `ledgerStartsOn` when set (asked at 创建支部, editable in 支部信息); otherwise the day the
 * branch was created or its earliest record (an import of last year's meetings moves it back), whichever is
 * earlier. The rules report a period only if it ends on or after the later of this day and 成立日期.
 */

export type LedgerStartSource = 'set' | 'created' | 'earliestRecord';

export interface LedgerStart {
  /** `YYYY-MM-DD`. */
  date: string;
  source: LedgerStartSource;
}

/** What the start is read from; records of other branches are ignored. */
export interface LedgerStartInput {
  branch: Pick<Branch, 'id' | 'createdAt'> & Partial<Pick<Branch, 'ledgerStartsOn' | 'foundedOn'>>;
  meetings?: readonly { branchId: string; startAt: string }[];
  talks?: readonly { branchId: string; date: string }[];
  analyses?: readonly { branchId: string; periodStart: string }[];
}

/** The earliest calendar date among the branch's dated records (meetings, talks, analyses), if it has any. */
export function earliestRecordDate(input: LedgerStartInput): string | undefined {
  const id = input.branch.id;
  let earliest: string | undefined;
  const see = (branchId: string, value: string) => {
    if (branchId !== id) return;
    const day = value.slice(0, 10);
    if (earliest === undefined || day < earliest) earliest = day;
  };
  for (const m of input.meetings ?? []) see(m.branchId, m.startAt);
  for (const t of input.talks ?? []) see(t.branchId, t.date);
  for (const a of input.analyses ?? []) see(a.branchId, a.periodStart);
  return earliest;
}

// The rules ask for the start several times per run; the input object of one run is the cache key.
const cache = new WeakMap<object, LedgerStart>();

export function ledgerStartOf(input: LedgerStartInput): LedgerStart {
  const cached = cache.get(input);
  if (cached) return cached;
  let start: LedgerStart;
  if (input.branch.ledgerStartsOn) {
    start = { date: input.branch.ledgerStartsOn, source: 'set' };
  } else {
    const created = input.branch.createdAt.slice(0, 10);
    const earliest = earliestRecordDate(input);
    start = earliest !== undefined && earliest < created ? { date: earliest, source: 'earliestRecord' } : { date: created, source: 'created' };
  }
  cache.set(input, start);
  return start;
}

/** The first day a missing meeting, talk or analysis can be reported: the later of 台账起始日期 and 成立日期. */
export function reportingStartOf(input: LedgerStartInput): string {
  const start = ledgerStartOf(input).date;
  const founded = input.branch.foundedOn;
  return founded && founded > start ? founded : start;
}

/** Whether a period (inclusive calendar dates) is reported at all: it must not end before the reporting start. */
export function isReportedPeriod(period: { end: string }, reportingStart: string): boolean {
  return period.end >= reportingStart;
}
