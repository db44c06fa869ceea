import { describe, expect, it } from 'vitest';
import { talkFieldsSchema, type TalkFields } from '../model/talk';
import { talkCoverage } from '../rules/talks';
import { makeBranch, makeCommittee, makeInput, makeMember, makeTalk } from '../rules/testFixtures';
import { checkTalk } from './check';
import { filterTalks, sortTalksNewestFirst, talkYearRange } from './filter';
import { describeTalkChanges, formatTalkValue } from './history';
import { formatMonthDay, talkMatrix, talkOfCell } from './matrix';
import { defaultTalkerFor, describeMissing, prefillForMissing, prefillForMustTalk } from './prefill';
import { committeeRoleOf, isCommitteeMember, relationLabel, relationOf, relationsOfTalk } from './relation';

// c1 书记, c2 组织委员; p1–p3 党员.
const branch = makeBranch({}, makeCommittee(['c1', 'c2']));

describe('relationOf', () => {
  it('derives 关系 from the committee, in either direction', () => {
    expect(relationOf('c1', 'c2', branch)).toBe('支委—支委');
    expect(relationOf('c1', 'p1', branch)).toBe('支委—党员');
    expect(relationOf('p1', 'c2', branch)).toBe('支委—党员');
    expect(relationOf('p1', 'p2', branch)).toBe('党员—党员');
  });

  it('follows the committee as it stands: a member elected later makes old talks 支委—支委', () => {
    const talk = makeTalk('t1', '2025-03-05', 'c1', ['p1']);
    expect(relationLabel(talk, branch)).toBe('支委—党员');
    const reElected = makeBranch({}, makeCommittee(['c1', 'c2', 'p1']));
    expect(relationLabel(talk, reElected)).toBe('支委—支委');
  });

  it('lists every relation of a 集中 talk in the order of 第十九条, ignoring a pair with oneself', () => {
    const talk = makeTalk('t1', '2025-03-05', 'c1', ['p1', 'c2', 'p2', 'c1'], { form: '集中' });
    expect(relationsOfTalk(talk, branch)).toEqual(['支委—支委', '支委—党员']);
    expect(relationLabel(talk, branch)).toBe('支委—支委、支委—党员');
    expect(relationLabel(makeTalk('t2', '2025-03-05', 'p1', ['p1']), branch)).toBe('');
  });

  it('knows who sits on the committee and as what', () => {
    expect(isCommitteeMember('c2', branch)).toBe(true);
    expect(isCommitteeMember('p1', branch)).toBe(false);
    expect(committeeRoleOf('c1', branch)).toBe('书记');
    expect(committeeRoleOf('p1', branch)).toBeUndefined();
  });
});

function fields(overrides: Partial<TalkFields> = {}): TalkFields {
  return talkFieldsSchema.parse({
    date: '2025-03-05',
    location: '党员活动室',
    talkerId: 'c1',
    intervieweeIds: ['p1'],
    kind: '交流谈话',
    form: '个别',
    content: '交流思想和工作情况',
    ...overrides,
  });
}

describe('checkTalk', () => {
  const today = '2025-03-05';

  it('accepts a complete record of today', () => {
    expect(checkTalk(fields(), { today })).toEqual([]);
  });

  it('refuses a talk with oneself', () => {
    expect(checkTalk(fields({ intervieweeIds: ['c1'] }), { today })).toEqual([
      { field: 'intervieweeIds', message: '谈话人不能同时是谈话对象' },
    ]);
  });

  it('wants exactly one 谈话对象 for 个别, several for 集中, none twice', () => {
    expect(checkTalk(fields({ intervieweeIds: ['p1', 'p2'] }), { today })[0].message).toBe(
      '个别谈话只能有1名谈话对象；一对多请选择“集中”',
    );
    expect(checkTalk(fields({ form: '集中' }), { today })[0].message).toBe('集中谈话应有2名以上谈话对象；一对一请选择“个别”');
    expect(checkTalk(fields({ form: '集中', intervieweeIds: ['p1', 'p2'] }), { today })).toEqual([]);
    expect(checkTalk(fields({ form: '集中', intervieweeIds: ['p1', 'p1'] }), { today })[0].message).toBe('谈话对象中有重复的人员');
  });

  it('refuses a future date, and wants 地点 and 内容, reporting every problem at once', () => {
    const problems = checkTalk(fields({ date: '2025-03-06', location: '  ', content: '' }), { today });
    expect(problems).toEqual([
      { field: 'date', message: '谈话时间不能晚于今天' },
      { field: 'location', message: '请填写谈话地点' },
      { field: 'content', message: '请填写谈话内容' },
    ]);
  });
});

