// Property checks of the date parser (dateProperties.ts), and of the typed-date fields that share its grammar
// (../dateInputProperties.ts): here, and in child processes under four time zones —
// the engine reads TZ once at start, so another zone needs another process. Each child also writes a workbook of
// date cells with ExcelJS and reads it back through readXlsx, the path a real file takes.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkDateProperties } from './dateProperties';
import { parseDateCell } from './dates';
import type { CellValue } from './types';

const SEED = 20250305;
const ZONES = ['Asia/Shanghai', 'America/Los_Angeles', 'Pacific/Kiritimati', 'UTC'];

/** What a child runs: the property checks, then a workbook round trip, printed as one JSON line. */
const CHILD = `
const { checkDateProperties, randomDate, seededRandom } = await import(${JSON.stringify(new URL('./dateProperties.ts', import.meta.url).href)});
const { readXlsx } = await import(${JSON.stringify(new URL('./read/xlsx.ts', import.meta.url).href)});
const { parseDateCell } = await import(${JSON.stringify(new URL('./dates.ts', import.meta.url).href)});
const { checkDateInputProperties } = await import(${JSON.stringify(new URL('../dateInputProperties.ts', import.meta.url).href)});
const typed = checkDateInputProperties(Number(process.env.SEED), 300);
const ExcelJS = (await import('exceljs')).default;
const properties = checkDateProperties(Number(process.env.SEED), 300);
const random = seededRandom(Number(process.env.SEED) + 1);
const wb = new ExcelJS.Workbook();
const ws = wb.addWorksheet('日期');
const wanted = [];
for (let i = 0; i < 200; i += 1) {
  const d = randomDate(random);
  const iso = d.year + '-' + String(d.month).padStart(2, '0') + '-' + String(d.day).padStart(2, '0');
  wanted.push(iso);
  ws.addRow([new Date(Date.UTC(d.year, d.month - 1, d.day))]);
}
const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
const read = await readXlsx(bytes);
const workbook = read.ok ? read.sheets[0].rows.map((row) => { const r = parseDateCell(row[0]); return r.ok ? r.value.date : r.message; }) : [read.message];
const mismatches = workbook.map((got, i) => [wanted[i], got]).filter(([w, g]) => w !== g);
// What a reader using local-time getters would get wrong here: proves the zone is really in effect.
const localGetterSlips = wanted.filter((iso) => { const [y, m, d] = iso.split('-').map(Number); return new Date(Date.UTC(y, m - 1, d)).getDate() !== d; }).length;
console.log(JSON.stringify({ zone: Intl.DateTimeFormat().resolvedOptions().timeZone, offset: new Date(2025, 0, 1).getTimezoneOffset(), properties, typed, cells: workbook.length, mismatches, localGetterSlips }));
`;

describe('ledger dates, properties', () => {
  it('round-trips random dates in every style to the same calendar date', () => {
    const { checked, failures } = checkDateProperties(SEED, 500);
    expect(checked).toBeGreaterThan(500 * 16);
    expect(failures).toEqual([]);
  });

  it('catches a parser that counts serials from 1899-12-31 (one day late)', () => {
    const offByOne = (cell: CellValue) => parseDateCell(cell.kind === 'number' && cell.numFmt ? { ...cell, number: cell.number + 1 } : cell);
    const { failures } = checkDateProperties(SEED, 50, offByOne);
    expect(new Set(failures.map((f) => f.style))).toEqual(new Set(['serial under a date format', 'serial with a time']));
    expect(failures.length).toBeGreaterThanOrEqual(100);
  });

  it.each(ZONES)('holds under TZ=%s, and date cells survive an ExcelJS write and read', (zone) => {
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', CHILD], {
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
      env: { ...process.env, TZ: zone, SEED: String(SEED + ZONES.indexOf(zone)) },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(child.stderr.replace(/^\s*$/gm, '')).toBe('');
    const report = JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}');
    expect(report.zone).toBe(zone);
    if (zone !== 'UTC') {
      expect(report.offset).not.toBe(0);
    }
    // West of Greenwich UTC midnight is the evening before: a local-time reader would slip every date there, and
    // on Kiritimati every date before 1995, when the island was still at UTC−10.
    if (zone === 'America/Los_Angeles') {
      expect(report.localGetterSlips).toBe(200);
    } else if (zone === 'Pacific/Kiritimati') {
      expect(report.localGetterSlips).toBeGreaterThan(0);
    } else {
      expect(report.localGetterSlips).toBe(0);
    }
    expect(report.properties.failures).toEqual([]);
    expect(report.properties.checked).toBeGreaterThan(300 * 16);
    expect(report.typed.failures).toEqual([]);
    expect(report.typed.checked).toBeGreaterThan(300 * 20);
    expect(report.cells).toBe(200);
    expect(report.mismatches).toEqual([]);
  });
});
