/**
 * A direct .xlsx reader for ledgers: fflate unzips only the parts a grid needs (workbook, its relationships, shared
 * strings, cell formats, worksheets) and the worksheet XML is scanned with a few regular expressions, straight into
 * the CellValue grid. ExcelJS builds a full document model (styles, fonts, borders for every cell) that the import
 * never reads: this reader does the same job in a fraction of the time and without loading ExcelJS at all.
 *
 * It matches ExcelJS's reading (the tests compare both grids on every fixture): shared and inline strings with
 * rich-text runs joined and phonetic runs left out, formulas by their cached result, date formats turned into
 * dates the way ExcelJS's excelToDate does, merged ranges. Anything it does not understand throws
 * UnsupportedXlsx, and readXlsx falls back to ExcelJS, which then reads the file or says it is damaged.
 */
import { createTextDecoder } from '../../text/encoding';
import { ZipArchive, type ZipEntry, type ZipLimits } from '../../zip/zip';
import { dateToParts } from '../dates';
import { normalizeCellText } from '../normalize';
import { EMPTY, type CellRange, type CellValue, type SheetGrid } from '../types';
import { fillMerges } from './merges';
import { ElementScanner } from './xmlStream';
import { UnsupportedXlsx } from './xlsxErrors';

export { UnsupportedXlsx } from './xlsxErrors';

