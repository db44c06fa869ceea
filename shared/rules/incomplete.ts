import { isActiveMember, memberGaps, MEMBER_FIELD_LABELS, type CompletenessField } from '../model/member';
import { ownRecords } from './roster';
import { SOURCES } from './sources';
import type { Finding, RuleInput } from './types';

/**
 * roster.incomplete: the 在册党员 whose record is 资料不全 (a field of COMPLETENESS_FIELDS empty) or whose ID
 * number is 待核对 (fails GB 11643), counted in ONE finding that links to the roster filtered on them. The rules
 * that need a missing field do not guess it (no 转正 reminder without 入党时间): this finding says what is missing.
 * Judged today, whatever year is checked (a gap is a gap now); period = the current month.
 */
export function rosterIncomplete(input: RuleInput): Finding[] {
  const { members } = ownRecords(input);
  let incomplete = 0;
  let unverified = 0;
  const missingCounts = new Map<CompletenessField, number>();
  for (const member of members) {
    if (!isActiveMember(member)) {
      continue;
    }
    const gaps = memberGaps(member);
    if (gaps.missing.length === 0 && !gaps.idNumberUnverified) {
      continue;
    }
    incomplete += 1;
    unverified += gaps.idNumberUnverified ? 1 : 0;
    for (const field of gaps.missing) {
      missingCounts.set(field, (missingCounts.get(field) ?? 0) + 1);
    }
  }
  if (incomplete === 0) {
    return [];
  }
  const parts = [...missingCounts].map(([field, count]) => `缺${MEMBER_FIELD_LABELS[field]}${count}人`);
  if (unverified > 0) {
    parts.push(`公民身份号码待核对${unverified}人`);
  }
  return [
    {
      rule: 'roster.incomplete',
      severity: 'warning',
      period: input.today.slice(0, 7),
      message: `${incomplete}名党员资料不全（${parts.join('，')}），请在党员花名册中补全`,
      source: SOURCES.memberRecords,
      subject: { table: 'members', filter: 'incomplete' },
    },
  ];
}
