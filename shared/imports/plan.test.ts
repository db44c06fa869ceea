import { describe, expect, it } from 'vitest';
import type { ParsedRow } from '../ledgers/parseSheet';
import type { ImportedAnalysisEntry } from '../ledgers/definitions/analyses';
import type { ImportedMeeting } from '../ledgers/definitions/meetings';
import type { ImportedMember } from '../ledgers/definitions/members';
import { parseProgress, type ImportedRectification } from '../ledgers/definitions/rectifications';
import type { ImportedTalk } from '../ledgers/definitions/talks';
import type { Analysis, Attendance, Branch, Meeting, Member, Rectification, Talk } from '../model';
import { countPlan, planLedgerImport, resolveConflict, type ImportContext, type PlannedRow } from './plan';
import { emptyLedgerRecords } from '../model/kinds';

const TODAY = '2026-11-27';
const META = { createdAt: '2026-01-01T09:00:00+08:00', updatedAt: '2026-01-01T09:00:00+08:00' };

function branch(id: string, name: string, extra: Partial<Branch> = {}): Branch {
  return {
    id,
    name,
    category: '党政机关',
    committee: { termYears: 3, members: [] },
    partyGroups: [],
    isDemo: false,
    ...META,
    ...extra,
  };
}

function member(id: string, name: string, extra: Partial<Member> = {}): Member {
  return {
    id,
    branchId: 'b1',
    name,
    gender: '男',
    ethnicity: '汉族',
    birthDate: '1985-06-15',
    joinedOn: '2010-07-01',
    category: '正式党员',
    status: '正常',
    partyPost: '党员',
    ...META,
    ...extra,
  } as Member;
}

const MEMBERS = [
  member('m1', '张三', { partyGroupId: 'g1' }),
  member('m2', '李四', { partyGroupId: 'g1' }),
  member('m3', '王五', { partyGroupId: 'g2' }),
  member('m4', '赵 六', { partyGroupId: 'g2' }),
  member('m5', '孙七', { partyGroupId: 'g1' }),
];
const B1 = branch('b1', '中共测试局机关第一支部委员会', {
  committee: { termYears: 3, members: [{ memberId: 'm1', role: '书记' }, { memberId: 'm2', role: '组织委员' }] },
  partyGroups: [{ id: 'g1', name: '第一党小组', leaderId: 'm1' }, { id: 'g2', name: '第二党小组', leaderId: 'm3' }],
});

function context(extra: Partial<ImportContext> = {}): ImportContext {
  return { branchId: 'b1', branches: [B1], ...emptyLedgerRecords(), members: MEMBERS, today: TODAY, ...extra };
}

function row<R>(rowNumber: number, record?: R): ParsedRow<R> {
  return { rowNumber, values: {}, record, issues: [] };
}

/** The record as the commit would store it. */
function stored<T>(plan: PlannedRow, id: string): T {
  return { ...(plan.after as object), id, ...META } as T;
}

function meetingRow(n: number, extra: Partial<ImportedMeeting> = {}): ParsedRow<ImportedMeeting> {
  return row(n, {
    type: '支部党员大会',
    title: '2025年3月支部党员大会',
    titleGenerated: true,
    startAt: '2025-03-05T14:30:00+08:00',
    timeKnown: true,
    absentees: [],
    topics: ['学习条例'],
    resolutions: [],
    ...extra,
  });
}