/** Built-in number formats that are dates or times: Excel's own ids, and those of a Chinese Excel (27–36, 50–58). */
const BUILTIN_FORMATS: Record<number, string> = {
  14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm',
  21: 'h:mm:ss', 22: 'm/d/yy h:mm', 45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0',
  27: 'yyyy"年"m"月"', 28: 'm"月"d"日"', 29: 'm"月"d"日"', 30: 'm-d-yy', 31: 'yyyy"年"m"月"d"日"', 32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"', 34: '上午/下午h"时"mm"分"', 35: '上午/下午h"时"mm"分"ss"秒"', 36: 'yyyy"年"m"月"',
  50: 'yyyy"年"m"月"', 51: 'm"月"d"日"', 52: 'yyyy"年"m"月"', 53: 'm"月"d"日"', 54: 'm"月"d"日"', 55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"', 57: 'yyyy"年"m"月"', 58: 'm"月"d"日"',
  1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00;(#,##0.00)', 40: '#,##0.00;[Red](#,##0.00)', 48: '##0.0E+0', 49: '@',
};

/** ExcelJS's test for a date format (utils.isDateFmt), so that both readers turn the same cells into dates. */
function isDateFmt(format: string | undefined): boolean {
  return !!format && /[ymdhMsb]+/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

const ENTITY = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(text: string): string {
  if (!text.includes('&')) {
    return text;
  }
  return text.replace(ENTITY, (_, dec: string | undefined, hex: string | undefined, name: string | undefined) =>
    dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : NAMED[name ?? ''],
  );
}

const ATTRIBUTE_PATTERNS = new Map<string, RegExp>();

function attr(attributes: string, name: string): string | undefined {
  let pattern = ATTRIBUTE_PATTERNS.get(name);
  if (!pattern) {
    pattern = new RegExp(`(?:^|\\s)${name}=(?:"([^"]*)"|'([^']*)')`);
    ATTRIBUTE_PATTERNS.set(name, pattern);
  }
  const m = pattern.exec(attributes);
  return m ? unescapeXml(m[1] ?? m[2]) : undefined;
}

/** A cell's r, s and t in one pass over its attributes (the hot path: every cell of every sheet). */
const CELL_ATTRIBUTE = /(?:^|\s)([rst])=(?:"([^"]*)"|'([^']*)')/g;

function quoted(attributes: string, name: string): string | undefined {
  const key = ` ${name}="`;
  const at = attributes.indexOf(key);
  return at < 0 ? undefined : attributes.slice(at + key.length, attributes.indexOf('"', at + key.length));
}

function cellAttributes(attributes: string): { r?: string; s?: string; t?: string } {
  // What Excel, WPS and ExcelJS write: single spaces and double quotes, read with indexOf; anything else by regex.
  if (!/['\t\n\r&]/.test(attributes)) {
    return { r: quoted(attributes, 'r'), s: quoted(attributes, 's'), t: quoted(attributes, 't') };
  }
  const found: { r?: string; s?: string; t?: string } = {};
  CELL_ATTRIBUTE.lastIndex = 0;
  for (let m = CELL_ATTRIBUTE.exec(attributes); m; m = CELL_ATTRIBUTE.exec(attributes)) {
    found[m[1] as 'r' | 's' | 't'] = m[2] ?? m[3]; // CELL_ATTRIBUTE captures only r, s or t
  }
  return found;
}

const START_TAGS = new Map<string, RegExp>();

/**
 * Calls `visit` for each <name …/> or <name …>body</name> in `xml`, with or without a namespace prefix. The body
 * ends at the first closing tag after the start (these elements do not nest), found with indexOf: linear even when
 * a closing tag is missing, where a lazy regex would rescan to the end of the text for every element.
 */
function eachElement(xml: string, name: string, visit: (attributes: string, body: string | undefined) => void): void {
  let start = START_TAGS.get(name);
  if (!start) {
    start = new RegExp(`<((?:\\w+:)?${name})(?=[\\s/>])([^>]*?)(/?)>`, 'g');
    START_TAGS.set(name, start);
  }
  // One pattern per element name: elements of one name never nest, so the visitor never re-enters it.
  const pattern = start;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(xml); m; m = pattern.exec(xml)) {
    if (m[3] === '/') {
      visit(m[2], undefined);
      continue;
    }
    const closing = `</${m[1]}>`;
    const end = xml.indexOf(closing, pattern.lastIndex);
    if (end < 0) {
      throw new UnsupportedXlsx(`<${m[1]}> not closed`);
    }
    visit(m[2], xml.slice(pattern.lastIndex, end));
    pattern.lastIndex = end + closing.length;
  }
}

/** The text of every <t> in a string item, rich-text runs joined, phonetic guides (<rPh>) left out. */
const PHONETIC = /<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g;
const T = /<(?:\w+:)?t(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g;

function itemText(xml: string): string {
  const body = xml.includes('rPh') ? xml.replace(PHONETIC, '') : xml;
  let text = '';
  T.lastIndex = 0;
  for (let m = T.exec(body); m; m = T.exec(body)) {
    text += m[1] ?? '';
  }
  return unescapeXml(text);
}

/** Number format of each cell style (index into cellXfs). */
function cellFormats(xml: string | undefined): (string | undefined)[] {
  if (!xml) {
    return [];
  }
  const custom = new Map<number, string>();
  const NUMFMT = /<(?:\w+:)?numFmt\b([^>]*)\/?>/g;
  for (let m = NUMFMT.exec(xml); m; m = NUMFMT.exec(xml)) {
    const id = attr(m[1], 'numFmtId');
    const code = attr(m[1], 'formatCode');
    if (id !== undefined && code !== undefined) {
      custom.set(Number(id), code);
    }
  }
  const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml)?.[1] ?? '';
  const formats: (string | undefined)[] = [];
  const XF = /<(?:\w+:)?xf\b([^>]*?)\/?>/g;
  for (let m = XF.exec(xfs); m; m = XF.exec(xfs)) {
    const id = Number(attr(m[1], 'numFmtId') ?? 0);
    formats.push(id === 0 ? undefined : (custom.get(id) ?? BUILTIN_FORMATS[id]));
  }
  return formats;
}

/** `AB12` → 0-based column and row; undefined when it is no cell reference. */
function decodeRef(ref: string): { col: number; row: number } | undefined {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i += 1) {
    const c = ref.charCodeAt(i);
    const upper = c >= 97 && c <= 122 ? c - 32 : c;
    if (upper < 65 || upper > 90) {
      break;
    }
    col = col * 26 + (upper - 64);
  }
  const row = Number(ref.slice(i));
  if (i === 0 || i > 3 || !Number.isInteger(row) || row < 1) {
    return undefined;
  }
  return { col: col - 1, row: row - 1 };
}

function text(t: string): CellValue {
  const normalized = normalizeCellText(t);
  return normalized ? { kind: 'text', text: normalized } : EMPTY;
}

function serialToDate(serial: number, date1904: boolean): CellValue {
  const ms = Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000);
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? { kind: 'error', message: '日期无效' } : { kind: 'date', date: dateToParts(date) };
}

const NO_RESULT = '这是公式，文件里没有保存计算结果。请在 Excel 或 WPS 中打开文件、保存后再导入（或把公式复制后“粘贴为数值”）';

interface Context {
  strings: string[];
  formats: (string | undefined)[];
  date1904: boolean;
}