describe('filterTalks', () => {
  const talks = [
    makeTalk('t1', '2025-03-05', 'c1', ['p1']),
    makeTalk('t2', '2025-04-01', 'p1', ['p2'], { kind: '关怀谈话' }),
    makeTalk('t3', '2025-02-01', 'c2', ['c1', 'p3'], { form: '集中', kind: '关怀谈话' }),
  ];

  it('filters by 谈话类型, 谈话人 and 关系 (any pair of a 集中 talk)', () => {
    expect(filterTalks(talks, {}, branch).map((t) => t.id)).toEqual(['t1', 't2', 't3']);
    expect(filterTalks(talks, { kind: '关怀谈话' }, branch).map((t) => t.id)).toEqual(['t2', 't3']);
    expect(filterTalks(talks, { talkerId: 'c1' }, branch).map((t) => t.id)).toEqual(['t1']);
    expect(filterTalks(talks, { relation: '支委—支委' }, branch).map((t) => t.id)).toEqual(['t3']);
    expect(filterTalks(talks, { relation: '支委—党员' }, branch).map((t) => t.id)).toEqual(['t1', 't3']);
    expect(filterTalks(talks, { relation: '党员—党员', kind: '交流谈话' }, branch)).toEqual([]);
  });

  it('sorts newest first and gives the year range of the date index', () => {
    expect(sortTalksNewestFirst(talks).map((t) => t.id)).toEqual(['t2', 't1', 't3']);
    expect(talkYearRange(2025)).toEqual(['2025-01-01', '2025-12-31']);
  });
});

describe('talkMatrix', () => {
  // Pinyin order of the names: 安 (p3) < 白 (c2) < 陈 (p1) < 丁 (c1) < 赵 (p2).
  const members = [
    makeMember('c1', { name: '丁一' }),
    makeMember('c2', { name: '白二' }),
    makeMember('p1', { name: '陈三' }),
    makeMember('p2', { name: '赵四' }),
    makeMember('p3', { name: '安五' }),
  ];
  const names = new Map(members.map((m) => [m.id, m.name]));
  const nameOf = (id: string) => names.get(id) ?? '';
  const talks = [makeTalk('t1', '2025-03-05', 'p1', ['c1']), makeTalk('t2', '2025-05-01', 'c1', ['p1']), makeTalk('t3', '2025-02-01', 'c2', ['c1'])];
  const coverage = talkCoverage(makeInput({ branch, members, talks }));
  const matrix = talkMatrix(coverage, nameOf);

  it('has the 支委 as rows in committee order and everyone as columns in pinyin order', () => {
    expect(matrix.rowIds).toEqual(['c1', 'c2']);
    expect(matrix.columnIds).toEqual(['p3', 'c2', 'p1', 'c1', 'p2']);
  });

  it('shows the latest date of the year per pair, blank on the diagonal and where nobody talked', () => {
    expect(matrix.cell('c1', 'p1')).toBe('2025-05-01');
    expect(matrix.cell('c1', 'c2')).toBe('2025-02-01');
    expect(matrix.cell('c2', 'c1')).toBe('2025-02-01');
    expect(matrix.cell('c1', 'c1')).toBe('self');
    expect(matrix.cell('c2', 'p2')).toBeNull();
    expect(matrix.cell('c1', 'unknown')).toBeNull();
  });

  it('finds the talk behind a cell', () => {
    expect(talkOfCell(talks, 'c1', 'p1', '2025-05-01')?.id).toBe('t2');
    expect(talkOfCell(talks, 'p1', 'c1', '2025-03-05')?.id).toBe('t1');
    expect(talkOfCell(talks, 'c1', 'p2', '2025-03-05')).toBeUndefined();
  });
});