describe('meetings', () => {
  // Issue 10: attendance is never filled from the roster (today's roster is not who was expected at the meeting).
  it('a meeting given as counts keeps them as its headcount; named absentees stay in its content as written', () => {
    const [plan] = planLedgerImport(
      'meetings',
      [meetingRow(4, { expectedCount: 5, presentCount: 4, absentees: [{ name: '王五', reason: '出差', state: '请假' }], hostName: '张三', recorderName: '李 四' })],
      context(),
    );
    expect(plan.action).toBe('新增');
    const after = plan.after as Meeting;
    expect(after.branchId).toBe('b1');
    expect(after.hostId).toBe('m1');
    expect(after.recorderId).toBe('m2');
    expect(after.attendance).toEqual([]);
    expect(after.headcount).toEqual({ expected: 5, present: 4, onLeave: 1 });
    expect(after.content).toBe('缺席人员：王五（出差）');
    expect(plan.reason).toContain('出席人数按文件导入（应到5人，实到4人，请假1人）；出席名单未导入');
  });

  it('keeps the counts as written, whatever the roster holds, and leaves an unknown 主持人 out with a note', () => {
    const [plan] = planLedgerImport('meetings', [meetingRow(4, { expectedCount: 24, presentCount: 24, onLeaveCount: 0, hostName: '钱八' })], context());
    expect((plan.after as Meeting).hostId).toBeUndefined();
    expect((plan.after as Meeting).headcount).toEqual({ expected: 24, present: 24, onLeave: 0 });
    expect((plan.after as Meeting).attendance).toEqual([]);
    expect(plan.reason).toContain('主持人“钱八”不在本支部花名册中');
    // One count alone is no headcount: nothing is made up for the other.
    const [half] = planLedgerImport('meetings', [meetingRow(4, { presentCount: 20 })], context());
    expect(half.after).not.toHaveProperty('headcount');
    expect(half.reason).toContain('出席名单未导入');
  });

  it('infers a 党小组会 group from its host; a 支委会 given as counts has no list made from the committee', () => {
    const [committee, group] = planLedgerImport(
      'meetings',
      [
        meetingRow(4, { type: '支部委员会', expectedCount: 2, presentCount: 2 }),
        meetingRow(5, { type: '党小组会', hostName: '王五', expectedCount: 2, presentCount: 1, absentees: [{ name: '赵六', state: '缺席' }] }),
      ],
      context(),
    );
    expect((committee.after as Meeting).attendance).toEqual([]);
    expect((committee.after as Meeting).headcount).toEqual({ expected: 2, present: 2 });
    const g = group.after as Meeting;
    expect(g.partyGroupId).toBe('g2');
    expect(g.headcount).toEqual({ expected: 2, present: 1, absent: 1 });
  });

  it('two rows of one day are two meetings when their times differ; a date-only row and a timed one too', () => {
    const plans = planLedgerImport(
      'meetings',
      [meetingRow(4), meetingRow(5, { startAt: '2025-03-05T09:00:00+08:00', timeKnown: false }), meetingRow(6, { startAt: '2025-03-05T16:00:00+08:00' })],
      context(),
    );
    expect(plans.map((p) => p.action)).toEqual(['新增', '新增', '新增']);
  });

  it('keys on type and start to the minute: same → 跳过, a changed field → 更新 with Chinese labels', () => {
    const first = planLedgerImport('meetings', [meetingRow(4, { location: '第二会议室' })], context())[0];
    const existing = stored<Meeting>(first, 'mt1');
    const [same] = planLedgerImport('meetings', [meetingRow(4, { location: '第二会议室' })], context({ meetings: [existing] }));
    expect(same.action).toBe('跳过');
    expect(same.recordId).toBe('mt1');
    const [moved] = planLedgerImport('meetings', [meetingRow(4, { location: '三楼活动室' })], context({ meetings: [existing] }));
    expect(moved.action).toBe('更新');
    expect(moved.changes).toEqual([{ field: 'location', label: '地点', before: '第二会议室', after: '三楼活动室' }]);
    expect(moved.storedBefore).toBe(existing);
    const [otherTime] = planLedgerImport('meetings', [meetingRow(4, { startAt: '2025-03-05T09:00:00+08:00' })], context({ meetings: [existing] }));
    expect(otherTime.action).toBe('新增');
    const [otherType] = planLedgerImport('meetings', [meetingRow(4, { type: '党课' })], context({ meetings: [existing] }));
    expect(otherType.action).toBe('新增');
    // The file holds the wall clock only: read on a computer in another zone, the same minute is no change.
    const [otherZone] = planLedgerImport('meetings', [meetingRow(4, { location: '第二会议室', startAt: '2025-03-05T14:30:00+00:00' })], context({ meetings: [existing] }));
    expect(otherZone.action).toBe('跳过');
  });

  it('matches a date-only row with the meeting of that day, keeping its stored time and title', () => {
    const existing = { ...stored<Meeting>(planLedgerImport('meetings', [meetingRow(4)], context())[0], 'mt1'), title: '三月党员大会' };
    const [plan] = planLedgerImport(
      'meetings',
      [meetingRow(7, { startAt: '2025-03-05T09:00:00+08:00', timeKnown: false, content: '传达文件' })],
      context({ meetings: [existing] }),
    );
    expect(plan.action).toBe('更新');
    expect(plan.changes?.map((c) => c.label)).toEqual(['会议内容']);
    expect((plan.after as Meeting).startAt).toBe('2025-03-05T14:30:00+08:00');
    expect((plan.after as Meeting).title).toBe('三月党员大会');
  });

  it('a second row with the same key is 冲突 naming the first; several matches offer candidates to resolve', () => {
    const plans = planLedgerImport('meetings', [meetingRow(4), meetingRow(9)], context());
    expect(plans[1]).toMatchObject({ action: '冲突', duplicateOf: 4 });
    expect(plans[1].reason).toContain('与文件第4行是同一次会议');

    const base = planLedgerImport('meetings', [meetingRow(4)], context())[0];
    const a = { ...stored<Meeting>(base, 'mtA'), startAt: '2025-03-05T09:00:00+08:00' };
    const b = { ...stored<Meeting>(base, 'mtB'), startAt: '2025-03-05T15:00:00+08:00', location: '礼堂' };
    const ctx = context({ meetings: [a, b] });
    const [conflict] = planLedgerImport('meetings', [meetingRow(4, { timeKnown: false, content: '传达文件' })], ctx);
    expect(conflict.action).toBe('冲突');
    expect(conflict.candidates?.map((c) => c.id)).toEqual(['mtA', 'mtB']);
    const chosen = resolveConflict(conflict, 'mtB', ctx);
    expect(chosen).toMatchObject({ action: '更新', recordId: 'mtB', rowNumber: 4 });
    expect((chosen.after as Meeting).startAt).toBe('2025-03-05T15:00:00+08:00');
    const added = resolveConflict(conflict, 'new', ctx);
    expect(added.action).toBe('新增');
    expect(added.recordId).toBeUndefined();
    expect(resolveConflict(conflict, 'skip', ctx).action).toBe('跳过');
    expect(() => resolveConflict(conflict, 'nope', ctx)).toThrow('所选记录不在可选范围内');
  });

  it('blocks rows with errors', () => {
    const plans = planLedgerImport('meetings', [row(4)], context());
    expect(plans[0]).toMatchObject({ blocked: true });
    expect(countPlan(plans)).toEqual({ 新增: 0, 更新: 0, 跳过: 0, 冲突: 0, 有错误: 1 });
  });
});

