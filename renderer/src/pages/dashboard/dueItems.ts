import {
  MEETING_REQUIREMENTS,
  periodLabel,
  periodOfKey,
  RULE_LABELS,
  subjectKey,
  type Finding,
  type RuleId,
  type Severity,
  type YearLedgerTable,
} from '@shared/rules';
import { newMeetingPath } from './matrixModel';

/**
 * 待办与提醒 of 工作台: the findings of runAllRules a secretary has to act on, most urgent first, each with the
 * place where it is put right. Every error and warning is listed; of the `info` lines only those with a date to
 * keep (this month's or quarter's meetings not yet held, a 必谈 still within its days, the 选举日期 to enter):
 * the year's talk coverage has its own card.
 */
export interface DueItem {
  key: string;
  rule: RuleId;
  severity: Severity;
  message: string;
  source: string;
  period: string;
  link?: { to: string; text: string };
}

export const SEVERITY_TAGS: Record<Severity, { text: string; color: string }> = {
  error: { text: '须整改', color: 'red' },
  warning: { text: '请注意', color: 'orange' },
  info: { text: '待办', color: 'blue' },
};

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The page of each ledger kept per year, opened on the finding's year (`/dues?year=2025`). */
const YEAR_LEDGER_PAGES: Record<YearLedgerTable, { path: string; text: string }> = {
  reviews: { path: '/reviews', text: '民主评议结果' },
  dues: { path: '/dues', text: '党费收缴' },
  training: { path: '/training', text: '学习学时' },
};

function linkOf(finding: Finding, year: number): DueItem['link'] {
  const requirement = MEETING_REQUIREMENTS.find((r) => r.rule === finding.rule);
  if (requirement) {
    const group = finding.subject?.table === 'partyGroups' ? finding.subject.id : undefined;
    // A period that is over: 补录 the meeting held then, on the period's first day (its title names that month);
    // the running period: a new record of today.
    const missed = finding.severity !== 'info' ? periodOfKey(finding.period) : undefined;
    return missed
      ? { to: newMeetingPath(requirement.type, group, missed.start), text: '补录' }
      : { to: newMeetingPath(requirement.type, group), text: '新建会议记录' };
  }
  if (finding.rule === 'talk.coverage') {
    return { to: `/talks?tab=coverage&year=${year}`, text: '谈心谈话覆盖情况' };
  }
  if (finding.rule === 'analysis.due') {
    return { to: '/analyses', text: '思想动态分析' };
  }
  if (finding.rule === 'talk.mustTalk') {
    return { to: `/talks?tab=mustTalk&year=${year}`, text: '必谈事项' };
  }
  const subject = finding.subject;
  if (subject?.filter === 'incomplete') {
    return { to: '/members?incomplete=1', text: '补全党员资料' };
  }
  switch (subject?.table) {
    case 'reviews':
    case 'dues':
    case 'training': {
      const page = YEAR_LEDGER_PAGES[subject.table];
      return { to: `${page.path}?year=${subject.year}`, text: page.text };
    }
    case 'members':
      return { to: `/members/${subject.id}`, text: '查看党员' };
    case 'meetings':
      return { to: `/meetings/${subject.id}`, text: '查看会议记录' };
    case 'talks':
      return { to: `/talks?year=${year}`, text: '谈心谈话' };
    case 'rectifications':
      return { to: `/rectifications/${subject.id}`, text: '查看整改任务' };
    case 'branches':
    case 'partyGroups':
      return { to: '/settings', text: '支部设置' };
    default:
      return undefined;
  }
}

function listed(finding: Finding): boolean {
  if (finding.severity !== 'info') {
    return true;
  }
  return finding.rule !== 'talk.coverage';
}

export function dueItems(findings: readonly Finding[], year: number): DueItem[] {
  return findings
    .filter(listed)
    .map((finding, index) => ({
      key: `${finding.rule}|${finding.period}|${subjectKey(finding.subject)}|${index}`,
      rule: finding.rule,
      severity: finding.severity,
      message: finding.message,
      source: finding.source,
      period: finding.period,
      link: linkOf(finding, year),
      index,
    }))
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.index - b.index)
    .map(({ index: _index, ...item }) => item);
}

/** The findings of one period within a group: `2026年1月` and its lines. */
export interface DuePeriodGroup {
  period: string;
  label: string;
  items: DueItem[];
}

/**
 * One kind of finding (a rule, at one severity: the missed months of 主题党日 apart from this month's 待办), with
 * its lines by period, oldest first. A group of one line is shown as that line; a larger one folds.
 */
export interface DueGroup {
  key: string;
  rule: RuleId;
  severity: Severity;
  /** `主题党日`: what the rule checks. */
  label: string;
  count: number;
  periods: DuePeriodGroup[];
  /** `2026年1月—2026年11月` (first and last period), or the one period. */
  span: string;
}

/** Groups dueItems by kind and period, keeping their order (most urgent kind first); periods in time order. */
export function groupDueItems(items: readonly DueItem[]): DueGroup[] {
  const groups = new Map<string, { rule: RuleId; severity: Severity; byPeriod: Map<string, DueItem[]> }>();
  for (const item of items) {
    const key = `${item.rule}|${item.severity}`;
    let group = groups.get(key);
    if (!group) {
      group = { rule: item.rule, severity: item.severity, byPeriod: new Map() };
      groups.set(key, group);
    }
    const list = group.byPeriod.get(item.period);
    if (list) {
      list.push(item);
    } else {
      group.byPeriod.set(item.period, [item]);
    }
  }
  return [...groups.entries()].map(([key, group]) => {
    // Keys of one kind sort in time order as text (2026-01 < 2026-02, 2026-Q1 < 2026-Q2).
    const periods = [...group.byPeriod.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([period, list]) => ({ period, label: periodLabel(period), items: list }));
    const first = periods[0].label;
    const last = periods[periods.length - 1].label;
    return {
      key,
      rule: group.rule,
      severity: group.severity,
      label: RULE_LABELS[group.rule],
      count: periods.reduce((sum, p) => sum + p.items.length, 0),
      periods,
      span: first === last ? first : `${first}—${last}`,
    };
  });
}
