import type { Workbook, Worksheet, CellValue as ExcelCellValue } from 'exceljs';
import { dateToParts } from '../dates';
import { normalizeCellText } from '../normalize';
import type { CellRange, CellValue, SheetGrid } from '../types';

/** Sheets larger than this are refused rather than freezing the app. */
export const MAX_ROWS_PER_SHEET = 20_000;
export const MAX_COLUMNS = 200;

type ExcelJsModule = typeof import('exceljs');

// ExcelJS is large: load it only when a workbook is actually read (the renderer code-splits it; Node and workers
// get the CommonJS build, whose exports sit on `default`).
async function loadExcelJs(): Promise<ExcelJsModule> {
  const mod = (await import('exceljs')) as ExcelJsModule & { default?: ExcelJsModule };
  return mod.default ?? mod;
}

function text(t: string): CellValue {
  const normalized = normalizeCellText(t);
  return normalized ? { kind: 'text', text: normalized } : { kind: 'empty' };
}

/** ExcelJS's many value shapes → one CellValue: rich text → text, formula → its result, hyperlink → its text. */
export function toCellValue(value: ExcelCellValue | undefined, numFmt?: string): CellValue {
  if (value === null || value === undefined) {
    return { kind: 'empty' };
  }
  if (typeof value === 'string') {
    return text(value);
  }
  if (typeof value === 'number') {
    return Number.isFinite(value) ? { kind: 'number', number: value, numFmt } : { kind: 'empty' };
  }
  if (typeof value === 'boolean') {
    return { kind: 'boolean', boolean: value };
  }
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? { kind: 'error', message: '日期无效' } : { kind: 'date', date: dateToParts(value) };
  }
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) {
      return text(value.richText.map((run) => run.text ?? '').join(''));
    }
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: unknown }).result;
      if (result === undefined || result === null) {
        return {
          kind: 'error',
          message: '这是公式，文件里没有保存计算结果。请在 Excel 或 WPS 中打开文件、保存后再导入（或把公式复制后“粘贴为数值”）',
        };
      }
      if (typeof result === 'object' && 'error' in (result as object)) {
        return { kind: 'error', message: `公式计算出错（${String((result as { error: unknown }).error)}），请先在 Excel 中改正` };
      }
      return toCellValue(result as ExcelCellValue, numFmt);
    }
    if ('error' in value) {
      return { kind: 'error', message: `单元格显示错误值 ${String(value.error)}，请先在 Excel 中改正` };
    }
    if ('text' in value) {
      const t = (value as { text: unknown }).text;
      if (typeof t === 'string') {
        return text(t);
      }
      if (t && typeof t === 'object' && 'richText' in t) {
        return toCellValue(t as ExcelCellValue);
      }
    }
  }
  return { kind: 'empty' };
}

function parseRange(ref: string): CellRange | undefined {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/i.exec(ref.replace(/\$/g, ''));
  if (!m) {
    return undefined;
  }
  const col = (letters: string) => [...letters.toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
  return { top: Number(m[2]) - 1, left: col(m[1]) - 1, bottom: Number(m[4]) - 1, right: col(m[3]) - 1 };
}

function readSheet(worksheet: Worksheet): SheetGrid | { tooLarge: string } {
  const rowCount = Math.min(worksheet.actualRowCount === 0 ? 0 : worksheet.rowCount, MAX_ROWS_PER_SHEET + 1);
  if (rowCount > MAX_ROWS_PER_SHEET) {
    return { tooLarge: `工作表“${worksheet.name}”超过 ${MAX_ROWS_PER_SHEET} 行，请确认是台账后分成几个文件导入` };
  }
  const rows: CellValue[][] = [];
  for (let r = 1; r <= rowCount; r += 1) {
    const row = worksheet.getRow(r);
    const cells: CellValue[] = [];
    const last = Math.min(row.cellCount, MAX_COLUMNS);
    for (let c = 1; c <= last; c += 1) {
      const cell = row.getCell(c);
      cells.push(toCellValue(cell.value, cell.numFmt));
    }
    rows.push(cells);
  }
  const merges: CellRange[] = [];
  const mergeRefs = (worksheet.model as { merges?: string[] }).merges ?? [];
  for (const ref of mergeRefs) {
    const range = parseRange(ref);
    if (!range) {
      continue;
    }
    merges.push(range);
    // Every cell of a merged range gets the master value (ExcelJS usually does this; make sure of it).
    const master = rows[range.top]?.[range.left] ?? { kind: 'empty' };
    for (let r = range.top; r <= Math.min(range.bottom, rows.length - 1); r += 1) {
      for (let c = range.left; c <= Math.min(range.right, MAX_COLUMNS - 1); c += 1) {
        while (rows[r].length <= c) {
          rows[r].push({ kind: 'empty' });
        }
        rows[r][c] = master;
      }
    }
  }
  return { name: worksheet.name, rows, merges };
}

export type XlsxReadResult = { ok: true; sheets: SheetGrid[]; warnings: string[] } | { ok: false; message: string };

/** An .xlsx/.xlsm file → grids of its visible and hidden worksheets (chart sheets have no cells and are skipped). */
export async function readXlsx(bytes: Uint8Array): Promise<XlsxReadResult> {
  const ExcelJS = await loadExcelJs();
  const workbook: Workbook = new ExcelJS.Workbook();
  try {
    // ExcelJS types say Buffer; it accepts any ArrayBuffer view (JSZip underneath).
    await workbook.xlsx.load(bytes as unknown as Parameters<Workbook['xlsx']['load']>[0]);
  } catch {
    return {
      ok: false,
      message: '文件已损坏或不是有效的 Excel 工作簿，无法打开。请在 Excel 或 WPS 中打开它，另存为 .xlsx 后再导入。',
    };
  }
  const sheets: SheetGrid[] = [];
  const warnings: string[] = [];
  for (const worksheet of workbook.worksheets) {
    const sheet = readSheet(worksheet);
    if ('tooLarge' in sheet) {
      warnings.push(sheet.tooLarge);
    } else {
      sheets.push(sheet);
    }
  }
  return { ok: true, sheets, warnings };
}
