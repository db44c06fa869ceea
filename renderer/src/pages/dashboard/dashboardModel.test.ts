import { describe, expect, it } from 'vitest';
import { generateDemoBranch } from '@shared/demo';
import { generateDemoDues } from '@shared/demo/dues';
import { generateDemoTraining } from '@shared/demo/training';
import { defaultMeetingTitle } from '@shared/meetings';
import { branchSchema } from '@shared/model';
import { coverageView, DEFAULT_RULE_SETTINGS, meetingMatrix, runAllRules, talkCoverage, type Finding, type RuleInput } from '@shared/rules';
import { meetingsPerMonth } from './charts/chartOptions';
import { dueItems, groupDueItems } from './dueItems';
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
    expect(group.link).toMatchObject({ text: '补录', to: expect.stringContaining('&group=') });
    expect(items.find((i) => i.message.startsWith('该谈未谈'))?.link?.to).toBe('/talks?tab=mustTalk&year=2026');
  });
});

/** A branch without records on 2026-12-03, its ledger kept since `start`. */
function keptSince(start: string | undefined, createdAt = '2025-06-01T09:00:00+08:00'): RuleInput {
  const branch = branchSchema.parse({ id: 'b', createdAt, updatedAt: createdAt, name: '中共测试支部委员会', ledgerStartsOn: start });
  return { branch, members: [], meetings: [], talks: [], settings: DEFAULT_RULE_SETTINGS, today: '2026-12-03', year: 2026 };
}

describe('工作台 待办与提醒: grouped, 补录, calm on day one', () => {
  it('groups by kind and period with counts, the most urgent kind first, periods in time order', () => {
    const input = demoInput();
    const groups = groupDueItems(dueItems(runAllRules(input), 2026));
    expect(groups[0].severity).toBe('error');
    expect(groups.find((g) => g.rule === 'meeting.partyGroup.monthly')?.label).toBe('党小组会');
    const single = groups.find((g) => g.periods.length === 1)!;
    expect(single.span).toBe(single.periods[0].label);
    // A year kept without a meeting: 主题党日 missed in 11 months, folded into one kind.
    const emptyYear = groupDueItems(dueItems(runAllRules(keptSince('2026-01-01')), 2026));
    const several = emptyYear.find((g) => g.rule === 'meeting.themeDay.monthly' && g.severity === 'error')!;
    expect(several.count).toBe(11);
    expect(several.span).toBe('2026年1月—2026年11月');
    expect(several.count).toBe(several.periods.reduce((n, p) => n + p.items.length, 0));
    const keys = several.periods.map((p) => p.period);
    expect(keys).toEqual([...keys].sort());

    // Every line is in exactly one group.
    expect(groups.reduce((n, g) => n + g.count, 0)).toBe(dueItems(runAllRules(input), 2026).length);
    // This month's 待办 is apart from the missed months of the same rule.
    const committeeKinds = groups.filter((g) => g.rule === 'meeting.committee.monthly').map((g) => g.severity);
    expect(committeeKinds).toEqual(['error', 'info']);
  });

  it('补录 of a missed month opens the form on that month, titled for it', () => {
    const items = dueItems(runAllRules(keptSince('2026-01-01')), 2026);
    const january = items.find((i) => i.message === '2026年1月未开展主题党日活动（每月至少1次）')!;
    expect(january.link).toEqual({ text: '补录', to: `/meetings/new?type=${encodeURIComponent('主题党日')}&date=2026-01-01` });
    const date = new URLSearchParams(january.link!.to.split('?')[1]).get('date')!;
    expect(defaultMeetingTitle('主题党日', date)).toBe('2026年1月主题党日');
    const firstQuarter = items.find((i) => i.message.startsWith('2026年第一季度未召开支部党员大会'))!;
    expect(firstQuarter.link?.to).toContain('&date=2026-01-01');
    // This month's is still open: a new record of today.
    const december = items.find((i) => i.rule === 'meeting.themeDay.monthly' && i.severity === 'info')!;
    expect(december.link).toEqual({ text: '新建会议记录', to: newMeetingPath('主题党日') });
  });

  it('shows a branch created today nothing to put right', () => {
    const items = dueItems(runAllRules(keptSince(undefined, '2026-12-03T10:00:00+08:00')), 2026);
    expect(items.filter((i) => i.severity !== 'info' && i.rule.startsWith('meeting.'))).toEqual([]);
    expect(groupDueItems(items).every((g) => g.count === 1 || g.severity === 'info')).toBe(true);
  });

  it('says a talk requirement does not apply instead of 0/0（100%）', () => {
    const coverage = talkCoverage(keptSince(undefined));
    const views = coverage.requirements.map((r) => [r.requirement, coverageView(r, coverage)]);
    expect(views).toContainEqual(['committeePairs', { applies: false, text: '未设支部委员会，不适用' }]);
    expect(views.map(([, v]) => JSON.stringify(v)).join()).not.toContain('100%');
    const demo = demoInput();
    const demoCoverage = talkCoverage(demo);
    expect(coverageView(demoCoverage.requirements[0], demoCoverage)).toEqual({ applies: true, text: '已完成 6/10（60%）', percent: 60 });
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

describe('工作台 待办与提醒: 民主评议, 党费 and 学时', () => {
  it('groups their findings by kind like the others, each linking to its page on the year', () => {
    const demo = generateDemoBranch({ today });
    const dues = generateDemoDues(demo, { today });
    const training = generateDemoTraining(demo, { today });
    const input: RuleInput = { ...demoInput(), dues, training, reviews: [] };
    const groups = groupDueItems(dueItems(runAllRules(input), 2026));
    const unpaid = groups.find((g) => g.rule === 'dues.unpaid');
    expect(unpaid).toMatchObject({ label: '党费按月交纳', severity: 'warning', count: 1 });
    expect(unpaid?.periods[0].items[0].link).toEqual({ to: '/dues?year=2026', text: '党费收缴' });
    const hours = groups.find((g) => g.rule === 'training.hours');
    expect(hours).toMatchObject({ label: '学习培训学时', severity: 'info', span: '2026年' });
    expect(hours?.count).toBeGreaterThan(1);
    expect(hours?.periods[0].items.every((i) => i.link?.to === '/training?year=2026' && /学时/.test(i.message))).toBe(true);
  });

  it('links a year of 民主评议 results to /reviews', () => {
    const finding: Finding = { rule: 'review.excellentQuota', severity: 'error', period: '2025', message: '优秀过多', source: '依据', subject: { table: 'reviews', year: 2025 } };
    expect(dueItems([finding], 2026)[0].link).toEqual({ to: '/reviews?year=2025', text: '民主评议结果' });
  });
});
