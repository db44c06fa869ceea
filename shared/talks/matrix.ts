import type { Talk } from '../model/talk';
import type { TalkCoverage } from '../rules/talks';
import { compareByPinyin } from '../text/pinyin';

/**
 * The 覆盖情况 matrix as the page shows it, built on talkCoverage (shared/rules): rows are the 支委 in committee
 * order, columns every member on the roster in pinyin order (talkCoverage puts the 支委 first).
 */
export interface TalkMatrix {
  rowIds: string[];
  columnIds: string[];
  /** The latest date of the year the two talked; 'self' on the diagonal; null when they have not. */
  cell(rowId: string, columnId: string): string | null;
}

export function talkMatrix(coverage: TalkCoverage, nameOf: (id: string) => string): TalkMatrix {
  const columnIndex = new Map(coverage.memberIds.map((id, i) => [id, i]));
  const rowIndex = new Map(coverage.committeeIds.map((id, i) => [id, i]));
  const columnIds = [...coverage.memberIds].sort((a, b) => compareByPinyin(nameOf(a), nameOf(b)));
  return {
    rowIds: coverage.committeeIds,
    columnIds,
    cell(rowId, columnId) {
      if (rowId === columnId) {
        return 'self';
      }
      const row = rowIndex.get(rowId);
      const column = columnIndex.get(columnId);
      return row === undefined || column === undefined ? null : (coverage.cells[row][column] ?? null);
    },
  };
}

/** The talk behind a matrix cell: the latest of that day between the two, either direction. */
export function talkOfCell(talks: readonly Talk[], a: string, b: string, date: string): Talk | undefined {
  const between = (t: Talk) =>
    (t.talkerId === a && t.intervieweeIds.includes(b)) || (t.talkerId === b && t.intervieweeIds.includes(a));
  return talks.filter((t) => t.date === date && between(t)).sort((x, y) => (x.createdAt < y.createdAt ? 1 : -1))[0];
}

/** `2025-03-05` → `3月5日`: a matrix cell of a year's table names the day only (the year heads the table). */
export function formatMonthDay(date: string): string {
  const [, month, day] = date.split('-').map(Number);
  return `${month}月${day}日`;
}
