/**
 * `ledger check <file>`: the app's reading pipeline (readLedgerFile, exactly as the import worker runs it) over one
 * file in Node, turned into a report: per sheet the ledger it is, its header row, how many rows would be imported
 * and every issue with its cell. The JSON shape is a contract for scripts (see USAGE in main.ts).
 */
import { errorCode } from '../../shared/errors';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { readLedgerFile, type LedgerFileResult, type LedgerKind, type ParsedSheet, type Severity } from '../../shared/ledgers';
import { fileIssueCode, rowIssueCode } from './checkCodes';

export interface CheckIssue {
  /** 1-based sheet row, or null for an issue of the sheet as a whole. */
  row: number | null;
  /** The column's header as written in the file (both rows of a two-row header, joined by a space), or null. */
  column: string | null;
  /** `F8`, or null when the issue has no single cell. */
  cell: string | null;
  severity: Severity;
  code: string;
  /** The Chinese text the app shows. */
  message: string;
}

export interface CheckSheet {
  sheet: string;
  kind: LedgerKind | null;
  /** 1-based row of the header (the lower row of a two-row header), or null for a sheet that is not a ledger. */
  headerRow: number | null;
  /** Rows that would be imported: parsed rows without an error. */
  records: number;
  issues: CheckIssue[];
  /** With --records: each imported row's normalised record (the parsed values for a ledger that builds none yet). */
  rows?: { row: number; record: unknown }[];
}

export interface CheckReport {
  file: string;
  ok: boolean;
  error?: { code: string; message: string };
  sheets: CheckSheet[];
}

export interface CheckOptions {
  today: string;
  records: boolean;
}

/** Sheet-level notes that are not issues of the pipeline: why a sheet is not a ledger, rows skipped. */
export interface CheckDetails {
  format?: string;
  encoding?: string;
  /** Per sheet name: the reason it is not a ledger, and the rows skipped (footers, repeated headers). */
  notes: Map<string, { reason?: string; ledgerLabel?: string; skipped: { row: number; reason: string }[] }>;
}

const TOO_LARGE_SHEET = /^工作表“(.+)”超过 \d+ 行/;

function sheetReport(sheet: ParsedSheet, options: CheckOptions): CheckSheet {
  const headerRow = sheet.ledger ? sheet.headerRows[sheet.headerRows.length - 1] : null;
  const headerOf = new Map(sheet.columns.map((c) => [c.column, c]));
  const issues: CheckIssue[] = [];
  if (!sheet.ledger && sheet.reason) {
    issues.push({
      row: null,
      column: null,
      cell: null,
      severity: 'warning',
      code: /缺少“/.test(sheet.reason) ? 'sheet.missingKeyColumns' : 'sheet.notLedger',
      message: sheet.reason,
    });
  }
  const kind = sheet.ledger ?? null;
  const all = [...sheet.issues, ...sheet.rows.flatMap((r) => r.issues)];
  for (const issue of all) {
    const column = issue.column ? headerOf.get(issue.column) : undefined;
    issues.push({
      row: issue.row ?? null,
      column: column ? column.header || null : (issue.header ?? null),
      cell: issue.row && issue.columnLetter ? `${issue.columnLetter}${issue.row}` : null,
      severity: issue.severity,
      code: kind ? rowIssueCode(issue, kind, column?.field) : fileIssueCode(issue.message),
      message: issue.message,
    });
  }
  const imported = sheet.rows.filter((r) => !r.issues.some((i) => i.severity === 'error'));
  const report: CheckSheet = { sheet: sheet.name, kind, headerRow, records: imported.length, issues };
  if (options.records) {
    report.rows = imported.map((r) => ({ row: r.rowNumber, record: r.record ?? r.values }));
  }
  return report;
}

/** The pipeline's result → the report; file-level errors make `ok` false. */
export function reportOf(file: string, result: LedgerFileResult, options: CheckOptions): { report: CheckReport; details: CheckDetails } {
  const sheets = result.sheets.map((s) => sheetReport(s, options));
  const details: CheckDetails = { format: result.format, encoding: result.encoding, notes: new Map() };
  for (const s of result.sheets) {
    details.notes.set(s.name, {
      reason: s.reason,
      ledgerLabel: s.ledgerLabel,
      skipped: s.skippedRows.map((k) => ({ row: k.rowNumber, reason: k.reason })),
    });
  }
  let error: CheckReport['error'];
  for (const issue of result.fileIssues) {
    const code = fileIssueCode(issue.message);
    const tooLarge = TOO_LARGE_SHEET.exec(issue.message);
    if (tooLarge) {
      // A sheet left out for its size is reported as that sheet, with nothing read from it.
      sheets.push({
        sheet: tooLarge[1],
        kind: null,
        headerRow: null,
        records: 0,
        issues: [{ row: null, column: null, cell: null, severity: issue.severity, code, message: issue.message }],
      });
    } else if (issue.severity === 'error' && !error) {
      error = { code, message: issue.message };
    }
  }
  const report: CheckReport = { file, ok: !error, ...(error ? { error } : {}), sheets };
  return { report, details };
}

function failed(file: string, code: string, message: string): { report: CheckReport; details: CheckDetails } {
  return { report: { file, ok: false, error: { code, message }, sheets: [] }, details: { notes: new Map() } };
}

/** Reads `file` from disk and runs the pipeline over it. Never throws for a bad file: `ok` false with the reason. */
export async function checkLedgerFile(file: string, options: CheckOptions): Promise<{ report: CheckReport; details: CheckDetails }> {
  let bytes: Uint8Array;
  try {
    const info = await stat(file);
    if (info.isDirectory()) {
      return failed(file, 'file.directory', `${file} 是文件夹，请指定其中的台账文件`);
    }
    bytes = new Uint8Array(await readFile(file));
  } catch (error) {
    const code = errorCode(error);
    return code === 'ENOENT'
      ? failed(file, 'file.missing', `找不到文件：${file}`)
      : failed(file, 'file.unreadable', `无法读取文件 ${file}（${code ?? '未知原因'}）`);
  }
  const result = await readLedgerFile(basename(file), bytes, { today: options.today });
  return reportOf(file, result, options);
}
