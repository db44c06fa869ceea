import type { Workbook } from 'exceljs';
import { LEDGER_EXPORT_FILES, LEDGER_EXPORT_TITLES, specOf, type LedgerTabular } from '../kinds';
import type { LedgerKind } from '../model/kinds';
import { addOrganizationSheets } from './organization';
import { addLedgerSheet, addRows, infoLine, newWorkbook, workbookBytes } from './sheet';
import type { ExportOptions, LedgerDataset, LedgerExportKind } from './types';

/** A kind's ledger: its sheet's name and its rows (the kind's spec says both). */
interface Tabular {
  sheetName: string;
  rows: LedgerTabular;
}

function tabularOf(kind: LedgerKind, data: LedgerDataset, options: ExportOptions): Tabular {
  const spec = specOf(kind);
  return { sheetName: spec.export.sheetName, rows: spec.export.tabular(data, options) };
}

export function ledgerTitle(kind: LedgerExportKind, data: LedgerDataset, options: ExportOptions): string {
  return `${data.branch.name} ${options.period.label} ${LEDGER_EXPORT_TITLES[kind]}`;
}

interface Part {
  index: number;
  count: number;
}

function addTabularSheet(workbook: Workbook, kind: LedgerKind, data: LedgerDataset, options: ExportOptions, tabular: Tabular, range: { start: number; end: number }, part?: Part): void {
  const suffix = part && part.count > 1 ? `（第${part.index}部分，共${part.count}部分）` : '';
  const sheet = addLedgerSheet(workbook, {
    name: tabular.sheetName,
    title: `${ledgerTitle(kind, data, options)}${suffix}`,
    info: infoLine(data.branch.name, options.generatedOn, Math.max(0, Math.min(range.end, tabular.rows.count) - range.start)) + (suffix ? `（全部 ${tabular.rows.count} 条）` : ''),
    columns: tabular.rows.columns,
  });
  addRows(sheet, tabular.rows.rows(range.start, range.end));
}

/** One ledger of the period as an .xlsx file (LEDGER_EXPORT_FILES names it). */
export async function buildLedgerWorkbook(kind: LedgerExportKind, data: LedgerDataset, options: ExportOptions): Promise<Uint8Array> {
  const workbook = await newWorkbook();
  if (kind === 'organization') {
    addOrganizationSheets(workbook, data, options);
  } else {
    const tabular = tabularOf(kind, data, options);
    addTabularSheet(workbook, kind, data, options, tabular, { start: 0, end: tabular.rows.count });
    specOf(kind).export.firstPartSheets?.(workbook, data, options);
  }
  return workbookBytes(workbook);
}

/**
 * Rows per file when a ledger is split: the importer reads at most 20,000 rows a sheet, and ExcelJS keeps the whole
 * workbook in memory until it is written (50,000 rows ≈ 1.1 GB in Chromium), so a large ledger goes out in parts.
 */
export const ROWS_PER_PART = 10_000;

export interface LedgerWorkbookPart {
  fileName: string;
  bytes: Uint8Array;
}

function partFileName(kind: LedgerExportKind, index: number, count: number): string {
  const file = LEDGER_EXPORT_FILES[kind];
  return count > 1 ? file.replace(/\.xlsx$/, `_第${index}部分.xlsx`) : file;
}

/**
 * The ledger as one file, or as several of at most `rowsPerPart` rows each, built one after another: only one
 * part's workbook is alive at a time (the caller saves or zips each part before asking for the next).
 */
export async function* buildLedgerWorkbookParts(
  kind: LedgerExportKind,
  data: LedgerDataset,
  options: ExportOptions,
  rowsPerPart: number = ROWS_PER_PART,
): AsyncGenerator<LedgerWorkbookPart> {
  if (kind === 'organization') {
    yield { fileName: LEDGER_EXPORT_FILES[kind], bytes: await buildLedgerWorkbook(kind, data, options) };
    return;
  }
  const tabular = tabularOf(kind, data, options);
  const count = Math.max(1, Math.ceil(tabular.rows.count / rowsPerPart));
  for (let index = 1; index <= count; index += 1) {
    const workbook = await newWorkbook();
    addTabularSheet(workbook, kind, data, options, tabular, { start: (index - 1) * rowsPerPart, end: index * rowsPerPart }, { index, count });
    if (index === 1) {
      specOf(kind).export.firstPartSheets?.(workbook, data, options);
    }
    yield { fileName: partFileName(kind, index, count), bytes: await workbookBytes(workbook) };
  }
}

/** How many rows the ledger has for the period (to decide between one file and parts, and for 台账清单). */
export function ledgerRowCount(kind: LedgerExportKind, data: LedgerDataset, options: ExportOptions): number {
  return kind === 'organization' ? 1 : tabularOf(kind, data, options).rows.count;
}
