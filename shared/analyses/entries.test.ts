import { describe, expect, it } from 'vitest';
import { DEFAULT_ANALYSIS_SETTINGS } from '../model/analysis';
import { makeMember } from '../rules/testFixtures';
import { compareEntries, copyEntriesFrom, stateCounts } from './entries';

const settings = DEFAULT_ANALYSIS_SETTINGS;

describe('copyEntriesFrom', () => {
  it('copies every field of the previous entries for members still on the roster in the new period', () => {
    const members = [
      makeMember('a'),
      makeMember('b', { departure: { reason: '转出', date: '2025-03-31' } }),
      makeMember('c', { departure: { reason: '转出', date: '2025-05-10' } }),
    ];
    const previous = [
      { memberId: 'a', state: '稳定', performance: '优秀', details: '工作积极', talkerId: 'c' },
      { memberId: 'b', state: '较稳定' },
      { memberId: 'c', state: '需关注', problems: '家庭困难' },
    ];
    const copied = copyEntriesFrom(previous, members, { start: '2025-04-01', end: '2025-06-30' });
    expect(copied).toEqual([previous[0], previous[2]]);
    expect(copied[0]).not.toBe(previous[0]);
    expect(copyEntriesFrom(undefined, members, { start: '2025-04-01', end: '2025-06-30' })).toEqual([]);
  });
});

describe('compareEntries', () => {
  it('lists who changed 思想状况 (worse first), who was added and who is no longer listed', () => {
    const previous = [
      { memberId: 'a', state: '稳定' },
      { memberId: 'b', state: '需关注' },
      { memberId: 'c', state: '稳定' },
      { memberId: 'd', state: '较稳定' },
      { memberId: 'gone', state: '稳定' },
    ];
    const current = [
      { memberId: 'a', state: '稳定' },
      { memberId: 'b', state: '较稳定' },
      { memberId: 'c', state: '需关注' },
      { memberId: 'd', state: '较稳定' },
      { memberId: 'new', state: '稳定' },
    ];
    const result = compareEntries(previous, current, settings);
    expect(result.unchanged).toBe(2);
    expect(result.changes).toEqual([
      { memberId: 'c', kind: 'changed', before: '稳定', after: '需关注', direction: 'worse', sensitive: true },
      { memberId: 'b', kind: 'changed', before: '需关注', after: '较稳定', direction: 'better', sensitive: true },
      { memberId: 'new', kind: 'added', after: '稳定', sensitive: false },
      { memberId: 'gone', kind: 'removed', before: '稳定', sensitive: false },
    ]);
  });
});

describe('stateCounts', () => {
  it('counts the states of the list in order, then states no longer in it', () => {
    expect(stateCounts([{ memberId: 'a', state: '稳定' }, { memberId: 'b', state: '旧状态' }, { memberId: 'c', state: '需关注' }], settings)).toEqual([
      { state: '稳定', count: 1, sensitive: false },
      { state: '较稳定', count: 0, sensitive: false },
      { state: '需关注', count: 1, sensitive: true },
      { state: '旧状态', count: 1, sensitive: false },
    ]);
  });
});
