import type { Alignment, Borders, CellValue, Fill, Font, Workbook, Worksheet } from 'exceljs';
import { formatDate, ISO_DATE } from '../dates';
import { columnLetter } from '../ledgers/normalize';
import { BODY_FONT_SIZE, rowHeightPt, sheetWidths, textUnits, wrappedLines } from './layout';

/**
 * The look every exported ledger shares: a merged title row, an info row, a bold bordered header frozen in place and
 * repeated on every printed page, A4 landscape fitted to one page wide, page numbers in the footer. Styles are set
 * once per column (cells share the style objects), never per cell, so a 50,000-row ledger stays small in memory.
 */

type ExcelJsModule = typeof import('exceljs');

/** ExcelJS is large: loaded on first use (Node and workers get the CommonJS build, whose exports sit on `default`). */
export async function loadExcelJs(): Promise<ExcelJsModule> {
  // why: the CommonJS build's module object has `default`, which the ES module typings do not declare
  const mod = (await import('exceljs')) as ExcelJsModule & { default?: ExcelJsModule };
  return mod.default ?? mod;
}

export async function newWorkbook(): Promise<Workbook> {
  const ExcelJS = await loadExcelJs();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '支部台账';
  return workbook;
}

export async function workbookBytes(workbook: Workbook): Promise<Uint8Array> {
  workbook.eachSheet((sheet) => {
    const spec = LAID_OUT.get(sheet);
    if (spec) {
      fitForPrint(sheet, spec);
    }
  });
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}

/**
 * text: wrapped text; code: digits kept as text (公民身份号码, 电话); date: a Date cell `yyyy-mm-dd`; datetime: a Date
 * cell `yyyy-mm-dd hh:mm`; integer: a number; number: a number shown as it is (学时 1.5); money: 元 with two decimals
 * (the value is 分 / 100: `12.5` shows `12.50`).
 */
export type ColumnFormat = 'text' | 'code' | 'date' | 'datetime' | 'integer' | 'number' | 'money';

export interface SheetColumn {
  label: string;
  /** In characters. */
  width: number;
  format: ColumnFormat;
}

/** What a cell may hold: text, a number, a Date (wall clock in its UTC fields), or nothing. */
export type CellInput = string | number | Date | undefined;

export const HEADER_ROW = 3;
export const FIRST_DATA_ROW = HEADER_ROW + 1;

const THIN = { style: 'thin' as const, color: { argb: 'FF808080' } };
const BORDER: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
const HEADER_FONT: Partial<Font> = { name: '宋体', size: 11, bold: true };
const BODY_FONT: Partial<Font> = { name: '宋体', size: BODY_FONT_SIZE };
const TITLE_FONT: Partial<Font> = { name: '宋体', size: 16, bold: true };
const INFO_FONT: Partial<Font> = { name: '宋体', size: BODY_FONT_SIZE };
const WRAP: Partial<Alignment> = { vertical: 'top', horizontal: 'left', wrapText: true };
const CENTRE: Partial<Alignment> = { vertical: 'top', horizontal: 'center' };
const NUM_FMT: Record<ColumnFormat, string | undefined> = {
  text: undefined,
  code: '@',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
  integer: '0',
  number: undefined,
  money: '0.00',
};

/** Column widths in characters for the usual kinds of content. */
export const WIDTH = { name: 10, short: 8, enumeration: 12, date: 12, datetime: 17, code: 21, medium: 16, long: 36 } as const;

/**
 * `2025-03-05` → a Date whose UTC fields are that day (ExcelJS writes Dates as serials counted in UTC, and the
 * reader gives them back the same way: no 8-hour shift). A month-precision value (`1985-06`) stays text: a Date
 * would come back as the 1st of the month.
 */
export function dateCell(value: string | undefined): CellInput {
  if (!value) {
    return undefined;
  }
  if (!ISO_DATE.test(value.slice(0, 10)) || value.length < 10) {
    return value;
  }
  const [y, m, d] = value.slice(0, 10).split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

/** `2025-03-05T14:30:00+08:00` → a Date whose UTC fields are the wall clock written (14:30), whatever the offset. */
export function dateTimeCell(value: string | undefined): CellInput {
  if (!value) {
    return undefined;
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(value);
  if (!m) {
    return value;
  }
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0)));
}

export interface LedgerSheetSpec {
  name: string;
  /** Row 1: 支部全称 + 期间 + 台账名. */
  title: string;
  /** Row 2: 填报单位 / 导出日期 / 条数. */
  info: string;
  columns: readonly SheetColumn[];
  /** A4 landscape unless false (narrow sheets such as 基本信息 print portrait). */
  landscape?: boolean;
}

export function infoLine(unit: string, generatedOn: string, count: number, unitLabel = '条'): string {
  return `填报单位：${unit}    导出日期：${formatDate(generatedOn)}    共 ${count} ${unitLabel}`;
}

