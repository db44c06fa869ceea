// Each hand-made fixture of a real-ledger difficulty read through readLedgerFile and compared with what
// fixtures/difficulties/expected.json (written by hand) says it must read as; then the five sample ledgers.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NOTE_START, readLedgerFile, type LedgerFileResult, type LedgerIssue, type ParsedSheet } from './index';

const TODAY = '2025-03-05';
const bytesOf = (path: string) => new Uint8Array(readFileSync(new URL(`./fixtures/${path}`, import.meta.url)));

interface ExpectedSheet {
  name: string;
  kind: string | null;
  reason?: string;
  headerRows?: number[];
  records?: number;
  /** [cell like E2, or a bare row number for a row-level issue], severity, the message's start. */
  issues?: [string, 'error' | 'warning', string][];
  skipped?: number[];
  /** Rows flagged 资料不全 (a missing completeness field: the record comes in); checked apart from `issues`. */
  incomplete?: number[];
  /** The branch the title names, if any. */
  titleBranch?: string;
  /** 1-based rows of each block of instructions (说明文字，已跳过). */
  notes?: number[][];
  /** Rows the file holds that identify a record: each must become one (goal 100 %). */
  rows?: Record<string, Record<string, unknown>>;
  values?: Record<string, Record<string, unknown>>;
}

interface ExpectedFile {
  format?: string;
  encoding?: string;
  sheets: ExpectedSheet[];
}

const expected = JSON.parse(readFileSync(new URL('./fixtures/difficulties/expected.json', import.meta.url), 'utf8')) as Record<
  string,
  ExpectedFile | string
>;

const hasError = (issues: LedgerIssue[]) => issues.some((i) => i.severity === 'error');
const where = (issue: LedgerIssue) => (issue.columnLetter ? `${issue.columnLetter}${issue.row}` : String(issue.row));

const isGapNote = (issue: LedgerIssue) => issue.message.startsWith('资料不全');

/** The issues of a sheet but the 资料不全 notes (expected.json lists those rows as `incomplete`). */
function sheetIssues(sheet: ParsedSheet): LedgerIssue[] {
  return [...sheet.issues, ...sheet.rows.flatMap((r) => r.issues)].filter((i) => !isGapNote(i));
}

function compareSheet(sheet: ParsedSheet, want: ExpectedSheet): void {
  expect(sheet.name).toBe(want.name);
  expect(sheet.ledger ?? null).toBe(want.kind);
  if (!want.kind) {
    expect(sheet.reason).toContain(want.reason);
    return;
  }
  expect(sheet.headerRows).toEqual(want.headerRows);
  expect(sheet.rows.filter((r) => !hasError(r.issues))).toHaveLength(want.records ?? 0);
  const issues = sheetIssues(sheet);
  expect(issues.map((i) => [where(i), i.severity])).toEqual((want.issues ?? []).map(([at, severity]) => [at, severity]));
  issues.forEach((issue, index) => expect(issue.message.startsWith(want.issues![index][2]), issue.message).toBe(true));
  expect(sheet.skippedRows.map((s) => s.rowNumber)).toEqual(want.skipped ?? []);
  expect(sheet.notes.map((n) => n.rows)).toEqual(want.notes ?? []);
  expect(sheet.titleBranch).toBe(want.titleBranch);
  // Notes are never a row, and so never a row issue.
  expect(sheet.rows.filter((r) => Object.values(r.values).some((v) => typeof v === 'string' && NOTE_START.test(v)))).toEqual([]);
  if (want.incomplete) {
    expect(sheet.rows.filter((r) => r.issues.some(isGapNote)).map((r) => r.rowNumber)).toEqual(want.incomplete);
  }
  const byRow = new Map(sheet.rows.map((r) => [r.rowNumber, r]));
  for (const [row, fields] of Object.entries(want.rows ?? {})) {
    expect(byRow.get(Number(row))?.record, `row ${row}`).toMatchObject(fields);
  }
  for (const [row, fields] of Object.entries(want.values ?? {})) {
    expect(byRow.get(Number(row))?.values, `row ${row}`).toMatchObject(fields);
  }
}

