import { todayIso } from '../dates';
import { classifySheet, sheetWidth, type ColumnMatch, type SheetOverride } from './classify';
import { LEDGER_DEFINITIONS } from './definitions';
import { branchInTitle, yearInTitle } from './titles';
import type { NoteBlock } from './notes';
import { capIssues } from './issueCap';
import { makeIssue, parseSheetRows, type ParsedRow, type Place, type SkippedRow } from './parseSheet';
import { readCsv } from './read/csv';
import { sniffFile } from './read/sniff';
import { readXlsx } from './read/xlsx';
import { readPackageWorkbooks } from './read/package';
import { readOrganization, type ImportedOrganization } from './organization';
import type { LedgerDefinition, LedgerIssue, LedgerKind, SheetGrid } from './types';
import { cellText } from './values';

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
  /** Not a ledger yet, but `columns` hold this ledger's fields (a near miss the user may complete by mapping). */
  mappedAs?: LedgerKind;
  /** The user set this sheet to 不导入. */
  excluded?: boolean;
  /** 1-based rows of the header (two when a two-row header was joined). */
  headerRows: number[];
  columns: ColumnMatch[];
  /** Columns of the widest row (a column may hold data under an empty header). */
  width: number;
  /** The first rows as short text, to choose the header row from. */
  topRows: string[];
  rows: ParsedRow[];
  skippedRows: SkippedRow[];
  /** Blocks of instructions (填写注意事项…) under or beside the table: skipped, shown once as 说明文字. */
  notes: NoteBlock[];
  /** A branch named above the header (the sheet's title, 填报单位：…), to compare with the branch imported into. */
  titleBranch?: string;
  /** Sheet-level notes, e.g. a duplicated column. */
  issues: LedgerIssue[];
}

export interface LedgerFileResult {
  fileName: string;
  /** `package`: a 检查材料包 zip, whose ledger workbooks are read one after another. */
  format?: 'xlsx' | 'csv' | 'package';
  encoding?: string;
  sheets: ParsedSheet[];
  /** Problems with the file as a whole: unreadable, encrypted, wrong format, no ledger found. */
  fileIssues: LedgerIssue[];
  /** 06_组织设置 (a package's, or the workbook alone): branch information, 支部委员会 and 党小组 by name. */
  organization?: ImportedOrganization;
}

/** Reading progress: a fraction of the whole read (0…1) and what is being done, in Chinese. */
export type ReadProgress = (fraction: number, stage: string) => void;

export interface ReadOptions {
  /** `YYYY-MM-DD`; defaults to today where the user is. */
  today?: string;
  definitions?: readonly LedgerDefinition[];
  /** The user's choices per sheet name (ledger, header rows, column mapping); the rest is detected. */
  overrides?: Readonly<Record<string, SheetOverride>>;
  onProgress?: ReadProgress;
}

type FullOptions = Required<Omit<ReadOptions, 'onProgress'>> & { onProgress: ReadProgress };

/** How many first rows the preview offers as header rows. */
export const TOP_ROWS = 20;
/** Unzipping and reading cells is most of the time; checking rows is the rest. */
const READ_SHARE = 0.6;
const PROGRESS_EVERY_ROWS = 500;

/** The reader's stage (转换工作表“X”) in the words of the progress line. */
function readerStage(stage: string | undefined): string {
  const sheet = /工作表“(.*)”/.exec(stage ?? '');
  return sheet ? `正在读取工作表“${sheet[1]}”…` : '正在解压…';
}

function topRowsOf(sheet: SheetGrid): string[] {
  return sheet.rows.slice(0, TOP_ROWS).map((row) => {
    // A merged title repeats in every cell of its range: show it once.
    const texts = row.map((cell) => cellText(cell).replace(/\s+/g, ' ')).filter((text, i, all) => text && text !== all[i - 1]);
    const joined = texts.slice(0, 8).join(' | ');
    return joined.length > 60 ? `${joined.slice(0, 60)}…` : joined;
  });
}

