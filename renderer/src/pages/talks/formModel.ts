import { todayIso } from '@shared/dates';
import { oneOf } from '@shared/oneOf';
import type { Talk, TalkFields, TalkForm, TalkKind } from '@shared/model';
import type { TalkPrefill } from '@shared/talks';
import type { TalkInput } from '../../db/talkHooks';

/** What the form holds: exactly what the store keeps, text fields as typed. */
export interface TalkFormValues {
  date?: string;
  location?: string;
  talkerId?: string;
  intervieweeIds: string[];
  kind: TalkKind;
  form: TalkForm;
  content?: string;
  issuesRaised?: string;
  followUp?: string;
}

/** The fields the form shows, so a repository problem lands under its field. */
export const TALK_FORM_FIELDS = ['date', 'location', 'talkerId', 'intervieweeIds', 'kind', 'form', 'content', 'issuesRaised', 'followUp'] as const;

export function isFormField(field: string): field is (typeof TALK_FORM_FIELDS)[number] {
  return oneOf(TALK_FORM_FIELDS, field) !== undefined;
}

/** A new talk: today, 个别, 交流谈话, and whatever the 记录谈话 button knew. */
export function newTalkValues(prefill: TalkPrefill | undefined, today: string = todayIso()): TalkFormValues {
  return {
    date: today,
    intervieweeIds: prefill?.intervieweeIds ?? [],
    talkerId: prefill?.talkerId,
    kind: prefill?.kind ?? '交流谈话',
    form: prefill?.form ?? ((prefill?.intervieweeIds.length ?? 0) > 1 ? '集中' : '个别'),
  };
}

export function valuesOfTalk(talk: Talk): TalkFormValues {
  return {
    date: talk.date,
    location: talk.location,
    talkerId: talk.talkerId,
    intervieweeIds: [...talk.intervieweeIds],
    kind: talk.kind,
    form: talk.form,
    content: talk.content,
    issuesRaised: talk.issuesRaised,
    followUp: talk.followUp,
  };
}

export function inputOfValues(values: TalkFormValues): TalkInput {
  const fields: Partial<Record<keyof TalkFields, unknown>> = {
    date: values.date ?? '',
    location: values.location ?? '',
    talkerId: values.talkerId ?? '',
    intervieweeIds: values.intervieweeIds ?? [],
    kind: values.kind,
    form: values.form,
    content: values.content ?? '',
    issuesRaised: values.issuesRaised ?? '',
    followUp: values.followUp ?? '',
  };
  // Unchecked on purpose: the store parses it with the talk schema and names each wrong field.
  return fields as TalkInput;
}
