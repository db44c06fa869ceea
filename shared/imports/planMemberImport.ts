import type { ImportedMember, ParsedRow } from '../ledgers';
import { checkIdNumber } from '../model/idNumber';
import { MEMBER_FIELD_LABELS, type Member, type MemberFields } from '../model/member';
import type { PartyGroup } from '../model/branch';
import { countPlan as countAnyPlan, keepStoredWording, type ConflictCandidate, type FieldChange, type ImportAction, type ImportCounts } from './core';

/**
 * What importing a roster (党员花名册) would do, row by row, computed once and shown before anything is written.
 * Pure: the page plans in the renderer, `commitMemberImport` (renderer/src/db/imports.ts) writes exactly the plan.
 *
 * Key of a member: the normalised 公民身份号码 when it passes GB 11643 (a number that lost digits or fails its check
 * digit is 待核对 and never a key); else 姓名 + 出生日期; else 姓名 alone (a roster keyed by 工号 has neither). A row
 * whose number is not on the roster still matches a member without a valid number of the same 姓名 + 出生日期, or of
 * the same 姓名 when one of the two has no 出生日期 (the import adds what the row brings).
 * - 新增: no member matches.
 * - 更新: one member matches and some field differs (fields empty in the file keep their stored value).
 * - 跳过: one member matches and nothing differs.
 * - 冲突: the key matches more than one member (or an earlier row of the file), or the number matches a member
 *   of another name. Conflicts are never written: the secretary corrects the file or the roster.
 * Rows with an error (no `record`) are `blocked`: they cannot be imported.
 */
export type { ImportAction, FieldChange, ImportCounts };

export interface PlannedMemberRow {
  rowNumber: number;
  action: ImportAction;
  /** True when the row has an error: it is excluded and cannot be included. */
  blocked: boolean;
  /** The member's fields as they will be stored (new member, or the whole updated member). */
  fields?: MemberFields;
  /** The existing member (更新, 跳过, 冲突 with one match). */
  memberId?: string;
  /** The member as it was when planned: the commit refuses when it changed meanwhile. */
  memberBefore?: Member;
  changes?: FieldChange[];
  /** Why 冲突 / 跳过, or a note (党小组 not found), in Chinese. */
  reason?: string;
  /** 冲突 with members of the roster: the ones the row could update. */
  candidates?: ConflictCandidate[];
}

/** `张三（1985年6月15日生，身份证尾号1234）`: enough to tell two members of one name apart. */
export function memberLabel(member: Member): string {
  const parts = [member.birthDate ? `${member.birthDate}生` : '', member.idNumber ? `身份证尾号${member.idNumber.slice(-4)}` : '']
    .filter(Boolean)
    .join('，');
  return parts ? `${member.name}（${parts}）` : member.name;
}

export interface PlanBranch {
  id: string;
  partyGroups?: readonly PartyGroup[];
}