function parseGrid(
  sheet: SheetGrid,
  place: Place,
  options: FullOptions,
  onRows: (rowNumber: number, total: number) => void = () => undefined,
): ParsedSheet {
  const override = options.overrides[sheet.name];
  const classification = classifySheet(sheet, options.definitions, override);
  const issues: LedgerIssue[] = [];
  const titleBranch = branchInTitle(sheet, classification.headerRows[0] ?? 1);
  const base = {
    name: sheet.name,
    headerRows: classification.headerRows,
    columns: classification.columns,
    width: Math.max(sheetWidth(sheet), classification.columns.length),
    topRows: topRowsOf(sheet),
    ...(titleBranch ? { titleBranch } : {}),
    ...(classification.excluded ? { excluded: true } : {}),
  };
  if (!classification.ledger) {
    return { ...base, mappedAs: classification.mappedAs, reason: classification.reason, rows: [], skippedRows: [], notes: [], issues };
  }
  const ledger = classification.ledger;
  for (const column of classification.columns) {
    const notKept = ledger.columns.find((c) => c.field === column.field)?.notKept;
    if (notKept && !column.duplicateOf) {
      issues.push(makeIssue(place, 'warning', notKept, { row: classification.headerRows[0], column: column.column, header: column.header }));
    }
    if (column.duplicateOf) {
      issues.push(
        makeIssue(place, 'warning', column.why ?? `与第${column.duplicateOf}列表示同一项，本列未导入`, {
          row: classification.headerRows[0],
          column: column.column,
          header: column.header,
        }),
      );
    }
  }
  const gaps = ledger.sheetGaps?.(
    new Set([
      ...classification.columns.flatMap((c) => (c.field ? [c.field] : [])),
      ...Object.entries(override?.defaults ?? {}).flatMap(([field, text]) => (text.trim() ? [field] : [])),
    ]),
  );
  if (gaps && gaps.length > 0) {
    issues.push(
      makeIssue(
        place,
        'warning',
        `资料不全：本表没有${gaps.map((g) => `“${g}”`).join('')}列，导入的党员将标为资料不全，可在花名册中补全，或在下方为该项设置统一的值`,
      ),
    );
  }
  const { rows, skipped, notes } = parseSheetRows(
    sheet,
    { ...classification, ledger },
    place,
    { today: options.today, titleYear: yearInTitle(sheet, classification.headerRows[0] ?? 1) },
    (rowNumber) => {
      if (rowNumber % PROGRESS_EVERY_ROWS === 0) {
        onRows(rowNumber, sheet.rows.length);
      }
    },
    override ?? {},
  );
  capIssues(rows, issues, place);
  return { ...base, ledger: ledger.kind, ledgerLabel: ledger.label, rows, skippedRows: skipped, notes, issues };
}

/** The 组织设置 among the sheets (06_组织设置: its sheets named `06_组织设置 › 基本信息` in a package). */
function organizationOf(sheets: readonly SheetGrid[]): { organization?: ImportedOrganization } {
  const organization = readOrganization(sheets);
  return organization ? { organization } : {};
}

