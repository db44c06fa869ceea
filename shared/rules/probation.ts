import { addMonths, formatDate } from '../dates';
import { probationEndDate, type Member } from '../model/member';
import { daysBetween } from './periods';
import { isOnRoster, ownRecords } from './roster';
import { SOURCES } from './sources';
import type { Finding, RuleInput } from './types';

/**
 * 转正 (党章 第七条): 预备期满 = 入党时间 + 1 year (a 2024-02-29 joiner's ends on 2025-02-28). A warning from
 * probationWarningMonths before until the day itself, an error from the day after. 延长预备期 is not recorded
 * yet, so an extended probation shows as overdue. Judged on today, whatever year is being checked.
 */

export interface ProbationInfo {
  memberId: string;
  endsOn: string;
  /** Calendar days from today to 预备期满: 0 on the day, negative when overdue. */
  daysLeft: number;
  state: 'running' | 'dueSoon' | 'overdue';
}

/** Undefined without 入党时间: 预备期满 cannot be known (the record is 资料不全, said by roster.incomplete). */
export function probationInfo(member: Member, today: string, warningMonths: number): ProbationInfo | undefined {
  const endsOn = probationEndDate(member);
  if (!endsOn) {
    return undefined;
  }
  const daysLeft = daysBetween(today, endsOn);
  const state = daysLeft < 0 ? 'overdue' : endsOn <= addMonths(today, warningMonths) ? 'dueSoon' : 'running';
  return { memberId: member.id, endsOn, daysLeft, state };
}

export function probationDue(input: RuleInput): Finding[] {
  const { members } = ownRecords(input);
  const { today, settings } = input;
  const findings: Finding[] = [];
  const probationary = members
    .filter((m) => m.category === '预备党员' && !m.confirmedOn && isOnRoster(m, today))
    .flatMap((m) => {
      const info = probationInfo(m, today, settings.probationWarningMonths);
      return info ? [{ member: m, info }] : [];
    })
    .sort((a, b) => (a.info.endsOn < b.info.endsOn ? -1 : a.info.endsOn > b.info.endsOn ? 1 : 0));
  for (const { member, info } of probationary) {
    if (info.state === 'running') {
      continue;
    }
    const who = `预备党员${member.name}（${formatDate(member.joinedOn)}入党）`;
    const message =
      info.state === 'overdue'
        ? `${who}预备期已于${formatDate(info.endsOn)}期满（超过${-info.daysLeft}天），应及时召开支部党员大会讨论转正`
        : info.daysLeft === 0
          ? `${who}今天（${formatDate(info.endsOn)}）预备期满，应及时召开支部党员大会讨论转正`
          : `${who}预备期将于${formatDate(info.endsOn)}期满（还有${info.daysLeft}天），请准备转正材料`;
    findings.push({
      rule: 'probation.due',
      severity: info.state === 'overdue' ? 'error' : 'warning',
      period: info.endsOn.slice(0, 7),
      message,
      source: SOURCES.probation,
      subject: { table: 'members', id: member.id },
    });
  }
  return findings;
}
