import type { ColumnMatch, SheetClassification } from './classify';
import { columnLetter, normalizeHeader } from './normalize';
import { findNoteBlocks, type NoteBlock } from './notes';
import type { CellValue, LedgerDefinition, LedgerIssue, RecordContext, Severity, SheetGrid } from './types';
import { cellText } from './values';

export interface ParsedRow<R = unknown> {
  /** 1-based row number as Excel shows it. */
  rowNumber: number;
  /** Parsed cell values by field (only the columns this ledger reads). */
  values: Record<string, unknown>;
  /** The record to save; absent when the row has an error. */
  record?: R;
  issues: LedgerIssue[];
}

/** A row that has its record (no error refused it). */
export type RowWithRecord<R> = ParsedRow<R> & { record: R };

export function hasRecord<R>(row: ParsedRow<R>): row is RowWithRecord<R> {
  return row.record !== undefined;
}

export interface SkippedRow {
  rowNumber: number;
  reason: string;
}

/** Footer and note lines under a table: 填表人：王丽, 审核人：…, 注：…, 合计. */
const FOOTER = /^(填表人|填报人|制表人|审核人|审批人|负责人|统计人|经办人|联系人|联系电话|填表日期|填报日期|制表日期|签字|盖章|注|说明|备注)\s*[:：]|^(合计|小计|总计)$/;

export interface Place {
  file: string;
  /** Undefined for a CSV, whose only sheet is the file. */
  sheet?: string;
}

export function issueText(place: Place, issue: Omit<LedgerIssue, 'text' | 'file'>): string {
  const parts = [place.file];
  if (place.sheet) {
    parts.push(place.sheet);
  }
  if (issue.row) {
    parts.push(`第${issue.row}行`);
  }
  const where = issue.header ? `${issue.header}${issue.columnLetter ? `（${issue.columnLetter}列）` : ''}：` : '';
  return `${parts.join(' › ')} › ${where}${issue.message}`;
}

export function makeIssue(
  place: Place,
  severity: Severity,
  message: string,
  at: { row?: number; column?: number; header?: string } = {},
): LedgerIssue {
  const base = {
    sheet: place.sheet,
    row: at.row,
    column: at.column,
    columnLetter: at.column ? columnLetter(at.column) : undefined,
    header: at.header,
    severity,
    message,
  };
  return { file: place.file, ...base, text: issueText(place, base) };
}

function isBlank(cells: CellValue[]): boolean {
  return cells.every((c) => c.kind === 'empty');
}

/** What the user set for the sheet in the preview (SheetOverride): edits, column defaults, columns kept in 备注. */
export interface RowFixes {
  cells?: Readonly<Record<string, string>>;
  defaults?: Readonly<Record<string, string>>;
  keepInRemarks?: readonly number[];
}

const textCell = (text: string): CellValue => (text.trim() ? { kind: 'text', text: text.trim() } : { kind: 'empty' });

/**
 * Rows under the header → parsed rows with per-cell issues; blank rows, footers, repeated headers and instruction
 * rows (notes.ts: shown once as 说明文字, never a row issue) skipped. A cell that cannot be read is an error only in a
 * field that identifies the record (definition.identity); elsewhere it is a warning and the field stays empty.
 */
