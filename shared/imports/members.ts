import { branchKey, distributeMembersToBranches } from '../ledgers/branches';
import type { ImportedMember } from '../ledgers/definitions/members';
import type { ParsedRow } from '../ledgers/parseSheet';
import { MEMBER_FIELD_LABELS, type Member, type MemberFields } from '../model/member';
import { compact, diffFields, joinNotes, keepStoredWording, type ImportContext, type PlannedRow } from './core';
import { memberFieldsFromImport, pickFields, planMemberImport, type PlannedMemberRow } from './planMemberImport';

/**
 * Roster rows with the new plan shape. With a 所在党支部 column, rows go to the existing branch of that name
 * (compared by branchKey: 中共…委员会 and 党支部/支部 spellings are one) or to a branch the commit creates
 * (target.newBranchName); members are keyed within their target branch (planMemberImport).
 */

function fromMemberPlan(plan: PlannedMemberRow, target: PlannedRow['target'], source: ParsedRow): PlannedRow {
  const row: PlannedRow = {
    rowNumber: plan.rowNumber,
    kind: 'members',
    action: plan.action,
    blocked: plan.blocked,
    target,
    reason: plan.reason,
    source,
  };
  if (plan.memberId) row.recordId = plan.memberId;
  if (plan.memberBefore) {
    row.before = plan.memberBefore;
    row.storedBefore = plan.memberBefore;
  }
  if (plan.changes) row.changes = plan.changes;
  if (plan.candidates) row.candidates = plan.candidates;
  if (plan.action === '冲突' && !plan.candidates) row.candidates = [];
  if (plan.fields) {
    if (plan.action === '更新' && plan.memberBefore) {
      // The whole member as stored after the import: the app's own fields (历史党员 departure…) are kept.
      row.after = compact({ ...plan.memberBefore, ...plan.fields });
    } else {
      row.after = compact({ ...plan.fields, ...('branchId' in target ? { branchId: target.branchId } : {}) });
    }
  }
  return row;
}

export function planMemberRows(rows: readonly ParsedRow[], ctx: ImportContext): PlannedRow[] {
  const memberRows = rows as readonly ParsedRow<ImportedMember>[];
  const groups = distributeMembersToBranches(memberRows, ctx.branches, ctx.branchId);
  const planned: PlannedRow[] = [];
  for (const group of groups) {
    if (group.branchId) {
      const branch = ctx.branches.find((b) => b.id === group.branchId);
      const target = { branchId: group.branchId };
      const plans = planMemberImport(group.rows, ctx.members, { id: group.branchId, partyGroups: branch?.partyGroups ?? [] }, ctx.today);
      plans.forEach((plan, i) => {
        const row = fromMemberPlan(plan, target, group.rows[i]);
        if (group.branchId !== ctx.branchId && !row.blocked) {
          row.reason = joinNotes(`导入到“${branch?.name ?? group.branchName}”`, row.reason);
        }
        planned.push(row);
      });
    } else {
      const name = group.branchName as string;
      const target = { newBranchName: name };
      // A branch the commit creates: no members and no party groups yet; duplicates in the file still conflict.
      const plans = planMemberImport(group.rows, [], { id: `new:${branchKey(name)}`, partyGroups: [] }, ctx.today);
      plans.forEach((plan, i) => {
        const row = fromMemberPlan(plan, target, group.rows[i]);
        if (!row.blocked && row.action === '新增') {
          row.reason = joinNotes(`将新建党支部“${name}”`, row.reason);
        }
        planned.push(row);
      });
    }
  }
  return planned.sort((a, b) => a.rowNumber - b.rowNumber);
}

function targetBranch(row: PlannedRow, ctx: ImportContext) {
  return 'branchId' in row.target ? ctx.branches.find((b) => b.id === (row.target as { branchId: string }).branchId) : undefined;
}

export function memberAsNew(row: PlannedRow, ctx: ImportContext): PlannedRow {
  const record = row.source?.record as ImportedMember;
  const { fields, note } = memberFieldsFromImport(record, targetBranch(row, ctx)?.partyGroups ?? []);
  const after = compact({ ...fields, ...('branchId' in row.target ? { branchId: row.target.branchId } : {}) });
  return { ...row, action: '新增', after, recordId: undefined, before: undefined, storedBefore: undefined, changes: undefined, candidates: undefined, reason: joinNotes('按新党员导入', note) };
}

export function memberAsUpdate(row: PlannedRow, member: Member, ctx: ImportContext): PlannedRow {
  const record = row.source?.record as ImportedMember;
  const { fields, note } = memberFieldsFromImport(record, targetBranch(row, ctx)?.partyGroups ?? []);
  const after = compact(keepStoredWording(member, { ...member, ...pickFields(member), ...fields })) as Member;
  const changes = diffFields(member, after, MEMBER_FIELD_LABELS as Record<keyof MemberFields, string>);
  const common = { ...row, recordId: member.id, before: member, storedBefore: member, candidates: undefined };
  return changes.length === 0
    ? { ...common, action: '跳过', after: undefined, changes: undefined, reason: joinNotes('与花名册相同', note) }
    : { ...common, action: '更新', after, changes, reason: note };
}
