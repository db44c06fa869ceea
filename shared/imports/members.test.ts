import { describe, expect, it } from 'vitest';
import type { ImportedMember, ParsedRow } from '../ledgers';
import { computeCheckChar } from '../model/idNumber';
import type { Member } from '../model/member';
import type { Branch } from '../model/branch';
import { emptyLedgerRecords } from '../model/kinds';
import { countPlan, type PlannedRow } from './core';
import { planMemberRows } from './members';

const BRANCH = { id: 'b1', name: '第一党支部', partyGroups: [{ id: 'g1', name: '第一党小组' }] } as unknown as Branch; // why: the planner reads only id, name and partyGroups

/** The roster rows planned into BRANCH holding `members`. */
function planMemberImport(rows: ParsedRow<ImportedMember>[], members: Member[], branch: Branch, today: string): PlannedRow<'members'>[] {
  return planMemberRows(rows, { branchId: branch.id, branches: [branch], ...emptyLedgerRecords(), members, today });
}

function imported(overrides: Partial<ImportedMember> = {}): ImportedMember {
  return {
    name: '张三',
    gender: '男',
    ethnicity: '汉族',
    birthDate: '1985-06-15',
    joinedOn: '2010-07-01',
    confirmedOn: '2011-07-01',
    category: '正式党员',
    status: '正常',
    partyPost: '党员',
    ...overrides,
  };
}

function row(rowNumber: number, record?: ImportedMember): ParsedRow<ImportedMember> {
  return { rowNumber, values: {}, record, issues: [] };
}

function member(overrides: Partial<Member> = {}): Member {
  return {
    id: 'm1',
    branchId: 'b1',
    createdAt: '2026-01-01T00:00:00+08:00',
    updatedAt: '2026-01-01T00:00:00+08:00',
    ...(imported() as object),
    ...overrides,
  } as Member;
}

// A number that passes GB 11643 (only such a number is a matching key).
const ID = `11010519850615123${computeCheckChar('11010519850615123')}`;

describe('planLedgerImport: members', () => {
  it('adds a member nobody on the roster matches, with the party group by name', () => {
    const [plan] = planMemberImport([row(4, imported({ partyGroupName: '第一党小组' }))], [], BRANCH, '2026-11-27');
    expect(plan.action).toBe('新增');
    expect(plan.after?.partyGroupId).toBe('g1');
    expect(plan.after).not.toHaveProperty('partyGroupName');
  });

  it('notes a party group the branch does not have', () => {
    const [plan] = planMemberImport([row(4, imported({ partyGroupName: '第九党小组' }))], [], BRANCH, '2026-11-27');
    expect(plan.reason).toContain('第九党小组');
  });

  it('skips an identical member and shows what changes of a different one (by ID number)', () => {
    const existing = [member({ idNumber: ID })];
    const plans = planMemberImport(
      [row(4, imported({ idNumber: ID })), row(5, imported({ idNumber: ID.toLowerCase(), name: '张三', phone: '13800000000' }))],
      existing,
      BRANCH,
      '2026-11-27',
    );
    expect(plans[0].action).toBe('跳过');
    expect(plans[1].action).toBe('冲突'); // the same person twice in the file
    const [update] = planMemberImport([row(5, imported({ idNumber: ID, phone: '13800000000' }))], existing, BRANCH, '2026-11-27');
    expect(update.action).toBe('更新');
    expect(update.recordId).toBe('m1');
    expect(update.changes).toEqual([{ field: 'phone', label: '联系电话', before: undefined, after: '13800000000' }]);
  });

  it('keeps stored values the file leaves empty', () => {
    const existing = [member({ idNumber: ID, phone: '13900000000', jobTitle: '科员' })];
    const [plan] = planMemberImport([row(4, imported({ idNumber: ID }))], existing, BRANCH, '2026-11-27');
    expect(plan.action).toBe('跳过');
  });

  it('matches by name and birth date without an ID number, and adds the number to a member without one', () => {
    const [byName] = planMemberImport([row(4, imported({ jobTitle: '科长' }))], [member()], BRANCH, '2026-11-27');
    expect(byName.action).toBe('更新');
    const [addsId] = planMemberImport([row(4, imported({ idNumber: ID }))], [member()], BRANCH, '2026-11-27');
    expect(addsId.action).toBe('更新');
    expect(addsId.changes?.map((c) => c.field)).toEqual(['idNumber']);
  });

  it('reports conflicts: several matches, or the same ID number with another name', () => {
    const twins = [member({ id: 'a' }), member({ id: 'b' })];
    expect(planMemberImport([row(4, imported())], twins, BRANCH, '2026-11-27')[0].action).toBe('冲突');
    const [other] = planMemberImport([row(4, imported({ idNumber: ID, name: '李四' }))], [member({ idNumber: ID })], BRANCH, '2026-11-27');
    expect(other.action).toBe('冲突');
    expect(other.reason).toContain('张三');
  });

  it('ignores members of other branches and blocks rows with errors', () => {
    const plans = planMemberImport([row(4, imported()), row(5)], [member({ branchId: 'b2' })], BRANCH, '2026-11-27');
    expect(plans.map((p) => [p.action, p.blocked])).toEqual([
      ['新增', false],
      ['跳过', true],
    ]);
    expect(countPlan(plans)).toEqual({ 新增: 1, 更新: 0, 跳过: 0, 冲突: 0, 有错误: 1 });
  });
});
