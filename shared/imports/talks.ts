import type { ImportedTalk } from '../ledgers/definitions/talks';
import type { ParsedRow } from '../ledgers/parseSheet';
import { formatDate } from '../dates';
import { TALK_FIELD_LABELS, type Talk, type TalkFields } from '../model/talk';
import {
  blockedRow,
  compact,
  diffFields,
  keepStoredWording,
  personProblem,
  Roster,
  same,
  type ImportContext,
  type PlannedRow,
} from './core';

/**
 * 谈心谈话 rows against the branch's talks. Key: 谈话时间 (date) + 谈话人 + 谈话对象 (as a set). 谈话人 and every
 * 谈话对象 must be one member of the target branch: otherwise the row is 冲突 and blocked, naming the person.
 */

export interface TalkPlanContext {
  branchId: string;
  roster: Roster;
  byKey: Map<string, Talk[]>;
}

function talkKey(date: string, talkerId: string, intervieweeIds: readonly string[]): string {
  return `${date}|${talkerId}|${[...intervieweeIds].sort().join(',')}`;
}

export function talkPlanContext(ctx: ImportContext): TalkPlanContext {
  const members = ctx.members.filter((m) => m.branchId === ctx.branchId);
  const byKey = new Map<string, Talk[]>();
  for (const talk of ctx.talks) {
    if (talk.branchId !== ctx.branchId) continue;
    const key = talkKey(talk.date, talk.talkerId, talk.intervieweeIds);
    byKey.set(key, [...(byKey.get(key) ?? []), talk]);
  }
  return { branchId: ctx.branchId, roster: new Roster(members), byKey };
}

type Resolved = { ok: true; fields: TalkFields } | { ok: false; reason: string };

function resolve(record: ImportedTalk, tc: TalkPlanContext): Resolved {
  const problems: string[] = [];
  const talker = tc.roster.find(record.talkerName);
  if (!('member' in talker)) problems.push(personProblem('谈话人', record.talkerName, talker));
  const ids: string[] = [];
  for (const name of record.talkeeNames) {
    const found = tc.roster.find(name);
    if ('member' in found) {
      ids.push(found.member.id);
    } else {
      problems.push(personProblem('谈话对象', name, found));
    }
  }
  if (problems.length > 0 || !('member' in talker)) {
    return { ok: false, reason: problems.join('；') };
  }
  const fields = compact({
    date: record.date,
    location: record.location,
    talkerId: talker.member.id,
    intervieweeIds: [...new Set(ids)],
    kind: record.kind,
    form: record.form,
    content: record.content,
    issuesRaised: record.issuesRaised,
    followUp: record.followUp,
  }) as TalkFields;
  return { ok: true, fields };
}

function base(row: ParsedRow, tc: TalkPlanContext) {
  return { rowNumber: row.rowNumber, kind: 'talks' as const, blocked: false, target: { branchId: tc.branchId }, source: row };
}

export function talkAsNew(row: ParsedRow<ImportedTalk>, tc: TalkPlanContext): PlannedRow {
  const resolved = resolve(row.record as ImportedTalk, tc);
  if (!resolved.ok) {
    return { ...base(row, tc), action: '冲突', blocked: true, reason: resolved.reason };
  }
  return { ...base(row, tc), action: '新增', after: { branchId: tc.branchId, ...resolved.fields } };
}

export function talkAsUpdate(row: ParsedRow<ImportedTalk>, existing: Talk, tc: TalkPlanContext): PlannedRow {
  const resolved = resolve(row.record as ImportedTalk, tc);
  if (!resolved.ok) {
    return { ...base(row, tc), action: '冲突', blocked: true, reason: resolved.reason };
  }
  const sameSet = same([...existing.intervieweeIds].sort(), [...resolved.fields.intervieweeIds].sort());
  const after = compact(
    keepStoredWording(existing, {
      ...existing,
      ...resolved.fields,
      intervieweeIds: sameSet ? existing.intervieweeIds : resolved.fields.intervieweeIds,
    }),
  ) as Talk;
  const changes = diffFields(existing, after, TALK_FIELD_LABELS);
  const common = { ...base(row, tc), recordId: existing.id, before: existing, storedBefore: existing };
  return changes.length === 0
    ? { ...common, action: '跳过', reason: '与已有谈话记录相同' }
    : { ...common, action: '更新', after, changes };
}

export function talkLabel(talk: Talk, roster: Roster): string {
  return `${formatDate(talk.date)} ${roster.nameOf(talk.talkerId)}与${talk.intervieweeIds.map((id) => roster.nameOf(id)).join('、')}`;
}

export function planTalkRows(rows: readonly ParsedRow[], ctx: ImportContext): PlannedRow[] {
  const tc = talkPlanContext(ctx);
  const seen = new Map<string, number>();
  return rows.map((parsed): PlannedRow => {
    const row = parsed as ParsedRow<ImportedTalk>;
    if (!row.record) {
      return blockedRow(row, 'talks', tc.branchId);
    }
    const resolved = resolve(row.record, tc);
    if (!resolved.ok) {
      return { ...base(row, tc), action: '冲突', blocked: true, reason: resolved.reason };
    }
    const key = talkKey(resolved.fields.date, resolved.fields.talkerId, resolved.fields.intervieweeIds);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      return {
        ...base(row, tc),
        action: '冲突',
        reason: `与文件第${earlier}行是同一次谈话（日期、谈话人和谈话对象相同）`,
        duplicateOf: earlier,
        candidates: [],
      };
    }
    seen.set(key, row.rowNumber);
    const matches = tc.byKey.get(key) ?? [];
    if (matches.length === 0) {
      return talkAsNew(row, tc);
    }
    if (matches.length > 1) {
      return {
        ...base(row, tc),
        action: '冲突',
        reason: `已有${matches.length}条相同日期、谈话人和谈话对象的谈话记录，请选择要更新哪一条，或作为新记录导入`,
        candidates: matches.map((t) => ({ id: t.id, label: `${talkLabel(t, tc.roster)}（${t.kind}）` })),
      };
    }
    return talkAsUpdate(row, matches[0], tc);
  });
}

