import { describe, expect, it } from 'vitest';
import { generateDemoBranch } from '../demo';
import { makePayment, makePayments } from '../dues/testFixtures';
import { DEFAULT_DUES_SETTINGS } from '../dues/settings';
import { makeReview } from '../reviews/testFixtures';
import { makeTraining } from '../training/testFixtures';
import { DEFAULT_TRAINING_SETTINGS } from '../training/settings';
import { DEFAULT_RULE_SETTINGS, meetingMatrix, RULE_IDS, RULES, runAllRules, type RuleInput } from './index';
import { makeInput, makeMeeting, makeMember, makeTalk } from './testFixtures';

function demoInput(today: string, year = Number(today.slice(0, 4))): RuleInput {
  const { branch, members } = generateDemoBranch({ today, memberCount: 25 });
  const at = (date: string) => `${date}T14:30:00+08:00`;
  const meetings = [
    makeMeeting('congress-q1', '支部党员大会', at(`${year}-03-28`)),
    makeMeeting('committee-01', '支部委员会', at(`${year}-01-08`)),
    makeMeeting('theme-01', '主题党日', at(`${year}-01-15`), { alsoCountsAs: ['党课'] }),
    makeMeeting('group-01', '党小组会', at(`${year}-01-20`), { partyGroupId: branch.partyGroups[0].id }),
  ].map((m) => ({ ...m, branchId: branch.id }));
  const talks = [makeTalk('talk-1', `${year}-02-01`, members[0].id, [members[1].id])].map((t) => ({ ...t, branchId: branch.id }));
  return { branch, members, meetings, talks, settings: DEFAULT_RULE_SETTINGS, today, year };
}

describe('runAllRules', () => {
  const input = demoInput('2025-06-15');

  it('reports by rule in RULE_IDS order, each rule by period, with a source on every finding', () => {
    const findings = runAllRules(input);
    const order = findings.map((f) => RULE_IDS.indexOf(f.rule));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    for (const id of RULE_IDS) {
      const periods = findings.filter((f) => f.rule === id).map((f) => f.period);
      expect(periods, id).toEqual([...periods].sort());
      expect(new Set(findings.filter((f) => f.rule === id).map((f) => f.message)).size, id).toBe(periods.length);
    }
    for (const finding of findings) {
      expect(finding.source).toMatch(/《/);
      expect(finding.message).not.toMatch(/undefined|NaN|\[object/);
    }
  });

  it('is the findings of every rule run on its own', () => {
    const one = RULE_IDS.flatMap((id) => [...RULES[id](input)].sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0)));
    expect(runAllRules(input)).toEqual(one);
  });

  it('gives the same findings whatever the order of meetings and talks', () => {
    const reversed = { ...input, meetings: [...input.meetings].reverse(), talks: [...input.talks].reverse() };
    expect(runAllRules(reversed)).toEqual(runAllRules(input));
  });

  it('never reports a period that has not ended as missing (today in the middle of a month)', () => {
    for (const finding of runAllRules(input)) {
      if (finding.rule.startsWith('meeting.') && finding.rule !== 'meeting.quorum' && finding.severity !== 'info') {
        expect(['2025-06', '2025-Q2', '2025-H1', '2025'].includes(finding.period), finding.message).toBe(false);
      }
    }
    const matrix = meetingMatrix(input);
    for (const row of matrix) {
      for (const cell of row.cells) {
        if (cell.end >= '2025-06-15') {
          expect(cell.status, `${row.label} ${cell.period}`).not.toBe('missing');
        }
      }
    }
  });

  it('finds what the demo branch lacks: 支委会 from February, 党员大会 in no past quarter but Q1, the 转正 due soon', () => {
    const findings = runAllRules(input);
    const errors = (rule: string) => findings.filter((f) => f.rule === rule && f.severity === 'error').map((f) => f.period);
    expect(errors('meeting.committee.monthly')).toEqual(['2025-02', '2025-03', '2025-04', '2025-05']);
    expect(errors('meeting.partyCongress.quarterly')).toEqual([]);
    expect(findings.filter((f) => f.rule === 'probation.due').map((f) => f.severity)).toEqual(['warning']);
    expect(findings.filter((f) => f.rule === 'term.expiry').map((f) => f.severity)).toEqual(['warning']);
    expect(meetingMatrix(input).map((r) => r.label)).toEqual([
      '支部党员大会',
      '支部委员会会议',
      '第一党小组 党小组会',
      '第二党小组 党小组会',
      '第三党小组 党小组会',
      '党课',
      '主题党日活动',
      '组织生活会',
      '民主评议党员',
    ]);
  });
});