/** Fields the import writes; the rest (党小组 aside, 离开原因) is the app's own. */
const IMPORTED_FIELDS = (Object.keys(MEMBER_FIELD_LABELS) as (keyof MemberFields)[]).filter(
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

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The member fields an imported row carries (empty ones left out), with its party group resolved by name. */
export function memberFieldsFromImport(record: ImportedMember, groups: readonly PartyGroup[]): { fields: Partial<MemberFields>; note?: string } {
  const { partyGroupName, branchName: _branchName, ...rest } = record;
  const fields: Partial<MemberFields> = {};
  for (const key of IMPORTED_FIELDS) {
    const value = (rest as Partial<MemberFields>)[key];
    if (value !== undefined && value !== '') {
      (fields as Record<string, unknown>)[key] = value;
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

export function planMemberImport(
  rows: readonly ParsedRow<ImportedMember>[],
  existingMembers: readonly Member[],
  branch: PlanBranch,
  _today: string,
): PlannedMemberRow[] {
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

  return rows.map((row): PlannedMemberRow => {
    const record = row.record;
    if (!record) {
      return { rowNumber: row.rowNumber, action: '跳过', blocked: true, reason: '本行有错误，不能导入' };
    }
    const idKey = memberIdKey(record.idNumber);
    const nKey = nameKey(record.name, record.birthDate);
    const fileKey = idKey ? `id:${idKey}` : nKey ? `name:${nKey}` : `bare:${bareName(record.name)}`;
    const earlier = seenInFile.get(fileKey);
    if (earlier !== undefined) {
      return {
        rowNumber: row.rowNumber,
        action: '冲突',
        blocked: false,
        reason: `与文件第${earlier}行是同一人（${idKey ? '公民身份号码' : nKey ? '姓名和出生日期' : '姓名'}相同）`,
      };
    }
    seenInFile.set(fileKey, row.rowNumber);

    // Without a key of its own (no valid number), a member of the same name matches when a birth date cannot tell
    // them apart.
    const byNameAlone = () =>
      (byBareName.get(bareName(record.name)) ?? []).filter((m) => !record.birthDate || !m.birthDate);
    const withoutValidId = (list: Member[]) => list.filter((m) => !memberIdKey(m.idNumber));
    let matches: Member[] = [];
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
    const imported = memberFieldsFromImport(record, branch.partyGroups ?? []);
    const fields = imported.fields;
    let note = imported.note;

    if (matches.length > 1) {
      return {
        rowNumber: row.rowNumber,
        action: '冲突',
        blocked: false,
        reason: `花名册中有${matches.length}名党员与本行匹配（${matches.map((m) => m.name).join('、')}），请先核对`,
        candidates: matches.map((m) => ({ id: m.id, label: memberLabel(m) })),
      };
    }
    if (matches.length === 0) {
      return { rowNumber: row.rowNumber, action: '新增', blocked: false, fields: fields as MemberFields, reason: note };
    }
    const member = matches[0];
    if (!idKey && fields.idNumber && memberIdKey(member.idNumber)) {
      // A 待核对 number never replaces a valid one on the roster.
      delete fields.idNumber;
      note = [note, '文件中的公民身份号码待核对，保留花名册中的号码'].filter(Boolean).join('；');
    }
    if (idKey && member.idNumber && member.name.replace(/\s+/g, '') !== record.name.replace(/\s+/g, '')) {
      return {
        rowNumber: row.rowNumber,
        action: '冲突',
        blocked: false,
        memberId: member.id,
        reason: `公民身份号码与花名册中的“${member.name}”相同，但姓名不同`,
        candidates: [{ id: member.id, label: memberLabel(member) }],
      };
    }
    const after: MemberFields = keepStoredWording(member, { ...pickFields(member), ...fields }) as MemberFields;
    const changes: FieldChange[] = [];
    for (const key of Object.keys(MEMBER_FIELD_LABELS) as (keyof MemberFields)[]) {
      if (!same(member[key], after[key])) {
        changes.push({ field: key, label: MEMBER_FIELD_LABELS[key], before: member[key], after: after[key] });
      }
    }
    const base = { rowNumber: row.rowNumber, blocked: false, memberId: member.id, memberBefore: member };
    if (changes.length === 0) {
      return { ...base, action: '跳过', reason: note ? `与花名册相同；${note}` : '与花名册相同' };
    }
    return { ...base, action: '更新', fields: after, changes, reason: note };
  });
}

export function pickFields(member: Member): Partial<MemberFields> {
  const fields: Partial<MemberFields> = {};
  for (const key of Object.keys(MEMBER_FIELD_LABELS) as (keyof MemberFields)[]) {
    if (member[key] !== undefined) {
      (fields as Record<string, unknown>)[key] = member[key];
    }
  }
  return fields;
}

/** Counts of a plan (kept for the roster page; the same as countPlan of shared/imports/plan). */
export function countPlan(rows: readonly PlannedMemberRow[]): ImportCounts {
  return countAnyPlan(rows);
}
