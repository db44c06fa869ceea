import { formatDate, toComparableDate } from '../dates';
import type { TALK_KINDS } from '../model/talk';
import { addDays, isInYear, referenceDate } from './periods';
import { reviewFeedbackItems } from './reviews';
import { isOnRoster, ownRecords } from './roster';
import { SOURCES } from './sources';
import type { Finding, RuleInput } from './types';

/**
 * 必谈 (六必谈, DOMAIN §3.4): events of the year after which a talk of a given kind is due with the member:
 * 接收为预备党员, 转正, 受处分 → 教育谈话; 组织关系转入 → 交流谈话; 民主评议党员 → 年度总结谈话 with everyone
 * on the roster. The item stays open ("该谈未谈") until a talk of that kind with the member (as 谈话人 or
 * 谈话对象) is recorded on or after the event; a talk in the next year closes it too. The 民主评议 items come
 * from reviewFeedbackItems: a result fed back (反馈日期 on or after the meeting) closes its item as the talk
 * does, so a result not yet fed back keeps it open. Events before the
 * member came to this branch, and members no longer on the roster, are left out.
 */

export type MustTalkTrigger = 'newProbationary' | 'confirmed' | 'transferredIn' | 'disciplined' | 'democraticReview';
type TalkKind = (typeof TALK_KINDS)[number];

export const MUST_TALK_TRIGGERS: Record<MustTalkTrigger, { label: string; kind: TalkKind }> = {
  newProbationary: { label: '被接收为预备党员', kind: '教育谈话' },
  confirmed: { label: '转为正式党员', kind: '教育谈话' },
  transferredIn: { label: '组织关系转入', kind: '交流谈话' },
  disciplined: { label: '受到处分', kind: '教育谈话' },
  democraticReview: { label: '参加民主评议党员', kind: '年度总结谈话' },
};

/** done: talked; pending: not yet, still within the grace days; overdue: 该谈未谈. */
export type MustTalkStatus = 'done' | 'pending' | 'overdue';

export interface MustTalkItem {
  memberId: string;
  trigger: MustTalkTrigger;
  /** The day of the event, `YYYY-MM-DD`. */
  triggerDate: string;
  kind: TalkKind;
  /** The 民主评议党员 meeting, for that trigger. */
  meetingId?: string;
  /** triggerDate + the configured grace days. */
  dueBy: string;
  status: MustTalkStatus;
  /** The first talk that closed the item. */
  talkId?: string;
  /** 民主评议: the result's 反馈日期 when it closed the item. */
  fedBackOn?: string;
}

export function mustTalkItems(input: RuleInput): MustTalkItem[] {
  const { members, meetings, talks } = ownRecords(input);
  const { today, year, settings } = input;
  const inYear = (date: string) => isInYear(date, year) && date <= today;
  const stillHere = referenceDate(year, today);
  const sortedTalks = [...talks].filter((t) => t.date <= today).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  // Each member's talks (as 谈话人 or 谈话对象), in date order: looked up per event instead of scanning all talks.
  const talksOf = new Map<string, typeof sortedTalks>();
  const addTalk = (memberId: string, talk: (typeof sortedTalks)[number]) => {
    const list = talksOf.get(memberId);
    if (!list) {
      talksOf.set(memberId, [talk]);
    } else if (list[list.length - 1] !== talk) {
      list.push(talk);
    }
  };
  for (const talk of sortedTalks) {
    addTalk(talk.talkerId, talk);
    for (const id of talk.intervieweeIds) {
      addTalk(id, talk);
    }
  }
  // Every member's 民主评议 item falls due on the same day: work each due date out once.
  const dueDates = new Map<string, string>();
  const dueByOf = (date: string) => {
    let due = dueDates.get(date);
    if (due === undefined) {
      due = addDays(date, settings.mustTalk.graceDays);
      dueDates.set(date, due);
    }
    return due;
  };
  // Several sessions of 民主评议 open the items once, at the first; each with the member's 反馈日期.
  const reviewed = new Map(
    reviewFeedbackItems({ branch: input.branch, members, meetings, results: input.reviews ?? [], today, year }).map((item) => [item.memberId, item]),
  );

  const items: MustTalkItem[] = [];
  for (const member of members) {
    if (!isOnRoster(member, stillHere)) {
      continue;
    }
    const events: { trigger: MustTalkTrigger; date: string; meetingId?: string; fedBackOn?: string }[] = [];
    const add = (trigger: MustTalkTrigger, value: string | undefined) => {
      const date = value ? toComparableDate(value) : undefined;
      // Only events while the member was in this branch: the old branch talks about the earlier ones.
      if (date && inYear(date) && isOnRoster(member, date)) {
        events.push({ trigger, date });
      }
    };
    add('newProbationary', member.joinedOn);
    add('confirmed', member.confirmedOn);
    add('transferredIn', member.transferredInOn);
    add('disciplined', member.disciplinedOn);
    const review = reviewed.get(member.id);
    if (review) {
      events.push({ trigger: 'democraticReview', date: review.date, meetingId: review.meetingId, fedBackOn: review.fedBackOn });
    }

    for (const event of events) {
      const kind = MUST_TALK_TRIGGERS[event.trigger].kind;
      const talk = (talksOf.get(member.id) ?? []).find((t) => t.kind === kind && t.date >= event.date);
      const fedBackOn = event.fedBackOn !== undefined && event.fedBackOn >= event.date && event.fedBackOn <= today ? event.fedBackOn : undefined;
      const dueBy = dueByOf(event.date);
      items.push({
        memberId: member.id,
        trigger: event.trigger,
        triggerDate: event.date,
        kind,
        meetingId: event.meetingId,
        dueBy,
        status: talk || fedBackOn ? 'done' : today <= dueBy ? 'pending' : 'overdue',
        talkId: talk?.id,
        ...(fedBackOn ? { fedBackOn } : {}),
      });
    }
  }
  return items.sort((a, b) => (a.triggerDate < b.triggerDate ? -1 : a.triggerDate > b.triggerDate ? 1 : 0));
}

/** talk.mustTalk: info while a talk is pending, warning once 该谈未谈 (六必谈 is a local rule, not an article). */
export function mustTalk(input: RuleInput): Finding[] {
  if (!input.settings.mustTalk.enabled) {
    return [];
  }
  const names = new Map(input.members.map((m) => [m.id, m.name]));
  // Most items share a few dates (every member's 民主评议 item): write each date once.
  const written = new Map<string, string>();
  const dateText = (date: string) => {
    let text = written.get(date);
    if (text === undefined) {
      text = formatDate(date);
      written.set(date, text);
    }
    return text;
  };
  return mustTalkItems(input)
    .filter((item) => item.status !== 'done')
    .map((item) => {
      const name = names.get(item.memberId) ?? '未知党员';
      const event = `党员${name}${dateText(item.triggerDate)}${MUST_TALK_TRIGGERS[item.trigger].label}`;
      const message =
        item.status === 'overdue'
          ? `该谈未谈：${event}，至今未进行${item.kind}`
          : `${event}，应在${dateText(item.dueBy)}前进行${item.kind}`;
      return {
        rule: 'talk.mustTalk' as const,
        severity: item.status === 'overdue' ? ('warning' as const) : ('info' as const),
        period: item.triggerDate.slice(0, 7),
        message,
        source: SOURCES.mustTalk,
        subject: { table: 'members' as const, id: item.memberId },
      };
    });
}
