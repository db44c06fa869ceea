import { describe, expect, it } from 'vitest';
import { computeCheckChar } from '../model/idNumber';
import { branchSetup } from './branchSetup';
import { runAllRules } from './index';
import { rosterIncomplete } from './incomplete';
import { probationDue } from './probation';
import { makeInput, makeMember } from './testFixtures';

const VALID_ID = '32010219800101001' + computeCheckChar('32010219800101001');
const WRONG_ID = VALID_ID.slice(0, 17) + (VALID_ID[17] === '0' ? '1' : '0');
const complete = (id: string, overrides = {}) => makeMember(id, { education: '大学本科', idNumber: VALID_ID, ...overrides });

describe('roster.incomplete', () => {
  it('says nothing when every record on the roster is complete', () => {
    expect(rosterIncomplete(makeInput({ members: [complete('a'), complete('b', { idNumber: undefined })] }))).toEqual([]);
  });

  it('counts the incomplete members and the IDs 待核对 in one finding that links to the filtered roster', () => {
    const members = [
      complete('a'),
      complete('b', { ethnicity: undefined, joinedOn: undefined }),
      complete('c', { idNumber: WRONG_ID }),
      complete('d', { education: undefined }),
      // 历史党员 are not on the roster: their gaps are not counted.
      complete('gone', { gender: undefined, departure: { reason: '转出', date: '2024-01-01' } }),
    ];
    const findings = rosterIncomplete(makeInput({ members, today: '2025-06-15' }));
    expect(findings).toEqual([
      {
        rule: 'roster.incomplete',
        severity: 'warning',
        period: '2025-06',
        message: '3名党员资料不全（缺民族1人，缺入党时间1人，缺学历1人，公民身份号码待核对1人），请在党员花名册中补全',
        source: expect.stringContaining('《党员基本信息采集表》'),
        subject: { table: 'members', filter: 'incomplete' },
      },
    ]);
  });

  it('runs with the others, and a 预备党员 without 入党时间 gets no guessed 转正 reminder', () => {
    const members = [complete('p', { category: '预备党员', confirmedOn: undefined, joinedOn: undefined })];
    const input = makeInput({ members, today: '2025-06-15' });
    expect(probationDue(input)).toEqual([]);
    const found = runAllRules(input).filter((f) => f.rule === 'roster.incomplete' || f.rule === 'probation.due');
    expect(found.map((f) => [f.rule, f.message])).toEqual([['roster.incomplete', '1名党员资料不全（缺入党时间1人），请在党员花名册中补全']]);
  });

  it('never guesses a missing 党员类别 into 正式党员, and says how many are unknown', () => {
    const members = [complete('a'), complete('b', { category: undefined, confirmedOn: undefined }), complete('c', { category: undefined, confirmedOn: undefined })];
    expect(branchSetup(makeInput({ members })).map((f) => f.message)).toContain('正式党员只有1人，不足3人（不足3人的可成立联合党支部）；另有2人未填党员类别，请先补全');
  });
});
