import type { Workbook, Worksheet, CellValue as ExcelCellValue } from 'exceljs';
import { dateToParts } from '../dates';
import { normalizeCellText } from '../normalize';
import { EMPTY, type CellRange, type CellValue, type SheetGrid } from '../types';
import { openWorkbook, readSheetXml } from './xlsxFast';

/** Sheets larger than this are refused rather than freezing the app. */
export const MAX_ROWS_PER_SHEET = 50_000;
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
  return normalized ? { kind: 'text', text: normalized } : EMPTY;
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

/** A cell's number format matters only for numbers (a serial under a date format): skip the style lookup otherwise. */
function needsNumFmt(value: ExcelCellValue): boolean {
  return typeof value === 'number' || (typeof value === 'object' && value !== null && 'result' in value && typeof value.result === 'number');
}

/** How often, in rows, a sheet's conversion reports progress: often enough for a bar, rarely enough to cost nothing. */
const PROGRESS_EVERY_ROWS = 2_000;

function readSheet(worksheet: Worksheet, progress?: (rowsDone: number) => void): SheetGrid | { tooLarge: string } {
  const rowCount = worksheet.rowCount;
  if (rowCount > MAX_ROWS_PER_SHEET && worksheet.actualRowCount > MAX_ROWS_PER_SHEET) {
    return { tooLarge: tooLargeMessage(worksheet.name) };
  }
  // Only the rows and cells the file holds are visited (getRow/getCell would create the missing ones);
  // the grid is built once, rows and cells not in the file share one empty value.
  const rows: CellValue[][] = [];
  let done = 0;
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const width = Math.min(row.cellCount, MAX_COLUMNS);
    const cells = new Array<CellValue>(width).fill(EMPTY);
    let any = false;
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      if (column <= width) {
        const value = cell.value;
        const converted = toCellValue(value, needsNumFmt(value) ? cell.numFmt : undefined);
        cells[column - 1] = converted;
        any ||= converted.kind !== 'empty';
      }
    });
    // Rows that hold only empty strings or formatting (a style over a whole column) make no row of the table.
    if (any) {
      while (rows.length < rowNumber - 1) {
        rows.push([]);
      }
      rows[rowNumber - 1] = cells;
    }
    done += 1;
    if (progress && done % PROGRESS_EVERY_ROWS === 0) {
      progress(rowNumber);
    }
  });
  const merges: CellRange[] = [];
  const mergeRefs = (worksheet.model as { merges?: string[] }).merges ?? [];
  for (const ref of mergeRefs) {
    const range = parseRange(ref);
    if (!range) {
      continue;
    }
    merges.push(range);
    // Every cell of a merged range gets the master value (ExcelJS usually does this; make sure of it).
    const master = rows[range.top]?.[range.left] ?? EMPTY;
    for (let r = range.top; r <= Math.min(range.bottom, rows.length - 1); r += 1) {
      for (let c = range.left; c <= Math.min(range.right, MAX_COLUMNS - 1); c += 1) {
        while (rows[r].length <= c) {
          rows[r].push(EMPTY);
        }
        rows[r][c] = master;
      }
    }
  }
  return { name: worksheet.name, rows, merges };
}

export type XlsxReadResult =
  | { ok: true; sheets: SheetGrid[]; warnings: string[]; /** Which reader read it (tests and the bench). */ reader?: 'direct' | 'exceljs' }
  | { ok: false; message: string };

/** Progress of a read: `fraction` from 0 to 1, `stage` in Chinese for a progress line (解压读取工作簿, 转换工作表“花名册”). */
export type ReadProgress = (fraction: number, stage?: string) => void;

export interface XlsxReadOptions {
  onProgress?: ReadProgress;
}

/** ExcelJS: unzipping and building its document model is most of the work, converting to grids the rest. */
const LOAD_SHARE = 0.8;
/** The direct reader: unzipping is quick, scanning the sheets' XML is the work. */
const UNZIP_SHARE = 0.15;

const DAMAGED = '文件已损坏或不是有效的 Excel 工作簿，无法打开。请在 Excel 或 WPS 中打开它，另存为 .xlsx 后再导入。';

function tooLargeMessage(name: string): string {
  return `工作表“${name}”超过 ${MAX_ROWS_PER_SHEET} 行，请确认是台账后分成几个文件导入`;
}

