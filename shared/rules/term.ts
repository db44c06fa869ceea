import { addMonths, addYears, formatDate } from '../dates';
import type { Branch } from '../model/branch';
import { daysBetween } from './periods';
import type { RuleSettings } from './settings';
import { SOURCES } from './sources';
import type { Finding, RuleInput } from './types';

/**
 * 换届 (DOMAIN §1.4): 届满 = 选举日期 + 任期 (the committee's own termYears, else the setting). A warning from
 * termWarningMonths before 届满 (exactly that far ahead included) until the day itself, an error from the
 * day after. Judged on today, whatever year is being checked.
 */

export interface TermInfo {
  electedOn: string;
  termYears: number;
  endsOn: string;
  /** Calendar days from today to 届满: 0 on the day, negative when overdue. */
  daysLeft: number;
  state: 'running' | 'dueSoon' | 'expired';
}

export function termInfo(
  committee: Branch['committee'],
  today: string,
  settings: Pick<RuleSettings, 'termYears' | 'termWarningMonths'>,
): TermInfo | undefined {
  if (!committee.electedOn) {
    return undefined;
  }
  const termYears = committee.termYears ?? settings.termYears;
  const endsOn = addYears(committee.electedOn, termYears);
  const daysLeft = daysBetween(today, endsOn);
  const state = daysLeft < 0 ? 'expired' : endsOn <= addMonths(today, settings.termWarningMonths) ? 'dueSoon' : 'running';
  return { electedOn: committee.electedOn, termYears, endsOn, daysLeft, state };
}

export function termExpiry(input: RuleInput): Finding[] {
  const { branch, today, settings } = input;
  const subject = { table: 'branches' as const, id: branch.id };
  if (branch.committee.members.length === 0) {
    return [];
  }
  const info = termInfo(branch.committee, today, settings);
  if (!info) {
    return [
      {
        rule: 'term.expiry',
        severity: 'info',
        period: today.slice(0, 7),
        message: '未登记本届支部委员会（书记）的选举日期，无法计算届满时间',
        source: SOURCES.term,
        subject,
      },
    ];
  }
  if (info.state === 'running') {
    return [];
  }
  const elected = `本届支部委员会${formatDate(info.electedOn)}选举产生，任期${info.termYears}年`;
  const message =
    info.state === 'expired'
      ? `${elected}，已于${formatDate(info.endsOn)}届满（超过${-info.daysLeft}天），应按期换届；延期须报上级党组织批准，一般不超过1年`
      : info.daysLeft === 0
        ? `${elected}，今天（${formatDate(info.endsOn)}）届满，应按期换届`
        : `${elected}，将于${formatDate(info.endsOn)}届满（还有${info.daysLeft}天），请提前做好换届准备`;
  return [
    {
      rule: 'term.expiry',
      severity: info.state === 'expired' ? 'error' : 'warning',
      period: info.endsOn.slice(0, 7),
      message,
      source: SOURCES.term,
      subject,
    },
  ];
}