function talkRow(n: number, extra: Partial<ImportedTalk> = {}): ParsedRow<ImportedTalk> {
  return row(n, { date: '2025-04-09', talkerName: '张三', talkeeNames: ['王五'], kind: '交流谈话', form: '个别', content: '谈工作', ...extra });
}

describe('talks', () => {
  it('resolves 谈话人 and 谈话对象 (several; spaces in names ignored) and keys on date + people', () => {
    const [plan] = planLedgerImport('talks', [talkRow(4, { talkeeNames: ['王五', '赵六'], form: '集中' })], context());
    expect(plan.action).toBe('新增');
    expect(plan.after).toMatchObject({ branchId: 'b1', talkerId: 'm1', intervieweeIds: ['m3', 'm4'], form: '集中' });
    const existing = stored<Talk>(plan, 't1');
    const ctx = context({ talks: [existing] });
    expect(planLedgerImport('talks', [talkRow(4, { talkeeNames: ['赵六', '王五'], form: '集中' })], ctx)[0].action).toBe('跳过');
    const [changed] = planLedgerImport('talks', [talkRow(4, { talkeeNames: ['赵六', '王五'], form: '集中', content: '谈学习' })], ctx);
    expect(changed).toMatchObject({ action: '更新', recordId: 't1' });
    expect(changed.changes).toEqual([{ field: 'content', label: '谈话内容', before: '谈工作', after: '谈学习' }]);
    expect(planLedgerImport('talks', [talkRow(4, { date: '2025-04-10' })], ctx)[0].action).toBe('新增');
  });

  it('makes a row naming someone not on the roster 冲突 and blocked, naming the person', () => {
    const [plan] = planLedgerImport('talks', [talkRow(4, { talkeeNames: ['王五', '周九'] })], context());
    expect(plan).toMatchObject({ action: '冲突', blocked: true });
    expect(plan.reason).toBe('谈话对象“周九”不在本支部花名册中，请先在花名册中添加或核对姓名');
    const twins = [...MEMBERS, member('m9', '张三')];
    expect(planLedgerImport('talks', [talkRow(4)], context({ members: twins }))[0].reason).toContain('有2名党员叫“张三”');
  });

  it('a repeated talk in the file is 冲突 naming the first row', () => {
    const plans = planLedgerImport('talks', [talkRow(4), talkRow(5, { content: '又谈' })], context());
    expect(plans[1]).toMatchObject({ action: '冲突', blocked: false, reason: '与文件第4行是同一次谈话（日期、谈话人和谈话对象相同）' });
  });
});

