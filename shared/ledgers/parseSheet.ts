import type { ColumnMatch, SheetClassification } from './classify';
import { columnLetter, normalizeHeader } from './normalize';
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

/** Rows under the header → parsed rows with per-cell issues; blank rows, footers and repeated headers skipped. */
export function parseSheetRows<R>(
  sheet: SheetGrid,
  classification: SheetClassification & { ledger: LedgerDefinition },
  place: Place,
  context: RecordContext,
  /** Called with each row number reached, for progress. */
  onRow?: (rowNumber: number) => void,
): { rows: ParsedRow<R>[]; skipped: SkippedRow[] } {
  const definition = classification.ledger as LedgerDefinition<string, R>;
  const mapped = classification.columns.filter((c): c is ColumnMatch & { field: string } => Boolean(c.field));
  const byField = new Map(mapped.map((c) => [c.field, c]));
  const headerKey = classification.columns.map((c) => normalizeHeader(c.header)).join('|');
  const rows: ParsedRow<R>[] = [];
  const skipped: SkippedRow[] = [];
  const uniqueSeen = new Map<string, Map<string, number>>();
  const start = classification.headerRows[classification.headerRows.length - 1];

  for (let r = start; r < sheet.rows.length; r += 1) {
    const rowNumber = r + 1;
    onRow?.(rowNumber);
    const cells = sheet.rows[r] ?? [];
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
    const at = (column: ColumnMatch) => ({ row: rowNumber, column: column.column, header: column.header || undefined });
    for (const column of mapped) {
      const spec = definition.columns.find((c) => c.field === column.field);
      if (!spec) {
        continue;
      }
      const result = spec.parse(cells[column.column - 1] ?? { kind: 'empty' });
      const header = spec.label;
      if (!result.ok) {
        issues.push(makeIssue(place, 'error', result.message, { ...at(column), header }));
        continue;
      }
      if (result.warning) {
        issues.push(makeIssue(place, 'warning', result.warning, { ...at(column), header }));
      }
      if (result.value !== undefined) {
        values[column.field] = result.value;
        if (spec.unique) {
          const seen = uniqueSeen.get(spec.field) ?? new Map<string, number>();
          uniqueSeen.set(spec.field, seen);
          const key = String(result.value);
          const first = seen.get(key);
          if (first !== undefined) {
            issues.push(makeIssue(place, 'error', `与第${first}行的${spec.label}重复`, { ...at(column), header }));
          } else {
            seen.set(key, rowNumber);
          }
        }
      }
    }
    let record: R | undefined;
    if (definition.toRecord) {
      const result = definition.toRecord(values, context);
      for (const issue of result.issues) {
        const column = issue.field ? byField.get(issue.field) : undefined;
        const label = definition.columns.find((c) => c.field === issue.field)?.label;
        // A cell already reported (e.g. a bad date) need not be reported again as "missing".
        if (column && issues.some((i) => i.column === column.column && i.severity === 'error')) {
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
  return { rows, skipped };
}
