/**
 * Merged ranges: every cell of a range gets the master value (as ExcelJS gives it), unless the range reaches far
 * beyond the cells that hold data. A merge of A31:XFD1048576 in a 10 kB file would otherwise fill ten million
 * cells, and every filled row would be checked as a ledger row: such a range is ignored, with one note per sheet.
 */
import { columnLetter } from '../normalize';
import { EMPTY, type CellRange, type CellValue } from '../types';

/** How far a merge may reach past the last row and the widest row holding data (a footer, a wide title). */
export const MERGE_SLACK_ROWS = 100;
export const MERGE_SLACK_COLUMNS = 26;

function rangeText(range: CellRange): string {
  return `${columnLetter(range.left + 1)}${range.top + 1}:${columnLetter(range.right + 1)}${range.bottom + 1}`;
}

export interface MergeFillOptions {
  maxRows: number;
  maxColumns: number;
  /** ExcelJS's grid never grows rows for a merge; the direct reader's does (as ExcelJS's cells are). */
  growRows: boolean;
}

/**
 * Fills `rows` in place for each merge within reach of the data; returns the note for the ranges ignored
 * (undefined when none was).
 */
export function fillMerges(sheetName: string, rows: CellValue[][], merges: readonly CellRange[], options: MergeFillOptions): string | undefined {
  const dataRows = rows.length;
  const dataColumns = rows.reduce((n, row) => Math.max(n, row?.length ?? 0), 0);
  const ignored: CellRange[] = [];
  for (const range of merges) {
    if (range.bottom >= dataRows + MERGE_SLACK_ROWS || range.right >= dataColumns + MERGE_SLACK_COLUMNS) {
      ignored.push(range);
      continue;
    }
    const master = rows[range.top]?.[range.left] ?? EMPTY;
    if (master.kind === 'empty') {
      continue;
    }
    const lastRow = options.growRows ? Math.min(range.bottom, range.top + options.maxRows) : Math.min(range.bottom, rows.length - 1);
    for (let r = range.top; r <= lastRow; r += 1) {
      while (rows.length <= r) {
        rows.push([]);
      }
      rows[r] ??= [];
      for (let c = range.left; c <= Math.min(range.right, options.maxColumns - 1); c += 1) {
        while (rows[r].length <= c) {
          rows[r].push(EMPTY);
        }
        rows[r][c] = master;
      }
    }
  }
  if (ignored.length === 0) {
    return undefined;
  }
  const more = ignored.length > 1 ? `等 ${ignored.length} 处合并单元格` : '合并单元格';
  return `工作表“${sheetName}”中的${more}（${rangeText(ignored[0])}）远超出有数据的区域，已忽略，未按合并填充`;
}
