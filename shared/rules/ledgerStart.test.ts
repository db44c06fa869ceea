import { describe, expect, it } from 'vitest';
import { analysisDue } from './analyses';
import { ledgerStartOf, reportingStartOf } from './ledgerStart';
import { meetingMatrix, themeDayMonthly } from './meetings';
import { runAllRules } from './index';
import { talkCoverageFindings } from './talks';
import { makeBranch, makeCommittee, makeInput, makeMeeting, makeMembers, makeTalk } from './testFixtures';

const members = makeMembers(8);
const committee = makeCommittee(['m1', 'm2', 'm3']);

describe('台账起始日期', () => {
  it('is the date set on the branch, else the creation day or the earliest record, whichever is earlier', () => {
    const created = makeBranch({ createdAt: '2026-12-03T10:00:00+08:00' });
    expect(ledgerStartOf(makeInput({ branch: created }))).toEqual({ date: '2026-12-03', source: 'created' });
    const withOld = makeInput({ branch: created, meetings: [makeMeeting('old', '主题党日', '2025-04-10')], talks: [makeTalk('t', '2025-02-01', 'm1', ['m2'])] });
    expect(ledgerStartOf(withOld)).toEqual({ date: '2025-02-01', source: 'earliestRecord' });
    // Another branch's records do not move it.
    const foreign = makeInput({ branch: created, meetings: [{ ...makeMeeting('x', '党课', '2020-01-01'), branchId: 'other' }] });
    expect(ledgerStartOf(foreign).date).toBe('2026-12-03');
    const set = makeInput({ branch: makeBranch({ ledgerStartsOn: '2026-07-01' }), meetings: [makeMeeting('old', '主题党日', '2025-04-10')] });
    expect(ledgerStartOf(set)).toEqual({ date: '2026-07-01', source: 'set' });
  });

  it('reports from the later of 台账起始日期 and 成立日期', () => {
    expect(reportingStartOf(makeInput({ branch: makeBranch({ ledgerStartsOn: '2025-03-01', foundedOn: '2025-05-20' }) }))).toBe('2025-05-20');
    expect(reportingStartOf(makeInput({ branch: makeBranch({ ledgerStartsOn: '2025-03-01', foundedOn: '2008-07-01' }) }))).toBe('2025-03-01');
  });

  it('owes no meeting for a period that ended before the start, and owes the month the start falls in', () => {
    const input = makeInput({ branch: makeBranch({ ledgerStartsOn: '2025-03-15' }, committee), members, today: '2025-06-15' });
    const theme = meetingMatrix(input).find((r) => r.type === '主题党日')!;
    expect(theme.cells.slice(0, 6).map((c) => [c.period, c.status])).toEqual([
      ['2025-01', 'notRequired'],
      ['2025-02', 'notRequired'],
      ['2025-03', 'missing'],
      ['2025-04', 'missing'],
      ['2025-05', 'missing'],
      ['2025-06', 'notDue'],
    ]);
    expect(themeDayMonthly(input).filter((f) => f.severity !== 'info').map((f) => f.period)).toEqual(['2025-03', '2025-04', '2025-05']);
  });

  it('gives a branch created today nothing missing: only what is due in the running periods', () => {
    const today = '2026-12-03';
    const branch = makeBranch({ createdAt: `${today}T10:00:00+08:00`, foundedOn: '2019-06-18' }, committee);
    const input = { ...makeInput({ branch, members, today, year: 2026 }), analyses: [] };
    const findings = runAllRules(input);
    const missing = findings.filter((f) => f.severity !== 'info' && f.rule.startsWith('meeting.') && f.rule !== 'meeting.quorum');
    expect(missing).toEqual([]);
    expect(findings.filter((f) => f.rule === 'analysis.due' && f.severity !== 'info')).toEqual([]);
    // The running month, quarter and year are still listed as 待办.
    expect(findings.some((f) => f.rule === 'meeting.themeDay.monthly' && f.period === '2026-12' && f.severity === 'info')).toBe(true);
    // The year before owes nothing at all.
    expect(runAllRules({ ...input, year: 2025 }).filter((f) => f.rule.startsWith('meeting.') || f.rule === 'talk.coverage' || f.rule === 'analysis.due')).toEqual([]);
  });

  it('leaves out a past year of talks and analyses that ended before the start', () => {
    const branch = makeBranch({ ledgerStartsOn: '2025-01-01' }, committee);
    expect(talkCoverageFindings(makeInput({ branch, members, year: 2024, today: '2025-06-15' }))).toEqual([]);
    expect(analysisDue({ branch, today: '2025-06-15', year: 2024, analyses: [] })).toEqual([]);
    const q = analysisDue({ branch: { ...branch, ledgerStartsOn: '2025-04-10' }, today: '2025-08-15', year: 2025, analyses: [] });
    expect(q.map((f) => [f.period, f.severity])).toEqual([
      ['2025-Q2', 'warning'],
      ['2025-Q3', 'info'],
    ]);
  });
});
