import type { ImportedTalk } from '../ledgers/definitions/talks';
import { formatDate } from '../dates';
import { TALK_FIELD_LABELS, type Talk, type TalkFields } from '../model/talk';
import { compact, personProblem, rosterContext, same, type Roster, type RosterContext } from './core';
import { keyedPlanner, type Resolved } from './keyed';

/**
 * 谈心谈话 rows against the branch's talks (the keyed planner). Key: 谈话时间 (date) + 谈话人 + 谈话对象 (as a set).
 * 谈话人 and every 谈话对象 must be one member of the target branch: otherwise the row is 冲突 and blocked, naming
 * the person.
 */

export type TalkPlanContext = RosterContext;

export function talkKey(talk: Pick<TalkFields, 'date' | 'talkerId' | 'intervieweeIds'>): string {
  return `${talk.date}|${talk.talkerId}|${[...talk.intervieweeIds].sort().join(',')}`;
}

export function resolveTalk(record: ImportedTalk, tc: TalkPlanContext): Resolved<TalkFields> {
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
  const fields: TalkFields = compact({
    date: record.date,
    location: record.location,
    talkerId: talker.member.id,
    intervieweeIds: [...new Set(ids)],
    kind: record.kind,
    form: record.form,
    content: record.content,
    issuesRaised: record.issuesRaised,
    followUp: record.followUp,
  });
  return { ok: true, fields };
}

export function talkLabel(talk: Talk, roster: Roster): string {
  return `${formatDate(talk.date)} ${roster.nameOf(talk.talkerId)}与${talk.intervieweeIds.map((id) => roster.nameOf(id)).join('、')}`;
}

export const talksPlanner = keyedPlanner({
  kind: 'talks',
  context: rosterContext,
  resolve: resolveTalk,
  key: talkKey,
  label: (talk, tc) => `${talkLabel(talk, tc.roster)}（${talk.kind}）`,
  fieldLabels: TALK_FIELD_LABELS,
  messages: {
    duplicate: (earlier) => `与文件第${earlier}行是同一次谈话（日期、谈话人和谈话对象相同）`,
    several: (count) => `已有${count}条相同日期、谈话人和谈话对象的谈话记录，请选择要更新哪一条，或作为新记录导入`,
    same: '与已有谈话记录相同',
  },
  // 谈话对象 are a set: the same people in another order keep the stored order.
  merge: (existing: Talk | undefined, fields: TalkFields) =>
    existing && same([...existing.intervieweeIds].sort(), [...fields.intervieweeIds].sort())
      ? { ...existing, ...fields, intervieweeIds: existing.intervieweeIds }
      : { ...existing, ...fields },
});