/** The direct reader (read/xlsxFast.ts); throws UnsupportedXlsx for anything it does not understand. */
function readXlsxDirect(bytes: Uint8Array, onProgress: ReadProgress | undefined): XlsxReadResult {
  const workbook = openWorkbook(bytes);
  const total = workbook.sheets.reduce((n, sheet) => n + Math.max(1, sheet.xml.length), 0);
  let before = 0;
  onProgress?.(UNZIP_SHARE, '解压读取工作簿');
  const sheets: SheetGrid[] = [];
  const warnings: string[] = [];
  for (const { name, xml } of workbook.sheets) {
    const stage = `转换工作表“${name}”`;
    const weight = Math.max(1, xml.length);
    // Progress by rows read against the sheet's declared size, else by the share of the XML.
    const dimension = /<(?:\w+:)?dimension\b[^>]*\bref=["'][A-Z]+\d+:[A-Z]+(\d+)["']/i.exec(xml.slice(0, 2000));
    const expectedRows = Math.max(1, Number(dimension?.[1] ?? 0));
    const report = onProgress
      ? (rowsDone: number) =>
          onProgress(UNZIP_SHARE + ((1 - UNZIP_SHARE) * (before + weight * Math.min(1, rowsDone / expectedRows))) / total, stage)
      : undefined;
    report?.(0);
    const sheet = readSheetXml(name, xml, workbook.context, {
      maxRows: MAX_ROWS_PER_SHEET,
      maxColumns: MAX_COLUMNS,
      progress: report,
      progressEvery: PROGRESS_EVERY_ROWS,
    });
    before += weight;
    if ('tooLarge' in sheet) {
      warnings.push(tooLargeMessage(name));
    } else {
      sheets.push(sheet);
    }
  }
  onProgress?.(1, '读取完成');
  return { ok: true, sheets, warnings, reader: 'direct' };
}

/** ExcelJS's full load, then its document model → grids: the fallback for files the direct reader declines. */
export async function readXlsxWithExcelJs(bytes: Uint8Array, onProgress?: ReadProgress): Promise<XlsxReadResult> {
  const ExcelJS = await loadExcelJs();
  const workbook: Workbook = new ExcelJS.Workbook();
  try {
    // ExcelJS types say Buffer; it accepts any ArrayBuffer view (JSZip underneath). Data validations (drop-down
    // lists over whole columns in many templates), conditional formats and extensions are never read: skip them.
    await workbook.xlsx.load(bytes as unknown as Parameters<Workbook['xlsx']['load']>[0], {
      ignoreNodes: ['dataValidations', 'conditionalFormatting', 'extLst'],
    } as Parameters<Workbook['xlsx']['load']>[1]);
  } catch {
    return { ok: false, message: DAMAGED };
  }
  const sheets: SheetGrid[] = [];
  const warnings: string[] = [];
  const worksheets = workbook.worksheets;
  const total = worksheets.reduce((n, w) => n + Math.max(1, w.rowCount), 0);
  let before = 0;
  onProgress?.(LOAD_SHARE, '解压读取工作簿');
  for (const worksheet of worksheets) {
    const stage = `转换工作表“${worksheet.name}”`;
    const weight = Math.max(1, worksheet.rowCount);
    const report = onProgress
      ? (rowsDone: number) => onProgress(LOAD_SHARE + ((1 - LOAD_SHARE) * (before + Math.min(rowsDone, weight))) / total, stage)
      : undefined;
    report?.(0);
    const sheet = readSheet(worksheet, report);
    before += weight;
    if ('tooLarge' in sheet) {
      warnings.push(sheet.tooLarge);
    } else {
      sheets.push(sheet);
    }
  }
  onProgress?.(1, '读取完成');
  return { ok: true, sheets, warnings, reader: 'exceljs' };
}

/**
 * An .xlsx/.xlsm file → grids of its visible and hidden worksheets (chart sheets have no cells and are skipped).
 * The direct reader reads it; a file it declines (damaged, or shaped in a way it does not know) goes to ExcelJS,
 * which reads it or gives the message for a damaged file.
 */
export async function readXlsx(bytes: Uint8Array, options: XlsxReadOptions | ReadProgress = {}): Promise<XlsxReadResult> {
  const onProgress = typeof options === 'function' ? options : options.onProgress;
  onProgress?.(0, '解压读取工作簿');
  try {
    return readXlsxDirect(bytes, onProgress);
  } catch {
    // Declined (UnsupportedXlsx) or tripped over damage: ExcelJS has the last word.
  }
  return readXlsxWithExcelJs(bytes, onProgress);
}
