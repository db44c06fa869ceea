import { describe, expect, it } from 'vitest';
import { rectificationSchema, type Rectification } from '../model/rectification';
import { sourceForOrigin } from './origin';
import {
  describeRectificationChanges,
  filterTasks,
  groupByCategory,
  groupByOwner,
  groupByStatus,
  ownersOf,
  summariseTasks,
  tasksNeedingAttention,
} from './views';

const TODAY = '2025-03-05';
let n = 0;
function make(overrides: Partial<Rectification>): Rectification {
  n += 1;
  return rectificationSchema.parse({
    id: `r${n}`,
    branchId: 'b1',
    createdAt: `2025-01-0${(n % 9) + 1}T09:00:00+08:00`,
    updatedAt: '2025-01-01T09:00:00+08:00',
    source: '组织生活会',
    category: '政治建设',
    problem: `问题${n}`,
    ...overrides,
  });
}

describe('views of the 整改台账', () => {
  const late = make({ status: '整改中', deadline: '2025-02-01', owner: '王伟、李芳' });
  const later = make({ status: '整改中', deadline: '2025-03-01', owner: '王伟', category: '作风建设' });
  const soon = make({ status: '未启动', deadline: '2025-03-12', owner: '张强', category: '纪律建设' });
  const done = make({ status: '已销号', deadline: '2025-01-01', owner: '李芳', closedOn: '2025-01-01', category: '其他' });
  const forever = make({ status: '长期坚持', deadline: '2025-01-01', category: '作风建设' });
  const all = [done, soon, later, forever, late];

  it('shows every status column in workflow order, overdue first inside', () => {
    const board = groupByStatus(all, TODAY);
    expect(board.map((c) => c.label)).toEqual(['未启动', '整改中', '已完成待验收', '已销号', '长期坚持']);
    expect(board[1].tasks.map((t) => t.id)).toEqual([late.id, later.id]);
    expect(board[2].tasks).toEqual([]);
  });

  it('groups by the five areas in order, leaving out empty ones', () => {
    expect(groupByCategory(all, TODAY).map((g) => [g.label, g.tasks.length])).toEqual([
      ['政治建设', 1],
      ['作风建设', 2],
      ['纪律建设', 1],
      ['其他', 1],
    ]);
  });

  it('lists a task under each of its 责任人, those without one last', () => {
    expect(ownersOf({ owner: '王伟、李芳，王伟 张强' })).toEqual(['王伟', '李芳', '张强']);
    const groups = groupByOwner(all, TODAY);
    expect(groups.map((g) => g.label)).toEqual(['王伟', '李芳', '张强', '未指定责任人']);
    expect(groups[0].tasks.map((t) => t.id)).toEqual([late.id, later.id]);
  });

  it('counts, filters and picks what the 工作台 shows', () => {
    const summary = summariseTasks(all, TODAY);
    expect(summary).toMatchObject({ total: 5, overdue: 2, dueSoon: 1 });
    expect(summary.byStatus.整改中).toBe(2);
    expect(filterTasks(all, { overdueOnly: true }, TODAY).map((t) => t.id).sort()).toEqual([late.id, later.id].sort());
    expect(filterTasks(all, { query: '李芳' }, TODAY).map((t) => t.id).sort()).toEqual([late.id, done.id].sort());
    const attention = tasksNeedingAttention(all, TODAY);
    expect(attention.overdue.map((t) => t.id)).toEqual([late.id, later.id]);
    expect(attention.dueSoon.map((t) => t.id)).toEqual([soon.id]);
  });

  it('describes changes with labels and readable dates', () => {
    expect(describeRectificationChanges({ deadline: ['2025-03-01', '2025-04-01'], status: ['整改中', '已完成待验收'], updatedAt: ['a', 'b'] })).toEqual([
      { field: 'deadline', label: '完成时限', before: '2025年3月1日', after: '2025年4月1日' },
      { field: 'status', label: '状态', before: '整改中', after: '已完成待验收' },
    ]);
  });

  it('takes the 问题来源 from the meeting a task is raised from', () => {
    expect(sourceForOrigin('meetings', '组织生活会')).toBe('组织生活会');
    expect(sourceForOrigin('meetings', '民主评议党员')).toBe('民主评议');
    expect(sourceForOrigin('meetings', '支部委员会')).toBe('自查');
    expect(sourceForOrigin('talks')).toBe('自查');
  });
});
