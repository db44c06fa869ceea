import { describe, expect, it } from 'vitest';
import { excelSerialToParts, parseDateCell, parseDateNumber, parseDateText } from './dates';
import { normalizeHeader } from './normalize';

const text = (s: string) => parseDateText(s);

describe('ledger dates', () => {
  it('reads every typed style as a calendar date', () => {
    for (const s of ['2025.3.5', '2025年3月5日', '2025-3-5', '2025/3/5', '20250305', '２０２５．３．５', ' 2025-03-05 ']) {
      expect(text(s)).toEqual({ ok: true, value: { date: '2025-03-05' } });
    }
  });
  it('keeps month precision', () => {
    expect(text('1985.06')).toEqual({ ok: true, value: { date: '1985-06' } });
    expect(text('1985年6月')).toEqual({ ok: true, value: { date: '1985-06' } });
    expect(parseDateNumber(1985.06)).toEqual({ ok: true, value: { date: '1985-06' } });
    expect(parseDateNumber(1985.1).ok && parseDateNumber(1985.1)).toMatchObject({ value: { date: '1985-01' }, warning: expect.stringContaining('文本') });
  });
  it('keeps the part of day and times', () => {
    expect(text('2025.1.15 下午')).toEqual({ ok: true, value: { date: '2025-01-15', partOfDay: '下午' } });
    expect(text('2025年1月15日下午3点')).toEqual({ ok: true, value: { date: '2025-01-15', time: '15:00', partOfDay: '下午' } });
    expect(text('2025-01-15 09:30')).toMatchObject({ ok: true, value: { date: '2025-01-15', time: '09:30' } });
  });
  it('reads a date with its time as people and Excel write it', () => {
    for (const s of ['2019/2/3  14:30', '2019-2-3 14:30:00', '2019年2月3日下午2:30', '2019.2.3 14:30', '2019年2月3日 14时30分']) {
      expect(text(s), s).toMatchObject({ ok: true, value: { date: '2019-02-03', time: '14:30' } });
    }
    // A date-time serial in a General cell (its format lost) keeps its time of day.
    expect(parseDateNumber(43499.6041666667)).toEqual({ ok: true, value: { date: '2019-02-03', time: '14:30' } });
  });
  it('converts serials in UTC without 1899 or 8-hour shifts', () => {
    expect(excelSerialToParts(45721)).toMatchObject({ year: 2025, month: 3, day: 5 });
    expect(excelSerialToParts(1)).toMatchObject({ year: 1900, month: 1, day: 1 });
    expect(excelSerialToParts(61)).toMatchObject({ year: 1900, month: 3, day: 1 });
    expect(parseDateNumber(45721.5833333333, 'yyyy"年"m"月"d"日" hh:mm')).toEqual({ ok: true, value: { date: '2025-03-05', time: '14:00' } });
    expect(parseDateNumber(45721, 'yyyy"年"m"月"d"日"')).toEqual({ ok: true, value: { date: '2025-03-05' } });
    expect(parseDateCell({ kind: 'date', date: { year: 1985, month: 6, day: 12, hour: 0, minute: 0, second: 0 } })).toEqual({ ok: true, value: { date: '1985-06-12' } });
  });
  it('refuses impossible, year-only and two-digit-year dates in Chinese', () => {
    expect(text('2025-02-30')).toMatchObject({ ok: false, message: expect.stringContaining('不存在') });
    expect(text('1985')).toMatchObject({ ok: false, message: expect.stringContaining('只有年份') });
    expect(text('85.6.12')).toMatchObject({ ok: false, message: expect.stringContaining('四位') });
    expect(text('去年')).toMatchObject({ ok: false, message: expect.stringContaining('看不懂日期') });
  });
  it('normalises headers', () => {
    expect(normalizeHeader('*出 生\n日 期（必填）')).toBe('出生日期');
    expect(normalizeHeader('公民身份号码 (必填)')).toBe('公民身份号码');
  });
});

describe('ledger dates with a time after a space', () => {
  it('reads 2025.3.5 14:30 as the 5th at 14:30, not a day 514', () => {
    expect(parseDateText('2025.3.5 14:30')).toEqual({ ok: true, value: { date: '2025-03-05', time: '14:30' } });
    expect(parseDateText('2025-03-05 09:05')).toEqual({ ok: true, value: { date: '2025-03-05', time: '09:05' } });
  });
});