export async function readLedgerFile(fileName: string, bytes: Uint8Array, options: ReadOptions = {}): Promise<LedgerFileResult> {
  const full: FullOptions = {
    today: options.today ?? todayIso(),
    definitions: options.definitions ?? LEDGER_DEFINITIONS,
    overrides: options.overrides ?? {},
    onProgress: options.onProgress ?? (() => undefined),
  };
  const report = full.onProgress;
  // Each sheet's share of the checking, with its row progress inside it.
  const parseAll = (sheets: SheetGrid[], placeOf: (sheet: SheetGrid) => Place, from: number) =>
    sheets.map((sheet, index) => {
      const share = (1 - from) / sheets.length;
      const start = from + share * index;
      report(start, `正在校验工作表“${sheet.name}”…`);
      return parseGrid(sheet, placeOf(sheet), full, (rowNumber, total) =>
        report(start + share * Math.min(1, rowNumber / Math.max(1, total)), `正在校验第${rowNumber}行…`),
      );
    });
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
      report(0, '正在读取文件…');
      const { sheet, encoding, tooLarge } = readCsv(fileName, bytes);
      result = {
        fileName,
        format: 'csv',
        encoding,
        sheets: parseAll([sheet], () => ({ file: fileName }), 0.2),
        fileIssues: tooLarge ? [makeIssue({ file: fileName }, 'warning', tooLarge)] : [],
      };
    } else if (sniffed.kind === 'package') {
      report(0, '正在解压检查材料包…');
      const opened = readPackageWorkbooks(bytes);
      if (!opened.ok) {
        return fail(opened.message);
      }
      // Each workbook's sheets, named `02_三会一课台账 › 2025年` so that they stay apart in the preview and overrides.
      const sheets: SheetGrid[] = [];
      const warnings: LedgerIssue[] = [];
      for (const [index, workbook] of opened.workbooks.entries()) {
        const stem = workbook.name.replace(/\.xlsx$/, '');
        const read = await readXlsx(workbook.bytes, {
          onProgress: (fraction) => report(((index + fraction) / opened.workbooks.length) * READ_SHARE, `正在读取“${stem}”…`),
        });
        if (!read.ok) {
          warnings.push(makeIssue({ file: fileName }, 'warning', `材料包中的“${workbook.name}”无法读取，已跳过：${read.message}`));
          continue;
        }
        sheets.push(...read.sheets.map((sheet) => ({ ...sheet, name: `${stem} › ${sheet.name}` })));
      }
      result = {
        fileName,
        format: 'package',
        sheets: parseAll(sheets, (sheet) => ({ file: fileName, sheet: sheet.name }), READ_SHARE),
        fileIssues: warnings,
        ...organizationOf(sheets),
      };
    } else {
      report(0, '正在解压…');
      const read = await readXlsx(bytes, { onProgress: (fraction, stage) => report(fraction * READ_SHARE, readerStage(stage)) });
      if (!read.ok) {
        return fail(read.message);
      }
      result = {
        fileName,
        format: 'xlsx',
        sheets: parseAll(read.sheets, (sheet) => ({ file: fileName, sheet: sheet.name }), READ_SHARE),
        fileIssues: read.warnings.map((w) => makeIssue({ file: fileName }, 'warning', w)),
        ...organizationOf(read.sheets),
      };
    }
  } catch {
    // A reader bug or a file shaped in a way nobody foresaw: still a message, never a stack trace.
    return fail('读取文件时出错，文件可能已损坏。请在 Excel 或 WPS 中打开它，另存为 .xlsx 后再导入。');
  }
  report(1, '读取完成');
  if (result.organization) {
    const orgSheets = new Set(result.organization.sheets);
    for (const sheet of result.sheets) {
      if (!sheet.ledger && orgSheets.has(sheet.name)) {
        sheet.reason = '组织设置：导入时更新支部信息、支部委员会和党小组（按姓名对应花名册）';
      }
    }
  }
  if (!result.organization && !result.sheets.some((s) => s.ledger || s.excluded)) {
    const reasons = result.sheets.map((s) => `“${s.name}”：${s.reason ?? '不是台账'}`).join('；');
    result.fileIssues.push(
      makeIssue({ file: fileName }, 'error', `没有找到可以导入的台账。${reasons || '文件里没有工作表'}`),
    );
  }
  return result;
}

export { classifySheet, sheetWidth, HEADER_SEARCH_ROWS, type ColumnMatch, type SheetClassification, type SheetOverride } from './classify';
export { parseDateCell, parseDateText, parseDateNumber, excelSerialToParts, type LedgerDate } from './dates';
export { LEDGER_DEFINITIONS, LEDGER_DEFINITION_OF, LEDGER_LABELS, membersLedger, importedMemberSchema, type ImportedMember } from './definitions';
export { distributeMembersToBranches, branchKey, type BranchAssignment, type BranchRef } from './branches';
export { normalizeHeader, normalizeCellText, toHalfWidth, columnLetter, headerReadings } from './normalize';
export { findNoteBlocks, NOTE_START, type NoteBlock } from './notes';
export { branchInTitle, namesOtherBranch, unusedColumns, yearInTitle } from './titles';
export { readOrganization, type ImportedOrganization } from './organization';
export type { ParsedRow, SkippedRow } from './parseSheet';
export { sniffFile, MAX_FILE_BYTES } from './read/sniff';
export { readCsv, decodeText, parseDelimited } from './read/csv';
export { readXlsx } from './read/xlsx';
export { readPackageWorkbooks, INSPECTION_PACKAGE_FORMAT } from './read/package';
export * from './types';
