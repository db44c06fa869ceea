import { describe, expect, it } from 'vitest';
import type { Member } from '@shared/model';
import { countRoster, filterRoster, hasActiveFilters, NO_GROUP, rosterSummary } from './rosterFilter';

function member(over: Partial<Member>): Member {
  return {
    id: over.name ?? 'x',
    branchId: 'b',
    createdAt: '',
    updatedAt: '',
    name: '张三',
    gender: '男',
    ethnicity: '汉族',
    birthDate: '1985-06-12',
    joinedOn: '2010-07-01',
    confirmedOn: '2011-07-01',
    category: '正式党员',
    status: '正常',
    ...over,
  };
}

const members = [
  member({ name: '张三', idNumber: '320102198506120017', partyGroupId: 'g1' }),
  member({ name: '李四', category: '预备党员', confirmedOn: undefined, partyGroupId: 'g2', status: '流动党员' }),
  member({ name: '王五' }),
  member({ name: '赵六', departure: { reason: '转出', date: '2024-01-01' }, partyGroupId: 'g1' }),
];

describe('roster filter', () => {
  it('shows only 资料不全 (a gap or an ID 待核对) with 只看资料不全, and never guesses a missing 党员类别', () => {
    const complete = member({ name: '孙七', education: '大学本科', idNumber: '11010519491231002X' });
    const unverified = member({ name: '周八', education: '大学本科', idNumber: '110105194912310021' });
    const noCategory = member({ name: '吴九', education: '大学本科', category: undefined, confirmedOn: undefined });
    const roster = [complete, unverified, noCategory];
    expect(filterRoster(roster, 'current', { query: '', incompleteOnly: true }).map((m) => m.name)).toEqual(['周八', '吴九']);
    expect(hasActiveFilters({ query: '', incompleteOnly: true })).toBe(true);
    const counts = countRoster(roster);
    expect(counts).toMatchObject({ active: 3, full: 2, probationary: 0, incomplete: 2 });
    expect(rosterSummary(counts, 'current', 3, false)).toBe('在册党员 3 人：正式党员 2 人，预备党员 0 人，未填党员类别 1 人；资料不全 2 人');
  });

  it('splits 在册 and 历史 党员', () => {
    expect(filterRoster(members, 'current', { query: '' }).map((m) => m.name)).toEqual(['张三', '李四', '王五']);
    expect(filterRoster(members, 'history', { query: '' }).map((m) => m.name)).toEqual(['赵六']);
  });

  it('searches by initials, name part and ID tail', () => {
    expect(filterRoster(members, 'current', { query: 'zs' }).map((m) => m.name)).toEqual(['张三']);
    expect(filterRoster(members, 'current', { query: '李' }).map((m) => m.name)).toEqual(['李四']);
    expect(filterRoster(members, 'current', { query: '0017' }).map((m) => m.name)).toEqual(['张三']);
  });

  it('filters by 类别, 党小组 (including 未分组), 状态 and 离开原因', () => {
    expect(filterRoster(members, 'current', { query: '', category: '预备党员' }).map((m) => m.name)).toEqual(['李四']);
    expect(filterRoster(members, 'current', { query: '', partyGroupId: 'g1' }).map((m) => m.name)).toEqual(['张三']);
    expect(filterRoster(members, 'current', { query: '', partyGroupId: NO_GROUP }).map((m) => m.name)).toEqual(['王五']);
    expect(filterRoster(members, 'current', { query: '', status: '流动党员' }).map((m) => m.name)).toEqual(['李四']);
    expect(filterRoster(members, 'history', { query: '', departureReason: '死亡' })).toEqual([]);
    expect(filterRoster(members, 'history', { query: '', departureReason: '转出' }).map((m) => m.name)).toEqual(['赵六']);
  });

  it('counts and words the summary', () => {
    const counts = countRoster(members);
    // No 学历 on these records: all three are 资料不全, and the summary says so.
    expect(counts).toEqual({ active: 3, full: 2, probationary: 1, history: 1, incomplete: 3 });
    expect(rosterSummary(counts, 'current', 3, false)).toBe('在册党员 3 人：正式党员 2 人，预备党员 1 人；资料不全 3 人');
    expect(rosterSummary({ ...counts, incomplete: 0 }, 'current', 1, true)).toBe('在册党员 3 人：正式党员 2 人，预备党员 1 人（当前显示 1 人）');
    expect(rosterSummary(counts, 'history', 1, false)).toBe('历史党员 1 人');
  });
});
