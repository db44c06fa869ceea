import type { Workbook } from 'exceljs';
import { analysesTable, analysisRowsInPeriod } from './analyses';
import type { ExportTable } from './columns';
import { meetingsInPeriod, meetingsTable, typeMonthMatrix } from './meetings';
import { membersInPeriod, membersTable } from './members';
import { addOrganizationSheets } from './organization';
import { rectificationsInPeriod, rectificationsTable } from './rectifications';
import { addLedgerSheet, addRows, infoLine, newWorkbook, workbookBytes } from './sheet';
import { talksInPeriod, talksTable } from './talks';
import {
  LEDGER_EXPORT_FILES,
  LEDGER_EXPORT_TITLES,
  type ExportOptions,
  type LedgerDataset,
  type LedgerExportKind,
} from './types';

/** One ledger's rows: the records of the period in ledger order and how each becomes a row. */
interface Tabular {
  sheetName: string;
  records: readonly unknown[];
  table: ExportTable<unknown>;
}

type TabularKind = Exclude<LedgerExportKind, 'organization'>;

function tabularOf(kind: TabularKind, data: LedgerDataset, options: ExportOptions): Tabular {
  switch (kind) {
    case 'members':
      return { sheetName: '党员花名册', records: membersInPeriod(data, options), table: membersTable(data, options) as ExportTable<unknown> };
    case 'meetings':
      return { sheetName: '会议记录', records: meetingsInPeriod(data, options), table: meetingsTable(data) as ExportTable<unknown> };
    case 'talks':
      return { sheetName: '谈心谈话记录', records: talksInPeriod(data, options), table: talksTable(data) as ExportTable<unknown> };
    case 'analyses':
      return { sheetName: '思想动态分析', records: analysisRowsInPeriod(data, options), table: analysesTable(data, options) as ExportTable<unknown> };
    case 'rectifications':
      return { sheetName: '整改台账', records: rectificationsInPeriod(data, options), table: rectificationsTable() as ExportTable<unknown> };
  }
}

export function ledgerTitle(kind: LedgerExportKind, data: LedgerDataset, options: ExportOptions): string {
  return `${data.branch.name} ${options.period.label} ${LEDGER_EXPORT_TITLES[kind]}`;
}

interface Part {
  index: number;
  count: number;
}

function addTabularSheet(workbook: Workbook, kind: TabularKind, data: LedgerDataset, options: ExportOptions, tabular: Tabular, rows: readonly unknown[], part?: Part): void {
  const suffix = part && part.count > 1 ? `（第${part.index}部分，共${part.count}部分）` : '';
  const sheet = addLedgerSheet(workbook, {
    name: tabular.sheetName,
    title: `${ledgerTitle(kind, data, options)}${suffix}`,
    info: infoLine(data.branch.name, options.generatedOn, rows.length) + (suffix ? `（全部 ${tabular.records.length} 条）` : ''),
    columns: tabular.table.columns,
  });
  addRows(
    sheet,
    (function* () {
      for (const record of rows) {
        yield tabular.table.row(record);
      }
    })(),
  );
}

function addMeetingMatrixSheet(workbook: Workbook, data: LedgerDataset, options: ExportOptions): void {
  const matrix = typeMonthMatrix(data.meetings, options);
  const sameYear = matrix.months.every((m) => m.slice(0, 4) === matrix.months[0]?.slice(0, 4));
  const monthLabel = (m: string) => (sameYear ? `${Number(m.slice(5, 7))}月` : `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`);
  const sheet = addLedgerSheet(workbook, {
    name: '类型×月份',
    title: `${data.branch.name} ${options.period.label} “三会一课”开展情况统计`,
    info: `${infoLine(data.branch.name, options.generatedOn, matrix.rows.reduce((n, r) => n + r.total, 0), '次')}（已召开的会议；“同时计为”的会议在各类型中均计入）`,
    columns: [
      { label: '会议类型', width: 14, format: 'text' },
      ...matrix.months.map((m) => ({ label: monthLabel(m), width: sameYear ? 6 : 10, format: 'integer' as const })),
      { label: '合计', width: 7, format: 'integer' },
    ],
  });
  addRows(
    sheet,
    matrix.rows.map((row) => [row.type, ...row.counts, row.total]),
  );
}

/** One ledger of the period as an .xlsx file (LEDGER_EXPORT_FILES names it). */
export async function buildLedgerWorkbook(kind: LedgerExportKind, data: LedgerDataset, options: ExportOptions): Promise<Uint8Array> {
  const workbook = await newWorkbook();
  if (kind === 'organization') {
    addOrganizationSheets(workbook, data, options);
  } else {
    const tabular = tabularOf(kind, data, options);
    addTabularSheet(workbook, kind, data, options, tabular, tabular.records);
    if (kind === 'meetings') {
      addMeetingMatrixSheet(workbook, data, options);
    }
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
  const count = Math.max(1, Math.ceil(tabular.records.length / rowsPerPart));
  for (let index = 1; index <= count; index += 1) {
    const workbook = await newWorkbook();
    const rows = tabular.records.slice((index - 1) * rowsPerPart, index * rowsPerPart);
    addTabularSheet(workbook, kind, data, options, tabular, rows, { index, count });
    if (kind === 'meetings' && index === 1) {
      addMeetingMatrixSheet(workbook, data, options);
    }
    yield { fileName: partFileName(kind, index, count), bytes: await workbookBytes(workbook) };
  }
}

/** How many rows the ledger has for the period (to decide between one file and parts, and for 台账清单). */
export function ledgerRowCount(kind: LedgerExportKind, data: LedgerDataset, options: ExportOptions): number {
  return kind === 'organization' ? 1 : tabularOf(kind, data, options).records.length;
}
