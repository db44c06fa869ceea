import type { Workbook, Worksheet, CellValue as ExcelCellValue } from 'exceljs';
import { createTextDecoder } from '../../text/encoding';
import { dateToParts } from '../dates';
import { normalizeCellText } from '../normalize';
import { EMPTY, type CellRange, type CellValue, type SheetGrid } from '../types';
import { EXCELJS_ZIP_LIMITS, LEDGER_ZIP_LIMITS } from '../../zip/limits';
import { ZipArchive, ZipFormatError, ZipLimitError, zipLimitMessage } from '../../zip/zip';
import { fillMerges } from './merges';
import { ElementScanner } from './xmlStream';
import { openWorkbook } from './xlsxFast';

/** Sheets larger than this are refused rather than freezing the app. */
export const MAX_ROWS_PER_SHEET = 50_000;
export const MAX_COLUMNS = 200;

/** ExcelJS makes a cell object for every cell of a merged range. */
export const MAX_MERGED_CELLS_FOR_EXCELJS = 200_000;

type ExcelJsModule = typeof import('exceljs');

// ExcelJS is large: load it only when a workbook is actually read (the renderer code-splits it; Node and workers
// get the CommonJS build, whose exports sit on `default`).
async function loadExcelJs(): Promise<ExcelJsModule> {
  // The namespace type has no `default`, where the CommonJS build puts its exports.
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
      const result: unknown = value.result;
      if (result === undefined || result === null) {
        return {
          kind: 'error',
          message: '这是公式，文件里没有保存计算结果。请在 Excel 或 WPS 中打开文件、保存后再导入（或把公式复制后“粘贴为数值”）',
        };
      }
      if (typeof result === 'object' && 'error' in result) {
        return { kind: 'error', message: `公式计算出错（${String(result.error)}），请先在 Excel 中改正` };
      }
      return toCellValue(result as ExcelCellValue, numFmt); // a cached formula result is a plain cell value
    }
    if ('error' in value) {
      return { kind: 'error', message: `单元格显示错误值 ${String(value.error)}，请先在 Excel 中改正` };
    }
    if ('text' in value) {
      const t: unknown = value.text;
      if (typeof t === 'string') {
        return text(t);
      }
      if (t && typeof t === 'object' && 'richText' in t) {
        return toCellValue(t as ExcelCellValue); // a hyperlink's text may be rich text, itself a cell value
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

function readSheet(worksheet: Worksheet, notes: string[], progress?: (rowsDone: number) => void): SheetGrid | { tooLarge: string } {
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
  // ExcelJS keeps the merged ranges on the model without declaring them in its types.
  const mergeRefs = (worksheet.model as { merges?: string[] }).merges ?? [];
  for (const ref of mergeRefs) {
    const range = parseRange(ref);
    if (!range) {
      continue;
    }
    merges.push(range);
  }
  // Every cell of a merged range gets the master value (ExcelJS usually does this; make sure of it).
  const note = fillMerges(worksheet.name, rows, merges, { maxRows: MAX_ROWS_PER_SHEET, maxColumns: MAX_COLUMNS, growRows: false });
  if (note) {
    notes.push(note);
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

export function tooLargeMessage(name: string): string {
  return `工作表“${name}”超过 ${MAX_ROWS_PER_SHEET} 行，请确认是台账后分成几个文件导入`;
}

/** Progress is reported about this often while a part is inflated. */
const PROGRESS_EVERY_BYTES = 1024 * 1024;

/** Names a part for a message: a worksheet by its name and path, another part by its path. */
function partLabel(path: string, sheets: readonly { name: string; path: string }[]): string {
  const sheet = sheets.find((s) => s.path === path);
  return sheet ? `工作表“${sheet.name}”（${path}）` : `“${path}”`;
}

function limitMessage(error: ZipLimitError, sheets: readonly { name: string; path: string }[]): string {
  return `${zipLimitMessage(error, '工作簿', partLabel(error.path, sheets))}。正常的台账远小于这个上限，请确认选对了文件。`;
}

function limitResult(error: ZipLimitError, sheets: readonly { name: string; path: string }[] = []): XlsxReadResult {
  return { ok: false, message: limitMessage(error, sheets) };
}

/** The direct reader (read/xlsxFast.ts); throws UnsupportedXlsx for anything it does not understand. */
function readXlsxDirect(bytes: Uint8Array, onProgress: ReadProgress | undefined): XlsxReadResult {
  const workbook = openWorkbook(bytes, LEDGER_ZIP_LIMITS);
  const total = workbook.sheets.reduce((n, sheet) => n + Math.max(1, sheet.declaredSize), 0);
  let before = 0;
  onProgress?.(UNZIP_SHARE, '解压读取工作簿');
  const sheets: SheetGrid[] = [];
  const warnings: string[] = [];
  try {
    for (const sheetPart of workbook.sheets) {
      const { name } = sheetPart;
      const stage = `转换工作表“${name}”`;
      // By bytes inflated against the size the zip declares (only for the bar: never trusted otherwise).
      const weight = Math.max(1, sheetPart.declaredSize);
      let latest = 0;
      let reported = 0;
      const report = (read: number) => {
        reported = read;
        onProgress?.(UNZIP_SHARE + ((1 - UNZIP_SHARE) * (before + Math.min(weight, read))) / total, stage);
      };
      report(0);
      const sheet = sheetPart.read({
        maxRows: MAX_ROWS_PER_SHEET,
        maxColumns: MAX_COLUMNS,
        // Every 2,000 rows, and every megabyte of a part that has few rows.
        progress: () => report(latest),
        progressEvery: PROGRESS_EVERY_ROWS,
        onBytes: (read) => {
          latest = read;
          if (read - reported >= PROGRESS_EVERY_BYTES) {
            report(read);
          }
        },
        onNote: (note) => warnings.push(note),
      });
      before += weight;
      if ('tooLarge' in sheet) {
        warnings.push(tooLargeMessage(name));
      } else {
        sheets.push(sheet);
      }
    }
  } catch (error) {
    if (error instanceof ZipLimitError) {
      return limitResult(error, workbook.sheets);
    }
    throw error;
  }
  onProgress?.(1, '读取完成');
  return { ok: true, sheets, warnings, reader: 'direct' };
}

/**
 * Whether ExcelJS may be given the file: it inflates every entry and builds a cell object for every cell of a
 * merged range, so the file must be small when inflated whole and its merges of a sane size. Streams every entry
 * (nothing kept) under EXCELJS_ZIP_LIMITS; the message says why not.
 */
function excelJsRefusal(bytes: Uint8Array): string | undefined {
  try {
    const archive = new ZipArchive(bytes, EXCELJS_ZIP_LIMITS);
    let mergedCells = 0;
    for (const entry of archive.entries) {
      if (!/^xl\/worksheets\/[^/]+\.xml$/i.test(entry.name)) {
        archive.stream(entry, () => undefined);
        continue;
      }
      const decoder = createTextDecoder('utf-8');
      const scanner = new ElementScanner(['mergeCell'], (_, attributes) => {
        const range = parseRange(/ref=["']([^"']*)["']/.exec(attributes)?.[1] ?? '');
        if (range) {
          mergedCells += (range.bottom - range.top + 1) * (range.right - range.left + 1);
        }
      });
      archive.stream(entry, (chunk) => {
        scanner.push(decoder.decode(chunk, { stream: true }));
      });
    }
    if (mergedCells > MAX_MERGED_CELLS_FOR_EXCELJS) {
      return '工作簿中的合并单元格范围过大，远超出台账的大小，无法读取。请在 Excel 或 WPS 中取消多余的合并后另存，再导入。';
    }
  } catch (error) {
    if (error instanceof ZipLimitError) {
      return limitMessage(error, []);
    }
    // A zip we cannot even list: ExcelJS would not read it either.
    return DAMAGED;
  }
  return undefined;
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
    });
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
    const sheet = readSheet(worksheet, warnings, report);
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
  } catch (error) {
    if (error instanceof ZipLimitError) {
      return limitResult(error);
    }
    if (error instanceof ZipFormatError) {
      return { ok: false, message: DAMAGED };
    }
    // Declined (UnsupportedXlsx) or tripped over damage: ExcelJS has the last word, on a file known to be small.
  }
  const refusal = excelJsRefusal(bytes);
  if (refusal) {
    return { ok: false, message: refusal };
  }
  return readXlsxWithExcelJs(bytes, onProgress);
}
