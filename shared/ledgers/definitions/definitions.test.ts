import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readLedgerFile, type ParsedSheet } from '../index';
import { EMPTY, type CellValue } from '../types';
import type { ImportedAnalysisEntry } from './analyses';
import { parseAnalysisPeriod } from './analyses';
import { formatAbsentee, parseAbsentees, splitNames } from './common';
import { meetingsLedger, type ImportedMeeting } from './meetings';
import { parseProgress, rectificationsLedger, type ImportedRectification } from './rectifications';
import { talksLedger, type ImportedTalk } from './talks';

const TODAY = '2026-03-05';
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/${name}`, import.meta.url)));

async function sheetOf(name: string): Promise<ParsedSheet> {
  const result = await readLedgerFile(name, fixture(name), { today: TODAY });
  expect(result.fileIssues).toEqual([]);
  expect(result.sheets).toHaveLength(1);
  return result.sheets[0];
}

const errorsOf = (sheet: ParsedSheet) => sheet.rows.flatMap((r) => r.issues.filter((i) => i.severity === 'error').map((i) => i.text));
const text = (t: string): CellValue => ({ kind: 'text', text: t });
const byRow = <R>(sheet: ParsedSheet) => new Map(sheet.rows.map((r) => [r.rowNumber, r.record as R]));

describe('三会一课台账.xlsx', () => {
  it('is a meetings ledger with every row a record and no false errors', async () => {
    const sheet = await sheetOf('三会一课台账.xlsx');
    expect(sheet.ledger).toBe('meetings');
    expect(sheet.headerRows).toEqual([3]);
    expect(sheet.rows).toHaveLength(44);
    expect(errorsOf(sheet)).toEqual([]);
    expect(sheet.rows.every((r) => r.record)).toBe(true);
  });

  it('reads types, wall-clock times, absentees with reasons and builds a title', async () => {
    const rows = byRow<ImportedMeeting>(await sheetOf('三会一课台账.xlsx'));
    const first = rows.get(4) as ImportedMeeting;
    expect(first.type).toBe('支部委员会');
    // 2025.1.6 上午: the date as written, a usual time, flagged as not the meeting's own.
    expect(first.startAt.slice(0, 16)).toBe('2025-01-06T09:00');
    expect(first.timeKnown).toBe(false);
    expect(first.absentees).toEqual([{ name: '徐远佳', reason: '病假', state: '请假' }]);
    expect(first.expectedCount).toBe(5);
    expect(first.presentCount).toBe(4);
    expect(first.title).toBe('2025年1月支部委员会会议：开展警示教育');
    expect(first.titleGenerated).toBe(true);
    expect(first.resolutions).toEqual(['一致同意上报年度工作计划']);
    const second = rows.get(5) as ImportedMeeting;
    // A date cell with its time: stored as the same wall-clock time, with an offset (like the meeting form).
    expect(second.startAt).toMatch(/^2025-01-19T14:00:00[+-]\d{2}:\d{2}$/);
    expect(second.timeKnown).toBe(true);
    expect((rows.get(6) as ImportedMeeting).absentees).toEqual([]); // 无
  });
});

describe('谈心谈话记录.xlsx', () => {
  it('is a talks ledger with 20 records, the forms mapped, and a warning where 谈话人 talks to himself', async () => {
    const sheet = await sheetOf('谈心谈话记录.xlsx');
    expect(sheet.ledger).toBe('talks');
    expect(sheet.headerRows).toEqual([3]);
    expect(sheet.rows).toHaveLength(20);
    expect(errorsOf(sheet)).toEqual([]);
    const rows = byRow<ImportedTalk>(sheet);
    expect(rows.get(8)).toMatchObject({ date: '2025-04-09', talkerName: '廖鹏英', talkeeNames: ['廖鹏英'], form: '个别', kind: '交流谈话' });
    // 集体谈话 with one 谈话对象 is an individual talk for the app (集中 needs several), with a warning.
    expect(rows.get(10)).toMatchObject({ date: '2025-03-14', talkerName: '薛娟瑞', talkeeNames: ['付国琳'], form: '个别' });
    expect(sheet.rows.find((r) => r.rowNumber === 10)?.issues.map((i) => i.message)).toEqual(['谈话形式为集体谈话，但谈话对象只有1人，按个别谈话导入']);
    expect(rows.get(13)?.date).toBe('2025-08-18');
    const warned = sheet.rows.filter((r) => r.issues.some((i) => i.message.includes('也是谈话对象'))).map((r) => r.rowNumber);
    expect(warned).toEqual([4, 5, 6, 7, 8]);
  });
});

describe('整改台账.xlsx', () => {
  it('is a rectifications ledger with sources by alias and a status derived from 是否销号 and 进展', async () => {
    const sheet = await sheetOf('整改台账.xlsx');
    expect(sheet.ledger).toBe('rectifications');
    expect(sheet.rows).toHaveLength(13);
    expect(errorsOf(sheet)).toEqual([]);
    const rows = byRow<ImportedRectification>(sheet);
    expect(rows.get(4)).toMatchObject({ source: '组织生活会', category: '组织建设', status: '已完成待验收', deadline: '2025-06-28' });
    expect(rows.get(5)).toMatchObject({ source: '主题教育检视', status: '已销号' });
    expect(rows.get(6)).toMatchObject({ source: '巡视巡察', status: '整改中', progressText: '正在推进，已完成方案制定' });
    expect(rows.get(7)?.source).toBe('上级检查反馈');
    expect(rows.get(9)?.status).toBe('未启动');
    expect(rows.get(16)).toMatchObject({ status: '长期坚持', deadline: '2099-12-31' });
  });
});

describe('党员思想动态分析.xlsx', () => {
  it('is an analyses ledger: 24 entries of 2025年第二季度', async () => {
    const sheet = await sheetOf('党员思想动态分析.xlsx');
    expect(sheet.ledger).toBe('analyses');
    expect(sheet.rows).toHaveLength(24);
    expect(errorsOf(sheet)).toEqual([]);
    const rows = byRow<ImportedAnalysisEntry>(sheet);
    expect(rows.get(6)).toMatchObject({
      memberName: '薛娟瑞',
      periodKind: '季度',
      periodStart: '2025-04-01',
      periodEnd: '2025-06-30',
      state: '稳定',
      performance: '一般',
      problems: '学习主动性有待加强',
    });
    expect(new Set(sheet.rows.map((r) => (r.record as ImportedAnalysisEntry).periodLabel))).toEqual(new Set(['2025年第二季度']));
  });
});

describe('people as names', () => {
  it('splits 谈话对象 on 、，, and spaces, and reads 无 as nobody', () => {
    expect(splitNames('张三、李四，王五,赵六 钱七')).toEqual(['张三', '李四', '王五', '赵六', '钱七']);
    expect(splitNames('无')).toEqual([]);
  });

  it('reads 缺席人员及原因: a reason is 请假, none or 缺席 is 缺席, separators inside brackets do not split', () => {
    expect(parseAbsentees('张三（出差）、李四(病假)，王五、赵六（缺席）、孙七（事假，已报备）').absentees).toEqual([
      { name: '张三', reason: '出差', state: '请假' },
      { name: '李四', reason: '病假', state: '请假' },
      { name: '王五', state: '缺席' },
      { name: '赵六', state: '缺席' },
      { name: '孙七', reason: '事假，已报备', state: '请假' },
    ]);
  });
});

describe('缺席 or 请假', () => {
  it('reads 缺席/无故缺席/未参加 as 缺席 (keeping what was said), leave words and other reasons as 请假', () => {
    expect(parseAbsentees('甲（无故缺席）、乙(未参加)、丙（缺席：联系不上）、丁（未请假，未到会）、戊（旷会）').absentees).toEqual([
      { name: '甲', reason: '无故缺席', state: '缺席' },
      { name: '乙', reason: '未参加', state: '缺席' },
      { name: '丙', reason: '联系不上', state: '缺席' },
      { name: '丁', reason: '未请假，未到会', state: '缺席' },
      { name: '戊', reason: '旷会', state: '缺席' },
    ]);
    expect(parseAbsentees('甲（请假）、乙（请假：出差）、丙（公差）、丁（病假，缺席上午会议）、戊：事假、己（请假：参加培训（三天））').absentees).toEqual([
      { name: '甲', state: '请假' },
      { name: '乙', reason: '出差', state: '请假' },
      { name: '丙', reason: '公差', state: '请假' },
      { name: '丁', reason: '病假，缺席上午会议', state: '请假' },
      { name: '戊', reason: '事假', state: '请假' },
      { name: '己', reason: '参加培训（三天）', state: '请假' },
    ]);
  });

  it('formatAbsentee writes what parseAbsentees reads back: the same state and reason', () => {
    const cases: { state: '请假' | '缺席'; reason?: string }[] = [
      { state: '请假' },
      { state: '缺席' },
      { state: '请假', reason: '出差' },
      { state: '请假', reason: '参加上级培训' },
      { state: '请假', reason: '无故缺席' },
      { state: '请假', reason: '缺席：另有安排' },
      { state: '请假', reason: '家中有事（已报备）' },
      { state: '缺席', reason: '联系不上' },
      { state: '缺席', reason: '无故缺席' },
      { state: '缺席', reason: '病假' },
    ];
    const cell = cases.map((c, i) => formatAbsentee(`党员${i}`, c.state, c.reason)).join('、');
    expect(cell.startsWith('党员0（请假）、党员1（缺席）、党员2（出差）')).toBe(true);
    expect(parseAbsentees(cell)).toEqual({
      absentees: cases.map((c, i) => (c.reason ? { name: `党员${i}`, reason: c.reason, state: c.state } : { name: `党员${i}`, state: c.state })),
      unreadable: [],
    });
  });
});

describe('整改进展 as dated lines', () => {
  it('splits lines that start with a date; undated lines continue the entry above or form one undated entry', () => {
    expect(parseProgress('已成立整改小组\n明确分工\n2025年3月1日：制定方案\n2025-04-02 完成自查\n形成报告\n２０２５．５．１０、召开会议').entries).toEqual([
      { text: '已成立整改小组\n明确分工' },
      { date: '2025-03-01', text: '制定方案' },
      { date: '2025-04-02', text: '完成自查\n形成报告' },
      { date: '2025-05-10', text: '召开会议' },
    ]);
    expect(parseProgress('2025年2月30日：制定方案')).toEqual({ entries: [{ text: '2025年2月30日：制定方案' }], invalid: ['2025年2月30日'] });
    expect(parseProgress('2025年3月：制定方案').entries).toEqual([{ text: '2025年3月：制定方案' }]);
    expect(parseProgress(undefined).entries).toEqual([]);
  });

  it('the record carries the entries, and a date that does not exist is a warning on 整改进展', () => {
    const result = rectificationsLedger.toRecord?.(
      { source: '自查', problem: '学习不深入', progress: '2025年3月1日：制定方案\n2025年2月30日：召开会议' },
      { today: TODAY },
    );
    expect(result?.record?.progressEntries).toEqual([{ date: '2025-03-01', text: '制定方案\n2025年2月30日：召开会议' }]);
    expect(result?.issues).toContainEqual({ field: 'progress', severity: 'warning', message: '整改进展中的日期“2025年2月30日”不存在，这一行按文字导入' });
  });
});

describe('analysis periods', () => {
  it.each([
    ['2025年第一季度', '季度', '2025-01-01', '2025-03-31'],
    ['2025年二季度', '季度', '2025-04-01', '2025-06-30'],
    ['2025年上半年', '半年', '2025-01-01', '2025-06-30'],
    ['2025年度', '年度', '2025-01-01', '2025-12-31'],
    ['2025.1-2025.3', '季度', '2025-01-01', '2025-03-31'],
    ['2025年7月至12月', '半年', '2025-07-01', '2025-12-31'],
    ['2025.2-2025.4', '专题', '2025-02-01', '2025-04-30'],
  ])('%s → %s %s…%s', (raw, kind, start, end) => {
    const result = parseAnalysisPeriod(raw);
    expect(result).toMatchObject({ ok: true, value: { kind, start, end } });
  });

  it('says what it cannot read', () => {
    const result = parseAnalysisPeriod('最近');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain('看不懂分析时段“最近”');
  });
});

describe('record checks per field', () => {
  const parse = <F extends string>(def: { columns: readonly { field: F; parse: (c: CellValue) => unknown }[] }, cells: Partial<Record<F, CellValue>>) => {
    const values: Partial<Record<F, unknown>> = {};
    for (const c of def.columns) {
      const r = c.parse(cells[c.field] ?? EMPTY) as { ok: boolean; value?: unknown };
      if (r.ok && r.value !== undefined) values[c.field] = r.value;
    }
    return values;
  };

  it('meetings: type aliases, a missing time is an error on 会议时间, an unknown type a warning', () => {
    const ok = meetingsLedger.toRecord?.(parse(meetingsLedger, { type: text('支委会'), startAt: text('2025-03-05 14:30') }), { today: TODAY });
    expect(ok?.record).toMatchObject({ type: '支部委员会', title: '2025年3月支部委员会会议' });
    const missing = meetingsLedger.toRecord?.(parse(meetingsLedger, { type: text('党员大会') }), { today: TODAY });
    expect(missing?.record).toBeUndefined();
    expect(missing?.issues).toContainEqual({ field: 'startAt', severity: 'error', message: '缺少会议时间' });
    expect(meetingsLedger.columns.find((c) => c.field === 'type')?.parse(text('读书会'))).toMatchObject({ ok: true, value: '读书会', warning: expect.stringContaining('不是内置的会议类型') });
    const tooMany = meetingsLedger.toRecord?.(
      parse(meetingsLedger, { type: text('小组会'), startAt: text('2025-03-05'), expected: text('5'), present: text('6') }),
      { today: TODAY },
    );
    // Counts that do not add up are kept as written and flagged: the date identifies the meeting.
    expect(tooMany?.record).toMatchObject({ expectedCount: 5, presentCount: 6 });
    expect(tooMany?.issues).toContainEqual({ field: 'present', severity: 'warning', message: '实到6人多于应到5人，请核对' });
  });

  it('meetings: without a 会议类型 the type comes from the name, and only the date identifies the row', () => {
    const themed = meetingsLedger.toRecord?.(
      parse(meetingsLedger, { title: text('3月主题党日活动'), startAt: text('2019/2/3  14:30'), expected: text('24'), present: text('23'), onLeave: text('1') }),
      { today: TODAY },
    );
    expect(themed?.record).toMatchObject({ type: '主题党日', startAt: expect.stringMatching(/^2019-02-03T14:30/), expectedCount: 24, presentCount: 23, onLeaveCount: 1 });
    expect(themed?.issues).toContainEqual({ field: 'type', severity: 'warning', message: '会议类型按名称“3月主题党日活动”定为主题党日' });
    const congress = meetingsLedger.toRecord?.(parse(meetingsLedger, { title: text('支部党员大会'), startAt: text('2025-03-05') }), { today: TODAY });
    expect(congress?.record).toMatchObject({ type: '支部党员大会' });
    const unknown = meetingsLedger.toRecord?.(parse(meetingsLedger, { title: text('读书分享'), startAt: text('2025-03-05') }), { today: TODAY });
    expect(unknown?.record).toBeUndefined();
    expect(unknown?.issues[0]).toMatchObject({ field: 'type', severity: 'error', message: expect.stringContaining('为本表统一设置会议类型') });
  });

  it('talks: several 谈话人 is an error, several 谈话对象 make a 集中 talk', () => {
    const two = talksLedger.toRecord?.(parse(talksLedger, { date: text('2025-03-05'), talker: text('张三、李四'), talkees: text('王五') }), { today: TODAY });
    expect(two?.issues[0]).toMatchObject({ field: 'talker', severity: 'error' });
    const group = talksLedger.toRecord?.(parse(talksLedger, { date: text('2025-03-05'), talker: text('张三'), talkees: text('王五 赵六'), kind: text('提醒') }), { today: TODAY });
    expect(group?.record).toMatchObject({ form: '集中', kind: '提醒谈话', talkeeNames: ['王五', '赵六'] });
  });

  it('rectifications: an unknown source is a cell error naming the value; no category is 其他 with a warning', () => {
    const source = rectificationsLedger.columns.find((c) => c.field === 'source')?.parse(text('群众来信'));
    expect(source).toMatchObject({ ok: false, message: expect.stringContaining('“群众来信”不是有效的问题来源') });
    const r = rectificationsLedger.toRecord?.(parse(rectificationsLedger, { source: text('自查自纠'), problem: text('学习不深入') }), { today: TODAY });
    expect(r?.record).toMatchObject({ source: '自查', category: '其他', status: '未启动' });
    expect(r?.issues).toContainEqual({ field: 'category', severity: 'warning', message: '没有问题类别，按“其他”导入' });
  });
});
