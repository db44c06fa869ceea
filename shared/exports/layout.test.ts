import type { CellValue, Workbook, Worksheet } from 'exceljs';
import { describe, expect, it } from 'vitest';
import { columnLetter } from '../ledgers/normalize';
import { A4_WIDTH_UNITS, fittedWidth, lineHeightPt, oneLineWidth, rowHeightPt, SHORT_TEXT_UNITS, sheetWidths, textUnits, wrappedLines } from './layout';
import { buildSelfCheckWorkbook } from './selfCheck';
import { loadExcelJs } from './sheet';
import { templateOf } from '../kinds';
import { buildTemplateWorkbook } from './templates';
import { demoDataset, findingsOf, TEST_OPTIONS } from './testData';
import { LEDGER_EXPORT_FILES } from '../kinds';
import type { LedgerExportKind } from './types';
import { buildLedgerWorkbook } from './workbook';

/*
 * What was checked by printing every export through LibreOffice (soffice --convert-to pdf, pages looked at), kept
 * here without LibreOffice: long columns wrap, every row is as tall as the lines of its wrapped cells, cells that do
 * not wrap fit their column, A4 with the header row repeated and a print area over the table.
 */

describe('text measure', () => {
  it('counts CJK and full-width characters as 2 units, Latin as 1', () => {
    expect(textUnits('abc')).toBe(3);
    expect(textUnits('党支部')).toBe(6);
    expect(textUnits('第1次，（试行）')).toBe(1 + 2 * 7);
    expect(textUnits('２０２５')).toBe(8);
  });

  it('wraps a text into the lines its width needs, explicit breaks included', () => {
    expect(wrappedLines('', 20)).toBe(1);
    expect(wrappedLines('短', 20)).toBe(1);
    // 40 CJK characters = 80 units (76 at 10.5 pt) in a 20-unit column with 18 usable: 5 lines.
    expect(wrappedLines('党'.repeat(40), 20)).toBe(5);
    expect(wrappedLines('第一行\n第二行\n第三行', 20)).toBe(3);
    expect(wrappedLines('a'.repeat(100), 52)).toBe(2);
  });

  it('gives every line its height: rows are never shorter than lines × line height', () => {
    expect(lineHeightPt(10.5)).toBeGreaterThanOrEqual(15);
    for (const lines of [1, 2, 7, 30]) {
      expect(rowHeightPt(lines)).toBeGreaterThanOrEqual(lines * lineHeightPt());
    }
  });

  it('chooses a width for the content', () => {
    const base = { header: '工作岗位', headerSize: 11 };
    // Short values never wrap: the column takes the longest.
    expect(fittedWidth({ ...base, width: 14, wraps: true }, ['机关服务中心职员'])).toBe(oneLineWidth('机关服务中心职员'));
    expect(oneLineWidth('机关服务中心职员')).toBeLessThanOrEqual(SHORT_TEXT_UNITS);
    // Long texts wrap within the planned width.
    expect(fittedWidth({ ...base, width: 30, wraps: true }, ['党'.repeat(60)])).toBe(30);
    // Nothing short is wider than it needs, nothing narrower than its header.
    expect(fittedWidth({ ...base, width: 30, wraps: true }, ['是'])).toBe(oneLineWidth('工作岗位', 11) + 1);
    // Codes, dates and numbers do not wrap: never narrower than the longest.
    expect(fittedWidth({ ...base, header: '号码', width: 8, wraps: false }, ['110105198405143165'])).toBe(oneLineWidth('110105198405143165'));
  });

  it('keeps planned widths while the table fits across A4, and shrinks long-text columns when it does not', () => {
    const column = (width: number) => ({ width, wraps: true, header: '内容', headerSize: 11 });
    expect(sheetWidths([column(16), column(50)], [['支部全称'], ['中共示例市民政局机关第一支部委员会']], 'portrait')).toEqual([16, 50]);
    const wide = sheetWidths([column(60), column(60), column(60)], [['党'.repeat(100)], ['短'], ['党'.repeat(100)]], 'landscape');
    expect(wide[1]).toBeLessThan(60);
    expect(wide.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(60 + 60 + 20);
    expect(A4_WIDTH_UNITS.landscape).toBeGreaterThan(A4_WIDTH_UNITS.portrait);
  });
});

async function open(bytes: Uint8Array): Promise<Workbook> {
  const ExcelJS = await loadExcelJs();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

function shown(value: CellValue, numFmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return numFmt?.includes('hh') ? value.toISOString().slice(0, 16) : value.toISOString().slice(0, 10);
  if (typeof value === 'object') return 'richText' in value ? value.richText.map((p) => p.text).join('') : String((value as { text?: string }).text ?? '');
  return String(value);
}

/** Every property the printed pages depend on, for one sheet. */
function expectPrintable(sheet: Worksheet, where: string): void {
  const columns = sheet.columnCount;
  expect(sheet.pageSetup, where).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' });
  expect(['landscape', 'portrait'], where).toContain(sheet.pageSetup.orientation);
  expect(sheet.pageSetup.printArea, where).toBe(`A1:${columnLetter(columns)}${sheet.rowCount}`);
  const widths = Array.from({ length: columns }, (_, i) => sheet.getColumn(i + 1).width ?? 0);
  const total = widths.reduce((a, b) => a + b, 0);
  for (let r = 1; r <= sheet.rowCount; r += 1) {
    const row = sheet.getRow(r);
    expect(row.height, `${where} row ${r} has an explicit height`).toBeGreaterThan(0);
    for (let c = 1; c <= (r <= 2 ? 1 : columns); c += 1) {
      const cell = row.getCell(c);
      const text = shown(cell.value, cell.numFmt);
      if (!text) continue;
      const size = cell.font?.size ?? 10.5;
      if (cell.alignment?.wrapText) {
        // Title and info rows span the whole table.
        const width = r <= 2 ? total : widths[c - 1];
        const lines = wrappedLines(text, width, size);
        expect(row.height, `${where} ${cell.address}: ${lines} lines of “${text.slice(0, 20)}…”`).toBeGreaterThanOrEqual(lines * lineHeightPt(size));
      } else {
        expect(widths[c - 1], `${where} ${cell.address} “${text}” fits on one line`).toBeGreaterThanOrEqual(oneLineWidth(text, size));
      }
    }
  }
  // Long texts wrap: every column that holds a text longer than its width has wrapping cells.
  for (let c = 1; c <= columns; c += 1) {
    for (let r = 4; r <= sheet.rowCount; r += 1) {
      const cell = sheet.getRow(r).getCell(c);
      const text = shown(cell.value, cell.numFmt);
      if (text && oneLineWidth(text) > widths[c - 1]) {
        expect(cell.alignment?.wrapText, `${where} ${cell.address} wraps`).toBe(true);
      }
    }
  }
}

function visibleSheets(workbook: Workbook): Worksheet[] {
  return workbook.worksheets.filter((s) => s.state !== 'hidden');
}

describe('every export prints on A4 without cut text', () => {
  const data = demoDataset();

  it('00_自检报告: the long 要求, 实际 and 缺口明细 wrap and their rows are as tall as their lines', async () => {
    const findings = findingsOf(data);
    const workbook = await open(await buildSelfCheckWorkbook(findings, data, TEST_OPTIONS));
    for (const sheet of visibleSheets(workbook)) {
      expectPrintable(sheet, `00_自检报告/${sheet.name}`);
    }
    const report = workbook.getWorksheet('自检报告')!;
    expect(report.pageSetup.orientation).toBe('landscape');
    // A row of several gap lines is several lines tall (LibreOffice would print a row without a height as one line).
    const tallest = Math.max(...Array.from({ length: report.rowCount - 3 }, (_, i) => report.getRow(i + 4).height ?? 0));
    expect(tallest).toBeGreaterThanOrEqual(3 * lineHeightPt());
  });

  for (const kind of Object.keys(LEDGER_EXPORT_FILES) as LedgerExportKind[]) {
    it(`${LEDGER_EXPORT_FILES[kind]}`, async () => {
      const workbook = await open(await buildLedgerWorkbook(kind, data, TEST_OPTIONS));
      for (const sheet of visibleSheets(workbook)) {
        expectPrintable(sheet, `${kind}/${sheet.name}`);
      }
    });
  }

  for (const kind of ['members', 'meetings', 'talks', 'analyses', 'rectifications'] as const) {
    it(`the blank ${kind} template and its 填表说明`, async () => {
      const workbook = await open(await buildTemplateWorkbook(templateOf(kind)));
      for (const sheet of visibleSheets(workbook)) {
        expectPrintable(sheet, `template ${kind}/${sheet.name}`);
      }
    });
  }
});
