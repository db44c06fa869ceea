import { MEETING_REQUIREMENTS, type Finding, type Severity } from '@shared/rules';
import { newMeetingPath } from './matrixModel';

/**
 * 待办与提醒 of 工作台: the findings of runAllRules a secretary has to act on, most urgent first, each with the
 * place where it is put right. Every error and warning is listed; of the `info` lines only those with a date to
 * keep (this month's or quarter's meetings not yet held, a 必谈 still within its days, the 选举日期 to enter):
 * the year's talk coverage has its own card.
 */
export interface DueItem {
  key: string;
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

function linkOf(finding: Finding, year: number): DueItem['link'] {
  const requirement = MEETING_REQUIREMENTS.find((r) => r.rule === finding.rule);
  if (requirement) {
    const group = finding.subject?.table === 'partyGroups' ? finding.subject.id : undefined;
    return { to: newMeetingPath(requirement.type, group), text: '新建会议记录' };
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
      key: `${finding.rule}|${finding.period}|${finding.subject?.id ?? ''}|${index}`,
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
