/**
 * Property checks of the ledger date parser, with a small seeded generator (no fast-check here): random valid
 * calendar dates written in every style people use round-trip to the same calendar date. Pure, so that
 * dates.property.test.ts runs it in-process and in child processes under other time zones (TZ is read once, at
 * start, by the JavaScript engine). Returns the failures, each with the seed's case, instead of throwing.
 */
import { daysInMonth, excelSerialToParts, parseDateCell, partsToLedgerDate, type LedgerDate } from './dates';
import type { CellValue } from './types';
import { toCellValue } from './read/xlsx';

/** mulberry32: a tiny seeded generator, the same sequence for the same seed everywhere. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
const WIDE = (s: string) => s.replace(/[0-9.\-/:]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const MS_PER_DAY = 86_400_000;

/** A random valid date between 1900-03-01 (after Excel's phantom leap day) and 2100-12-31, leap days favoured. */
export function randomDate(random: () => number): CalendarDate {
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  if (random() < 0.1) {
    // 29 February of a leap year: the day most easily lost.
    const leapYears = [1904, 1960, 1988, 2000, 2024, 2096];
    return { year: leapYears[int(0, leapYears.length - 1)], month: 2, day: 29 };
  }
  const year = int(1901, 2100);
  const month = int(1, 12);
  return { year, month, day: int(1, daysInMonth(year, month)) };
}

/** Days since Excel's epoch: the serial Excel stores for a date (1900 date system, from 1900-03-01 on). */
export function serialOf(date: CalendarDate): number {
  return (Date.UTC(date.year, date.month - 1, date.day) - EXCEL_EPOCH) / MS_PER_DAY;
}

interface Case {
  style: string;
  cell: CellValue;
  want: LedgerDate;
}

const text = (t: string): CellValue => ({ kind: 'text', text: t });

/** Every style a date, a month or a date with its part of day is written in, as the cell the reader makes of it. */
export function casesFor(date: CalendarDate, random: () => number): Case[] {
  const { year: y, month: m, day: d } = date;
  const iso = `${y}-${pad(m)}-${pad(d)}`;
  const month = `${y}-${pad(m)}`;
  const hour = Math.floor(random() * 24);
  const minute = Math.floor(random() * 60);
  const time = `${pad(hour)}:${pad(minute)}`;
  const cases: Case[] = [
    { style: 'y.m.d', cell: text(`${y}.${m}.${d}`), want: { date: iso } },
    { style: 'y.mm.dd', cell: text(`${y}.${pad(m)}.${pad(d)}`), want: { date: iso } },
    { style: 'y年m月d日', cell: text(`${y}年${m}月${d}日`), want: { date: iso } },
    { style: 'y-m-d', cell: text(`${y}-${m}-${d}`), want: { date: iso } },
    { style: 'y/m/d', cell: text(`${y}/${m}/${d}`), want: { date: iso } },
    { style: 'yyyymmdd', cell: text(`${y}${pad(m)}${pad(d)}`), want: { date: iso } },
    { style: 'yyyymmdd number', cell: { kind: 'number', number: Number(`${y}${pad(m)}${pad(d)}`) }, want: { date: iso } },
    { style: 'full-width y.m.d', cell: text(WIDE(`${y}.${m}.${d}`)), want: { date: iso } },
    { style: 'y.mm (month)', cell: text(`${y}.${pad(m)}`), want: { date: month } },
    { style: 'y年m月 (month)', cell: text(`${y}年${m}月`), want: { date: month } },
    { style: 'y.m.d 下午', cell: text(`${y}.${m}.${d} 下午`), want: { date: iso, partOfDay: '下午' } },
    { style: 'y年m月d日 HH:mm', cell: text(`${y}年${m}月${d}日 ${time}`), want: { date: iso, time } },
    { style: 'serial under a date format', cell: { kind: 'number', number: serialOf(date), numFmt: 'yyyy"年"m"月"d"日"' }, want: { date: iso } },
    {
      style: 'serial with a time',
      cell: { kind: 'number', number: serialOf(date) + (hour * 60 + minute) / 1440, numFmt: 'yyyy/m/d h:mm' },
      want: hour === 0 && minute === 0 ? { date: iso } : { date: iso, time },
    },
    // ExcelJS hands date cells over as Dates whose UTC fields are the cell's wall clock.
    { style: 'Date cell', cell: toCellValue(new Date(Date.UTC(y, m - 1, d))), want: { date: iso } },
    {
      style: 'Date cell with a time',
      cell: toCellValue(new Date(Date.UTC(y, m - 1, d, hour, minute))),
      want: hour === 0 && minute === 0 ? { date: iso } : { date: iso, time },
    },
  ];
  if (m !== 10) {
    // 1985.06 typed into a General cell is the number 1985.06 (1985.10 became 1985.1: a warning, checked apart).
    cases.push({ style: 'y.mm number (month)', cell: { kind: 'number', number: Number(`${y}.${pad(m)}`) }, want: { date: month } });
  }
  return cases;
}

export interface PropertyFailure {
  date: string;
  style: string;
  cell: CellValue;
  got: unknown;
  want: LedgerDate;
}

/** `count` random dates × every style; the failures (none when the parser is right). */
export function checkDateProperties(
  seed: number,
  count: number,
  parse: (cell: CellValue) => ReturnType<typeof parseDateCell> = parseDateCell,
): { checked: number; failures: PropertyFailure[] } {
  const random = seededRandom(seed);
  const failures: PropertyFailure[] = [];
  let checked = 0;
  for (let i = 0; i < count; i += 1) {
    const date = randomDate(random);
    const shown = `${date.year}-${pad(date.month)}-${pad(date.day)}`;
    // The serial itself first: excelSerialToParts must give the day back.
    const parts = partsToLedgerDate(excelSerialToParts(serialOf(date)));
    if (parts.date !== shown) {
      failures.push({ date: shown, style: 'excelSerialToParts', cell: { kind: 'number', number: serialOf(date) }, got: parts, want: { date: shown } });
    }
    for (const c of casesFor(date, random)) {
      checked += 1;
      const result = parse(c.cell);
      const got = result.ok ? result.value : result;
      const same = result.ok && result.value !== undefined && JSON.stringify(sorted(result.value)) === JSON.stringify(sorted(c.want));
      if (!same || (result.ok && result.warning)) {
        failures.push({ date: shown, style: c.style, cell: c.cell, got, want: c.want });
      }
    }
  }
  return { checked, failures };
}

function sorted(value: LedgerDate): Record<string, string> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b)));
}
