import { describe, expect, it } from 'vitest';
import { formatDateTime } from '@shared/dates';
import { describeChanges, formatMemberValue, partyAgeYears, probation } from './memberFacts';

describe('member facts', () => {
  it('counts 党龄 from 转正时间, not 入党时间', () => {
    expect(partyAgeYears({ category: '正式党员', confirmedOn: '2011-07-01' }, '2025-06-30')).toBe(13);
    expect(partyAgeYears({ category: '正式党员', confirmedOn: '2011-07-01' }, '2025-07-01')).toBe(14);
    expect(partyAgeYears({ category: '预备党员' }, '2025-07-01')).toBeUndefined();
  });

  it('knows when 预备期 ends', () => {
    expect(probation({ category: '预备党员', joinedOn: '2024-07-01' }, '2025-06-30')).toEqual({ endDate: '2025-07-01', due: false });
    expect(probation({ category: '预备党员', joinedOn: '2024-07-01' }, '2025-07-01')).toEqual({ endDate: '2025-07-01', due: true });
    expect(probation({ category: '正式党员', joinedOn: '2024-07-01' }, '2025-07-01')).toBeUndefined();
  });

  it('shows audit times as the wall clock read them', () => {
    expect(formatDateTime('2025-03-05T14:30:12+08:00')).toBe('2025年3月5日 14:30');
  });

  it('lists changes with labels and formatted values', () => {
    const groups = new Map([['g1', '第一党小组']]);
    expect(
      describeChanges(
        {
          updatedAt: ['a', 'b'],
          phone: [undefined, '13800000000'],
          joinedOn: ['2010-07-01', '2010-07-02'],
          partyGroupId: ['g1', undefined],
          departure: [undefined, { reason: '转出', date: '2025-03-05', note: '调往市财政局' }],
        },
        groups,
      ),
    ).toEqual([
      { field: 'joinedOn', label: '入党时间', before: '2010年7月1日', after: '2010年7月2日' },
      { field: 'partyGroupId', label: '所在党小组', before: '第一党小组', after: '（空）' },
      { field: 'phone', label: '联系电话', before: '（空）', after: '13800000000' },
      { field: 'departure', label: '离开信息', before: '（空）', after: '转出，2025年3月5日，调往市财政局' },
    ]);
  });

  it('formats 组织关系转入时间 and 受处分时间 as dates in the change log', () => {
    expect(formatMemberValue('transferredInOn', '2024-09-01', new Map())).toBe('2024年9月1日');
    expect(formatMemberValue('disciplinedOn', '2023-05', new Map())).toBe('2023年5月');
  });
});
