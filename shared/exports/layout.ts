/**
 * Print layout of the exported sheets, computed instead of left to the spreadsheet: LibreOffice prints a row
 * without an explicit height as one line (the rest of a wrapped text is cut), and WPS or Excel auto-fit cannot be
 * counted on. Widths are in Excel's unit, the width of one Latin character of the default font; a CJK character
 * (or any full-width one) takes two.
 */

/** Body text size (pt) of the ledgers; headers are 11, titles 16. */
export const BODY_FONT_SIZE = 10.5;
/** The size the column width unit is measured in (the workbook's default font). */
const WIDTH_FONT_SIZE = 11;
/** Cell padding left and right, in width units. */
const CELL_PADDING = 1;
/** Space above and below the lines of a row, in points. */
const ROW_PADDING_PT = 3;

/** Full-width (two units): CJK ideographs and punctuation, kana, hangul, full-width forms (UTF-16 code units). */
function isFullWidth(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0x303e) ||
    (code >= 0x3041 && code <= 0x33ff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xa000 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6)
  );
}

/** Width units of a text on one line: CJK and full-width characters 2, others 1 (a surrogate pair counts once). */
export function textUnits(text: string): number {
  let units = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code >= 0xdc00 && code <= 0xdfff) continue;
    // Ideographs beyond the BMP (a pair starting 0xd840–0xd87f) are full-width too.
    units += isFullWidth(code) || (code >= 0xd840 && code <= 0xd87f) ? 2 : 1;
  }
  return units;
}

/** Width units a text of `fontSize` pt takes, in the unit of column widths. */
function scaledUnits(text: string, fontSize: number): number {
  return (textUnits(text) * fontSize) / WIDTH_FONT_SIZE;
}

/**
 * Lines a text takes in a wrapped cell `width` units wide: each line of the text (explicit breaks count) takes
 * as many lines as its width needs, at least one. A Latin word is never split, so a line may break early: one
 * spare unit per line is kept for that.
 */
export function wrappedLines(text: string, width: number, fontSize = BODY_FONT_SIZE): number {
  const usable = Math.max(1, width - CELL_PADDING - 1);
  let lines = 0;
  for (const line of text.split(/\r?\n/)) {
    lines += Math.max(1, Math.ceil(scaledUnits(line, fontSize) / usable));
  }
  return lines;
}

/**
 * The height of one line of text (pt), rounded up to half a point: 1.45 em. LibreOffice on UOS/麒麟 without 宋体
 * draws Noto CJK lines about 1.43 em apart (measured on the rendered PDF); 宋体 in WPS or Excel needs less.
 */
export function lineHeightPt(fontSize = BODY_FONT_SIZE): number {
  return Math.ceil(fontSize * 1.45 * 2) / 2;
}

/** The row height (pt) that shows `lines` lines of `fontSize` text whole. */
export function rowHeightPt(lines: number, fontSize = BODY_FONT_SIZE): number {
  return lines * lineHeightPt(fontSize) + ROW_PADDING_PT;
}

/** The width (units) a text needs on one line, with the cell's padding. */
export function oneLineWidth(text: string, fontSize = BODY_FONT_SIZE): number {
  return Math.ceil(scaledUnits(text, fontSize)) + CELL_PADDING + 1;
}

/** A value up to this many units (10 CJK characters: 机关服务中心职员, 第一党小组) never wraps: its column widens. */
export const SHORT_TEXT_UNITS = 22;

/**
 * A column's width for its content: a column that does not wrap (dates, ID numbers, counts), or a wrapped one whose
 * values are all short, is made wide enough for its longest value; a wrapped column of long texts is never wider
 * than planned (they wrap) nor wider than its longest value. Never narrower than the header needs (a header of more
 * than four characters may take two lines).
 */
export function fittedWidth(column: { width: number; wraps: boolean; header: string; headerSize: number }, values: Iterable<string>): number {
  let longest = 0;
  for (const value of values) {
    for (const line of value.split(/\r?\n/)) {
      longest = Math.max(longest, oneLineWidth(line));
    }
  }
  const header = Math.ceil(oneLineWidth(column.header, column.headerSize) / (column.header.length > 4 ? 2 : 1)) + 1;
  if (!column.wraps) {
    return Math.max(column.width, longest, header);
  }
  if (longest <= SHORT_TEXT_UNITS) {
    return Math.max(longest, header, 4);
  }
  return Math.max(Math.min(column.width, longest), header, 4);
}

/**
 * Width units that fit across A4 at 100 % within the ledgers' margins (0.5 in each side): 271 mm landscape,
 * 184 mm portrait, at about 1.9 mm a unit, less a little room.
 */
export const A4_WIDTH_UNITS = { landscape: 140, portrait: 95 } as const;

/**
 * The widths of a sheet's columns: as planned (each widened to what its unwrapped content needs) while the table
 * fits across the page at 100 %; otherwise each wrapped column shrinks to its content (fittedWidth), so that the
 * page is scaled down as little as possible.
 */
export function sheetWidths(
  columns: readonly { width: number; wraps: boolean; header: string; headerSize: number }[],
  values: readonly (readonly string[])[],
  orientation: keyof typeof A4_WIDTH_UNITS,
): number[] {
  const fitted = columns.map((column, index) => fittedWidth(column, values[index] ?? []));
  const planned = columns.map((column, index) => (column.wraps ? Math.max(column.width, fitted[index]) : fitted[index]));
  const sum = (widths: number[]) => widths.reduce((total, w) => total + w, 0);
  return sum(planned) <= A4_WIDTH_UNITS[orientation] ? planned : fitted;
}
