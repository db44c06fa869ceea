import type { CellRange, CellValue, SheetGrid } from './types';
import { cellText } from './values';

/**
 * Instructions written into a ledger sheet (填写注意事项, 说明, 注意…) are no data. Templates of other systems carry
 * a block of them under or beside the table, usually one cell merged across columns and rows: the reader fills the
 * master text into every cell of the range, so without this each row of the block would read as a record.
 * Found on the grid (SheetGrid.merges), before any ledger looks at the rows.
 */

/** Text that opens an instruction: 注意：…, 说明…, 填表说明, 填写注意事项, 备注：…, 注：…, 温馨提示. */
export const NOTE_START = /^(?:\*|※|【)?\s*(?:注意事项|注意|说明|填表说明|填写说明|填写注意事项|填报说明|导入说明|温馨提示|特别提示|备注\s*[:：]|注\s*[:：])/;
/** A numbered line of an instruction list (1. …, 2、…, （3）…, ①…). */
const NUMBERED = /^(?:\d{1,2}\s*[.、．)）]|[（(]\d{1,2}[)）]|[①-⑳])/;
/** A merged range this wide with this much text is a paragraph, not a cell of the table. */
const NOTE_MIN_COLUMNS = 3;
const NOTE_MIN_TEXT = 20;

export interface NoteBlock {
  /** 1-based rows of the block. */
  rows: number[];
  /** The block's first words, to show once. */
  text: string;
}

function isNoteText(text: string): boolean {
  return NOTE_START.test(text.trim());
}

/** Merged ranges that hold instructions: text opening a note, or a long text merged across several columns. */
function noteMerges(sheet: SheetGrid): CellRange[] {
  return sheet.merges.filter((range) => {
    const text = cellText(sheet.rows[range.top]?.[range.left] ?? { kind: 'empty' });
    if (!text) {
      return false;
    }
    const width = range.right - range.left + 1;
    return isNoteText(text) || (width >= NOTE_MIN_COLUMNS && text.length >= NOTE_MIN_TEXT);
  });
}

/** The texts of a row, a merged value counted once across its columns (the fill repeats it in every cell). */
function rowTexts(cells: readonly CellValue[], row: number, wide: readonly CellRange[], inNote: (r: number, c: number) => boolean) {
  const texts: { text: string; note: boolean }[] = [];
  cells.forEach((cell, column) => {
    if (cell.kind === 'empty') return;
    const covering = wide.length > 0 ? wide.find((m) => column >= m.left && column <= m.right) : undefined;
    if (covering && covering.left !== column) return;
    texts.push({ text: cellText(cell).trim(), note: inNote(row, column) });
  });
  return texts;
}

/**
 * The rows below the header (`firstDataRow`, 0-based) that hold only instructions: every non-empty cell is part of a
 * note merge, or the row's only text opens a note, or it continues a note begun above (a numbered or long line with
 * nothing else in the row). Grouped into blocks of consecutive note rows.
 */
export function findNoteBlocks(sheet: SheetGrid, firstDataRow: number): NoteBlock[] {
  const merges = noteMerges(sheet);
  const inNote = (r: number, c: number) => merges.some((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right);
  const blocks: NoteBlock[] = [];
  let current: NoteBlock | undefined;
  let noteSeen = false;
  // Merges across columns, by row (a 10,000-row roster may hold a merge per group: never scan them all per cell).
  const wideByRow = new Map<number, CellRange[]>();
  for (const m of sheet.merges) {
    if (m.right === m.left) continue;
    for (let r = Math.max(m.top, firstDataRow); r <= m.bottom; r += 1) {
      const list = wideByRow.get(r);
      if (list) list.push(m);
      else wideByRow.set(r, [m]);
    }
  }
  for (let r = firstDataRow; r < sheet.rows.length; r += 1) {
    const cells = sheet.rows[r] ?? [];
    const texts = rowTexts(cells, r, wideByRow.get(r) ?? [], inNote);
    if (texts.length === 0) {
      // A blank row does not end a block: notes are often spaced out.
      continue;
    }
    const allInMerges = texts.every((t) => t.note);
    const single = texts.length === 1 ? texts[0].text : undefined;
    const isNote =
      allInMerges ||
      (single !== undefined && isNoteText(single)) ||
      (noteSeen && single !== undefined && (NUMBERED.test(single) || single.length >= NOTE_MIN_TEXT));
    if (!isNote) {
      current = undefined;
      continue;
    }
    noteSeen = true;
    if (!current) {
      const first = texts.find((t) => t.text)?.text ?? '';
      current = { rows: [], text: first.length > 40 ? `${first.slice(0, 40)}…` : first };
      blocks.push(current);
    }
    current.rows.push(r + 1);
  }
  return blocks;
}
