import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SETTINGS, type RuleSettings } from './settings';
import { coverageView, talkCoverage, talkCoverageFindings } from './talks';
import { makeBranch, makeCommittee, makeInput, makeMember, makeMembers, makeTalk } from './testFixtures';

// 支委 c1 (书记), c2, c3; 党员 p1, p2, p3.
const members = [...makeMembers(3, 'c'), ...makeMembers(3, 'p')];
const branch = makeBranch({}, makeCommittee(['c1', 'c2', 'c3']));
const base = makeInput({ branch, members, today: '2025-06-15' });
const withSettings = (settings: Partial<RuleSettings>) => ({ ...base, settings: { ...DEFAULT_RULE_SETTINGS, ...settings } });

describe('第十九条 谈心谈话: the committee × members matrix', () => {
  it('holds the latest talk of the year between the two, either direction, null otherwise', () => {
    const talks = [
      makeTalk('t1', '2025-02-01', 'c1', ['p1']),
      makeTalk('t2', '2025-05-01', 'p1', ['c1']),
      makeTalk('t3', '2024-12-31', 'c1', ['p2']),
      makeTalk('t4', '2025-06-16', 'c1', ['p3']),
      makeTalk('t5', '2025-03-01', 'c2', ['p2', 'p3'], { form: '集中' }),
    ];
    const coverage = talkCoverage({ ...base, talks });
    expect(coverage.committeeIds).toEqual(['c1', 'c2', 'c3']);
    expect(coverage.memberIds).toEqual(['c1', 'c2', 'c3', 'p1', 'p2', 'p3']);
    expect(coverage.cells[0]).toEqual([null, null, null, '2025-05-01', null, null]);
    expect(coverage.cells[1]).toEqual([null, null, null, null, '2025-03-01', '2025-03-01']);
    expect(coverage.talkCount).toBe(3);
  });

  it('computes coverage per requirement in the usual reading, with the missing pairs and members', () => {
    const talks = [
      makeTalk('a', '2025-01-10', 'c1', ['c2']),
      makeTalk('b', '2025-01-11', 'c2', ['p1']),
      makeTalk('c', '2025-01-12', 'p1', ['p2']),
    ];
    const coverage = talkCoverage({ ...base, talks });
    expect(coverage.requirements).toEqual([
      { requirement: 'committeePairs', label: '支委之间', mode: 'everyPair', required: 3, met: 1, percent: 33 },
      { requirement: 'committeeMember', label: '支委和党员之间', mode: 'anyCommitteeMember', required: 3, met: 1, percent: 33 },
      { requirement: 'memberMember', label: '党员和党员之间', mode: 'anyMember', required: 3, met: 2, percent: 66 },
    ]);
    expect(coverage.missing).toEqual([
      { requirement: 'committeePairs', memberId: 'c1', otherId: 'c3', count: 0 },
      { requirement: 'committeePairs', memberId: 'c2', otherId: 'c3', count: 0 },
      { requirement: 'committeeMember', memberId: 'p2', count: 0 },
      { requirement: 'committeeMember', memberId: 'p3', count: 0 },
      { requirement: 'memberMember', memberId: 'p3', count: 0 },
    ]);
  });

  it('reads 支委和党员之间 as 书记 with each 党员 or every 支委 with every 党员 when configured', () => {
    const talks = [makeTalk('a', '2025-01-10', 'c1', ['p1']), makeTalk('b', '2025-01-10', 'c2', ['p2'])];
    const secretary = talkCoverage({ ...withSettings({ talkCommitteeMember: 'secretary' }), talks });
    expect(secretary.requirements[1]).toMatchObject({ mode: 'secretary', required: 3, met: 1 });
    const every = talkCoverage({ ...withSettings({ talkCommitteeMember: 'everyPair', talkMemberMember: 'everyPair' }), talks });
    expect(every.requirements[1]).toMatchObject({ required: 9, met: 2, percent: 22 });
    expect(every.requirements[2]).toMatchObject({ required: 3, met: 0 });
    const off = talkCoverage({ ...withSettings({ talkCommitteePairs: 'off', talkCommitteeMember: 'off', talkMemberMember: 'off' }), talks });
    expect(off.requirements).toEqual([]);
  });

  it('asks for two talks a year where the local rule says so', () => {
    const talks = [makeTalk('a', '2025-01-10', 'c1', ['c2']), makeTalk('b', '2025-04-10', 'c2', ['c1'])];
    const coverage = talkCoverage({ ...withSettings({ talkMinPerPair: 2 }), talks });
    expect(coverage.requirements[0]).toMatchObject({ met: 1, required: 3 });
  });

  it('judges the members on the roster: one who joined mid-year counts, one who left does not', () => {
    const roster = [
      ...members,
      makeMember('new', { joinedOn: '2025-04-01', confirmedOn: undefined, category: '预备党员' }),
      makeMember('gone', { departure: { reason: '转出', date: '2025-03-01' } }),
      makeMember('future', { joinedOn: '2025-09-01', confirmedOn: undefined, category: '预备党员' }),
    ];
    const coverage = talkCoverage({ ...base, members: roster });
    expect(coverage.memberIds).toEqual(['c1', 'c2', 'c3', 'p1', 'p2', 'p3', 'new']);
    expect(coverage.requirements[1].required).toBe(4);
  });
});