/** Adds a sheet with title, info and header rows, column styles, frozen header, page setup and footer. */
export function addLedgerSheet(workbook: Workbook, spec: LedgerSheetSpec): Worksheet {
  const sheet = workbook.addWorksheet(spec.name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW }],
    pageSetup: {
      paperSize: 9,
      orientation: spec.landscape === false ? 'portrait' : 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      horizontalCentered: true,
    },
    headerFooter: { oddFooter: '&C第 &P 页，共 &N 页', evenFooter: '&C第 &P 页，共 &N 页' },
  });
  sheet.columns = spec.columns.map((column) => ({
    width: column.width,
    style: {
      font: BODY_FONT,
      border: BORDER,
      alignment: column.format === 'text' ? WRAP : CENTRE,
      ...(NUM_FMT[column.format] ? { numFmt: NUM_FMT[column.format] } : {}),
    },
  }));
  const width = Math.max(spec.columns.length, 1);
  const title = sheet.getRow(1);
  // The title and info rows span the table without the columns' borders.
  for (const row of [title, sheet.getRow(2)]) {
    for (let c = 2; c <= width; c += 1) {
      row.getCell(c).style = {};
    }
  }
  title.getCell(1).value = spec.title;
  sheet.mergeCells(1, 1, 1, width);
  title.height = 30;
  const titleCell = title.getCell(1);
  titleCell.style = { font: TITLE_FONT, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } };

  const info = sheet.getRow(2);
  info.getCell(1).value = spec.info;
  sheet.mergeCells(2, 1, 2, width);
  info.getCell(1).style = { font: INFO_FONT, alignment: { horizontal: 'left', vertical: 'middle', wrapText: true } };

  const header = sheet.getRow(HEADER_ROW);
  spec.columns.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.value = column.label;
    cell.style = { font: HEADER_FONT, fill: HEADER_FILL, border: BORDER, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } };
  });
  header.height = 22;
  LAID_OUT.set(sheet, spec);
  return sheet;
}

/** The sheets made by addLedgerSheet, laid out for print when the workbook is written (workbookBytes). */
const LAID_OUT = new WeakMap<Worksheet, LedgerSheetSpec>();

/** Whether a column's cells wrap (text) or stay on one line (codes, dates, numbers). */
function wraps(column: SheetColumn): boolean {
  return column.format === 'text';
}

/** A cell's value as it is shown: dates in their number format, numbers as digits. */
function shownText(value: CellValue, format: ColumnFormat | undefined): string {
  if (value === null || value === undefined) {
    return '';
  }
  if (value instanceof Date) {
    const iso = value.toISOString();
    return format === 'datetime' ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : iso.slice(0, 10);
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String(value.text);
    // A formula shows its cached result, an error cell its code (#N/A).
    if ('result' in value) return shownText(value.result ?? null, format);
    if ('error' in value) return value.error;
    return '';
  }
  return String(value);
}

/**
 * Makes a ledger sheet print on A4 without cut text: widths chosen for the content (fittedWidth), an explicit
 * height on every row for the lines its wrapped cells take (title and info rows across the merged width), and a
 * print area over everything written. The header row is already repeated on each page (printTitlesRow).
 */
export function fitForPrint(sheet: Worksheet, spec: LedgerSheetSpec): void {
  const columns = spec.columns;
  const last = sheet.rowCount;
  // Only the widest line of each column is kept: a 10,000-row part must not hold a second copy of its texts.
  const widest: { text: string; units: number }[] = columns.map(() => ({ text: '', units: 0 }));
  for (let r = FIRST_DATA_ROW; r <= last; r += 1) {
    const row = sheet.getRow(r);
    columns.forEach((column, index) => {
      const text = shownText(row.getCell(index + 1).value, column.format);
      if (!text) return;
      for (const line of text.split('\n')) {
        const units = textUnits(line);
        if (units > widest[index].units) widest[index] = { text: line, units };
      }
    });
  }
  const texts = widest.map((w) => (w.text ? [w.text] : []));
  const widths = sheetWidths(
    columns.map((column) => ({ width: column.width, wraps: wraps(column), header: column.label, headerSize: HEADER_FONT.size ?? 11 })),
    texts,
    spec.landscape === false ? 'portrait' : 'landscape',
  );
  widths.forEach((width, index) => {
    sheet.getColumn(index + 1).width = width;
  });
  const total = widths.reduce((sum, w) => sum + w, 0);

  const fit = (rowNumber: number, lines: number, size: number, least = 0) => {
    const row = sheet.getRow(rowNumber);
    row.height = Math.max(least, rowHeightPt(lines, size));
  };
  fit(1, wrappedLines(spec.title, total, TITLE_FONT.size), TITLE_FONT.size ?? 16, 30);
  fit(2, wrappedLines(spec.info, total, INFO_FONT.size), INFO_FONT.size ?? BODY_FONT_SIZE);
  fit(HEADER_ROW, Math.max(1, ...columns.map((c, i) => wrappedLines(c.label, widths[i], HEADER_FONT.size))), HEADER_FONT.size ?? 11, 22);
  for (let r = FIRST_DATA_ROW; r <= last; r += 1) {
    const row = sheet.getRow(r);
    let lines = 1;
    columns.forEach((column, index) => {
      if (!wraps(column)) return;
      const text = shownText(row.getCell(index + 1).value, column.format);
      if (text) lines = Math.max(lines, wrappedLines(text, widths[index]));
    });
    row.height = rowHeightPt(lines);
  }
  // ExcelJS puts a `$` before each end: `A$1:N$62` is written as the absolute `$A$1:$N$62` Excel expects.
  sheet.pageSetup.printArea = `A$1:${columnLetter(Math.max(columns.length, 1))}$${Math.max(last, HEADER_ROW)}`;
}

/** Appends plain values (no per-cell style: the column styles apply). */
export function addRows(sheet: Worksheet, rows: Iterable<readonly CellInput[]>): number {
  let count = 0;
  for (const row of rows) {
    sheet.addRow(row.map((v) => (v === undefined || v === '' ? null : v)));
    count += 1;
  }
  return count;
}
