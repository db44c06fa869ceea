import { describe, expect, it } from 'vitest';
import { generateDemoBranch } from '@shared/demo';
import { DEFAULT_RULE_SETTINGS, meetingMatrix, runAllRules, type RuleInput } from '@shared/rules';
import { meetingsPerMonth } from './charts/chartOptions';
import { dueItems } from './dueItems';
import { cellView, meetingListPath, newMeetingPath } from './matrixModel';

const today = '2026-11-27';

function demoInput(settings = DEFAULT_RULE_SETTINGS): RuleInput {
  const { branch, members, meetings, talks } = generateDemoBranch({ today });
  return { branch, members, meetings, talks, settings, today, year: 2026 };
}

function cellsOf(input: RuleInput, label: string) {
  const row = meetingMatrix(input).find((r) => r.label === label)!;
  return row.cells.map((cell) => cellView(row, cell, input.today, input.year));
}

describe('工作台 matrix cells', () => {
  it('says what each cell is and links to the meeting, the list or 新建', () => {
    const input = demoInput();
    const committee = cellsOf(input, '支部委员会会议');
    expect(committee.map((c) => c.tone)).toEqual([...Array(8).fill('done'), 'missing', 'done', 'open', 'future']);
    expect(committee[0].to).toMatch(/^\/meetings\/[0-9a-f-]+$/);
    expect(committee[8]).toMatchObject({ text: '未开', label: '支部委员会会议 2026年9月：未开', to: '/meetings/new?type=%E6%94%AF%E9%83%A8%E5%A7%94%E5%91%98%E4%BC%9A&date=2026-09-01' });
    expect(committee[10]).toMatchObject({ text: '本月未开', label: '支部委员会会议 2026年11月：本月未开', colSpan: 1 });
    expect(committee[11]).toMatchObject({ text: '', label: '支部委员会会议 2026年12月：未到期', to: undefined });

    const congress = cellsOf(input, '支部党员大会');
    expect(congress.map((c) => [c.colSpan, c.text])).toEqual([[3, '已开'], [3, '已开'], [3, '已开'], [3, '本季度未开']]);
    expect(congress[3].label).toBe('支部党员大会 2026年第四季度：本季度未开');

    const group = meetingMatrix(input).find((r) => r.label === '第三党小组 党小组会')!;
    expect(cellView(group, group.cells[6], today, 2026).to).toBe(newMeetingPath('党小组会', group.partyGroupId, '2026-07-01'));
    expect(newMeetingPath('党小组会', 'g1')).toBe('/meetings/new?type=%E5%85%9A%E5%B0%8F%E7%BB%84%E4%BC%9A&group=g1');
  });

  it('links a cell with several meetings to the list of that month and type', () => {
    const input = demoInput();
    const row = meetingMatrix(input).find((r) => r.label === '主题党日活动')!;
    const doubled = { ...row.cells[0], meetingIds: ['a', 'b'], count: 2 };
    expect(cellView(row, doubled, today, 2026)).toMatchObject({ text: '已开2次', to: meetingListPath(row, doubled, 2026) });
    expect(meetingListPath(row, doubled, 2026)).toBe(`/meetings?type=${encodeURIComponent('主题党日')}&year=2026&month=1`);
  });

  it('follows the settings: 党课 每半年 has two cells of six months, the gap of the third quarter covered', () => {
    const input = demoInput({ ...DEFAULT_RULE_SETTINGS, partyLecture: { enabled: true, period: 'halfYear', minCount: 1 } });
    expect(cellsOf(input, '党课').map((c) => [c.colSpan, c.tone])).toEqual([[6, 'done'], [6, 'done']]);
  });
});

describe('工作台 待办与提醒', () => {
  it('lists errors first, each with its article and where to put it right; talk coverage stays in its card', () => {
    const input = demoInput();
    const items = dueItems(runAllRules(input), 2026);
    expect(items[0].severity).toBe('error');
    expect(items.map((i) => i.severity)).toEqual([...items.map((i) => i.severity)].sort((a, b) => ['error', 'warning', 'info'].indexOf(a) - ['error', 'warning', 'info'].indexOf(b)));
    expect(items.some((i) => i.message.includes('谈心谈话已完成'))).toBe(false);
    const quorum = items.find((i) => i.message.includes('未超过半数'))!;
    expect(quorum.link?.to).toMatch(/^\/meetings\/[0-9a-f-]+$/);
    expect(quorum.source).toContain('第十二条');
    const term = items.find((i) => i.message.includes('届满'))!;
    expect(term).toMatchObject({ severity: 'warning', link: { to: '/settings' } });
    const probation = items.find((i) => i.message.includes('预备期将于'))!;
    expect(probation.link?.to).toMatch(/^\/members\/[0-9a-f-]+$/);
    const committee = items.find((i) => i.message.startsWith('本月尚未召开支部委员会会议'))!;
    expect(committee).toMatchObject({ severity: 'info', link: { to: newMeetingPath('支部委员会') } });
    const group = items.find((i) => i.message.startsWith('第三党小组2026年7月'))!;
    expect(group.link?.to).toContain('&group=');
    expect(items.find((i) => i.message.startsWith('该谈未谈'))?.link?.to).toBe('/talks?tab=mustTalk&year=2026');
  });
});

describe('工作台 charts', () => {
  it('counts meetings held per month and type, up to today', () => {
    const input = demoInput();
    const counts = meetingsPerMonth([...input.meetings, { type: '支部委员会', startAt: '2026-12-01T09:00:00+08:00' }], 2026, today);
    expect(counts.types).toEqual(['支部党员大会', '支部委员会', '党小组会', '党课', '主题党日']);
    expect(counts.counts['支部委员会']).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0, 0]);
    expect(counts.total).toBe(58);
  });
});
