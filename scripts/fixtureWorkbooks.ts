/**
 * What the fixture scripts (make-ledger-fixtures.ts, make-import-fixtures.ts) share: valid ID numbers, dates in UTC
 * (as ExcelJS writes cells) and saving a workbook with fixed dates into shared/ledgers/fixtures/difficulties/ (or
 * another folder: make-kind-fixtures.ts writes kinds/).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { computeCheckChar } from '../shared/model/idNumber';

export const FIXTURE_FOLDER = fileURLToPath(new URL('../shared/ledgers/fixtures/difficulties/', import.meta.url));

/** A valid 18-digit number for a birth date and a sequence (odd = 男). */
export function id(birth: string, seq: number, area = '110105'): string {
  const first17 = `${area}${birth}${String(seq).padStart(3, '0')}`;
  return first17 + computeCheckChar(first17);
}

/** A workbook built by `build`, written with fixed dates (the same bytes on every run) as `name` in `folder`. */
export async function save(name: string, build: (wb: ExcelJS.Workbook) => void, folder: string = FIXTURE_FOLDER): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.created = new Date(Date.UTC(2025, 2, 5));
  wb.modified = new Date(Date.UTC(2025, 2, 5));
  build(wb);
  writeFileSync(`${folder}${name}`, new Uint8Array(await wb.xlsx.writeBuffer()));
}

export const utc = (y: number, m: number, d: number, h = 0, min = 0) => new Date(Date.UTC(y, m - 1, d, h, min));
