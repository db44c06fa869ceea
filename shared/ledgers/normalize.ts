/**
 * Text normalisation for headers and cells. Matching is exact after these steps: two Chinese headers of two
 * characters are always "close", so no edit distance anywhere.
 */

const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;
const SPACES = /[\s\u00A0\u3000]+/g;
/** Full-width forms and the ideographic space: most cells have none, and a test is cheaper than a replace. */
const WIDE = /[\uFF01-\uFF5E\u3000]/;
/** Anything normalizeCellText changes besides surrounding spaces. */
const CELL_WORK = /[\u200B-\u200D\u2060\uFEFF\uFF01-\uFF5E\r\u00A0\u3000]/;
/** Anything normalizeToken or normalizeHeader changes: invisible, full-width, spaces, required marks, colons. */
const TOKEN_WORK = /[\u200B-\u200D\u2060\uFEFF\uFF01-\uFF5E\s\u00A0\u3000]/;
const HEADER_WORK = /[\u200B-\u200D\u2060\uFEFF\uFF01-\uFF5E\s\u00A0\u3000*※(:]/;

/** Every full-width ASCII form (！ to ～) and the ideographic space → the half-width character. */
export function toHalfWidth(text: string): string {
  if (!WIDE.test(text)) {
    return text;
  }
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/**
 * A cell's text as stored: full-width digits and letters made half-width, spaces trimmed. Punctuation is left as
 * typed: free text is Chinese prose (“1月主题党日：…” keeps its ：), and the parsers of typed values (dates, numbers,
 * ID numbers, enums) make their own text half-width with normalizeToken.
 */
export function normalizeCellText(text: string): string {
  // Most cells need nothing but a trim: skip the four replaces for them (10,000-row rosters hold 150,000 cells).
  if (!CELL_WORK.test(text)) {
    return text.trim();
  }
  return text
    .replace(INVISIBLE, '')
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) =>
      String.fromCharCode(c.charCodeAt(0) - 0xfee0),
    )
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00A0\u3000]/g, ' ')
    .trim();
}

/** A typed value (date, number, enum, ID): all full-width forms half-width, and no spaces at all. */
export function normalizeToken(text: string): string {
  if (!TOKEN_WORK.test(text)) {
    return text;
  }
  return toHalfWidth(text.replace(INVISIBLE, '')).replace(SPACES, '');
}

const REQUIRED_MARKS = /[*＊※]|[(（][^()（）]*(必填|选填|可选|必须|非必填)[^()（）]*[)）]/g;

/**
 * A header for matching: no spaces or line breaks anywhere (出 生\n日 期 → 出生日期), half-width forms, no `*`
 * and no （必填）/（选填）.
 */
export function normalizeHeader(text: string): string {
  if (!HEADER_WORK.test(text)) {
    return text;
  }
  return toHalfWidth(text.replace(INVISIBLE, ''))
    .replace(REQUIRED_MARKS, '')
    .replace(SPACES, '')
    .replace(/[：:]$/, '');
}

/** The header without any bracketed note (出生日期(年月日) → 出生日期), tried when the full header matches nothing. */
export function stripHeaderNotes(normalizedHeader: string): string {
  return normalizedHeader.replace(/[(（][^()（）]*[)）]/g, '');
}

/** Excel's column letters: 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