function entryRow(n: number, name: string, extra: Partial<ImportedAnalysisEntry> = {}): ParsedRow<ImportedAnalysisEntry> {
  return row(n, {
    memberName: name,
    periodKind: '季度',
    periodStart: '2025-04-01',
    periodEnd: '2025-06-30',
    periodLabel: '2025年第二季度',
    state: '稳定',
    performance: '良好',
    ...extra,
  });
}

describe('analyses', () => {
  it('rows of a new period are entries of one Analysis to create', () => {
    const plans = planLedgerImport('analyses', [entryRow(4, '张三'), entryRow(5, '李四')], context());
    expect(plans.map((p) => [p.action, p.recordId, (p.after as { memberId: string }).memberId])).toEqual([
      ['新增', undefined, 'm1'],
      ['新增', undefined, 'm2'],
    ]);
    expect(plans[0].period).toEqual({ kind: '季度', start: '2025-04-01', end: '2025-06-30', label: '2025年第二季度' });
    expect(plans[0].reason).toContain('新建2025年第二季度思想动态分析');
  });

  it('keys on member + period: same entry → 跳过, changed → 更新 of the entry, new member → 新增 into that Analysis', () => {
    const analysis = {
      id: 'a1',
      branchId: 'b1',
      periodKind: '季度',
      periodStart: '2025-04-01',
      periodEnd: '2025-06-30',
      methods: [],
      entries: [{ memberId: 'm1', state: '稳定', performance: '良好' }, { memberId: 'm3', state: '较稳定' }],
      talkIds: [],
      rectificationIds: [],
      ...META,
    } as Analysis;
    const plans = planLedgerImport(
      'analyses',
      [entryRow(4, '张三'), entryRow(5, '王五', { state: '需关注' }), entryRow(6, '李四'), entryRow(7, '张三', { periodStart: '2025-07-01', periodEnd: '2025-09-30', periodLabel: '2025年第三季度' })],
      context({ analyses: [analysis] }),
    );
    expect(plans.map((p) => [p.action, p.recordId])).toEqual([
      ['跳过', 'a1'],
      ['更新', 'a1'],
      ['新增', 'a1'],
      ['新增', undefined],
    ]);
    expect(plans[1].changes).toEqual([
      { field: 'state', label: '思想状况', before: '较稳定', after: '需关注' },
      { field: 'performance', label: '工作表现', before: undefined, after: '良好' },
    ]);
    expect(plans[1].storedBefore).toBe(analysis);
  });

  it('blocks an unknown member and makes a repeated member+period 冲突', () => {
    const plans = planLedgerImport('analyses', [entryRow(4, '周九'), entryRow(5, '张三'), entryRow(6, '张 三')], context());
    expect(plans[0]).toMatchObject({ action: '冲突', blocked: true, reason: expect.stringContaining('党员“周九”不在本支部花名册中') });
    expect(plans[2]).toMatchObject({ action: '冲突', blocked: false, duplicateOf: 5 });
    expect(resolveConflict(plans[2], 'new', context()).action).toBe('冲突');
    expect(resolveConflict(plans[2], 'skip', context()).action).toBe('跳过');
  });
});

