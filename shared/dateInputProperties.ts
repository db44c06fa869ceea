/**
 * Property checks of the typed-date field parser (`parseDateInput`): random calendar dates typed in every style
 * people use read back as the same day, and what the field then shows reads back as the same value (a field
 * never saves something other than what it displays). Pure, so that dates.property.test.ts runs it here and in
 * child processes under other time zones. Returns the failures instead of throwing.
 */
import { formatDateInput, parseDateInput, type DateInputPrecision } from './dates';
import { randomDate, seededRandom } from './ledgers/dateProperties';

const pad = (n: number) => String(n).padStart(2, '0');
const WIDE = (s: string) => s.replace(/[0-9.\-/:]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

export interface TypedCase {
  style: string;
  typed: string;
  precision: DateInputPrecision;
  want: string;
}

/** Every way a day, a month or a day and time is typed into a field. */
export function typedCases(y: number, m: number, d: number, hour: number, minute: number): TypedCase[] {
  const day = `${y}-${pad(m)}-${pad(d)}`;
  const month = `${y}-${pad(m)}`;
  const time = `${pad(hour)}:${pad(minute)}`;
  const days: [string, string][] = [
    ['y.m.d', `${y}.${m}.${d}`],
    ['y.mm.dd', `${y}.${pad(m)}.${pad(d)}`],
    ['y/m/d', `${y}/${m}/${d}`],
    ['y-m-d', `${y}-${m}-${d}`],
    ['yyyy-mm-dd', day],
    ['yyyymmdd', `${y}${pad(m)}${pad(d)}`],
    ['y年m月d日', `${y}年${m}月${d}日`],
    ['y年m月d号', `${y}年${m}月${d}号`],
    ['full-width y.m.d', WIDE(`${y}.${m}.${d}`)],
    ['y。m。d', `${y}。${m}。${d}`],
    ['spaces', ` ${y}. ${m}. ${d} `],
  ];
  return [
    ...days.flatMap(([style, typed]): TypedCase[] => [
      { style, typed, precision: 'day', want: day },
      { style: `${style} (month allowed)`, typed, precision: 'dayOrMonth', want: day },
    ]),
    { style: 'y.mm', typed: `${y}.${pad(m)}`, precision: 'dayOrMonth', want: month },
    { style: 'y.m', typed: `${y}.${m}`, precision: 'dayOrMonth', want: month },
    { style: 'y年m月', typed: `${y}年${m}月`, precision: 'dayOrMonth', want: month },
    { style: 'y-mm', typed: month, precision: 'dayOrMonth', want: month },
    { style: 'y.m.d HH:mm', typed: `${y}.${m}.${d} ${time}`, precision: 'minute', want: `${day} ${time}` },
    { style: 'y年m月d日 HH:mm', typed: `${y}年${m}月${d}日 ${time}`, precision: 'minute', want: `${day} ${time}` },
    { style: 'y/m/d H时m分', typed: `${y}/${m}/${d} ${hour}时${minute}分`, precision: 'minute', want: `${day} ${time}` },
  ];
}

export interface TypedFailure {
  style: string;
  typed: string;
  step: 'typed' | 'shown';
  got: unknown;
  want: string;
}

/** `count` random dates × every style: typed → value, then shown → the same value. */
export function checkDateInputProperties(
  seed: number,
  count: number,
  parse: typeof parseDateInput = parseDateInput,
  format: typeof formatDateInput = formatDateInput,
): { checked: number; failures: TypedFailure[] } {
  const random = seededRandom(seed);
  const failures: TypedFailure[] = [];
  let checked = 0;
  for (let i = 0; i < count; i += 1) {
    const { year, month, day } = randomDate(random);
    const hour = Math.floor(random() * 24);
    const minute = Math.floor(random() * 60);
    for (const c of typedCases(year, month, day, hour, minute)) {
      checked += 1;
      const typed = parse(c.typed, { precision: c.precision });
      if (!typed.ok || typed.value !== c.want) {
        failures.push({ style: c.style, typed: c.typed, step: 'typed', got: typed, want: c.want });
        continue;
      }
      const shown = format(typed.value, c.precision);
      const again = parse(shown, { precision: c.precision });
      if (!again.ok || again.value !== c.want || shown === c.want) {
        failures.push({ style: c.style, typed: shown, step: 'shown', got: again, want: c.want });
      }
    }
  }
  return { checked, failures };
}