describe('fixtures of the difficulties real ledgers bring', () => {
  const files = Object.entries(expected).filter((entry): entry is [string, ExpectedFile] => !entry[0].startsWith('$'));

  it('has a fixture for each difficulty', () => {
    expect(files.map(([name]) => name).sort()).toEqual(
      [
        'date-styles.xlsx', 'formulas.xlsx', 'full-width.xlsx', 'gbk.csv', 'instructions-sheet.xlsx', 'lost-digits.xlsx',
        'merged-groups.xlsx', 'rich-text.xlsx', 'title-rows.xlsx', 'two-row-header.xlsx', 'utf8-bom.csv',
        // Issue 10: files shaped like those secretaries already keep (scripts/make-import-fixtures.ts).
        'other-system-template.xlsx', 'theme-day.xlsx', 'counts-only-meetings.xlsx', 'roster-gonghao.csv', 'coded-values.xlsx',
        'other-branch-title.xlsx',
      ].sort(),
    );
  });

  it.each(files)('%s reads as expected.json says', async (name, want) => {
    const result: LedgerFileResult = await readLedgerFile(name, bytesOf(`difficulties/${name}`), { today: TODAY });
    expect(result.fileIssues).toEqual([]);
    if (want.format) {
      expect(result).toMatchObject({ format: want.format, encoding: want.encoding });
    }
    expect(result.sheets).toHaveLength(want.sheets.length);
    result.sheets.forEach((sheet, index) => compareSheet(sheet, want.sheets[index]));
  });
});

describe('the sample ledgers', () => {
  const SAMPLE_TODAY = '2026-03-05';
  const read = (name: string) => readLedgerFile(name, bytesOf(name), { today: SAMPLE_TODAY });
  const warnings = (sheet: ParsedSheet) => sheetIssues(sheet).map((i) => `${where(i)} ${i.message}`);

  it.each([
    ['党员花名册.xlsx', '党员花名册', 'members', 24],
    ['三会一课台账.xlsx', '2025年', 'meetings', 44],
    ['谈心谈话记录.xlsx', '谈心谈话', 'talks', 20],
    ['整改台账.xlsx', '整改台账', 'rectifications', 13],
    ['党员思想动态分析.xlsx', '思想动态分析', 'analyses', 24],
  ])('%s is one %s sheet of kind %s, header on row 3, %i rows, no error', async (name, sheetName, kind, count) => {
    const result = await read(name);
    expect(result.fileIssues).toEqual([]);
    expect(result.sheets.map((s) => [s.name, s.ledger, s.headerRows, s.rows.length])).toEqual([[sheetName, kind, [3], count]]);
    expect(sheetIssues(result.sheets[0]).filter((i) => i.severity === 'error')).toEqual([]);
    expect(result.sheets[0].columns.filter((c) => c.duplicateOf)).toEqual([]);
  });

  it('warns only where the sample gives cause, checked by hand', async () => {
    const [roster] = (await read('党员花名册.xlsx')).sheets;
    // 转正时间 written to the month (2011.9) a year after 入党 on 2010-09-17 is that whole month: one year, no warning.
    expect(warnings(roster)).toEqual([]);
    const [meetings] = (await read('三会一课台账.xlsx')).sheets;
    // The sample writes 上午/下午 without a time in every fourth row.
    expect(warnings(meetings).map((w) => w.split(' ')[0])).toEqual(['C4', 'C8', 'C12', 'C16', 'C20', 'C24', 'C28', 'C32', 'C36', 'C40', 'C44']);
    expect(warnings(meetings).every((w) => /只写了“(上午|下午)”，没有具体时刻/.test(w))).toBe(true);
    const [talks] = (await read('谈心谈话记录.xlsx')).sheets;
    // Rows 4–8 of the sample really name the talker as the one talked to; rows 10, 11, 13, 14, 18 and 19 say
    // 集体谈话 with one person talked to.
    expect(warnings(talks).map((w) => w.split(' ')[0])).toEqual(['D4', 'D5', 'D6', 'D7', 'D8', 'E10', 'E11', 'E13', 'E14', 'E18', 'E19']);
    expect(warnings(talks).slice(0, 5).every((w) => /也是谈话对象/.test(w))).toBe(true);
    expect(warnings(talks).slice(5).every((w) => /集体谈话，但谈话对象只有1人/.test(w))).toBe(true);
    expect((await read('整改台账.xlsx')).sheets.flatMap(sheetIssues)).toEqual([]);
    expect((await read('党员思想动态分析.xlsx')).sheets.flatMap(sheetIssues)).toEqual([]);
  });
});
