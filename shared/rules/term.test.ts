import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SETTINGS } from './settings';
import { termExpiry, termInfo } from './term';
import { makeBranch, makeCommittee, makeInput, makeMembers } from './testFixtures';

const committee = (electedOn: string | undefined, termYears = 3) => ({ electedOn, termYears, members: makeCommittee(['m1', 'm2', 'm3']) });
const input = (today: string, electedOn: string | undefined = '2022-09-10', termYears = 3) =>
  makeInput({ branch: makeBranch({ committee: committee(electedOn, termYears) }), members: makeMembers(7), today });

describe('第六章 任期3年 / 选举条例 第三条 按期换届', () => {
  it('warns when 届满 is exactly 6 months ahead, not a day earlier', () => {
    expect(termExpiry(input('2025-03-10'))).toEqual([
      {
        rule: 'term.expiry',
        severity: 'warning',
        period: '2025-09',
        message: '本届支部委员会2022年9月10日选举产生，任期3年，将于2025年9月10日届满（还有184天），请提前做好换届准备',
        source: '《中国共产党支部工作条例（试行）》第六章；《中国共产党基层组织选举工作条例》第三条',
        subject: { table: 'branches', id: 'branch-1' },
      },
    ]);
    expect(termExpiry(input('2025-03-09'))).toEqual([]);
  });

  it('warns on the day of 届满 and errs from the day after', () => {
    expect(termExpiry(input('2025-09-10'))[0]).toMatchObject({ severity: 'warning', message: expect.stringContaining('今天（2025年9月10日）届满') });
    expect(termExpiry(input('2025-09-11'))[0]).toMatchObject({ severity: 'error', message: expect.stringContaining('已于2025年9月10日届满（超过1天）') });
  });

  it('uses the committee’s own term (5 years for 村、社区)', () => {
    expect(termInfo(committee('2022-09-10', 5), '2025-09-11', DEFAULT_RULE_SETTINGS)).toMatchObject({ endsOn: '2027-09-10', state: 'running' });
  });

  it('asks for the 选举日期 when a committee has none, and says nothing without a committee', () => {
    const unknown = makeInput({ branch: makeBranch({ committee: committee(undefined) }), members: makeMembers(7), today: '2025-03-10' });
    expect(termExpiry(unknown)).toEqual([expect.objectContaining({ severity: 'info', message: '未登记本届支部委员会（书记）的选举日期，无法计算届满时间' })]);
    expect(termExpiry(makeInput())).toEqual([]);
  });

  it('counts a 29 February election to 28 February', () => {
    expect(termInfo(committee('2024-02-29', 1), '2025-01-01', DEFAULT_RULE_SETTINGS)?.endsOn).toBe('2025-02-28');
  });
});
