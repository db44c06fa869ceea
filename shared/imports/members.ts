import { branchKey, distributeMembersToBranches } from '../ledgers/branches';
import type { ImportedMember } from '../ledgers/definitions/members';
import type { ParsedRow } from '../ledgers/parseSheet';
import type { PartyGroup } from '../model/branch';
import { checkIdNumber } from '../model/idNumber';
import { keysOf } from '../oneOf';
import { MEMBER_FIELD_LABELS, type Member, type MemberFields } from '../model/member';
import { blockedRow, compact, diffFields, joinNotes, keepStoredWording, type ImportContext, type KindPlanner, type PlannedRow } from './core';

/**
 * Roster rows (党员花名册). With a 所在党支部 column, rows go to the existing branch of that name (compared by
 * branchKey: 中共…委员会 and 党支部/支部 spellings are one) or to a branch the commit creates (target.newBranchName).
 *
 * Key of a member, within its target branch: the normalised 公民身份号码 when it passes GB 11643 (a number that lost
 * digits or fails its check digit is 待核对 and never a key); else 姓名 + 出生日期; else 姓名 alone (a roster keyed by
 * 工号 has neither). A row whose number is not on the roster still matches a member without a valid number of the
 * same 姓名 + 出生日期, or of the same 姓名 when one of the two has no 出生日期 (the import adds what the row brings).
 * 新增: no member matches; 更新: one matches and some field differs (fields empty in the file keep their stored
 * value); 跳过: one matches and nothing differs; 冲突: the key matches several members (or an earlier row of the
 * file), or the number matches a member of another name. The keyed skeleton of shared/imports/keyed.ts does not fit:
 * a member has three keys tried in turn, not one.
 */

/** `张三（1985年6月15日生，身份证尾号1234）`: enough to tell two members of one name apart. */
export function memberLabel(member: Member): string {
  const parts = [member.birthDate ? `${member.birthDate}生` : '', member.idNumber ? `身份证尾号${member.idNumber.slice(-4)}` : '']
    .filter(Boolean)
    .join('，');
  return parts ? `${member.name}（${parts}）` : member.name;
}

/** Fields the import writes; the rest (党小组 aside, 离开原因) is the app's own. */
const IMPORTED_FIELDS = keysOf(MEMBER_FIELD_LABELS).filter(
  (f) => f !== 'departure' && f !== 'partyGroupId',
);

/** The matching key of a 公民身份号码: its normalised form when valid; none for a 待核对 number. */
export function memberIdKey(idNumber: string | undefined): string | undefined {
  if (!idNumber || !idNumber.trim()) {
    return undefined;
  }
  const checked = checkIdNumber(idNumber);
  return checked.ok ? checked.normalized : undefined;
}

const bareName = (name: string) => name.replace(/\s+/g, '');

function nameKey(name: string | undefined, birthDate: string | undefined): string | undefined {
  return name && birthDate ? `${bareName(name)}|${birthDate}` : undefined;
}

/** The member fields an imported row carries (empty ones left out), with its party group resolved by name. */
export function memberFieldsFromImport(record: ImportedMember, groups: readonly PartyGroup[]): { fields: Partial<MemberFields>; note?: string } {
  const { partyGroupName, branchName: _branchName, ...rest } = record;
  const source: Partial<MemberFields> = rest;
  const fields: Partial<MemberFields> = {};
  for (const key of IMPORTED_FIELDS) {
    const value = source[key];
    if (value !== undefined && value !== '') {
      copyField(source, fields, key);
    }
  }
  let note: string | undefined;
  if (partyGroupName) {
    const group = groups.find((g) => g.name.replace(/\s+/g, '') === partyGroupName.replace(/\s+/g, ''));
    if (group) {
      fields.partyGroupId = group.id;
    } else {
      note = `本支部没有“${partyGroupName}”党小组，所在党小组未导入`;
    }
  }
  return { fields, note };
}

