import type { Branch } from '../model/branch';
import { monthsAfter, type DuesPayment } from '../model/dues';
import type { Member } from '../model/member';
import { indexPayments, memberDuesCells, monthsOfYear, shiftMonth } from '../dues/grid';
import { formatYuan } from '../dues/money';
import { DEFAULT_DUES_SETTINGS, type DuesSettings } from '../dues/settings';
import { formatDate } from '../dates';
import { SOURCES } from './sources';
import type { Finding, RuleInput } from './types';
import { nameLookup, own } from './roster';

/**
 * The rules of 党费收缴 (DOMAIN §1.5, §1.6, §3.9, §8.7). Months are owed as the grid says (shared/dues/grid.ts:
 * from the month of 入党时间 for a 预备党员, 党费规定 第八条). Months before the branch's first 党费 record are
 * not checked: the ledger was not yet kept in the app, and every member would otherwise show as unpaid.
 */
export interface DuesRuleInput {
  branch: Pick<Branch, 'id'>;
  members: readonly Member[];
  /** Records of any year: a run of unpaid months may start in the year before. */
  payments: readonly DuesPayment[];
  today: string;
  year: number;
  settings: DuesSettings;
}

/** `2025-03` → `2025年3月`. */
const monthText = (month: string) => formatDate(month);

/**
 * dues.mismatch: 实交 ≠ 应交 on a paid record of the year. Less is a warning (未足额); more without 自愿多交 is an
 * info (perhaps a typing slip, perhaps a gift to record as 自愿多交). A record owing dues for a month before 入党时间
 * is an info too (党费规定 第八条: from the day the 支部大会 accepts the member).
 */
export function duesMismatch(input: DuesRuleInput): Finding[] {
  const nameOf = nameLookup(input.members);
  const memberOf = new Map(input.members.map((m) => [m.id, m]));
  const prefix = `${input.year}-`;
  const findings: Finding[] = [];
  for (const p of own(input.payments, input.branch.id)) {
    if (!p.month.startsWith(prefix)) {
      continue;
    }
    const member = memberOf.get(p.memberId);
    if (member?.joinedOn && p.month < member.joinedOn.slice(0, 7) && p.owedFen > 0) {
      findings.push({
        rule: 'dues.mismatch',
        severity: 'info',
        period: p.month,
        message: `党员${member.name}${formatDate(member.joinedOn)}入党，${monthText(p.month)}不需交纳党费（党费从入党之月起交纳）`,
        source: SOURCES.duesProbationary,
        subject: { table: 'dues', year: input.year, memberId: p.memberId },
      });
      continue;
    }
    if (p.paidFen === undefined || p.paidFen === p.owedFen) {
      continue;
    }
    if (p.paidFen > p.owedFen && p.kind === '自愿多交') {
      continue;
    }
    const less = p.paidFen < p.owedFen;
    findings.push({
      rule: 'dues.mismatch',
      severity: less ? 'warning' : 'info',
      period: p.month,
      message: `党员${nameOf(p.memberId)}${monthText(p.month)}党费应交${formatYuan(p.owedFen)}，实交${formatYuan(p.paidFen)}${
        less ? '，未足额交纳' : '，多交部分可记为自愿多交'
      }`,
      source: SOURCES.duesMonthly,
      subject: { table: 'dues', year: input.year, memberId: p.memberId },
    });
  }
  return findings;
}

/** The longest run of consecutive months in `unpaid` (sorted `YYYY-MM`), with its first and last month. */
function longestRun(unpaid: readonly string[]): { length: number; from: string; to: string } | undefined {
  let best: { length: number; from: string; to: string } | undefined;
  let start = 0;
  for (let i = 0; i < unpaid.length; i += 1) {
    if (i > 0 && shiftMonth(unpaid[i - 1], 1) !== unpaid[i]) {
      start = i;
    }
    const length = i - start + 1;
    if (!best || length > best.length) {
      best = { length, from: unpaid[start], to: unpaid[i] };
    }
  }
  return best;
}

/** `2025年1月至6月`, `2024年10月至2025年3月`. */
function monthRangeText(from: string, to: string): string {
  return from.slice(0, 4) === to.slice(0, 4) ? `${monthText(from)}至${Number(to.slice(5, 7))}月` : `${monthText(from)}至${monthText(to)}`;
}

