// readXlsx on its own: the grid it builds (only the cells the file holds, merges filled, trailing formatted rows
// dropped) and its progress reports.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { readXlsx, readXlsxWithExcelJs } from './read/xlsx';
import { readSheetXml, UnsupportedXlsx } from './read/xlsxFast';
import type { CellValue, SheetGrid } from './types';

async function workbookBytes(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('readXlsx', () => {
  it('builds the grid from the cells the file holds: gaps empty, merges filled, formatted empty rows dropped', async () => {
    const bytes = await workbookBytes((wb) => {
      const ws = wb.addWorksheet('表');
      ws.getCell('A1').value = '标题';
      ws.mergeCells('A1:C1');
      ws.getCell('B3').value = 42;
      ws.getCell('B3').numFmt = '0.00';
      ws.getCell('C4').value = { formula: 'B3*2', result: 84 };
      ws.getCell('A5').value = '　１２３ ';
      // Formatting without values far below the table, as whole-column styles leave it.
      ws.getCell('D200').numFmt = '@';
      ws.getCell('D201').value = '';
    });
    const read = await readXlsx(bytes);
    expect(read.ok).toBe(true);
    if (!read.ok) {
      return;
    }
    const [sheet] = read.sheets;
    expect(sheet.rows).toHaveLength(5);
    expect(sheet.rows[0]).toEqual([{ kind: 'text', text: '标题' }, { kind: 'text', text: '标题' }, { kind: 'text', text: '标题' }]);
    expect(sheet.rows[1]).toEqual([]);
    expect(sheet.rows[2]).toEqual([{ kind: 'empty' }, { kind: 'number', number: 42, numFmt: '0.00' }]);
    expect(sheet.rows[3][2]).toMatchObject({ kind: 'number', number: 84 });
    expect(sheet.rows[4]).toEqual([{ kind: 'text', text: '123' }]);
    expect(sheet.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 2 }]);
  });

  it('reports progress from 0 to 1, naming each sheet, a few times per sheet only', async () => {
    const bytes = await workbookBytes((wb) => {
      wb.addWorksheet('填表说明').addRow(['说明']);
      const ws = wb.addWorksheet('花名册');
      for (let i = 0; i < 5_000; i += 1) {
        ws.addRow([`党员${i}`, i]);
      }
    });
    const calls: [number, string | undefined][] = [];
    const read = await readXlsx(bytes, { onProgress: (fraction, stage) => calls.push([fraction, stage]) });
    expect(read.ok).toBe(true);
    const fractions = calls.map(([f]) => f);
    expect(fractions[0]).toBe(0);
    expect(fractions[fractions.length - 1]).toBe(1);
    expect(fractions.every((f, i) => i === 0 || f >= fractions[i - 1])).toBe(true);
    expect(fractions.every((f) => f >= 0 && f <= 1)).toBe(true);
    const stages = new Set(calls.map(([, s]) => s));
    expect(stages).toEqual(new Set(['解压读取工作簿', '转换工作表“填表说明”', '转换工作表“花名册”', '读取完成']));
    // Progress within the long sheet (every 2,000 rows), but no flood: a report costs nothing measurable.
    const start = calls.find(([, s]) => s === '转换工作表“花名册”')![0];
    expect(calls.filter(([f, s]) => s === '转换工作表“花名册”' && f > start && f < 1).length).toBeGreaterThanOrEqual(2);
    expect(calls.length).toBeLessThan(12);
    // A bare callback works too (what readLedgerFile may pass).
    const bare: number[] = [];
    await readXlsx(bytes, (fraction) => bare.push(fraction));
    expect(bare).toEqual(fractions);
    // The ExcelJS fallback reports the same way.
    const viaExcelJs: [number, string | undefined][] = [];
    await readXlsxWithExcelJs(bytes, (fraction, stage) => viaExcelJs.push([fraction, stage]));
    expect(viaExcelJs[viaExcelJs.length - 1]).toEqual([1, '读取完成']);
    expect(new Set(viaExcelJs.map(([, s]) => s))).toEqual(new Set(['解压读取工作簿', '转换工作表“填表说明”', '转换工作表“花名册”', '读取完成']));
    expect(viaExcelJs.every(([f], i) => i === 0 || f >= viaExcelJs[i - 1][0])).toBe(true);
  });

  it('refuses a damaged workbook with a message and reports no progress past the start', async () => {
    const calls: number[] = [];
    const read = await readXlsx(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), { onProgress: (f) => calls.push(f) });
    expect(read).toEqual({ ok: false, message: expect.stringContaining('无法打开') });
    expect(calls).toEqual([0]);
  });
});

