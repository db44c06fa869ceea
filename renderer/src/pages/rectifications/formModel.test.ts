import { describe, expect, it } from 'vitest';
import { generateDemoBranch } from '@shared/demo';
import { makeMeeting, makeTalk } from '@shared/rules/testFixtures';
import { inputOfValues, nameOptions, newTaskValues } from './formModel';

describe('整改任务 form model', () => {
  const { branch, members } = generateDemoBranch({ today: '2025-03-05' });
  const secretary = members.find((m) => m.id === branch.committee.members[0].memberId)!;

  it('starts a task with the 书记 as 责任领导 and the source of the record it is raised from', () => {
    expect(newTaskValues(branch, members, null)).toEqual({ source: '自查', leader: secretary.name });
    const orgLife = makeMeeting('m1', '组织生活会', '2025-01-15');
    expect(newTaskValues(branch, members, { table: 'meetings', record: orgLife }).source).toBe('组织生活会');
    const review = makeMeeting('m2', '民主评议党员', '2025-01-15');
    expect(newTaskValues(branch, members, { table: 'meetings', record: review }).source).toBe('民主评议');
    const talk = makeTalk('t1', '2025-03-01', members[0].id, [members[9].id], { issuesRaised: '工作作风不够扎实' });
    expect(newTaskValues(branch, members, { table: 'talks', record: talk })).toMatchObject({ source: '自查', problem: '工作作风不够扎实' });
  });

  it('turns empty values into what the repository clears', () => {
    expect(inputOfValues({ source: '自查', category: '其他', problem: '问题', deadline: '' })).toMatchObject({ deadline: undefined, goal: '', owner: '' });
  });

  it('offers the names of members still on the roster, once each', () => {
    const names = nameOptions([...members, { ...members[0], id: 'x' }, { ...members[1], id: 'y', name: '离开者', departure: { reason: '转出', date: '2025-01-01' } }]);
    expect(names.map((n) => n.value)).toContain(secretary.name);
    expect(names.map((n) => n.value)).not.toContain('离开者');
    expect(names.length).toBe(new Set(members.map((m) => m.name)).size);
  });
});
