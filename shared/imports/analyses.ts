import { analysisPeriodLabel } from '../analyses/periods';
import type { ImportedAnalysisEntry } from '../ledgers/definitions/analyses';
import { hasRecord, type ParsedRow, type RowWithRecord } from '../ledgers/parseSheet';
import { formatDateTime } from '../dates';
import { ANALYSIS_ENTRY_LABELS, type Analysis, type AnalysisEntry } from '../model/analysis';
import {
  blockedRow,
  compact,
  diffFields,
  joinNotes,
  keepStoredWording,
  personProblem,
  Roster,
  type ImportContext,
  type KindPlanner,
  type PlannedRow,
  type RecordWrite,
  type WriteContext,
} from './core';

/**
 * 思想动态分析 rows: each is one member's entry of the branch's Analysis of that period (kind + start + end). Key:
 * member + period. The period's Analysis is updated (its entry added or changed), or created once for all rows of
 * that period (the commit groups them). The member must be one member of the branch; the 谈话人 is a note if unknown.
 */

export interface AnalysisPlanContext {
  branchId: string;
  roster: Roster;
  byPeriod: Map<string, Analysis[]>;
}

const periodKey = (kind: string, start: string, end: string) => `${kind}|${start}|${end}`;

export function analysisPlanContext(ctx: ImportContext): AnalysisPlanContext {
  const byPeriod = new Map<string, Analysis[]>();
  for (const a of ctx.analyses) {
    if (a.branchId !== ctx.branchId) continue;
    const key = periodKey(a.periodKind, a.periodStart, a.periodEnd);
    byPeriod.set(key, [...(byPeriod.get(key) ?? []), a]);
  }
  return { branchId: ctx.branchId, roster: new Roster(ctx.members.filter((m) => m.branchId === ctx.branchId)), byPeriod };
}

function periodOf(record: ImportedAnalysisEntry): NonNullable<PlannedRow<'analyses'>['period']> {
  return { kind: record.periodKind, start: record.periodStart, end: record.periodEnd, label: record.periodLabel };
}

type Resolved = { ok: true; entry: AnalysisEntry; note?: string } | { ok: false; reason: string };

function resolve(record: ImportedAnalysisEntry, ac: AnalysisPlanContext): Resolved {
  const member = ac.roster.find(record.memberName);
  if (!('member' in member)) {
    return { ok: false, reason: personProblem('党员', record.memberName, member) };
  }
  let talkerId: string | undefined;
  let note: string | undefined;
  if (record.talkerName) {
    const talker = ac.roster.find(record.talkerName);
    if ('member' in talker) {
      talkerId = talker.member.id;
    } else {
      note = `${personProblem('谈话人', record.talkerName, talker)}，谈话人未导入`;
    }
  }
  const entry = compact<AnalysisEntry>({
    memberId: member.member.id,
    state: record.state,
    performance: record.performance,
    details: record.details,
    problems: record.problems,
    support: record.support,
    talkerId,
  });
  return { ok: true, entry, note };
}

function base(row: ParsedRow, ac: AnalysisPlanContext, record: ImportedAnalysisEntry) {
  return { rowNumber: row.rowNumber, kind: 'analyses' as const, blocked: false, target: { branchId: ac.branchId }, source: row, period: periodOf(record) };
}

/** The row as an entry of `analysis` (undefined: of the period's Analysis to be created). */
export function analysisEntryInto(row: RowWithRecord<ImportedAnalysisEntry>, analysis: Analysis | undefined, ac: AnalysisPlanContext): PlannedRow<'analyses'> {
  const record = row.record;
  const resolved = resolve(record, ac);
  if (!resolved.ok) {
    return { ...base(row, ac, record), action: '冲突', blocked: true, reason: resolved.reason };
  }
  const common = { ...base(row, ac, record), recordId: analysis?.id, storedBefore: analysis };
  const existing = analysis?.entries.find((e) => e.memberId === resolved.entry.memberId);
  if (!existing) {
    const where = analysis ? `加入${record.periodLabel}思想动态分析` : `新建${record.periodLabel}思想动态分析`;
    return { ...common, action: '新增', after: resolved.entry, reason: joinNotes(where, resolved.note) };
  }
  const after = compact<AnalysisEntry>(keepStoredWording(existing, { ...existing, ...resolved.entry }));
  const changes = diffFields(existing, after, ANALYSIS_ENTRY_LABELS);
  if (changes.length === 0) {
    return { ...common, action: '跳过', before: existing, reason: joinNotes('与已有分析相同', resolved.note) };
  }
  return { ...common, action: '更新', before: existing, after, changes, reason: resolved.note };
}