describe('the direct reader against ExcelJS', () => {
  const fixtures = new URL('./fixtures/', import.meta.url);
  const files = [
    ...readdirSync(fixtures).filter((f) => f.endsWith('.xlsx')),
    ...readdirSync(new URL('difficulties/', fixtures)).filter((f) => f.endsWith('.xlsx')).map((f) => `difficulties/${f}`),
  ];
  const grid = (sheets: SheetGrid[]) => sheets.map((s) => ({ name: s.name, merges: s.merges, rows: s.rows.map((r: CellValue[]) => r) }));

  it.each(files)('reads %s to the same grid as ExcelJS, without ExcelJS', async (name) => {
    const bytes = new Uint8Array(readFileSync(new URL(name, fixtures)));
    const direct = await readXlsx(bytes);
    const viaExcelJs = await readXlsxWithExcelJs(bytes);
    expect(direct.ok && direct.reader).toBe('direct');
    expect(viaExcelJs.ok && viaExcelJs.reader).toBe('exceljs');
    if (direct.ok && viaExcelJs.ok) {
      expect(grid(direct.sheets)).toEqual(grid(viaExcelJs.sheets));
      expect(direct.warnings).toEqual(viaExcelJs.warnings);
    }
  });

  it('reads what ExcelJS writes of every cell kind the same way', async () => {
    const bytes = await workbookBytes((wb) => {
      wb.addWorksheet('空');
      const ws = wb.addWorksheet('各种 & <单元格>');
      ws.addRow(['文本 & <符号> "引号"', 12.5, true, false, new Date(Date.UTC(2025, 2, 5, 14, 30)), null, '  两边空格  ']);
      ws.addRow([{ formula: 'A1&"x"', result: '文本x' }, { formula: '1/0', result: { error: '#DIV/0!' } }, { error: '#N/A' }, { formula: 'TODAY()' }]);
      ws.addRow([{ richText: [{ text: '富' }, { text: '文本', font: { italic: true } }] }, { text: '链接', hyperlink: 'https://example.org/?a=1&b=2' }, 45721, 20250305, '１２３']);
      ws.getCell('C3').numFmt = 'yyyy"年"m"月"d"日"';
      ws.getCell('D3').numFmt = '0';
      ws.getCell('K5').value = '远处';
      ws.mergeCells('A6:B8');
      ws.getCell('A6').value = '合并';
      ws.mergeCells('D6:E6');
      wb.addWorksheet('隐藏', { state: 'hidden' }).addRow(['隐藏的表']);
    });
    const direct = await readXlsx(bytes);
    const viaExcelJs = await readXlsxWithExcelJs(bytes);
    expect(direct.ok && direct.reader).toBe('direct');
    if (direct.ok && viaExcelJs.ok) {
      expect(grid(direct.sheets)).toEqual(grid(viaExcelJs.sheets));
      expect(direct.sheets.map((s) => s.name)).toEqual(['空', '各种 & <单元格>', '隐藏']);
      expect(direct.sheets[1].rows[0][0]).toEqual({ kind: 'text', text: '文本 & <符号> "引号"' });
      expect(direct.sheets[1].rows[2][2]).toEqual({ kind: 'date', date: { year: 2025, month: 3, day: 5, hour: 0, minute: 0, second: 0 } });
    }
  });

  it('falls back to ExcelJS for a file it declines, and both refuse a damaged one', async () => {
    const good = new Uint8Array(readFileSync(new URL('党员花名册.xlsx', fixtures)));
    const damaged = good.slice();
    damaged.fill(0x41, 200, 3000);
    expect(await readXlsx(damaged)).toEqual({ ok: false, message: expect.stringContaining('无法打开') });
  });
});

describe('the direct reader on malformed XML', () => {
  const context = { strings: [], formats: [], date1904: false };
  const options = { maxRows: 50_000, maxColumns: 200, progressEvery: 2_000 };

  it('declines rows that are never closed at once (a lazy scan would take minutes: the test would time out)', () => {
    const rows = Array.from({ length: 60_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="str"><v>x</v></c>`).join('');
    expect(() => readSheetXml('表', `<worksheet><sheetData>${rows}</sheetData></worksheet>`, context, options)).toThrow(UnsupportedXlsx);
    expect(() => readSheetXml('表', `<worksheet><sheetData>${rows}`, context, options)).toThrow(/incomplete/);
  });

  it('reads prefixed elements, rows and cells without r, and entities', () => {
    const xml =
      '<x:worksheet><x:sheetData><x:row><x:c t="inlineStr"><x:is><x:t>甲&amp;乙</x:t></x:is></x:c><x:c><x:v>3</x:v></x:c></x:row>' +
      '<x:row r="3"><x:c r="B3" t="b"><x:v>1</x:v></x:c></x:row></x:sheetData>' +
      '<x:mergeCells count="1"><x:mergeCell ref="A1:A2"/></x:mergeCells></x:worksheet>';
    const sheet = readSheetXml('表', xml, context, options);
    expect(sheet).toEqual({
      name: '表',
      rows: [
        [{ kind: 'text', text: '甲&乙' }, { kind: 'number', number: 3, numFmt: undefined }],
        [{ kind: 'text', text: '甲&乙' }],
        [{ kind: 'empty' }, { kind: 'boolean', boolean: true }],
      ],
      merges: [{ top: 0, left: 0, bottom: 1, right: 0 }],
    });
  });
});