describe('runAllRules over 民主评议, 党费 and 学时', () => {
  const members = [makeMember('w', { name: '王伟' }), makeMember('l', { name: '李娜' }), makeMember('z', { name: '张敏' })];
  const base = makeInput({ members, meetings: [makeMeeting('review', '民主评议党员', '2025-12-20')], today: '2026-01-10', year: 2025 });
  const months = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `2025-${String(from + i).padStart(2, '0')}`);
  const kinds: Partial<RuleInput> = {
    reviews: [makeReview('w', { grade: '优秀' }), makeReview('l', { grade: '基本合格' })],
    dues: [...makePayments('w', months(1, 12)), ...makePayments('l', months(1, 12)), ...makePayments('z', months(1, 6)), makePayment('l', '2025-03', { id: 'l-short', paidFen: 100 })],
    training: [makeTraining('t1', 'w', '2025-05-01', 32), makeTraining('t2', 'l', '2025-05-01', 40), makeTraining('t3', 'z', '2025-05-01', 20)],
  };

  it('runs the rules of the three kinds with the other rules, each finding linking to its year of the ledger', () => {
    const findings = runAllRules({ ...base, ...kinds }).filter((f) => /^(review|dues|training)\./.test(f.rule));
    expect(findings.map((f) => [f.rule, f.severity, f.subject])).toEqual([
      ['review.missing', 'warning', { table: 'reviews', year: 2025, memberId: 'z' }],
      ['review.disposal', 'warning', { table: 'reviews', year: 2025, memberId: 'l' }],
      ['dues.mismatch', 'warning', { table: 'dues', year: 2025, memberId: 'l' }],
      ['dues.unpaid', 'error', { table: 'dues', year: 2025, memberId: 'z' }],
      ['training.hours', 'warning', { table: 'training', year: 2025, memberId: 'z' }],
    ]);
    // The member's name is in the finding (issue 12 §3, §4).
    expect(findings.find((f) => f.rule === 'dues.unpaid')?.message).toMatch(/^党员张敏已连续6个月未交纳党费/);
    expect(findings.find((f) => f.rule === 'training.hours')?.message).toBe('党员张敏2025年学习培训20学时，未达到32学时，差12学时');
  });

  it('checks nothing of a kind whose records are not given, and 每周一学 only when switched on', () => {
    expect(runAllRules(base).filter((f) => /^(review|dues|training)\./.test(f.rule))).toEqual([]);
    const weekly = { ...DEFAULT_TRAINING_SETTINGS, weeklyStudy: { enabled: true } };
    const on = runAllRules({ ...base, ...kinds, trainingSettings: weekly }).filter((f) => f.rule === 'training.weeklyStudy');
    expect(on).toHaveLength(52);
    expect(on[0].subject).toEqual({ table: 'training', year: 2025 });
  });

  it('reads the 党费 thresholds from duesSettings', () => {
    const lenient = { ...DEFAULT_DUES_SETTINGS, unpaidFlagMonths: 7, unpaidWarnMonths: 7 };
    expect(runAllRules({ ...base, ...kinds, duesSettings: lenient }).filter((f) => f.rule === 'dues.unpaid')).toEqual([]);
  });
});
