import { TALK_FIELD_LABELS, type TalkFields, type TalkForm } from '../model/talk';

export interface TalkProblem {
  field: keyof TalkFields;
  message: string;
}

export interface TalkCheckContext {
  /** Today, `YYYY-MM-DD`: a talk cannot be recorded before it happened. */
  today: string;
}

/**
 * What a newly entered or edited 谈心谈话记录 must satisfy beyond the zod shape: 地点 and 内容 are required by
 * record-keeping (DOMAIN §3.4), nobody talks with himself, 个别 means one 谈话对象 and 集中 several, no future date.
 */
export function checkTalk(fields: TalkFields, context: TalkCheckContext): TalkProblem[] {
  const problems: TalkProblem[] = [];
  if (fields.date > context.today) {
    problems.push({ field: 'date', message: `${TALK_FIELD_LABELS.date}不能晚于今天` });
  }
  if (!fields.location) {
    problems.push({ field: 'location', message: '请填写谈话地点' });
  }
  const interviewees = intervieweeProblem(fields.talkerId, fields.intervieweeIds, fields.form);
  if (interviewees) {
    problems.push({ field: 'intervieweeIds', message: interviewees });
  }
  if (!fields.content) {
    problems.push({ field: 'content', message: '请填写谈话内容' });
  }
  return problems;
}

/**
 * The problem of a choice of 谈话对象, or undefined: the form asks it while the user picks, the repository on save.
 */
export function intervieweeProblem(talkerId: string | undefined, ids: readonly string[], form: TalkForm): string | undefined {
  if (ids.length === 0) {
    return '请选择谈话对象';
  }
  if (talkerId && ids.includes(talkerId)) {
    return '谈话人不能同时是谈话对象';
  }
  if (new Set(ids).size !== ids.length) {
    return '谈话对象中有重复的人员';
  }
  if (form === '个别' && ids.length !== 1) {
    return '个别谈话只能有1名谈话对象；一对多请选择“集中”';
  }
  if (form === '集中' && ids.length < 2) {
    return '集中谈话应有2名以上谈话对象；一对一请选择“个别”';
  }
  return undefined;
}
