/**
 * Hostile .xlsx files for tests and the bench, made small at run time: a workbook whose worksheet part is written
 * by hand (any XML, a block repeated a billion times, a merge of A1:XFD400) around the few parts a reader needs.
 */
import { craftZip, utf8Bytes, type CraftedEntry } from '../../zip/craft';

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** `<row>` elements of inline strings for `rows` (row 1 first). */
export function rowsXml(rows: readonly (readonly string[])[], firstRow = 1): string {
  return rows
    .map((cells, r) => {
      const body = cells
        .map((text, c) => (text ? `<c r="${String.fromCharCode(65 + c)}${firstRow + r}" t="inlineStr"><is><t>${escapeXml(text)}</t></is></c>` : ''))
        .join('');
      return `<row r="${firstRow + r}">${body}</row>`;
    })
    .join('');
}

/** A worksheet part: `rows` then `<mergeCell>` for each of `merges` (`A1:XFD400`). */
export function sheetXml(rows: readonly (readonly string[])[], merges: readonly string[] = []): string {
  const mergeXml = merges.length ? `<mergeCells count="${merges.length}">${merges.map((ref) => `<mergeCell ref="${ref}"/>`).join('')}</mergeCells>` : '';
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rowsXml(rows)}</sheetData>${mergeXml}</worksheet>`;
}

/** The start and end around sheetData's rows, for a repeated block in between. */
export const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
export const SHEET_TAIL = '</sheetData></worksheet>';

export interface CraftedSheet {
  name: string;
  /** The worksheet part: its XML, or an entry made of a repeated block. */
  part: string | Omit<CraftedEntry, 'name'>;
}

/** An .xlsx of the given sheets, plus any extra entries (a bomb where no reader should look). */
export function craftXlsx(sheets: readonly CraftedSheet[], extra: readonly CraftedEntry[] = []): Uint8Array {
  const workbook =
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>' +
    sheets.map((sheet, i) => `<sheet name="${escapeXml(sheet.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
    '</sheets></workbook>';
  const rels =
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    sheets
      .map(
        (_, i) =>
          `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
      )
      .join('') +
    '</Relationships>';
  const types =
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    sheets
      .map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
      .join('') +
    '</Types>';
  const rootRels =
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
  return craftZip([
    { name: '[Content_Types].xml', bytes: utf8Bytes(types) },
    { name: '_rels/.rels', bytes: utf8Bytes(rootRels) },
    { name: 'xl/workbook.xml', bytes: utf8Bytes(workbook) },
    { name: 'xl/_rels/workbook.xml.rels', bytes: utf8Bytes(rels) },
    ...sheets.map((sheet, i) => {
      const name = `xl/worksheets/sheet${i + 1}.xml`;
      return typeof sheet.part === 'string' ? { name, bytes: utf8Bytes(sheet.part) } : { name, ...sheet.part };
    }),
    ...extra,
  ]);
}
