import { createTextDecoder } from '../../text/encoding';
import { normalizeCellText } from '../normalize';
import type { CellValue, SheetGrid } from '../types';
import { MAX_ROWS_PER_SHEET, tooLargeMessage } from './xlsx';


/** BOM → UTF-8/UTF-16; valid UTF-8 → UTF-8; otherwise GBK, as Chinese Excel and WPS save CSV. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: createTextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: createTextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: createTextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  try {
    return { text: createTextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: createTextDecoder('gbk').decode(bytes), encoding: 'gbk' };
  }
}

/**
 * RFC 4180 fields: quotes with "" inside, commas (or tabs) and line breaks inside quotes, CRLF/LF/CR rows. Stops
 * once `maxRows` rows holding something have been read and one more is found (the caller refuses the file).
 */
export function parseDelimited(text: string, maxRows = Infinity): string[][] {
  const firstLine = text.slice(0, text.search(/\r|\n/) >>> 0);
  const delimiter = !firstLine.includes(',') && firstLine.includes('\t') ? '\t' : ',';
  const rows: string[][] = [];
  let filled = 0;
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 1;
        } else {
          quoted = false;
        }
      } else {
        field += c;
      }
    } else if (c === '"' && field === '') {
      quoted = true;
    } else if (c === delimiter) {
      row.push(field);
      field = '';
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') {
        i += 1;
      }
      row.push(field);
      rows.push(row);
      if (row.some(Boolean) && (filled += 1) > maxRows) {
        return rows;
      }
      row = [];
      field = '';
    } else {
      field += c;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * A CSV file as one sheet named after the file. Every cell is text: CSV has no types. Over MAX_ROWS_PER_SHEET
 * rows holding something, the sheet comes back empty with `tooLarge` saying why (as an .xlsx sheet would).
 */
export function readCsv(fileName: string, bytes: Uint8Array): { sheet: SheetGrid; encoding: string; tooLarge?: string } {
  const { text, encoding } = decodeText(bytes);
  const name = fileName.replace(/\.[^.]*$/, '') || fileName;
  const fields = parseDelimited(text, MAX_ROWS_PER_SHEET);
  if (fields.filter((row) => row.some(Boolean)).length > MAX_ROWS_PER_SHEET) {
    return { sheet: { name, rows: [], merges: [] }, encoding, tooLarge: tooLargeMessage(name) };
  }
  const rows = fields.map((fields) =>
    fields.map((f): CellValue => {
      const t = normalizeCellText(f);
      return t ? { kind: 'text', text: t } : { kind: 'empty' };
    }),
  );
  return { sheet: { name, rows, merges: [] }, encoding };
}
