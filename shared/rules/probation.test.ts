import { describe, expect, it } from 'vitest';
import { probationDue, probationInfo } from './probation';
import { makeInput, makeMember } from './testFixtures';

const probationary = (id: string, joinedOn: string, overrides = {}) =>
  makeMember(id, { category: '预备党员', confirmedOn: undefined, joinedOn, ...overrides });

describe('党章 第七条 预备期一年', () => {
  it('ends the 预备期 of a 2024-02-29 joiner on 2025-02-28, and of a 2023-02-28 joiner on 2024-02-28', () => {
    expect(probationInfo(probationary('a', '2024-02-29'), '2025-01-01', 1)?.endsOn).toBe('2025-02-28');
    expect(probationInfo(probationary('b', '2023-02-28'), '2024-01-01', 1)?.endsOn).toBe('2024-02-28');
  });

  it('warns when due today and errs when overdue by one day', () => {
    const member = probationary('a', '2024-02-29', { name: '李四' });
    expect(probationDue(makeInput({ members: [member], today: '2025-02-28' }))).toEqual([
      {
        rule: 'probation.due',
        severity: 'warning',
        period: '2025-02',
        message: '预备党员李四（2024年2月29日入党）今天（2025年2月28日）预备期满，应及时召开支部党员大会讨论转正',
        source: '《中国共产党章程》第七条',
        subject: { table: 'members', id: 'a' },
      },
    ]);
    expect(probationDue(makeInput({ members: [member], today: '2025-03-01' }))).toEqual([
      expect.objectContaining({ severity: 'error', message: '预备党员李四（2024年2月29日入党）预备期已于2025年2月28日期满（超过1天），应及时召开支部党员大会讨论转正' }),
    ]);
  });

  it('warns from exactly one month before, not a day earlier', () => {
    const member = probationary('a', '2024-07-15');
    expect(probationDue(makeInput({ members: [member], today: '2025-06-15' }))[0]).toMatchObject({ severity: 'warning', message: expect.stringContaining('还有30天') });
    expect(probationDue(makeInput({ members: [member], today: '2025-06-14' }))).toEqual([]);
  });

  it('ignores 正式党员 and members who left, and lists the earliest first', () => {
    const members = [
      probationary('late', '2024-07-01'),
      probationary('gone', '2024-05-01', { departure: { reason: '转出', date: '2025-05-01' } }),
      makeMember('full'),
      probationary('early', '2024-06-01'),
    ];
    expect(probationDue(makeInput({ members, today: '2025-06-15' })).map((f) => [f.subject?.id, f.severity])).toEqual([
      ['early', 'error'],
      ['late', 'warning'],
    ]);
  });
});
