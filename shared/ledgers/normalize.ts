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

/** One reading of a header: the text to look up, how good a fit it is (0 best) and, when not exact, why it fits. */
export interface HeaderReading {
  text: string;
  level: number;
  /** `实际会议时间` → `计划` etc.: said in the preview when this reading decided the column. */
  why?: string;
}

/** Words around a field's name that do not change which field it is (实际会议时间, 召开时间, 主持人姓名). */
const LEADING_QUALIFIERS = /^(?:实际|召开|开展|举行|举办)+/;
const TRAILING_QUALIFIERS = /(?:姓名|名单)$/;
/** `主要内容及特色`: the first of two things joined by 及/和/与 names the field. */
const JOINED = /^(.{2,}?)(?:及|和|与)[^及和与]+$/;
/** A planned time or place is a fit only when no actual one is there. */
const PLANNED = /^(?:计划|拟|预计|预定)/;

/**
 * The readings of a normalised header, best first: as written (0); without a bracketed note (1); without qualifiers
 * around the field's name, 活动 read as 会议 (2); a planned value (计划会议时间) last (3). Exact lookups of each
 * reading: no edit distance, so 党员 never reads as 党籍.
 */
export function headerReadings(normalized: string): HeaderReading[] {
  const readings: HeaderReading[] = [{ text: normalized, level: 0 }];
  const bare = stripHeaderNotes(normalized);
  if (bare && bare !== normalized) {
    readings.push({ text: bare, level: 1, why: `不计括号中的说明` });
  }
  const qualified = (text: string, level: number, why: string) => {
    const core = text.replace(LEADING_QUALIFIERS, '').replace(/^活动/, '会议').replace(TRAILING_QUALIFIERS, '');
    const variants = [core, JOINED.exec(core)?.[1]].filter((v): v is string => Boolean(v) && v !== text);
    for (const variant of variants) {
      readings.push({ text: variant, level, why });
    }
  };
  qualified(bare || normalized, 2, '按表头中的关键词');
  if (PLANNED.test(bare || normalized)) {
    const unplanned = (bare || normalized).replace(PLANNED, '');
    readings.push({ text: unplanned, level: 3, why: '计划的时间（有实际时间时用实际时间）' });
    qualified(unplanned, 3, '计划的时间（有实际时间时用实际时间）');
  }
  return readings;
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
