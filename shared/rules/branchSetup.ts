import type { Member } from '../model/member';
import { hasElectedCommittee, isFullMemberOn, isOnRoster, membersOnRoster, ownRecords } from './roster';
import { referenceDate } from './periods';
import { SOURCES } from './sources';
import type { Finding, RuleInput } from './types';

/**
 * 组织设置 (DOMAIN §1.1), judged on the last day of the year checked (today, during the year):
 * 正式党员3人以上 (第四条), 一般不超过50人 (第四条), 7名正式党员以上设支部委员会, 3至5人、一般不超过7人 (第六章),
 * a 书记 recorded, every 支委 still on the roster and a 正式党员 (预备党员 cannot be elected), and every 党小组组长
 * still on the roster (第十三条: the group needs a leader who is there to call its meetings).
 */
export function branchSetup(input: RuleInput): Finding[] {
  const { members } = ownRecords(input);
  const { branch, settings, year, today } = input;
  if (today < `${year}-01-01`) {
    return [];
  }
  const on = referenceDate(year, today);
  const roster = membersOnRoster(members, on);
  const full = roster.filter((m) => isFullMemberOn(m, on)).length;
  const period = String(year);
  const branchSubject = { table: 'branches' as const, id: branch.id };
  const findings: Finding[] = [];
  const push = (severity: Finding['severity'], message: string, source: string, subject: Finding['subject'] = branchSubject) =>
    findings.push({ rule: 'branch.setup', severity, period, message, source, subject });

  if (full < settings.minFullMembers) {
    // A member without 党员类别 (资料不全) is not guessed to be 正式: say how many are unknown.
    const unknown = roster.filter((m) => !m.category && !m.confirmedOn).length;
    const note = unknown > 0 ? `；另有${unknown}人未填党员类别，请先补全` : '';
    push('warning', `${full === 0 ? '还没有登记正式党员' : `正式党员只有${full}人，不足${settings.minFullMembers}人（不足3人的可成立联合党支部）`}${note}`, SOURCES.branchSetup);
  }
  if (roster.length > settings.maxMembers) {
    push('warning', `党员共${roster.length}人，超过${settings.maxMembers}人，一般应调整组织设置`, SOURCES.branchSetup);
  }

  const elected = hasElectedCommittee(branch);
  const committee = branch.committee.members;
  if (full >= settings.committeeFromFullMembers && !elected) {
    push('error', `正式党员${full}人，应设立支部委员会，但未登记书记、副书记以外的支委`, SOURCES.committeeSetup);
  }
  if (elected && committee.length < 3) {
    push('warning', `支部委员会只有${committee.length}人，一般由3至5人组成`, SOURCES.committeeSetup);
  }
  if (committee.length > settings.maxCommitteeSize) {
    push('warning', `支部委员会共${committee.length}人，超过${settings.maxCommitteeSize}人`, SOURCES.committeeSetup);
  }

  // Only the 支委 and 党小组组长 are looked up (the last record wins, as in nameLookup).
  const seats = new Set([...committee.map((c) => c.memberId), ...branch.partyGroups.flatMap((g) => (g.leaderId ? [g.leaderId] : []))]);
  const byId = new Map<string, Member>();
  for (const member of members) {
    if (seats.has(member.id)) {
      byId.set(member.id, member);
    }
  }
  const nameOf = (id: string) => byId.get(id)?.name ?? '未知党员';
  const secretary = committee.find((c) => c.role === '书记');
  if (roster.length > 0 && !secretary) {
    push('warning', '未登记支部书记，书记缺额应及时补充', SOURCES.committeeSetup);
  }
  for (const seat of committee) {
    const member = byId.get(seat.memberId);
    const subject = { table: 'members' as const, id: seat.memberId };
    if (!member || !isOnRoster(member, on)) {
      push('warning', `${seat.role}${nameOf(seat.memberId)}已不在本支部党员名册，应及时调整或补选`, SOURCES.committeeSetup, subject);
    } else if (!isFullMemberOn(member, on)) {
      push('warning', `${seat.role}${member.name}是预备党员，预备党员没有被选举权，不能担任支委`, SOURCES.votingRights, subject);
    }
  }
  for (const group of branch.partyGroups) {
    const leader = group.leaderId ? byId.get(group.leaderId) : undefined;
    if (group.leaderId && (!leader || !isOnRoster(leader, on))) {
      push(
        'warning',
        `${group.name}组长${leader?.name ?? '未知党员'}已不在本支部党员名册，应及时调整党小组组长`,
        SOURCES.partyGroupMeeting,
        { table: 'members', id: group.leaderId },
      );
    }
  }
  return findings;
}