/**
 * dues.unpaid: a member with `unpaidWarnMonths` (3) or more months of the year over and unpaid is warned; a run
 * of `unpaidFlagMonths` (6) consecutive unpaid months ending in the year (it may start the year before) is an
 * error citing 党章 第九条 (无正当理由连续6个月不交纳党费 → 自行脱党), in place of the warning.
 */
export function duesUnpaid(input: DuesRuleInput): Finding[] {
  const payments = own(input.payments, input.branch.id);
  if (payments.length === 0) {
    return [];
  }
  const firstMonth = payments.reduce((first, p) => (p.month < first ? p.month : first), payments[0].month);
  const yearMonths = monthsOfYear(input.year);
  const window = [
    ...Array.from({ length: input.settings.unpaidFlagMonths - 1 }, (_, i) => shiftMonth(yearMonths[0], i - input.settings.unpaidFlagMonths + 1)),
    ...yearMonths,
  ].filter((m) => m >= firstMonth);
  const { byMember } = indexPayments(payments);
  const prefix = `${input.year}-`;
  const findings: Finding[] = [];
  for (const member of own(input.members, input.branch.id)) {
    const cells = memberDuesCells(member, byMember.get(member.id) ?? new Map(), window, { today: input.today });
    const unpaid = cells.filter((c) => c.state === 'unpaid').map((c) => c.month);
    const run = longestRun(unpaid);
    const subject = { table: 'dues' as const, year: input.year, memberId: member.id };
    if (run && run.length >= input.settings.unpaidFlagMonths && run.to.startsWith(prefix)) {
      findings.push({
        rule: 'dues.unpaid',
        severity: 'error',
        period: run.to,
        message: `党员${member.name}已连续${run.length}个月未交纳党费（${monthRangeText(run.from, run.to)}）：无正当理由连续6个月不交纳党费的，按自行脱党处理，请及时了解情况`,
        source: SOURCES.duesSixMonths,
        subject,
      });
      continue;
    }
    const inYear = unpaid.filter((m) => m.startsWith(prefix));
    if (inYear.length >= input.settings.unpaidWarnMonths) {
      findings.push({
        rule: 'dues.unpaid',
        severity: 'warning',
        period: String(input.year),
        message: `党员${member.name}${input.year}年有${inYear.length}个月未交纳党费（${inYear.map((m) => `${Number(m.slice(5, 7))}月`).join('、')}）`,
        source: member.category === '预备党员' ? `${SOURCES.duesMonthly}；${SOURCES.duesProbationary}` : SOURCES.duesMonthly,
        subject,
      });
    }
  }
  return findings;
}

/**
 * dues.lateBackPay: 补交一般不超过6个月. A payment made in the year more than `backPayMonths` months after the
 * month it is for is pointed out (a warning: the 规定 says 一般, and the money is taken, not refused). Counted in
 * calendar months: January's dues paid in July are 6 months back (fine), in August 7 (pointed out).
 */
export function duesLateBackPay(input: DuesRuleInput): Finding[] {
  const nameOf = nameLookup(input.members);
  const prefix = `${input.year}-`;
  return own(input.payments, input.branch.id)
    .filter((p) => p.paidOn !== undefined && p.paidOn.startsWith(prefix) && monthsAfter(p.month, p.paidOn) > input.settings.backPayMonths)
    .map((p) => ({
      rule: 'dues.lateBackPay' as const,
      severity: 'warning' as const,
      period: p.paidOn?.slice(0, 7) ?? p.month,
      message: `党员${nameOf(p.memberId)}${monthText(p.month)}的党费于${formatDate(p.paidOn)}补交，已超过${input.settings.backPayMonths}个月`,
      source: SOURCES.duesBackPay,
      subject: { table: 'dues' as const, year: input.year, memberId: p.memberId },
    }));
}

/** The dues rules' part of RuleInput; undefined without 党费 records (nothing to check). */
export function duesInputOf(input: RuleInput): DuesRuleInput | undefined {
  const { branch, members, dues, today, year, duesSettings } = input;
  return dues ? { branch, members, payments: dues, today, year, settings: duesSettings ?? DEFAULT_DUES_SETTINGS } : undefined;
}

/** Every rule of the kind, in the order reported. */
export function duesFindings(input: DuesRuleInput): Finding[] {
  return [...duesUnpaid(input), ...duesMismatch(input), ...duesLateBackPay(input)];
}