const V = /<(?:\w+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?v>/;
const F = /<(?:\w+:)?f\b/;
const IS = /<(?:\w+:)?is\b[^>]*>([\s\S]*?)<\/(?:\w+:)?is>/;

/** One <c>: its type, style and content → the CellValue toCellValue would make of what ExcelJS reads. */
function cellValue(attributes: { s?: string; t?: string }, inner: string, context: Context): CellValue {
  const type = attributes.t ?? 'n';
  const style = attributes.s;
  const format = style === undefined ? undefined : context.formats[Number(style)];
  // Most cells are just <v>…</v>: no regex for them.
  const plain = inner.startsWith('<v>') && inner.endsWith('</v>') && inner.indexOf('<', 3) === inner.length - 4;
  const raw = plain ? inner.slice(3, -4) : V.exec(inner)?.[1];
  const formula = !plain && F.test(inner);
  if (type === 'inlineStr') {
    const is = IS.exec(inner);
    return is ? text(itemText(is[1])) : EMPTY;
  }
  if (raw === undefined) {
    return formula ? { kind: 'error', message: NO_RESULT } : EMPTY;
  }
  const value = unescapeXml(raw);
  switch (type) {
    case 's': {
      const s = context.strings[Number(value)];
      if (s === undefined) {
        throw new UnsupportedXlsx(`shared string ${value} missing`);
      }
      return text(s);
    }
    case 'str':
      return text(value);
    case 'b':
      return { kind: 'boolean', boolean: value === '1' || value === 'true' };
    case 'e':
      return formula
        ? { kind: 'error', message: `公式计算出错（${value}），请先在 Excel 中改正` }
        : { kind: 'error', message: `单元格显示错误值 ${value}，请先在 Excel 中改正` };
    case 'd': {
      const date = new Date(value);
      if (Number.isNaN(date.getTime())) {
        throw new UnsupportedXlsx(`date ${value}`);
      }
      return { kind: 'date', date: dateToParts(date) };
    }
    case 'n': {
      const number = Number(value);
      if (value.trim() === '' || !Number.isFinite(number)) {
        return Number.isNaN(number) ? (() => { throw new UnsupportedXlsx(`number ${value}`); })() : EMPTY;
      }
      return isDateFmt(format) ? serialToDate(number, context.date1904) : { kind: 'number', number, numFmt: format };
    }
    default:
      throw new UnsupportedXlsx(`cell type ${type}`);
  }
}

const COMPLETE_WORKSHEET = /<\/(?:\w+:)?worksheet>\s*$/;

export interface FastSheetOptions {
  maxRows: number;
  maxColumns: number;
  progress?: (rowsDone: number) => void;
  progressEvery: number;
  /** A note for the user about the sheet (a merged range ignored). */
  onNote?: (note: string) => void;
  /** Inflated bytes of the part read so far (streamed parts only). */
  onBytes?: (bytes: number) => void;
}

/**
 * A worksheet's grid, built row by row as the XML arrives (ElementScanner hands over each <row> and <mergeCell>).
 * `row` returns true once the sheet has more rows holding values than allowed: the caller stops inflating.
 */
class SheetBuilder {
  readonly rows: CellValue[][] = [];
  readonly merges: CellRange[] = [];
  tooLarge = false;
  private nextRow = 0;
  private done = 0;
  private filled = 0;

  constructor(
    private readonly name: string,
    private readonly context: Context,
    private readonly options: FastSheetOptions,
  ) {}

  visit = (element: string, attributes: string, body: string | undefined): boolean => {
    if (element.endsWith('mergeCell')) {
      this.merge(attributes);
      return false;
    }
    return this.row(attributes, body);
  };

  private row(rowAttributes: string, body: string | undefined): boolean {
    const { options, context, rows } = this;
    const r = attr(rowAttributes, 'r');
    const rowIndex = r === undefined ? this.nextRow : Number(r) - 1;
    if (!Number.isInteger(rowIndex) || rowIndex < 0 || rowIndex > 1_048_575) {
      throw new UnsupportedXlsx(`row ${r}`);
    }
    this.nextRow = rowIndex + 1;
    if (!body) {
      return false;
    }
    const cells: CellValue[] = [];
    let nextCol = 0;
    let any = false;
    // As wide as the row's last <c>, empty or not (ExcelJS's cellCount), within maxColumns.
    let width = 0;
    eachElement(body, 'c', (cellAttributesText, cellBody) => {
      const attributes = cellAttributes(cellAttributesText);
      const ref = attributes.r;
      let col = nextCol;
      if (ref !== undefined) {
        const decoded = decodeRef(ref);
        if (!decoded || decoded.row !== rowIndex) {
          throw new UnsupportedXlsx(`cell ${ref} in row ${rowIndex + 1}`);
        }
        col = decoded.col;
      }
      nextCol = col + 1;
      if (col >= options.maxColumns) {
        return;
      }
      width = Math.max(width, col + 1);
      const value = cellValue(attributes, cellBody ?? '', context);
      if (value.kind === 'empty') {
        return;
      }
      while (cells.length < col) {
        cells.push(EMPTY);
      }
      cells[col] = value;
      any = true;
    });
    while (cells.length < width) {
      cells.push(EMPTY);
    }
    this.done += 1;
    if (options.progress && this.done % options.progressEvery === 0) {
      options.progress(rowIndex + 1);
    }
    if (!any) {
      return false;
    }
    this.filled += 1;
    if (this.filled > options.maxRows) {
      this.tooLarge = true;
      return true;
    }
    while (rows.length < rowIndex) {
      rows.push([]);
    }
    if (rows[rowIndex] !== undefined && rows[rowIndex].length > 0) {
      throw new UnsupportedXlsx(`row ${rowIndex + 1} twice`);
    }
    rows[rowIndex] = cells;
    return false;
  }

  private merge(attributes: string): void {
    const [from, to] = (attr(attributes, 'ref') ?? '').replace(/\$/g, '').split(':');
    const a = decodeRef(from ?? '');
    const b = decodeRef(to ?? from ?? '');
    if (!a || !b) {
      return;
    }
    const range = { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
    if (range.top !== range.bottom || range.left !== range.right) {
      this.merges.push(range);
    }
  }

  finish(ending: string): SheetGrid | { tooLarge: true } {
    if (this.tooLarge) {
      return { tooLarge: true };
    }
    // A part cut short is damaged: only whole parts make a grid.
    if (!COMPLETE_WORKSHEET.test(ending)) {
      throw new UnsupportedXlsx(`worksheet ${this.name} is incomplete`);
    }
    const note = fillMerges(this.name, this.rows, this.merges, { maxRows: this.options.maxRows, maxColumns: this.options.maxColumns, growRows: true });
    if (note) {
      this.options.onNote?.(note);
    }
    for (let r = 0; r < this.rows.length; r += 1) {
      this.rows[r] ??= [];
    }
    return { name: this.name, rows: this.rows, merges: this.merges };
  }
}

const SHEET_ELEMENTS = ['row', 'mergeCell'];

/** A worksheet's XML (whole, as a string) → its grid (or `tooLarge` when it has more rows holding values than allowed). */
export function readSheetXml(name: string, xml: string, context: Context, options: FastSheetOptions): SheetGrid | { tooLarge: true } {
  if (!COMPLETE_WORKSHEET.test(xml.slice(-200))) {
    throw new UnsupportedXlsx(`worksheet ${name} is incomplete`);
  }
  const builder = new SheetBuilder(name, context, options);
  const scanner = new ElementScanner(SHEET_ELEMENTS, builder.visit, Math.max(xml.length + 1, 1));
  scanner.push(xml);
  if (!builder.tooLarge) {
    scanner.end();
  }
  return builder.finish(scanner.ending);
}

/** A worksheet streamed from the archive: inflated, decoded and scanned piece by piece; stops at the row limit. */
function readSheetPart(archive: ZipArchive, entry: ZipEntry, name: string, context: Context, options: FastSheetOptions): SheetGrid | { tooLarge: true } {
  const builder = new SheetBuilder(name, context, options);
  const scanner = new ElementScanner(SHEET_ELEMENTS, builder.visit);
  const decoder = createTextDecoder('utf-8');
  let read = 0;
  archive.stream(entry, (chunk) => {
    read += chunk.length;
    options.onBytes?.(read);
    return scanner.push(decoder.decode(chunk, { stream: true }));
  });
  if (!builder.tooLarge) {
    scanner.push(decoder.decode());
    scanner.end();
  }
  return builder.finish(scanner.ending);
}

/** Shared strings streamed the same way: each <si> becomes its text as soon as it is complete. */
function readSharedStrings(archive: ZipArchive, entry: ZipEntry | undefined): string[] {
  if (!entry) {
    return [];
  }
  const strings: string[] = [];
  const scanner = new ElementScanner(['si'], (_, __, body) => {
    strings.push(body ? itemText(body) : '');
  });
  const decoder = createTextDecoder('utf-8');
  archive.stream(entry, (chunk) => {
    scanner.push(decoder.decode(chunk, { stream: true }));
  });
  scanner.push(decoder.decode());
  scanner.end();
  if (!/<\/(?:\w+:)?sst>\s*$/.test(scanner.ending)) {
    throw new UnsupportedXlsx('shared strings incomplete');
  }
  return strings;
}

/** Parts read whole (workbook, relationships, styles): a real one is a few kB; larger is not a ledger. */
export const MAX_SMALL_PART_BYTES = 16 * 1024 * 1024;

export interface FastSheet {
  name: string;
  /** The part's path in the archive (for messages). */
  path: string;
  /** Inflated size the zip declares (for progress only: it is never trusted). */
  declaredSize: number;
  /** Reads the sheet, streaming its part. */
  read(options: FastSheetOptions): SheetGrid | { tooLarge: true };
}

export interface FastWorkbook {
  sheets: FastSheet[];
  context: Context;
}

/**
 * Opens an .xlsx under `limits`: the workbook, its relationships and styles are read whole (each at most
 * MAX_SMALL_PART_BYTES), the shared strings streamed; worksheets are listed in workbook order (chart sheets have
 * no cells) and streamed when read. Throws ZipLimitError at a limit, UnsupportedXlsx for what it does not know.
 */
export function openWorkbook(bytes: Uint8Array, limits: ZipLimits): FastWorkbook {
  const archive = new ZipArchive(bytes, limits);
  const byName = new Map(archive.entries.map((entry) => [entry.name.toLowerCase(), entry]));
  const decoder = createTextDecoder('utf-8');
  const small = (name: string): string | undefined => {
    const entry = byName.get(name.toLowerCase());
    if (!entry) {
      return undefined;
    }
    return decoder.decode(archive.readBytes(entry, Math.min(limits.maxEntryBytes, MAX_SMALL_PART_BYTES)));
  };
  const workbook = small('xl/workbook.xml');
  const rels = small('xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) {
    throw new UnsupportedXlsx('no workbook part');
  }
  const targets = new Map<string, { target: string; type: string }>();
  const REL = /<(?:\w+:)?Relationship\b([^>]*?)\/?>/g;
  for (let m = REL.exec(rels); m; m = REL.exec(rels)) {
    const id = attr(m[1], 'Id');
    const target = attr(m[1], 'Target');
    if (id && target) {
      targets.set(id, { target, type: attr(m[1], 'Type') ?? '' });
    }
  }
  const listed: { name: string; entry: ZipEntry; path: string }[] = [];
  const SHEET = /<(?:\w+:)?sheet\b([^>]*?)\/?>/g;
  for (let m = SHEET.exec(workbook); m; m = SHEET.exec(workbook)) {
    const name = attr(m[1], 'name');
    const id = /(?:^|\s)(?:\w+:)?id=(?:"([^"]*)"|'([^']*)')/.exec(m[1]);
    const rel = id ? targets.get(id[1] ?? id[2]) : undefined;
    if (name === undefined || !rel) {
      throw new UnsupportedXlsx('sheet without a relationship');
    }
    if (!/\/worksheet$/.test(rel.type)) {
      continue;
    }
    const path = rel.target.startsWith('/') ? rel.target.slice(1) : `xl/${rel.target.replace(/^\.\//, '')}`;
    const entry = byName.get(path.toLowerCase());
    if (!entry) {
      throw new UnsupportedXlsx(`missing ${path}`);
    }
    listed.push({ name, entry, path: entry.name });
  }
  const date1904 = /<(?:\w+:)?workbookPr\b[^>]*\bdate1904=["'](1|true)["']/.test(workbook);
  const formats = cellFormats(small('xl/styles.xml'));
  const context: Context = { strings: readSharedStrings(archive, byName.get('xl/sharedstrings.xml')), formats, date1904 };
  return {
    context,
    sheets: listed.map(({ name, entry, path }) => ({
      name,
      path,
      declaredSize: entry.declaredSize,
      read: (options: FastSheetOptions) => readSheetPart(archive, entry, name, context, options),
    })),
  };
}