function taskRow(n: number, extra: Partial<ImportedRectification> = {}): ParsedRow<ImportedRectification> {
  const progressText = 'progressText' in extra ? extra.progressText : '已制定方案';
  return row(n, {
    source: '组织生活会',
    category: '组织建设',
    problem: '“三会一课”记录不规范',
    status: '整改中',
    ...extra,
    progressText,
    progressEntries: parseProgress(progressText).entries,
  });
}

describe('rectifications', () => {
  it('keys on the normalised problem and its source; progress becomes a dated line once', () => {
    const [plan] = planLedgerImport('rectifications', [taskRow(4)], context());
    expect(plan.action).toBe('新增');
    expect((plan.after as Rectification).progress).toEqual([{ date: TODAY, text: '已制定方案' }]);
    const existing = { ...stored<Rectification>(plan, 'r1'), progress: [{ date: '2025-05-01', text: '已制定方案' }] };
    const ctx = context({ rectifications: [existing] });
    // Full-width, spaces and punctuation do not make another problem.
    expect(planLedgerImport('rectifications', [taskRow(4, { problem: '三会一课 记录不规范。' })], ctx)[0]).toMatchObject({ action: '跳过', recordId: 'r1' });
    expect(planLedgerImport('rectifications', [taskRow(4, { source: '自查' })], ctx)[0].action).toBe('新增');
    const [progressed] = planLedgerImport('rectifications', [taskRow(4, { progressText: '已整改到位', status: '已完成待验收' })], ctx);
    expect(progressed.action).toBe('更新');
    expect(progressed.changes?.map((c) => c.label)).toEqual(['整改进展', '状态']);
    expect((progressed.after as Rectification).progress).toEqual([
      { date: '2025-05-01', text: '已制定方案' },
      { date: TODAY, text: '已整改到位' },
    ]);
  });

  it('a repeated problem in the file is 冲突 naming the first row, and may be added anyway', () => {
    const plans = planLedgerImport('rectifications', [taskRow(4), taskRow(12, { problem: '三会一课记录不规范' })], context());
    expect(plans[1]).toMatchObject({ action: '冲突', reason: '与文件第4行是同一问题（问题来源和存在问题相同）', candidates: [] });
    expect(resolveConflict(plans[1], 'new', context())).toMatchObject({ action: '新增', rowNumber: 12, duplicateOf: 4 });
  });
});

function memberRow(n: number, extra: Partial<ImportedMember> = {}): ParsedRow<ImportedMember> {
  return row(n, {
    name: '吴十',
    gender: '女',
    ethnicity: '汉族',
    birthDate: '1990-01-01',
    joinedOn: '2015-07-01',
    category: '正式党员',
    status: '正常',
    partyPost: '党员',
    ...extra,
  });
}

