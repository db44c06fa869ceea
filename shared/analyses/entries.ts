import { isSensitiveState, type AnalysisEntry, type AnalysisSettings } from '../model/analysis';
import type { Member } from '../model/member';
import { wasOnRosterBetween } from '../rules/roster';

/**
 * Per-member entries across periods: a new period starts as a copy of the previous one's entries (so the
 * secretary writes only what changed), and 对比上期 lists who changed 思想状况.
 */

/**
 * The previous period's entries for the members still on the roster at some time in the new period, in the
 * previous order, every field kept.
 */
export function copyEntriesFrom(
  previous: readonly AnalysisEntry[] | undefined,
  members: readonly Member[],
  period: { start: string; end: string },
): AnalysisEntry[] {
  if (!previous) {
    return [];
  }
  const onRoster = new Set(members.filter((m) => wasOnRosterBetween(m, period.start, period.end)).map((m) => m.id));
  return previous.filter((e) => onRoster.has(e.memberId)).map((e) => ({ ...e }));
}

export type EntryChangeKind = 'changed' | 'added' | 'removed';

export interface EntryChange {
  memberId: string;
  kind: EntryChangeKind;
  /** 思想状况 in the previous period (absent for added). */
  before?: string;
  /** 思想状况 now (absent for removed). */
  after?: string;
  /** better: towards the top of the list (稳定); worse: towards the bottom (需关注). */
  direction?: 'better' | 'worse';
  /** Either state is sensitive: the line is masked until revealed. */
  sensitive: boolean;
}

export interface EntryComparison {
  /** Changed first (worse before better), then added, then removed; each in the current (or previous) order. */
  changes: EntryChange[];
  /** Members with the same 思想状况 in both periods. */
  unchanged: number;
}

/** Who changed 思想状况 between two periods' entries. */
export function compareEntries(
  previous: readonly AnalysisEntry[],
  current: readonly AnalysisEntry[],
  settings: Pick<AnalysisSettings, 'states'>,
): EntryComparison {
  const rank = (state: string) => {
    const index = settings.states.findIndex((s) => s.label === state);
    return index < 0 ? settings.states.length : index;
  };
  const before = new Map(previous.map((e) => [e.memberId, e.state]));
  const nowIds = new Set(current.map((e) => e.memberId));
  const changed: EntryChange[] = [];
  const added: EntryChange[] = [];
  let unchanged = 0;
  for (const entry of current) {
    const old = before.get(entry.memberId);
    if (old === undefined) {
      added.push({ memberId: entry.memberId, kind: 'added', after: entry.state, sensitive: isSensitiveState(entry.state, settings) });
    } else if (old !== entry.state) {
      changed.push({
        memberId: entry.memberId,
        kind: 'changed',
        before: old,
        after: entry.state,
        direction: rank(entry.state) < rank(old) ? 'better' : 'worse',
        sensitive: isSensitiveState(old, settings) || isSensitiveState(entry.state, settings),
      });
    } else {
      unchanged += 1;
    }
  }
  const removed: EntryChange[] = previous
    .filter((e) => !nowIds.has(e.memberId))
    .map((e) => ({ memberId: e.memberId, kind: 'removed', before: e.state, sensitive: isSensitiveState(e.state, settings) }));
  // Stable sort: worse first, order of entry kept within each group.
  changed.sort((a, b) => (a.direction === b.direction ? 0 : a.direction === 'worse' ? -1 : 1));
  return { changes: [...changed, ...added, ...removed], unchanged };
}

export interface StateCount {
  state: string;
  count: number;
  sensitive: boolean;
}

/** How many entries have each 思想状况: the states of the list in order (zeros too), then any other state found. */
export function stateCounts(entries: readonly AnalysisEntry[], settings: Pick<AnalysisSettings, 'states'>): StateCount[] {
  const counts = new Map<string, number>(settings.states.map((s) => [s.label, 0]));
  for (const entry of entries) {
    counts.set(entry.state, (counts.get(entry.state) ?? 0) + 1);
  }
  return [...counts.entries()].map(([state, count]) => ({ state, count, sensitive: isSensitiveState(state, settings) }));
}

export function isSensitiveEntry(entry: Pick<AnalysisEntry, 'state'>, settings: Pick<AnalysisSettings, 'states'>): boolean {
  return isSensitiveState(entry.state, settings);
}
