import dayjs from 'dayjs';
import type { Member } from '../model';

/** Calendar helpers shared by the demo meetings and talks. */

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** `day` of the month moved to the next Monday–Friday (back to the previous one at the month's end). */
export function workday(year: number, month: number, day: number): string {
  const first = dayjs(`${year}-${pad(month)}-01`);
  const wanted = first.date(Math.min(day, first.daysInMonth()));
  const weekend = (d: dayjs.Dayjs) => d.day() === 0 || d.day() === 6;
  let date = wanted;
  while (weekend(date)) {
    date = date.add(1, 'day');
  }
  if (date.month() !== wanted.month()) {
    date = wanted;
    while (weekend(date)) {
      date = date.subtract(1, 'day');
    }
  }
  return date.format('YYYY-MM-DD');
}

/** The first Friday of the month: 主题党日 is held on a fixed day (DOMAIN §1.2). */
export function firstFriday(year: number, month: number): string {
  let date = dayjs(`${year}-${pad(month)}-01`);
  while (date.day() !== 5) {
    date = date.add(1, 'day');
  }
  return date.format('YYYY-MM-DD');
}

/**
 * On the roster at a meeting or talk on `date`: admitted before that day (the demo has no transfers or
 * departures). Someone admitted on the day itself is admitted by that meeting and does not count yet.
 */
export function presentOn(member: Pick<Member, 'joinedOn' | 'departure'>, date: string): boolean {
  return member.joinedOn !== undefined && member.joinedOn < date && !member.departure;
}

export function addDaysTo(date: string, days: number): string {
  return dayjs(date).add(days, 'day').format('YYYY-MM-DD');
}