describe('pre-filling 记录谈话', () => {
  const settings = { talkCommitteeMember: 'anyCommitteeMember' as const, talkMinPerPair: 1 };
  const nameOf = (id: string) => ({ c1: '丁一', c2: '白二', p1: '陈三', p2: '赵四' })[id] ?? '未知党员';

  it('lets the 书记 talk, or the next 支委 when the member is the 书记', () => {
    expect(defaultTalkerFor('p1', branch)).toBe('c1');
    expect(defaultTalkerFor('c1', branch)).toBe('c2');
    expect(defaultTalkerFor('p1', makeBranch())).toBeUndefined();
  });

  it('turns a missing pair or member into a form', () => {
    expect(prefillForMissing({ requirement: 'committeePairs', memberId: 'c1', otherId: 'c2', count: 0 }, branch)).toEqual({
      talkerId: 'c1',
      intervieweeIds: ['c2'],
      form: '个别',
    });
    expect(prefillForMissing({ requirement: 'committeeMember', memberId: 'p1', count: 0 }, branch)).toEqual({
      talkerId: 'c1',
      intervieweeIds: ['p1'],
      form: '个别',
    });
    expect(prefillForMissing({ requirement: 'memberMember', memberId: 'p1', count: 0 }, branch)).toEqual({
      talkerId: 'p1',
      intervieweeIds: [],
      form: '个别',
    });
    expect(prefillForMustTalk({ memberId: 'p2', kind: '教育谈话' }, branch)).toEqual({
      talkerId: 'c1',
      intervieweeIds: ['p2'],
      kind: '教育谈话',
      form: '个别',
    });
  });

  it('describes each gap in words', () => {
    expect(describeMissing({ requirement: 'committeePairs', memberId: 'c1', otherId: 'c2', count: 0 }, nameOf, settings)).toBe('丁一与白二');
    expect(describeMissing({ requirement: 'committeeMember', memberId: 'p1', count: 0 }, nameOf, settings)).toBe('陈三尚未与任何支委谈话');
    expect(describeMissing({ requirement: 'memberMember', memberId: 'p2', count: 1 }, nameOf, { ...settings, talkMinPerPair: 2 })).toBe(
      '赵四尚未与其他党员谈话（本年已谈1次，应不少于2次）',
    );
    expect(
      describeMissing({ requirement: 'committeeMember', memberId: 'p1', count: 0 }, nameOf, { ...settings, talkCommitteeMember: 'secretary' }),
    ).toBe('陈三尚未与书记（支部尚未登记书记）谈话');
  });
});

describe('history and cell wording', () => {
  const nameOf = (id: string) => ({ c1: '丁一', p1: '陈三', p2: '赵四' })[id] ?? '未知党员';

  it('describes the changed fields of a log entry in the form’s order and words', () => {
    expect(
      describeTalkChanges(
        { updatedAt: ['a', 'b'], intervieweeIds: [['p1'], ['p1', 'p2']], date: ['2025-03-05', '2025-03-06'], followUp: [undefined, '跟踪'] },
        nameOf,
      ),
    ).toEqual([
      { field: 'date', label: '谈话时间', before: '2025年3月5日', after: '2025年3月6日' },
      { field: 'intervieweeIds', label: '谈话对象', before: '陈三', after: '陈三、赵四' },
      { field: 'followUp', label: '后续措施', before: '（空）', after: '跟踪' },
    ]);
    expect(describeTalkChanges(undefined, nameOf)).toEqual([]);
    expect(formatTalkValue('talkerId', 'c1', nameOf)).toBe('丁一');
  });

  it('names a cell’s day without the year', () => {
    expect(formatMonthDay('2025-03-05')).toBe('3月5日');
    expect(formatMonthDay('2025-11-27')).toBe('11月27日');
  });
});
