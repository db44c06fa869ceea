import { parseDateCell, partsToLedgerDate, type LedgerDate } from './dates';
import { parseYuan } from '../dues/money';
import { normalizeToken } from './normalize';
import type { CellParser, CellValue, ParseResult } from './types';

/** Column parsers: each turns one cell into a typed value or a Chinese message about that cell. */

function numberToText(n: number): string {
  return Number.isInteger(n) && Math.abs(n) < 1e21 ? BigInt(n).toString() : String(n);
}

/** Any cell as text; numbers without exponent, date cells as YYYY-MM-DD. */
export function cellText(cell: CellValue): string {
  switch (cell.kind) {
    case 'text':
      return cell.text;
    case 'number':
      return numberToText(cell.number);
    case 'boolean':
      return cell.boolean ? '是' : '否';
    case 'date': {
      const d = partsToLedgerDate(cell.date);
      return d.time ? `${d.date} ${d.time}` : d.date;
    }
    default:
      return '';
  }
}

export const parseText: CellParser<string> = (cell) => {
  if (cell.kind === 'error') {
    return { ok: false, message: cell.message };
  }
  const text = cellText(cell);
  return { ok: true, value: text || undefined };
};

/** A numeric code in front of a label: `01汉族`, `11-博士研究生`, `2.女` (spaces are gone after normalizeToken). */
const CODE_PREFIX = /^\d{1,3}[.、:：\-_]?(?=\D)/;

/** An enumeration with the aliases people write (预备 → 预备党员): exact match after normalizeToken. */
export function enumParser<T extends string>(
  label: string,
  values: readonly T[],
  aliases: Readonly<Record<string, T>> = {},
): CellParser<T> {
  const lookup = new Map<string, T>();
  for (const v of values) {
    lookup.set(normalizeToken(v), v);
  }
  for (const [alias, v] of Object.entries(aliases)) {
    lookup.set(normalizeToken(alias), v);
  }
  const shown = values.length <= 12 ? `，可填：${values.join('、')}` : '';
  return (cell) => {
    if (cell.kind === 'error') {
      return { ok: false, message: cell.message };
    }
    const raw = cellText(cell);
    if (!raw) {
      return { ok: true, value: undefined };
    }
    const token = normalizeToken(raw);
    // National code tables write the code before the label (`01 汉族`, `11 博士研究生`): the label decides.
    const found = lookup.get(token) ?? lookup.get(token.replace(CODE_PREFIX, ''));
    return found ? { ok: true, value: found } : { ok: false, message: `“${raw}”不是有效的${label}${shown}` };
  };
}

/** A date, or a month when only the month was written; a time of day is dropped. */
export const parseDate: CellParser<string> = (cell) => {
  const result = parseDateCell(cell);
  if (!result.ok) {
    return result;
  }
  return { ok: true, value: result.value?.date, warning: result.warning };
};

/** A date with its time of day when there was one (会议时间, 谈话时间). */
export const parseDateTime: CellParser<LedgerDate> = parseDateCell;

export const parseInteger: CellParser<number> = (cell) => {
  if (cell.kind === 'empty') {
    return { ok: true, value: undefined };
  }
  if (cell.kind === 'number' && Number.isInteger(cell.number)) {
    return { ok: true, value: cell.number };
  }
  const text = normalizeToken(cellText(cell)).replace(/[人名个次]$/, '');
  return /^\d+$/.test(text)
    ? { ok: true, value: Number(text) }
    : { ok: false, message: `“${cellText(cell)}”不是整数` };
};

/** Excel keeps 15 significant digits: an 18-digit number typed into a General cell has lost its last ones. */
const LOST_DIGITS =
  '被 Excel 当成了数字，只保留了前15位，后几位已变成0。按原样导入，请在花名册中改为完整号码（以后请把该列设为“文本”格式）';

/**
 * 公民身份号码: always text. A number cell is fine only if it still holds every digit (15-digit old numbers); one that
 * lost its last digits (or a CSV's 1.10105E+17) is kept as written with a 待核对 warning: the member still comes in,
 * and the number is never used to match or to derive 性别/出生日期 (it fails GB 11643).
 */
