import { nameKey } from '../ledgers/definitions/common';
import type { ImportedOrganization } from '../ledgers/organization';
import type { Branch, CommitteeMember, PartyGroup } from '../model/branch';
import type { Member } from '../model/member';

/**
 * 06_组织设置 applied to a branch: its information, its 支部委员会 and its 党小组 (with 组长 and members), the people
 * found by name among the branch's active members (those the same import adds included: the commit applies this after
 * writing them). A name not on the roster, or on it twice, is left out with a note; nothing is made up.
 */
export interface AppliedOrganization {
  branch: Branch;
  /** Members whose 党小组 the file sets (as they will be stored). */
  members: Member[];
  notes: string[];
}

/** What importing the 组织设置 will set, for the preview and the confirmation. */
export function organizationSummary(org: ImportedOrganization): string {
  const parts = ['支部信息'];
  if (org.committee.length > 0) parts.push(`支部委员会${org.committee.length}人`);
  if (org.partyGroups.length > 0) parts.push(`党小组${org.partyGroups.length}个`);
  return `组织设置：更新${parts.join('、')}（按姓名对应花名册）`;
}

const committeeKey = (committee: Branch['committee']) =>
  JSON.stringify([
    committee.electedOn, committee.approvedOn, committee.approvalDocument, committee.termYears,
    committee.members.map((m) => [m.memberId, m.role, m.duty ?? '']),
  ]);
const groupsKey = (groups: readonly PartyGroup[]) => JSON.stringify(groups.map((g) => [g.id, nameKey(g.name), g.leaderId ?? '']));

/**
 * What applying the 组织设置 to `branch` would change, in the user's words; empty when the file says what the branch
 * already holds (a package re-imported into the data it came from is 跳过 here too, like its ledgers' rows).
 */
export function organizationChanges(branch: Branch, members: readonly Member[], org: ImportedOrganization): string[] {
  const applied = applyOrganization(branch, members, org, () => 'new-party-group');
  const after = applied.branch;
  const changes: string[] = [];
  if (after.parentOrganisation !== branch.parentOrganisation) changes.push('上级党组织');
  if (after.category !== branch.category) changes.push('党组织类别');
  if (after.foundedOn !== branch.foundedOn) changes.push('成立日期');
  if (committeeKey(after.committee) !== committeeKey(branch.committee)) changes.push('支部委员会');
  if (groupsKey(after.partyGroups) !== groupsKey(branch.partyGroups)) changes.push('党小组');
  if (applied.members.length > 0) changes.push(`${applied.members.length}名党员所在的党小组`);
  return changes;
}

export function applyOrganization(branch: Branch, members: readonly Member[], org: ImportedOrganization, newId: () => string): AppliedOrganization {
  const notes: string[] = [...org.warnings];
  const byName = new Map<string, Member[]>();
  for (const member of members) {
    if (member.branchId !== branch.id || member.departure) continue;
    const key = nameKey(member.name);
    byName.set(key, [...(byName.get(key) ?? []), member]);
  }
  const find = (name: string, role: string): Member | undefined => {
    const found = byName.get(nameKey(name)) ?? [];
    if (found.length === 1) return found[0];
    notes.push(found.length === 0 ? `${role}“${name}”不在本支部花名册中，未导入` : `本支部有${found.length}名党员叫“${name}”，${role}未导入`);
    return undefined;
  };
  const committeeMembers: CommitteeMember[] = [];
  for (const seat of org.committee) {
    const member = find(seat.name, `支部委员会${seat.role}`);
    if (member) committeeMembers.push({ memberId: member.id, role: seat.role, ...(seat.duty ? { duty: seat.duty } : {}) });
  }
  const groups: PartyGroup[] = [...branch.partyGroups];
  const changed = new Map<string, Member>();
  for (const wanted of org.partyGroups) {
    let index = groups.findIndex((g) => nameKey(g.name) === nameKey(wanted.name));
    if (index < 0) {
      groups.push({ id: newId(), name: wanted.name });
      index = groups.length - 1;
    }
    const leader = wanted.leaderName ? find(wanted.leaderName, `${wanted.name}组长`) : undefined;
    groups[index] = { ...groups[index], ...(leader ? { leaderId: leader.id } : {}) };
    for (const name of wanted.memberNames) {
      const member = find(name, `${wanted.name}成员`);
      if (member && member.partyGroupId !== groups[index].id) {
        changed.set(member.id, { ...(changed.get(member.id) ?? member), partyGroupId: groups[index].id });
      }
    }
  }
  const info = org.branch;
  if (info.name && nameKey(info.name) !== nameKey(branch.name)) {
    notes.push(`文件中的支部全称是“${info.name}”，当前支部“${branch.name}”的名称未改`);
  }
  const committee = {
    ...branch.committee,
    ...(info.electedOn ? { electedOn: info.electedOn } : {}),
    ...(info.approvedOn ? { approvedOn: info.approvedOn } : {}),
    ...(info.approvalDocument ? { approvalDocument: info.approvalDocument } : {}),
    ...(info.termYears ? { termYears: info.termYears } : {}),
    ...(org.committee.length > 0 ? { members: committeeMembers } : {}),
  };
  return {
    branch: {
      ...branch,
      ...(info.parentOrganisation ? { parentOrganisation: info.parentOrganisation } : {}),
      ...(info.category ? { category: info.category } : {}),
      ...(info.foundedOn ? { foundedOn: info.foundedOn } : {}),
      committee,
      partyGroups: groups,
    },
    members: [...changed.values()],
    notes,
  };
}
