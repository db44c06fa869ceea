import { describe, expect, it } from 'vitest';
import { branchSetup } from './branchSetup';
import { makeBranch, makeCommittee, makeInput, makeMember, makeMembers } from './testFixtures';

describe('第四条 / 第六章 组织设置', () => {
  it('warns under 3 正式党员 (第四条), counting 预备党员 out', () => {
    const members = [...makeMembers(2), makeMember('p', { category: '预备党员', confirmedOn: undefined, joinedOn: '2025-01-10' })];
    const findings = branchSetup(makeInput({ branch: makeBranch({}, makeCommittee(['m1'])), members }));
    expect(findings).toEqual([
      {
        rule: 'branch.setup',
        severity: 'warning',
        period: '2025',
        message: '正式党员只有2人，不足3人（不足3人的可成立联合党支部）',
        source: '《中国共产党支部工作条例（试行）》第四条',
        subject: { table: 'branches', id: 'branch-1' },
      },
    ]);
  });

  it('warns over 50 members (第四条)', () => {
    const findings = branchSetup(makeInput({ branch: makeBranch({}, makeCommittee(['m1', 'm2', 'm3'])), members: makeMembers(51) }));
    expect(findings.map((f) => f.message)).toEqual(['党员共51人，超过50人，一般应调整组织设置']);
  });

  it('requires a 支部委员会 from 7 正式党员 (第六章), but not from 6', () => {
    const secretaryOnly = makeBranch({}, makeCommittee(['m1']));
    expect(branchSetup(makeInput({ branch: secretaryOnly, members: makeMembers(6) }))).toEqual([]);
    expect(branchSetup(makeInput({ branch: secretaryOnly, members: makeMembers(7) }))).toEqual([
      expect.objectContaining({ severity: 'error', message: '正式党员7人，应设立支部委员会，但未登记书记、副书记以外的支委', source: '《中国共产党支部工作条例（试行）》第六章' }),
    ]);
  });

  it('counts members on the roster at the end of the year checked', () => {
    const members = [...makeMembers(6), makeMember('x', { departure: { reason: '转出', date: '2024-11-01' } })];
    const branch = makeBranch({}, makeCommittee(['m1']));
    expect(branchSetup(makeInput({ branch, members, year: 2024, today: '2025-03-01' }))).toEqual([]);
    expect(branchSetup(makeInput({ branch, members, year: 2024, today: '2024-10-01' }))).toHaveLength(1);
  });

  it('flags a missing 书记, a 支委 who left and a 预备党员 on the committee', () => {
    const members = [...makeMembers(6), makeMember('p', { category: '预备党员', confirmedOn: undefined, joinedOn: '2025-01-10' }), makeMember('gone', { departure: { reason: '转出', date: '2025-02-01' } })];
    const branch = makeBranch({}, [
      { memberId: 'm1', role: '组织委员' },
      { memberId: 'gone', role: '宣传委员' },
      { memberId: 'p', role: '纪检委员' },
    ]);
    expect(branchSetup(makeInput({ branch, members })).map((f) => [f.severity, f.message, f.subject?.id])).toEqual([
      ['warning', '未登记支部书记，书记缺额应及时补充', 'branch-1'],
      ['warning', '宣传委员gone已不在本支部党员名册，应及时调整或补选', 'gone'],
      ['warning', '纪检委员p是预备党员，预备党员没有被选举权，不能担任支委', 'p'],
    ]);
  });

  it('flags a 党小组组长 who left the roster (第十三条), not one who is still on it', () => {
    const members = [...makeMembers(5), makeMember('gone', { name: '王五', departure: { reason: '转出', date: '2025-02-01' } })];
    const branch = makeBranch(
      {
        partyGroups: [
          { id: 'g1', name: '第一党小组', leaderId: 'gone' },
          { id: 'g2', name: '第二党小组', leaderId: 'm2' },
          { id: 'g3', name: '第三党小组' },
        ],
      },
      makeCommittee(['m1']),
    );
    expect(branchSetup(makeInput({ branch, members }))).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message: '第一党小组组长王五已不在本支部党员名册，应及时调整党小组组长',
        source: '《中国共产党支部工作条例（试行）》第十三条',
        subject: { table: 'members', id: 'gone' },
      }),
    ]);
    // Before the day the leader left, nothing is wrong.
    expect(branchSetup(makeInput({ branch, members, year: 2024, today: '2024-12-31' }))).toEqual([]);
  });
});