/** `to[key] = from[key]`, typed for a key that is a union (the compiler cannot pair the two sides' types). */
function copyField<T, K extends keyof T>(from: Partial<T>, to: Partial<T>, key: K): void {
  to[key] = from[key];
}

export function pickFields(member: Member): Partial<MemberFields> {
  const fields: Partial<MemberFields> = {};
  for (const key of keysOf(MEMBER_FIELD_LABELS)) {
    if (member[key] !== undefined) {
      copyField(member, fields, key);
    }
  }
  return fields;
}

interface PlanBranch {
  id: string;
  partyGroups: readonly PartyGroup[];
}

/** The rows of one target branch against its members (none for a branch the commit creates). */
function planBranchRows(
  rows: readonly ParsedRow<ImportedMember>[],
  existingMembers: readonly Member[],
  branch: PlanBranch,
  target: PlannedRow['target'],
): PlannedRow<'members'>[] {
  const members = existingMembers.filter((m) => m.branchId === branch.id);
  const byId = new Map<string, Member[]>();
  const byName = new Map<string, Member[]>();
  const byBareName = new Map<string, Member[]>();
  for (const member of members) {
    const bare = bareName(member.name);
    byBareName.set(bare, [...(byBareName.get(bare) ?? []), member]);
    const idKey = memberIdKey(member.idNumber);
    if (idKey) {
      byId.set(idKey, [...(byId.get(idKey) ?? []), member]);
    }
    const key = nameKey(member.name, member.birthDate);
    if (key) {
      byName.set(key, [...(byName.get(key) ?? []), member]);
    }
  }
  const seenInFile = new Map<string, number>();

  return rows.map((row): PlannedRow<'members'> => {
    const record = row.record;
    if (!record) {
      return { ...blockedRow(row, 'members', branch.id), target };
    }
    const base = { rowNumber: row.rowNumber, kind: 'members' as const, blocked: false, target, source: row };
    const idKey = memberIdKey(record.idNumber);
    const nKey = nameKey(record.name, record.birthDate);
    const fileKey = idKey ? `id:${idKey}` : nKey ? `name:${nKey}` : `bare:${bareName(record.name)}`;
    const earlier = seenInFile.get(fileKey);
    if (earlier !== undefined) {
      return {
        ...base,
        action: '冲突',
        reason: `与文件第${earlier}行是同一人（${idKey ? '公民身份号码' : nKey ? '姓名和出生日期' : '姓名'}相同）`,
        candidates: [],
      };
    }
    seenInFile.set(fileKey, row.rowNumber);

    // Without a key of its own (no valid number), a member of the same name matches when a birth date cannot tell
    // them apart.
    const byNameAlone = () => (byBareName.get(bareName(record.name)) ?? []).filter((m) => !record.birthDate || !m.birthDate);
    const withoutValidId = (list: Member[]) => list.filter((m) => !memberIdKey(m.idNumber));
    let matches: Member[];
    if (idKey) {
      matches = byId.get(idKey) ?? [];
      if (matches.length === 0) {
        matches = withoutValidId(nKey ? (byName.get(nKey) ?? []) : []);
        if (matches.length === 0) matches = withoutValidId(byNameAlone());
      }
    } else {
      matches = nKey ? (byName.get(nKey) ?? []) : [];
      if (matches.length === 0) matches = byNameAlone();
    }
    if (matches.length > 1) {
      return {
        ...base,
        action: '冲突',
        reason: `花名册中有${matches.length}名党员与本行匹配（${matches.map((m) => m.name).join('、')}），请先核对`,
        candidates: matches.map((m) => ({ id: m.id, label: memberLabel(m) })),
      };
    }
    if (matches.length === 0) {
      return memberAsNew(row, branch.partyGroups, target);
    }
    const member = matches[0];
    if (idKey && member.idNumber && bareName(member.name) !== bareName(record.name)) {
      return {
        ...base,
        action: '冲突',
        recordId: member.id,
        reason: `公民身份号码与花名册中的“${member.name}”相同，但姓名不同`,
        candidates: [{ id: member.id, label: memberLabel(member) }],
      };
    }
    return memberAsUpdate(row, member, branch.partyGroups, target);
  });
}