export function planAnalysisRows(rows: readonly ParsedRow[], ctx: ImportContext): PlannedRow<'analyses'>[] {
  const ac = analysisPlanContext(ctx);
  const seen = new Map<string, number>();
  return rows.map((parsed): PlannedRow<'analyses'> => {
    const row = parsed as ParsedRow<ImportedAnalysisEntry>; // why: an analysis sheet's rows
    if (!hasRecord(row)) {
      return blockedRow(row, 'analyses', ac.branchId);
    }
    const record = row.record;
    const pKey = periodKey(record.periodKind, record.periodStart, record.periodEnd);
    const member = ac.roster.find(record.memberName);
    const key = `${'member' in member ? member.member.id : record.memberName}|${pKey}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      return {
        ...base(row, ac, record),
        action: '冲突',
        reason: `与文件第${earlier}行是同一党员同一时段的分析`,
        duplicateOf: earlier,
        candidates: [],
      };
    }
    seen.set(key, row.rowNumber);
    const analyses = ac.byPeriod.get(pKey) ?? [];
    if (analyses.length > 1) {
      return {
        ...base(row, ac, record),
        action: '冲突',
        reason: `${record.periodLabel}已有${analyses.length}份思想动态分析，请选择加入哪一份`,
        candidates: analyses.map((a) => ({ id: a.id, label: `${analysisPeriodLabel(a)}（${formatDateTime(a.createdAt)}创建）` })),
      };
    }
    return analysisEntryInto(row, analyses[0], ac);
  });
}

export const analysesPlanner: KindPlanner<'analyses'> = {
  plan: planAnalysisRows,
  replan(row, choice, ctx) {
    const source = row.source as ParsedRow<ImportedAnalysisEntry> | undefined; // why: an analysis row's parsed row
    if (!source || !hasRecord(source)) return undefined;
    const ac = analysisPlanContext(ctx);
    if (choice === 'new') {
      if (row.duplicateOf !== undefined) {
        // One member has one entry per Analysis: a second row for the same period cannot be added beside it.
        return { ...row, reason: `同一党员同一时段只能有一条分析，请在文件中删去第${row.duplicateOf}行或本行` };
      }
      return analysisEntryInto(source, undefined, ac);
    }
    const analysis = ctx.analyses.find((a) => a.id === choice);
    return analysis ? analysisEntryInto(source, analysis, ac) : undefined;
  },
};

/**
 * The analyses' write hook: an entry joins its period's Analysis. Rows of one stored Analysis change it once; rows
 * of a new period (per target branch) become one new Analysis with their entries.
 */
export function analysisWrites(rows: readonly PlannedRow<'analyses'>[], w: WriteContext): RecordWrite<'analyses'>[] {
  const existing = new Map<string, { before: Analysis; rows: PlannedRow<'analyses'>[] }>();
  const created = new Map<string, PlannedRow<'analyses'>[]>();
  for (const row of rows) {
    if (row.recordId && row.storedBefore) {
      const group = existing.get(row.recordId) ?? { before: row.storedBefore, rows: [] };
      group.rows.push(row);
      existing.set(row.recordId, group);
    } else if (row.period) {
      const key = `${w.targetOf(row)}|${row.period.kind}|${row.period.start}|${row.period.end}`;
      created.set(key, [...(created.get(key) ?? []), row]);
    }
  }
  const withEntry = (entries: Analysis['entries'], row: PlannedRow<'analyses'>) => {
    const entry = row.after as AnalysisEntry; // why: only writable rows (with an entry) reach the write
    const at = entries.findIndex((e) => e.memberId === entry.memberId);
    return at >= 0 ? entries.map((e, i) => (i === at ? entry : e)) : [...entries, entry];
  };
  const writes: RecordWrite<'analyses'>[] = [];
  for (const { before, rows: group } of existing.values()) {
    let entries = before.entries;
    for (const row of group) entries = withEntry(entries, row);
    const added = group.filter((r) => r.action === '新增').length;
    const changed = group.length - added;
    writes.push({
      record: { ...before, entries, updatedAt: w.at },
      before,
      rows: group,
      summary: `导入${added ? `新增${added}名党员的思想状况` : ''}${added && changed ? '，' : ''}${changed ? `修改${changed}名党员的思想状况` : ''}（${w.fileName} 第${group.map((r) => r.rowNumber).join('、')}行）`,
    });
  }
  for (const group of created.values()) {
    const first = group[0];
    const period = first.period as NonNullable<PlannedRow<'analyses'>['period']>; // why: grouped by it above
    let entries: Analysis['entries'] = [];
    for (const row of group) entries = withEntry(entries, row);
    const record: Analysis = {
      id: w.newId(),
      branchId: w.targetOf(first),
      periodKind: period.kind,
      periodStart: period.start,
      periodEnd: period.end,
      ...(period.kind === '专题' ? { title: period.label } : {}),
      methods: [],
      entries,
      talkIds: [],
      rectificationIds: [],
      createdAt: w.at,
      updatedAt: w.at,
    };
    writes.push({ record, rows: group, summary: `导入新建${period.label}思想动态分析，${entries.length}名党员（${w.fileName}）` });
  }
  return writes;
}