export const parseIdNumber: CellParser<string> = (cell): ParseResult<string> => {
  if (cell.kind === 'empty') {
    return { ok: true, value: undefined };
  }
  if (cell.kind === 'error') {
    return { ok: false, message: cell.message };
  }
  if (cell.kind === 'number') {
    if (!Number.isSafeInteger(cell.number) || cell.number >= 1e15) {
      // As the file holds it: 15 significant digits in Excel's scientific form (1.10105198703240E+17). Written out
      // with zeros it could pass the checksum by chance and be taken for a valid number; this form never does.
      const written = cell.number.toPrecision(15).toUpperCase();
      return { ok: true, value: written, warning: `待核对：号码 ${written} ${LOST_DIGITS}` };
    }
    return { ok: true, value: numberToText(cell.number) };
  }
  const text = normalizeToken(cellText(cell)).toUpperCase();
  // A CSV saved from Excel writes what the cell showed: 1.10105E+17.
  if (/^\d(\.\d+)?E\+\d+$/.test(text)) {
    return { ok: true, value: text, warning: `待核对：号码显示为 ${text}，${LOST_DIGITS}` };
  }
  return { ok: true, value: text.replace(/^'/, '') };
};

/** Phone numbers stay text; a number cell is turned back into its digits. */
export const parsePhone: CellParser<string> = (cell) => {
  if (cell.kind === 'number') {
    return { ok: true, value: numberToText(cell.number) };
  }
  const result = parseText(cell);
  if (!result.ok || !result.value) {
    return result;
  }
  const text = normalizeToken(result.value);
  if (/^\d(\.\d+)?E\+\d+$/i.test(text)) {
    return { ok: false, message: `号码显示为 ${text}，被 Excel 当成了数字。请把该列设为“文本”后重新录入` };
  }
  return { ok: true, value: text };
};

/** 是/否 in its usual spellings. */
export const parseYesNo = enumParser('是否', ['是', '否'] as const, {
  '√': '是', '✓': '是', '✔': '是', 有: '是', Y: '是', YES: '是', 已销号: '是', 已完成: '是',
  '×': '否', '✗': '否', '✘': '否', 无: '否', N: '否', NO: '否', 未销号: '否',
});

/** A cell that says "nothing here" in a count or amount column: /, -, —, 无. */
const NOTHING = /^(\/|-|—|——|无)$/;

/** 年度: `2025`, `2025年`, `2025年度`, or a date cell (its year). */
export const parseYear: CellParser<number> = (cell) => {
  if (cell.kind === 'empty') {
    return { ok: true, value: undefined };
  }
  if (cell.kind === 'error') {
    return { ok: false, message: cell.message };
  }
  if (cell.kind === 'date') {
    return { ok: true, value: cell.date.year };
  }
  const match = /^((?:19|20)\d{2})(?:年度?)?$/.exec(normalizeToken(cellText(cell)));
  return match ? { ok: true, value: Number(match[1]) } : { ok: false, message: `“${cellText(cell)}”不是年度，请写成 2025 或 2025年度` };
};

/** A count of votes or people: `12`, `12票`, `12张`, `12人`; `/` or `-` say none was written. */
export const parseCount: CellParser<number> = (cell) => {
  if (cell.kind === 'error') {
    return { ok: false, message: cell.message };
  }
  const text = normalizeToken(cellText(cell));
  if (NOTHING.test(text)) {
    return { ok: true, value: undefined };
  }
  if (cell.kind === 'text') {
    return parseInteger({ kind: 'text', text: text.replace(/[票张]$/, '') });
  }
  return parseInteger(cell);
};

/**
 * An amount of money → integer 分 through parseYuan (`12.50`, `12.5元`, `￥12.50`, or a number cell). A number cell
 * computed by a formula may carry float noise (30.000000000000004): that is read as the 分 it shows; a real third
 * decimal (12.345) is refused like a typed one.
 */
export const parseMoney: CellParser<number> = (cell) => {
  if (cell.kind === 'empty') {
    return { ok: true, value: undefined };
  }
  if (cell.kind === 'error') {
    return { ok: false, message: cell.message };
  }
  if (cell.kind === 'number') {
    const fen = Math.round(cell.number * 100);
    const exact = Math.abs(cell.number * 100 - fen) < 1e-6;
    const parsed = parseYuan(exact ? (fen / 100).toFixed(2) : String(cell.number));
    return parsed.ok ? { ok: true, value: parsed.fen } : { ok: false, message: parsed.message };
  }
  const text = cellText(cell).trim();
  if (NOTHING.test(normalizeToken(text))) {
    return { ok: true, value: undefined };
  }
  const parsed = parseYuan(text);
  return parsed.ok ? { ok: true, value: parsed.fen } : { ok: false, message: parsed.message };
};