describe('members', () => {
  const B2 = branch('b2', '中共测试局机关第二支部委员会');

  it('sends rows to the branch named in 所在党支部, an existing one by its normalised name or one to create', () => {
    const plans = planLedgerImport(
      'members',
      [
        memberRow(4),
        memberRow(5, { name: '郑一', branchName: '测试局机关第二党支部' }),
        memberRow(6, { name: '冯二', branchName: '测试局机关第三党支部' }),
        memberRow(7, { name: '陈三', branchName: '测试局机关第三支部' }),
        memberRow(8, { name: '张三', gender: '男', birthDate: '1985-06-15', joinedOn: '2010-07-01', branchName: '中共测试局机关第一支部委员会', jobTitle: '科长' }),
      ],
      context({ branches: [B1, B2] }),
    );
    expect(plans.map((p) => [p.rowNumber, p.action, p.target])).toEqual([
      [4, '新增', { branchId: 'b1' }],
      [5, '新增', { branchId: 'b2' }],
      [6, '新增', { newBranchName: '测试局机关第三党支部' }],
      [7, '新增', { newBranchName: '测试局机关第三党支部' }],
      [8, '更新', { branchId: 'b1' }],
    ]);
    expect(plans[1].reason).toContain('导入到“中共测试局机关第二支部委员会”');
    expect(plans[2].reason).toContain('将新建党支部“测试局机关第三党支部”');
    expect(plans[4]).toMatchObject({ recordId: 'm1', changes: [{ field: 'jobTitle', label: '工作岗位', before: undefined, after: '科长' }] });
    expect(plans[4].after).toMatchObject({ id: 'm1', branchId: 'b1', jobTitle: '科长', partyGroupId: 'g1' });
  });

  it('keys members within their target branch: the same person in another branch is new there', () => {
    const [plan] = planLedgerImport('members', [memberRow(4, { name: '张三', birthDate: '1985-06-15', branchName: '测试局机关第二党支部' })], context({ branches: [B1, B2] }));
    expect(plan).toMatchObject({ action: '新增', target: { branchId: 'b2' } });
  });

  it('offers the members a row matches as candidates and resolves to one of them', () => {
    const twins = [...MEMBERS, member('m9', '张三')];
    const ctx = context({ members: twins });
    const [conflict] = planLedgerImport('members', [memberRow(4, { name: '张三', gender: '男', birthDate: '1985-06-15', joinedOn: '2010-07-01', phone: '13800000000' })], ctx);
    expect(conflict.action).toBe('冲突');
    expect(conflict.candidates?.map((c) => c.id)).toEqual(['m1', 'm9']);
    const chosen = resolveConflict(conflict, 'm9', ctx);
    expect(chosen).toMatchObject({ action: '更新', recordId: 'm9' });
    expect(chosen.changes?.map((c) => c.field)).toEqual(['phone']);
    expect(resolveConflict(conflict, 'new', ctx)).toMatchObject({ action: '新增', target: { branchId: 'b1' } });
  });
});