export function parseSheetRows<R>(
  sheet: SheetGrid,
  classification: SheetClassification & { ledger: LedgerDefinition },
  place: Place,
  context: RecordContext,
  /** Called with each row number reached, for progress. */
  onRow?: (rowNumber: number) => void,
  fixes: RowFixes = {},
): { rows: ParsedRow<R>[]; skipped: SkippedRow[]; notes: NoteBlock[] } {
  // The caller picked R by the classified ledger's kind; the classification holds it as a definition of any record.
  const definition = classification.ledger as LedgerDefinition<string, R>;
  const mapped = classification.columns.filter((c): c is ColumnMatch & { field: string } => Boolean(c.field));
  const byField = new Map(mapped.map((c) => [c.field, c]));
  const specs = new Map(definition.columns.map((c) => [c.field, c]));
  const identity = new Set<string>(definition.identity);
  const headerKey = classification.columns.map((c) => normalizeHeader(c.header)).join('|');
  const rows: ParsedRow<R>[] = [];
  const skipped: SkippedRow[] = [];
  const uniqueSeen = new Map<string, Map<string, number>>();
  const start = classification.headerRows[classification.headerRows.length - 1];
  const notes = findNoteBlocks(sheet, start);
  const noteRows = new Set(notes.flatMap((b) => b.rows));
  const edits = fixes.cells ?? {};
  const hasEdits = Object.keys(edits).length > 0;
  // Fields the user gave one value for the whole sheet, read once.
  const defaults = Object.entries(fixes.defaults ?? {})
    .filter(([field, text]) => specs.has(field) && text.trim())
    .map(([field, text]) => ({ field, cell: textCell(text) }));
  const recordContext: RecordContext = {
    ...context,
    fieldsInSheet: new Set([...mapped.map((c) => c.field), ...defaults.map((d) => d.field)]),
  };
  const kept = (fixes.keepInRemarks ?? [])
    .map((column) => classification.columns[column - 1] ?? { column, header: '' })
    .filter((c) => !c.field);

  for (let r = start; r < sheet.rows.length; r += 1) {
    const rowNumber = r + 1;
    onRow?.(rowNumber);
    if (noteRows.has(rowNumber)) {
      continue;
    }
    let cells = sheet.rows[r] ?? [];
    if (hasEdits) {
      cells = withEdits(cells, rowNumber, edits);
    }
    if (isBlank(cells)) {
      continue;
    }
    const firstText = cellText(cells.find((c) => c.kind !== 'empty') ?? { kind: 'empty' });
    if (FOOTER.test(firstText.replace(/\s+/g, ''))) {
      skipped.push({ rowNumber, reason: `表尾说明“${firstText.slice(0, 20)}”，已跳过` });
      continue;
    }
    if (classification.columns.map((c) => normalizeHeader(cellText(cells[c.column - 1] ?? { kind: 'empty' }))).join('|') === headerKey) {
      skipped.push({ rowNumber, reason: '重复的表头行，已跳过' });
      continue;
    }
    // Templates come with 序号 filled down empty rows: a row with nothing in the ledger's columns is blank.
    if (mapped.every((c) => (cells[c.column - 1] ?? { kind: 'empty' }).kind === 'empty')) {
      continue;
    }
    const values: Record<string, unknown> = {};
    const issues: LedgerIssue[] = [];
    // Columns whose cell could not be read: a record-level "missing …" about them would say it twice.
    const failed = new Set<number | undefined>();
    const at = (column: number | undefined, header: string) => ({ row: rowNumber, column, header });
    const read = (field: string, cell: CellValue, column: number | undefined, fromDefault: boolean) => {
      const spec = specs.get(field);
      if (!spec) {
        return;
      }
      const result = spec.parse(cell);
      const header = spec.label;
      if (!result.ok) {
        failed.add(column);
        if (identity.has(field) || result.refuse) {
          issues.push(makeIssue(place, 'error', result.message, at(column, header)));
        } else {
          issues.push(makeIssue(place, 'warning', `${result.message}；本项未导入`, at(column, header)));
        }
        return;
      }
      if (result.warning) {
        issues.push(makeIssue(place, 'warning', result.warning, at(column, header)));
      }
      if (result.value === undefined) {
        return;
      }
      values[field] = result.value;
      if (fromDefault) {
        issues.push(makeIssue(place, 'warning', `按本表统一设置的“${cellText(cell)}”导入`, at(column, header)));
      }
      if (spec.unique) {
        const seen = uniqueSeen.get(spec.field) ?? new Map<string, number>();
        uniqueSeen.set(spec.field, seen);
        // Unique fields hold text or numbers; a structured value compares by its content, not as '[object Object]'.
        const { value } = result;
        const key = typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
        const first = seen.get(key);
        if (first !== undefined) {
          // Not a refusal: which of the two is right is for the plan (冲突) or the secretary to say.
          issues.push(makeIssue(place, 'warning', `与第${first}行的${spec.label}重复`, at(column, header)));
        } else {
          seen.set(key, rowNumber);
        }
      }
    };
    for (const column of mapped) {
      read(column.field, cells[column.column - 1] ?? { kind: 'empty' }, column.column, false);
    }
    for (const { field, cell } of defaults) {
      if (values[field] === undefined && !issues.some((i) => i.severity === 'error' && i.column === byField.get(field)?.column)) {
        read(field, cell, byField.get(field)?.column, true);
      }
    }
    if (kept.length > 0) {
      const lines = kept
        .map((c) => ({ header: c.header || columnLetter(c.column), text: cellText(cells[c.column - 1] ?? { kind: 'empty' }) }))
        .filter((l) => l.text)
        .map((l) => `${l.header}：${l.text}`);
      if (lines.length > 0) {
        const before = values[definition.remarksField];
        values[definition.remarksField] = [typeof before === 'string' ? before : '', ...lines].filter(Boolean).join('\n');
      }
    }
    let record: R | undefined;
    if (definition.toRecord) {
      const result = definition.toRecord(values, recordContext);
      for (const issue of result.issues) {
        const column = issue.field ? byField.get(issue.field) : undefined;
        const label = issue.field ? specs.get(issue.field)?.label : undefined;
        // A cell already reported (e.g. a bad date, an ID number 待核对) need not be reported again.
        if (
          column &&
          (failed.has(column.column) ||
            (issue.message.startsWith('待核对') && issues.some((i) => i.column === column.column && i.message.startsWith('待核对'))))
        ) {
          continue;
        }
        issues.push(
          makeIssue(place, issue.severity, issue.message, {
            row: rowNumber,
            column: column?.column,
            header: label ?? column?.header,
          }),
        );
      }
      record = issues.some((i) => i.severity === 'error') ? undefined : result.record;
    }
    rows.push({ rowNumber, values, record, issues });
  }
  return { rows, skipped, notes };
}

/** The row with the user's corrections in place of the cells as read. */
function withEdits(cells: CellValue[], rowNumber: number, edits: Readonly<Record<string, string>>): CellValue[] {
  let out: CellValue[] | undefined;
  const prefix = `${rowNumber}:`;
  for (const [key, text] of Object.entries(edits)) {
    if (!key.startsWith(prefix)) continue;
    const column = Number(key.slice(prefix.length));
    if (!Number.isInteger(column) || column < 1) continue;
    out = out ?? [...cells];
    while (out.length < column) out.push({ kind: 'empty' });
    out[column - 1] = textCell(text);
  }
  return out ?? cells;
}
