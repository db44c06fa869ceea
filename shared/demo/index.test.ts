import { describe, expect, it } from 'vitest';
import { branchSchema, checkMember, memberSchema } from '../model';
import { generateDemoBranch } from './index';

describe('generateDemoBranch', () => {
  const today = '2025-03-05';

  it('is deterministic for a seed and a day', () => {
    expect(generateDemoBranch({ today })).toEqual(generateDemoBranch({ today }));
    expect(generateDemoBranch({ today, seed: 2 }).branch.id).not.toBe(generateDemoBranch({ today }).branch.id);
  });

  it('makes a valid branch of 25 members with a committee, groups and 预备党员', () => {
    const { branch, members } = generateDemoBranch({ today });
    expect(branchSchema.parse(branch)).toBeTruthy();
    expect(branch.isDemo).toBe(true);
    expect(members).toHaveLength(25);
    expect(branch.committee.members.map((m) => m.role)).toEqual(['书记', '副书记', '组织委员', '宣传委员', '纪检委员']);
    expect(branch.partyGroups).toHaveLength(3);
    expect(members.filter((m) => m.category === '预备党员')).toHaveLength(2);
    const ids = new Set(members.map((m) => m.idNumber));
    expect(ids.size).toBe(25);
    for (const member of members) {
      expect(memberSchema.parse(member)).toBeTruthy();
      expect(checkMember(member, { today }).filter((i) => i.severity === 'error')).toEqual([]);
    }
  });
});