describe('what an export reads back as is no change', () => {
  it('free text keeps its stored punctuation: the same words with other widths or spaces are 跳过', () => {
    const first = planLedgerImport('meetings', [meetingRow(4, { title: '3月主题党日：学习条例（一）', titleGenerated: false, content: '传达文件； 开展讨论' })], context())[0];
    const existing = stored<Meeting>(first, 'mt1');
    // The reader makes ： half-width (shared/ledgers/normalize.ts); a secretary may add spaces.
    const read = meetingRow(4, { title: '3月主题党日:学习条例（一）', titleGenerated: false, content: '传达文件；  开展讨论 ', topics: ['学习条例 '] });
    const [same] = planLedgerImport('meetings', [read], context({ meetings: [existing] }));
    expect(same).toMatchObject({ action: '跳过', recordId: 'mt1' });
    // Another field changed: the update keeps the stored title as typed.
    const [moved] = planLedgerImport('meetings', [{ ...read, record: { ...read.record, location: '礼堂' } }], context({ meetings: [existing] }));
    expect(moved.action).toBe('更新');
    expect(moved.changes?.map((c) => c.field)).toEqual(['location']);
    expect((moved.after as Meeting).title).toBe('3月主题党日：学习条例（一）');
    // A real change of wording is one.
    const [renamed] = planLedgerImport('meetings', [meetingRow(4, { title: '3月主题党日：学习党章', titleGenerated: false })], context({ meetings: [existing] }));
    expect(renamed.changes?.map((c) => [c.field, c.after])).toEqual([['title', '3月主题党日：学习党章']]);

    const talk = stored<Talk>(planLedgerImport('talks', [talkRow(4, { content: '谈工作：要求（一）' })], context())[0], 't1');
    expect(planLedgerImport('talks', [talkRow(4, { content: '谈工作:要求（一）' })], context({ talks: [talk] }))[0].action).toBe('跳过');
    const task = stored<Rectification>(planLedgerImport('rectifications', [taskRow(4, { measures: '每月检查：记录本' })], context())[0], 'r1');
    expect(planLedgerImport('rectifications', [taskRow(4, { measures: '每月检查:记录本' })], context({ rectifications: [task] }))[0].action).toBe('跳过');
  });

  /** A stored meeting with a full attendance list (entered in the app), absentees as given. */
  function withList(plan: PlannedRow, id: string, absent: Attendance[]): Meeting {
    const ids = ['m2', 'm5', 'm3', 'm1', 'm4']; // pinyin: 李 孙 王 张 赵
    const attendance = ids.map((memberId) => absent.find((a) => a.memberId === memberId) ?? { memberId, state: '出席' as const });
    const { headcount: _h, ...rest } = stored<Meeting>(plan, id);
    return { ...rest, content: undefined, attendance };
  }

  it('attendance is a set keyed by member: stored in roster order or pinyin order, re-imported → 跳过', () => {
    const row4 = meetingRow(4, { expectedCount: 5, presentCount: 3, absentees: [{ name: '王五', reason: '出差', state: '请假' }, { name: '孙七', state: '缺席' }] });
    const first = planLedgerImport('meetings', [row4], context())[0];
    const pinyinOrder = withList(first, 'mt1', [{ memberId: 'm3', state: '请假', reason: '出差' }, { memberId: 'm5', state: '缺席' }]);
    const rosterOrder = { ...pinyinOrder, attendance: [...pinyinOrder.attendance].sort((a, b) => a.memberId.localeCompare(b.memberId)) };
    for (const existing of [pinyinOrder, rosterOrder]) {
      const [plan] = planLedgerImport('meetings', [row4], context({ meetings: [existing] }));
      expect(plan).toMatchObject({ action: '跳过', recordId: 'mt1' });
    }
    // A changed reason or state is a change, shown against the stored list and keeping its order.
    const [changed] = planLedgerImport(
      'meetings',
      [meetingRow(4, { expectedCount: 5, presentCount: 3, absentees: [{ name: '王五', reason: '病假', state: '请假' }, { name: '孙七', state: '缺席' }] })],
      context({ meetings: [rosterOrder] }),
    );
    expect(changed.action).toBe('更新');
    expect(changed.changes?.map((c) => c.field)).toEqual(['attendance']);
    const after = (changed.after as Meeting).attendance;
    expect(after.map((a) => a.memberId)).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']);
    expect(after.find((a) => a.memberId === 'm3')).toEqual({ memberId: 'm3', state: '请假', reason: '病假' });
  });

  it("attendance of a stored meeting is read against its own list when the file's figures agree (the roster changed since)", () => {
    const row4 = meetingRow(4, { expectedCount: 5, presentCount: 4, absentees: [{ name: '王五', reason: '出差', state: '请假' }] });
    const existing = withList(planLedgerImport('meetings', [row4], context())[0], 'mt1', [{ memberId: 'm3', state: '请假', reason: '出差' }]);
    // 孙七 left, 周九 joined after the meeting: the roster now differs, the stored list still agrees.
    const members = [...MEMBERS.slice(0, 4), { ...MEMBERS[4], departure: { reason: '转出', date: '2025-06-01' } }, member('m9', '周九')] as Member[];
    const [plan] = planLedgerImport('meetings', [row4], context({ members, meetings: [existing] }));
    expect(plan).toMatchObject({ action: '跳过', recordId: 'mt1' });
    expect(plan.reason).toContain('出席情况按本会议已有的出席名单核对：应到5人，出席4人，请假1人（王五）');
    // Figures that disagree with the stored list: the list stays as it is, and the file's figures are questioned.
    const [other] = planLedgerImport('meetings', [meetingRow(4, { expectedCount: 6, presentCount: 5, absentees: [{ name: '王五', reason: '出差', state: '请假' }] })], context({ members, meetings: [existing] }));
    expect(other).toMatchObject({ action: '跳过', recordId: 'mt1' });
    expect(other.reason).toContain('文件中写的是应到6人、实到5人，与本会议的出席名单（应到5人，出席4人');
  });

  it('a 党小组会 is keyed with its group: two groups meeting at the same time are two meetings, not 冲突', () => {
    const g1 = meetingRow(4, { type: '党小组会', partyGroupName: '第一党小组', title: '第一党小组会', titleGenerated: false });
    const g2 = meetingRow(5, { type: '党小组会', partyGroupName: '第二党小组', title: '第二党小组会', titleGenerated: false });
    const added = planLedgerImport('meetings', [g1, g2], context());
    expect(added.map((p) => p.action)).toEqual(['新增', '新增']);
    const meetings = [stored<Meeting>(added[0], 'mtG1'), stored<Meeting>(added[1], 'mtG2')];
    expect(meetings.map((m) => m.partyGroupId)).toEqual(['g1', 'g2']);
    const again = planLedgerImport('meetings', [g2, g1], context({ meetings }));
    expect(again.map((p) => [p.action, p.recordId])).toEqual([
      ['跳过', 'mtG2'],
      ['跳过', 'mtG1'],
    ]);
    // The group inferred from the 主持人 (第二党小组's leader) keys the row too.
    const [byHost] = planLedgerImport('meetings', [meetingRow(6, { type: '党小组会', hostName: '王五', title: '第二党小组会', titleGenerated: false })], context({ meetings }));
    expect(byHost).toMatchObject({ recordId: 'mtG2' });
    // A stored 党小组会 without a group still matches; a row whose group is unknown is 冲突 between the two.
    const groupless = { ...meetings[0], id: 'mtX', partyGroupId: undefined };
    expect(planLedgerImport('meetings', [g1], context({ meetings: [groupless] }))[0]).toMatchObject({ action: '更新', recordId: 'mtX' });
    const [unknown] = planLedgerImport('meetings', [meetingRow(7, { type: '党小组会' })], context({ meetings }));
    expect(unknown.action).toBe('冲突');
    expect(unknown.candidates?.map((c) => c.id)).toEqual(['mtG1', 'mtG2']);
    // The same group twice in the file is still one meeting.
    const twice = planLedgerImport('meetings', [g1, { ...g1, rowNumber: 9 }], context());
    expect(twice[1]).toMatchObject({ action: '冲突', duplicateOf: 4, reason: '与文件第4行是同一次会议（会议类型、党小组和时间相同）' });
  });

  it('整改进展 merges by date and text: the exported lines add nothing, a new dated line is added in date order', () => {
    const existing = {
      ...stored<Rectification>(planLedgerImport('rectifications', [taskRow(4)], context())[0], 'r1'),
      progress: [
        { date: '2025-03-01', text: '已制定方案：分三步' },
        { date: '2025-05-10', text: '已召开专题会\n已完成第一步' },
      ],
    };
    const ctx = context({ rectifications: [existing] });
    const exported = '2025年3月1日:已制定方案：分三步\n2025年5月10日:已召开专题会\n已完成第一步';
    expect(planLedgerImport('rectifications', [taskRow(4, { progressText: exported })], ctx)[0]).toMatchObject({ action: '跳过', recordId: 'r1' });
    // A line written between the two and one without a date.
    const [more] = planLedgerImport('rectifications', [taskRow(4, { progressText: `${exported}\n2025-04-02 完成自查` })], ctx);
    expect(more.action).toBe('更新');
    expect((more.after as Rectification).progress.map((p) => p.date)).toEqual(['2025-03-01', '2025-04-02', '2025-05-10']);
    const [undated] = planLedgerImport('rectifications', [taskRow(4, { progressText: '已完成第二步' })], ctx);
    expect((undated.after as Rectification).progress.at(-1)).toEqual({ date: TODAY, text: '已完成第二步' });
    // An undated text a stored line already says (on any day) is nothing new.
    expect(planLedgerImport('rectifications', [taskRow(4, { progressText: '已制定方案：分三步' })], ctx)[0].action).toBe('跳过');
  });
});
