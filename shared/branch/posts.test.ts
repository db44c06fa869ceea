import { describe, expect, it } from 'vitest';
import { makeBranch } from '../rules/testFixtures';
import { committeeSizeText, hasCommittee, partyPostOf, partyPostsOf } from './posts';

describe('党内职务 from 支部信息 (one source)', () => {
  const branch = makeBranch(
    { partyGroups: [{ id: 'g1', name: '第一党小组', leaderId: 'leader' }, { id: 'g2', name: '第二党小组', leaderId: 'deputy' }] },
    [
      { memberId: 'zhang', role: '书记' },
      { memberId: 'deputy', role: '副书记' },
      { memberId: 'other', role: '其他委员', duty: '青年工作' },
    ],
  );

  it('gives the committee role, then 党小组长, then 党员', () => {
    const postOf = partyPostsOf(branch);
    expect(['zhang', 'deputy', 'other', 'leader', 'someone'].map(postOf)).toEqual(['书记', '副书记', '其他委员', '党小组长', '党员']);
    expect(partyPostOf('zhang', branch)).toBe('书记');
  });

  it('follows a change of the committee at once: nothing is stored on the member', () => {
    const moved = { ...branch, committee: { ...branch.committee, members: [{ memberId: 'deputy', role: '书记' as const }] } };
    expect(partyPostOf('zhang', moved)).toBe('党员');
    expect(partyPostOf('deputy', moved)).toBe('书记');
  });
});

describe('the committee as 工作台 and 支部信息 both name it', () => {
  const pair = makeBranch({}, [{ memberId: 'a', role: '书记' }, { memberId: 'b', role: '副书记' }]);

  it('says 不设支部委员会 below 7 正式党员, never 支委会共 2 人', () => {
    expect(hasCommittee(6)).toBe(false);
    expect(committeeSizeText(pair, 6)).toBe('不设支部委员会，设副书记');
    expect(committeeSizeText(makeBranch({}, [{ memberId: 'a', role: '书记' }]), 3)).toBe('不设支部委员会');
  });

  it('counts the committee from 7 正式党员 on', () => {
    expect(hasCommittee(7)).toBe(true);
    expect(committeeSizeText(pair, 7)).toBe('支委会共 2 人');
    expect(committeeSizeText(makeBranch({}, [{ memberId: 'a', role: '书记' }]), 9)).toBeUndefined();
  });
});
