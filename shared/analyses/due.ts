import type { Analysis, AnalysisSettings, RegularPeriodKind } from '../model/analysis';
import { isSensitiveState } from '../model/analysis';
import type { Member } from '../model/member';
import type { Talk } from '../model/talk';
import { isOnRoster } from '../rules/roster';
import { analysisPeriodLabel, isRegularKind, previousRegularPeriod, regularPeriodOf, regularPeriodsOfYear, sortAnalysesNewestFirst, type RegularPeriod } from './periods';

/**
 * Which 定期 analyses are due, and which members marked 需关注 have not been talked with since.
 *
 * An analysis counts for the required period in which its own period ends, if it is a 季度, 半年 or 年度 one:
 * with 每季度 required, a 上半年 analysis counts for the second quarter and a 年度 one for the fourth. 专题 and
 * 即时 analyses do not replace a 定期报告.
 */

export type DueState = 'past' | 'current' | 'future';

export interface DuePeriod {
  period: RegularPeriod;
  state: DueState;
  /** The analysis that counts for it, if any (the newest when several do). */
  analysis?: Analysis;
}

export function countsForPeriod(analysis: Pick<Analysis, 'periodKind' | 'periodEnd'>, period: Pick<RegularPeriod, 'start' | 'end'>): boolean {
  return isRegularKind(analysis.periodKind) && analysis.periodEnd >= period.start && analysis.periodEnd <= period.end;
}

function stateOf(period: RegularPeriod, today: string): DueState {
  return period.end < today ? 'past' : period.start > today ? 'future' : 'current';
}

function withAnalysis(period: RegularPeriod, analyses: readonly Analysis[], today: string): DuePeriod {
  const analysis = sortAnalysesNewestFirst(analyses).find((a) => countsForPeriod(a, period));
  return { period, state: stateOf(period, today), analysis };
}

/** Every required period of `year`, with the analysis that counts for it. */
export function duePeriodsOfYear(analyses: readonly Analysis[], kind: RegularPeriodKind, year: number, today: string): DuePeriod[] {
  return regularPeriodsOfYear(kind, year).map((p) => withAnalysis(p, analyses, today));
}

/** For the 工作台: the period running today and the one before it. */
export function currentAndPreviousDue(
  analyses: readonly Analysis[],
  kind: RegularPeriodKind,
  today: string,
): { current: DuePeriod; previous: DuePeriod } {
  const current = regularPeriodOf(kind, today);
  return { current: withAnalysis(current, analyses, today), previous: withAnalysis(previousRegularPeriod(current), analyses, today) };
}

export interface AttentionItem {
  memberId: string;
  /** The newest analysis that has an entry for the member, where the state is a sensitive one. */
  analysisId: string;
  periodLabel: string;
  state: string;
  /** Talks dated after this day count: the 报送日期, else the period's last day. */
  since: string;
  /** The member's latest talk up to `since`, if any. */
  lastTalkOn?: string;
}

/**
 * Members whose newest entry is sensitive (需关注) and who have had no 谈心谈话 (as 谈话人 or 谈话对象) dated
 * after that analysis (its 报送日期, else its last day) up to today; only members still on the roster. Oldest
 * first: they have waited longest.
 */
export function attentionWithoutTalk(
  analyses: readonly Analysis[],
  talks: readonly Pick<Talk, 'date' | 'talkerId' | 'intervieweeIds'>[],
  members: readonly Member[],
  settings: Pick<AnalysisSettings, 'states'>,
  today: string,
): AttentionItem[] {
  const latest = new Map<string, { analysis: Analysis; state: string }>();
  for (const analysis of sortAnalysesNewestFirst(analyses.filter((a) => a.periodStart <= today))) {
    for (const entry of analysis.entries) {
      if (!latest.has(entry.memberId)) {
        latest.set(entry.memberId, { analysis, state: entry.state });
      }
    }
  }
  const talkDates = new Map<string, string[]>();
  for (const talk of talks) {
    if (talk.date > today) {
      continue;
    }
    for (const id of new Set([talk.talkerId, ...talk.intervieweeIds])) {
      const dates = talkDates.get(id);
      if (dates) {
        dates.push(talk.date);
      } else {
        talkDates.set(id, [talk.date]);
      }
    }
  }
  const items: AttentionItem[] = [];
  for (const member of members) {
    const found = latest.get(member.id);
    if (!found || !isSensitiveState(found.state, settings) || !isOnRoster(member, today)) {
      continue;
    }
    const since = found.analysis.submittedOn ?? found.analysis.periodEnd;
    const dates = talkDates.get(member.id) ?? [];
    if (dates.some((d) => d > since)) {
      continue;
    }
    const earlier = dates.filter((d) => d <= since).sort();
    items.push({
      memberId: member.id,
      analysisId: found.analysis.id,
      periodLabel: analysisPeriodLabel(found.analysis),
      state: found.state,
      since,
      lastTalkOn: earlier[earlier.length - 1],
    });
  }
  return items.sort((a, b) => a.since.localeCompare(b.since));
}
