import {
  analysisPeriodLabel,
  copyEntriesFrom,
  isRegularKind,
  nextRegularPeriod,
  previousAnalysisOf,
  regularPeriod,
  regularPeriodOf,
  type RegularPeriod,
} from '@shared/analyses';
import { isValidIsoDate } from '@shared/dates';
import type { Analysis, AnalysisEntry, AnalysisPeriodKind, AnalysisSettings, Member } from '@shared/model';
import type { AnalysisInput } from '../../db/analysisHooks';

/** What the form holds: a 季度/半年/年度 as year + index, a 专题/即时 as two dates. */
export interface AnalysisFormValues {
  periodKind: AnalysisPeriodKind;
  year?: number;
  /** 1–4 for 季度, 1–2 for 半年. */
  index?: number;
  periodStart?: string;
  periodEnd?: string;
  title?: string;
  methods: string[];
  participants?: number | null;
  overall?: string;
  political?: string;
  work?: string;
  interests?: string;
  social?: string;
  other?: string;
  tendencies?: string;
  causes?: string;
  measures?: string;
  submittedOn?: string;
  entries: AnalysisEntry[];
  talkIds: string[];
  rectificationIds: string[];
}

export const TEXT_FIELDS = ['overall', 'political', 'work', 'interests', 'social', 'other', 'tendencies', 'causes', 'measures'] as const;

/** The period the values describe; undefined while incomplete. */
export function periodOfValues(values: Partial<AnalysisFormValues>): { kind: AnalysisPeriodKind; start: string; end: string } | undefined {
  const kind = values.periodKind;
  if (!kind) {
    return undefined;
  }
  if (isRegularKind(kind)) {
    if (!values.year) {
      return undefined;
    }
    const index = kind === '年度' ? 1 : values.index;
    if (!index) {
      return undefined;
    }
    const period = regularPeriod(kind, values.year, index);
    return { kind, start: period.start, end: period.end };
  }
  // Text a date field could not read (kept as typed, refused on save) makes no period yet.
  if (!values.periodStart || !values.periodEnd || !isValidIsoDate(values.periodStart) || !isValidIsoDate(values.periodEnd)) {
    return undefined;
  }
  return { kind, start: values.periodStart, end: values.periodEnd };
}

export function inputOfValues(values: AnalysisFormValues): AnalysisInput {
  const period = periodOfValues(values);
  const input: AnalysisInput = {
    periodKind: values.periodKind,
    periodStart: period?.start ?? values.periodStart ?? '',
    periodEnd: period?.end ?? values.periodEnd ?? '',
    title: isRegularKind(values.periodKind) ? undefined : values.title,
    methods: values.methods ?? [],
    participants: values.participants ?? undefined,
    submittedOn: values.submittedOn,
    entries: values.entries ?? [],
    talkIds: values.talkIds ?? [],
    rectificationIds: values.rectificationIds ?? [],
  };
  for (const key of TEXT_FIELDS) {
    input[key] = values[key] ?? '';
  }
  return input;
}

export function valuesOfAnalysis(analysis: Analysis): AnalysisFormValues {
  const regular = isRegularKind(analysis.periodKind) ? regularPeriodOf(analysis.periodKind, analysis.periodStart) : undefined;
  return {
    periodKind: analysis.periodKind,
    year: regular?.year,
    index: regular?.index,
    periodStart: analysis.periodStart,
    periodEnd: analysis.periodEnd,
    title: analysis.title,
    methods: analysis.methods,
    participants: analysis.participants ?? null,
    overall: analysis.overall,
    political: analysis.political,
    work: analysis.work,
    interests: analysis.interests,
    social: analysis.social,
    other: analysis.other,
    tendencies: analysis.tendencies,
    causes: analysis.causes,
    measures: analysis.measures,
    submittedOn: analysis.submittedOn,
    entries: analysis.entries,
    talkIds: analysis.talkIds,
    rectificationIds: analysis.rectificationIds,
  };
}

/**
 * The period a 新建 proposes: the one asked for (from the 工作台's link), else today's period of the kind in
 * 设置 if it has no analysis yet, else the one after the newest analysis of that kind.
 */
export function proposedPeriod(
  analyses: readonly Analysis[],
  settings: Pick<AnalysisSettings, 'period'>,
  today: string,
  asked?: { kind?: string | null; year?: number; index?: number },
): RegularPeriod {
  if (asked?.kind && isRegularKind(asked.kind) && asked.year) {
    try {
      return regularPeriod(asked.kind, asked.year, asked.kind === '年度' ? 1 : (asked.index ?? 1));
    } catch {
      // A hand-edited address: fall through to the proposal.
    }
  }
  const kind = settings.period;
  const current = regularPeriodOf(kind, today);
  const newest = analyses.filter((a) => a.periodKind === kind).sort((a, b) => b.periodStart.localeCompare(a.periodStart))[0];
  if (!newest || newest.periodEnd < current.start) {
    return current;
  }
  return nextRegularPeriod(regularPeriodOf(kind, newest.periodStart));
}

export interface EntryPrefill {
  entries: AnalysisEntry[];
  /** The analysis copied from. */
  previous?: Analysis;
}

/** 新建 starts from the previous period's entries (members still on the roster in the new period). */
export function prefillEntries(
  analyses: readonly Analysis[],
  members: readonly Member[],
  period: { kind: AnalysisPeriodKind; start: string; end: string },
): EntryPrefill {
  const previous = previousAnalysisOf(analyses, period);
  return { entries: copyEntriesFrom(previous?.entries, members, period), previous };
}

export function newAnalysisValues(period: RegularPeriod, prefill: EntryPrefill): AnalysisFormValues {
  return {
    periodKind: period.kind,
    year: period.year,
    index: period.index,
    methods: ['谈心谈话'],
    participants: null,
    entries: prefill.entries,
    talkIds: [],
    rectificationIds: [],
  };
}

/** `已复制上期（2025年第一季度）6名党员的情况…`: the note over the entries of a new analysis. */
export function prefillNote(prefill: EntryPrefill): string | undefined {
  if (!prefill.previous) {
    return undefined;
  }
  const label = analysisPeriodLabel(prefill.previous);
  return prefill.entries.length > 0
    ? `已复制上期（${label}）${prefill.entries.length}名党员的思想状况，只需修改有变化的内容。`
    : `上期（${label}）没有仍在本支部的党员的登记，请逐一添加。`;
}

/** Where a repository problem shows on the form. */
export function formFieldOf(field: string, kind: AnalysisPeriodKind): string {
  if (field === 'periodStart' || field === 'periodEnd') {
    return isRegularKind(kind) ? (kind === '年度' ? 'year' : 'index') : field;
  }
  return field;
}