export function planMemberRows(rows: readonly ParsedRow[], ctx: ImportContext): PlannedRow<'members'>[] {
  const memberRows = rows as readonly ParsedRow<ImportedMember>[]; // why: the rows of a roster sheet carry ImportedMember records
  const groups = distributeMembersToBranches(memberRows, ctx.branches, ctx.branchId);
  const planned: PlannedRow<'members'>[] = [];
  for (const group of groups) {
    if (group.branchId) {
      const branch = ctx.branches.find((b) => b.id === group.branchId);
      const target = { branchId: group.branchId };
      for (const row of planBranchRows(group.rows, ctx.members, { id: group.branchId, partyGroups: branch?.partyGroups ?? [] }, target)) {
        if (group.branchId !== ctx.branchId && !row.blocked) {
          row.reason = joinNotes(`导入到“${branch?.name ?? group.branchName}”`, row.reason);
        }
        planned.push(row);
      }
    } else {
      const name = group.branchName as string; // why: a group without a branch id is one named in 所在党支部
      const target = { newBranchName: name };
      // A branch the commit creates: no members and no party groups yet; duplicates in the file still conflict.
      for (const row of planBranchRows(group.rows, [], { id: `new:${branchKey(name)}`, partyGroups: [] }, target)) {
        if (!row.blocked && row.action === '新增') {
          row.reason = joinNotes(`将新建党支部“${name}”`, row.reason);
        }
        planned.push(row);
      }
    }
  }
  return planned.sort((a, b) => a.rowNumber - b.rowNumber);
}

function memberAsNew(row: ParsedRow, groups: readonly PartyGroup[], target: PlannedRow['target'], extra?: string): PlannedRow<'members'> {
  const { fields, note } = memberFieldsFromImport(row.record as ImportedMember, groups); // why: a roster row
  const after = compact({ ...(fields as MemberFields), ...('branchId' in target ? { branchId: target.branchId } : {}) }); // why: a row the definition accepted has every required field
  return { rowNumber: row.rowNumber, kind: 'members', blocked: false, target, source: row, action: '新增', after, reason: joinNotes(extra, note) };
}

function memberAsUpdate(row: ParsedRow, member: Member, groups: readonly PartyGroup[], target: PlannedRow['target']): PlannedRow<'members'> {
  const imported = memberFieldsFromImport(row.record as ImportedMember, groups); // why: a roster row
  const fields = imported.fields;
  let note = imported.note;
  if (!memberIdKey(fields.idNumber) && fields.idNumber && memberIdKey(member.idNumber)) {
    // A 待核对 number never replaces a valid one on the roster.
    delete fields.idNumber;
    note = joinNotes(note, '文件中的公民身份号码待核对，保留花名册中的号码');
  }
  const after = compact(keepStoredWording(member, { ...member, ...pickFields(member), ...fields }));
  const changes = diffFields(member, after, MEMBER_FIELD_LABELS);
  const common = { rowNumber: row.rowNumber, kind: 'members' as const, blocked: false, target, source: row, recordId: member.id, before: member, storedBefore: member };
  return changes.length === 0
    ? { ...common, action: '跳过', reason: joinNotes('与花名册相同', note) }
    : { ...common, action: '更新', after, changes, reason: note };
}

export const membersPlanner: KindPlanner<'members'> = {
  plan: planMemberRows,
  replan(row, choice, ctx) {
    const source = row.source;
    if (!source) return undefined;
    const groups = ('branchId' in row.target ? ctx.branches.find((b) => b.id === ctx.branchId)?.partyGroups : undefined) ?? [];
    if (choice === 'new') return memberAsNew(source, groups, row.target, '按新党员导入');
    const member = ctx.members.find((m) => m.id === choice);
    return member ? memberAsUpdate(source, member, groups, row.target) : undefined;
  },
};