describe('第十九条 谈心谈话: findings', () => {
  it('reports progress as info during the year', () => {
    const findings = talkCoverageFindings({ ...base, talks: [makeTalk('a', '2025-01-10', 'c1', ['c2'])] });
    expect(findings.map((f) => [f.severity, f.message])).toEqual([
      ['info', '本年度支委之间谈心谈话已完成1/3（33%），2025年12月31日前完成即可（每年不少于1次）'],
      ['info', '本年度支委和党员之间谈心谈话已完成0/3（0%），2025年12月31日前完成即可（每年不少于1次）'],
      ['info', '本年度党员和党员之间谈心谈话已完成0/3（0%），2025年12月31日前完成即可（每年不少于1次）'],
    ]);
    expect(findings[0].source).toBe('《中国共产党支部工作条例（试行）》第十九条');
  });

  it('names who was left out after the year, and errs when no talk was recorded at all', () => {
    // The ledger was kept through 2024 (a branch created in 2025 without older records would owe nothing then).
    const after = { ...base, branch: { ...branch, ledgerStartsOn: '2024-01-01' }, year: 2024, today: '2025-01-05' };
    expect(talkCoverageFindings(after)).toEqual([expect.objectContaining({ severity: 'error', message: '2024年未登记任何谈心谈话' })]);
    const talks = [
      makeTalk('a', '2024-03-10', 'c1', ['c2']),
      makeTalk('b', '2024-03-10', 'c1', ['c3']),
      makeTalk('c', '2024-03-10', 'c1', ['p1', 'p2'], { form: '集中' }),
      makeTalk('d', '2024-03-10', 'p1', ['p2']),
    ];
    expect(talkCoverageFindings({ ...after, talks }).map((f) => [f.severity, f.message, f.subject?.id])).toEqual([
      ['warning', '2024年支委c2未与支委c3谈心谈话（支委之间，每年不少于1次）', 'c2'],
      ['warning', '2024年党员p3未与任何支委谈心谈话（支委和党员之间，每年不少于1次）', 'p3'],
      ['warning', '2024年党员p3未与其他党员谈心谈话（党员和党员之间，每年不少于1次）', 'p3'],
    ]);
  });
});

describe('第十九条 谈心谈话: how a requirement is shown', () => {
  it('says why a requirement with nobody to talk does not apply, never 0/0（100%）', () => {
    const lone = makeInput({ members: makeMembers(1, 'p') });
    const coverage = talkCoverage(lone);
    const views = Object.fromEntries(coverage.requirements.map((r) => [r.requirement, coverageView(r, coverage).text]));
    expect(views).toMatchObject({ committeePairs: '未设支部委员会，不适用', memberMember: '支委以外的党员不足2人，不适用' });
    expect(Object.values(views).join()).not.toContain('100%');
    const secretaryOnly = makeInput({ branch: makeBranch({}, makeCommittee(['c1'])), members: [...makeMembers(1, 'c'), ...makeMembers(3, 'p')] });
    const small = talkCoverage(secretaryOnly);
    const of = (requirement: string) => small.requirements.find((r) => r.requirement === requirement)!;
    expect(coverageView(of('committeePairs'), small)).toEqual({ applies: false, text: '支委不足2人，不适用' });
    expect(coverageView(of('memberMember'), small)).toMatchObject({ applies: true, text: '已完成 0/3（0%）' });
  });
});
