import { todayIso } from '../dates';
import { classifySheet, type ColumnMatch } from './classify';
import { LEDGER_DEFINITIONS } from './definitions';
import { makeIssue, parseSheetRows, type ParsedRow, type Place, type SkippedRow } from './parseSheet';
import { readCsv } from './read/csv';
import { sniffFile } from './read/sniff';
import { readXlsx } from './read/xlsx';
import type { LedgerDefinition, LedgerIssue, LedgerKind, SheetGrid } from './types';

/**
 * Reading a ledger file end to end: bytes + name → every sheet classified, rows parsed into records with their
 * issues. Nothing here throws for bad input: every problem is a Chinese issue with file, sheet, row and column.
 */

export interface ParsedSheet {
  name: string;
  /** The ledger the sheet is, or undefined (填表说明, an empty sheet…) with `reason`. */
  ledger?: LedgerKind;
  ledgerLabel?: string;
  reason?: string;
  /** 1-based rows of the header (two when a two-row header was joined). */
  headerRows: number[];
  columns: ColumnMatch[];
  rows: ParsedRow[];
  skippedRows: SkippedRow[];
  /** Sheet-level notes, e.g. a duplicated column. */
  issues: LedgerIssue[];
}

export interface LedgerFileResult {
  fileName: string;
  format?: 'xlsx' | 'csv';
  encoding?: string;
  sheets: ParsedSheet[];
  /** Problems with the file as a whole: unreadable, encrypted, wrong format, no ledger found. */
  fileIssues: LedgerIssue[];
}

export interface ReadOptions {
  /** `YYYY-MM-DD`; defaults to today where the user is. */
  today?: string;
  definitions?: readonly LedgerDefinition[];
}

function parseGrid(sheet: SheetGrid, place: Place, options: Required<ReadOptions>): ParsedSheet {
  const classification = classifySheet(sheet, options.definitions);
  const issues: LedgerIssue[] = [];
  const base = {
    name: sheet.name,
    headerRows: classification.headerRows,
    columns: classification.columns,
  };
  if (!classification.ledger) {
    return { ...base, reason: classification.reason, rows: [], skippedRows: [], issues };
  }
  const ledger = classification.ledger;
  for (const column of classification.columns) {
    if (column.duplicateOf) {
      issues.push(
        makeIssue(place, 'warning', `与第${column.duplicateOf}列表示同一项，本列未导入`, {
          row: classification.headerRows[0],
          column: column.column,
          header: column.header,
        }),
      );
    }
  }
  const { rows, skipped } = parseSheetRows(sheet, { ...classification, ledger }, place, { today: options.today });
  return { ...base, ledger: ledger.kind, ledgerLabel: ledger.label, rows, skippedRows: skipped, issues };
}

export async function readLedgerFile(fileName: string, bytes: Uint8Array, options: ReadOptions = {}): Promise<LedgerFileResult> {
  const full: Required<ReadOptions> = { today: options.today ?? todayIso(), definitions: options.definitions ?? LEDGER_DEFINITIONS };
  const fail = (message: string): LedgerFileResult => ({
    fileName,
    sheets: [],
    fileIssues: [makeIssue({ file: fileName }, 'error', message)],
  });
  const sniffed = sniffFile(fileName, bytes);
  if (sniffed.kind === 'refused') {
    return fail(sniffed.message);
  }
  let result: LedgerFileResult;
  try {
    if (sniffed.kind === 'csv') {
      const { sheet, encoding } = readCsv(fileName, bytes);
      result = {
        fileName,
        format: 'csv',
        encoding,
        sheets: [parseGrid(sheet, { file: fileName }, full)],
        fileIssues: [],
      };
    } else {
      const read = await readXlsx(bytes);
      if (!read.ok) {
        return fail(read.message);
      }
      result = {
        fileName,
        format: 'xlsx',
        sheets: read.sheets.map((sheet) => parseGrid(sheet, { file: fileName, sheet: sheet.name }, full)),
        fileIssues: read.warnings.map((w) => makeIssue({ file: fileName }, 'warning', w)),
      };
    }
  } catch {
    // A reader bug or a file shaped in a way nobody foresaw: still a message, never a stack trace.
    return fail('读取文件时出错，文件可能已损坏。请在 Excel 或 WPS 中打开它，另存为 .xlsx 后再导入。');
  }
  if (!result.sheets.some((s) => s.ledger)) {
    const reasons = result.sheets.map((s) => `“${s.name}”：${s.reason ?? '不是台账'}`).join('；');
    result.fileIssues.push(
      makeIssue({ file: fileName }, 'error', `没有找到可以导入的台账。${reasons || '文件里没有工作表'}`),
    );
  }
  return result;
}

export { classifySheet, HEADER_SEARCH_ROWS, type ColumnMatch, type SheetClassification } from './classify';
export { parseDateCell, parseDateText, parseDateNumber, excelSerialToParts, type LedgerDate } from './dates';
export { LEDGER_DEFINITIONS, membersLedger, importedMemberSchema, type ImportedMember } from './definitions';
export { distributeMembersToBranches, branchKey, type BranchAssignment, type BranchRef } from './branches';
export { normalizeHeader, normalizeCellText, toHalfWidth } from './normalize';
export type { ParsedRow, SkippedRow } from './parseSheet';
export { sniffFile, MAX_FILE_BYTES } from './read/sniff';
export { readCsv, decodeText, parseDelimited } from './read/csv';
export { readXlsx } from './read/xlsx';
export * from './types';
