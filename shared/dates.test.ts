import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { addMonths, addYears, formatDate, formatDateInput, formatDateTime, fullYearsBetween, isValidIsoDate, monthsBetween, parseDateInput } from './dates';

describe('dates', () => {
  it('shows dates the Chinese way', () => {
    expect(formatDate('2025-03-05')).toBe('2025年3月5日');
    expect(formatDate('1985-06')).toBe('1985年6月');
    expect(formatDate('2025-03-05T14:30:00+08:00')).toBe('2025年3月5日');
    expect(formatDate(undefined)).toBe('');
    expect(formatDateTime('2025-03-05T14:30:00+08:00')).toBe('2025年3月5日 14:30');
  });

  it('knows which calendar dates exist', () => {
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(isValidIsoDate('2025-02-29')).toBe(false);
    expect(isValidIsoDate('2025-3-5')).toBe(false);
  });

  it('counts whole years and months at their edges', () => {
    expect(fullYearsBetween('1985-06-12', '2003-06-11')).toBe(17);
    expect(fullYearsBetween('1985-06-12', '2003-06-12')).toBe(18);
    expect(monthsBetween('2024-07-01', '2025-07-01')).toBe(12);
    expect(monthsBetween('2024-07-01', '2025-06-30')).toBe(11);
  });

  it('does not compare days when a side is known only to the month', () => {
    // 入党 2010年9月15日, 转正 written as 2011.9: a full year, not eleven months.
    expect(monthsBetween('2010-09-15', '2011-09')).toBe(12);
    expect(monthsBetween('2010-09', '2011-08-31')).toBe(11);
    expect(fullYearsBetween('1985-06', '2003-06-01')).toBe(18);
  });

  it('counts like dayjs at month ends and clamps added months and years', () => {
    expect(monthsBetween('2025-01-31', '2025-02-28')).toBe(1);
    expect(monthsBetween('2024-01-31', '2024-02-28')).toBe(0);
    expect(monthsBetween('2025-03-05', '2025-01-10')).toBeLessThan(0);
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('1985-06', 18)).toBe('2003-06-01');
    expect(addMonths('2025-11-15', -12)).toBe('2024-11-15');
  });

  it('agrees with dayjs for thousands of forward spans (seeded)', () => {
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const day = () => dayjs('1940-01-01').add(next(365 * 90), 'day').format('YYYY-MM-DD');
    for (let i = 0; i < 3000; i += 1) {
      let [a, b] = [day(), i % 2 === 0 ? '' : day()];
      b = b || dayjs(a).add(next(800), 'day').format('YYYY-MM-DD');
      if (b < a) {
        [a, b] = [b, a];
      }
      expect([a, b, monthsBetween(a, b), fullYearsBetween(a, b)]).toEqual([a, b, dayjs(b).diff(a, 'month'), dayjs(b).diff(a, 'year')]);
      const k = next(60) - 30;
      expect([a, k, addMonths(a, k)]).toEqual([a, k, dayjs(a).add(k, 'month').format('YYYY-MM-DD')]);
    }
  });
});

describe('typed date fields', () => {
  const day = (typed: string) => parseDateInput(typed, { precision: 'day' }, '2026-12-03');
  it('reads the styles people type, never a different day', () => {
    for (const typed of ['2019.6.18', '2019/6/18', '2019-6-18', '20190618', '2019年6月18日', '２０１９．６．１８', '2019. 6. 18']) {
      expect(day(typed)).toEqual({ ok: true, value: '2019-06-18' });
    }
    expect(day('2019.06.28')).toEqual({ ok: true, value: '2019-06-28' });
    expect(day('')).toEqual({ ok: true, value: undefined });
    expect(day('   ')).toEqual({ ok: true, value: undefined });
  });

  it('says why it cannot read a value instead of guessing', () => {
    expect(day('2019.6.1８x')).toMatchObject({ ok: false, message: expect.stringContaining('看不懂') });
    expect(day('2019.2.30')).toEqual({ ok: false, message: '日期“2019.2.30”不存在，请核对年月日' });
    expect(day('2019.06')).toEqual({ ok: false, message: '“2019.06”只写到月，这里要写到日，如 2019年6月18日' });
    expect(day('19.6.18')).toMatchObject({ ok: false, message: expect.stringContaining('四位年份') });
    expect(day('2019.6.18 14:30')).toMatchObject({ ok: false, message: expect.stringContaining('不填时间') });
    expect(parseDateInput('2026-12-04', { noFuture: true }, '2026-12-03')).toEqual({ ok: false, message: '2026年12月4日还没有到，不能晚于今天' });
    expect(parseDateInput('2026-12-03', { noFuture: true }, '2026-12-03')).toEqual({ ok: true, value: '2026-12-03' });
  });

  it('keeps a month where a month is allowed', () => {
    expect(parseDateInput('2019.06', { precision: 'dayOrMonth' })).toEqual({ ok: true, value: '2019-06' });
    expect(parseDateInput('2019年6月', { precision: 'dayOrMonth' })).toEqual({ ok: true, value: '2019-06' });
    expect(formatDateInput('2019-06', 'dayOrMonth')).toBe('2019年6月');
  });

  it('takes a day and time for a meeting, and asks for the time when it is missing', () => {
    expect(parseDateInput('2025.3.5 14:30', { precision: 'minute' })).toEqual({ ok: true, value: '2025-03-05 14:30' });
    expect(parseDateInput('2025年3月5日 下午2:30', { precision: 'minute' })).toEqual({ ok: true, value: '2025-03-05 14:30' });
    expect(parseDateInput('2025.3.5', { precision: 'minute' })).toEqual({ ok: false, message: '“2025.3.5”没有写时间，请写成 2025年3月5日 14:30 这样' });
    expect(parseDateInput('2025.3.5 下午', { precision: 'minute' })).toMatchObject({ ok: false, message: expect.stringContaining('具体时间') });
    expect(formatDateInput('2025-03-05 14:30', 'minute')).toBe('2025年3月5日 14:30');
  });

  it('shows a stored value the Chinese way, and text it cannot read as it was typed', () => {
    expect(formatDateInput('2019-06-18')).toBe('2019年6月18日');
    expect(formatDateInput('2019.13.45')).toBe('2019.13.45');
    expect(formatDateInput(undefined)).toBe('');
  });
});
