import { describe, expect, it } from 'vitest';
import { generateDemoBranch } from '../demo';
import { generateDemoDues } from '../demo/dues';
import { generateDemoReviews } from '../demo/reviews';
import { generateDemoTraining } from '../demo/training';
import { Roster, compact } from '../imports/core';
import { duesKey, duesTermsLookup, resolveDues } from '../imports/dues';
import { resolveReview, reviewKey } from '../imports/reviews';
import { resolveTraining, trainingKey } from '../imports/training';
import { readLedgerFile, type ParsedSheet } from '../ledgers';
import { LEDGER_DEFINITION_OF, LEDGER_DEFINITIONS } from '../ledgers/definitions';
import { duesPaymentsOf, type ImportedDues } from '../ledgers/definitions/dues';
import { reviewsLedger, type ImportedReview } from '../ledgers/definitions/reviews';
import { trainingLedger, type ImportedTraining } from '../ledgers/definitions/training';
import type { LedgerDefinition } from '../ledgers/types';
import type { DuesPayment } from '../model/dues';
import { DEFAULT_TRAINING_SETTINGS } from '../training/settings';
import type { ColumnGuide, ExportTable } from './columns';
import { DUES_TEMPLATE_FIELDS, DUES_TEMPLATE_GUIDE, duesRowsInPeriod, duesRowsOfYear, duesTable } from './dues';
import { rangePeriod, yearPeriod } from './period';
import { REVIEW_TEMPLATE_GUIDE, reviewsInPeriod, reviewsTable } from './reviews';
import { addLedgerSheet, addRows, infoLine, newWorkbook, workbookBytes } from './sheet';
import { TRAINING_TEMPLATE_GUIDE, trainingInPeriod, trainingTable, trainingTotalsInPeriod, trainingTotalsTable } from './training';

/**
 * Export → import of 民主评议, 党费 and 学时 at the parse level: the demo branch's records → the export table → workbook
 * bytes → readLedgerFile with the kind's definition → resolve against the roster → the same fields (the 跳过 level,
 * through the planner, is the registry's shared/exports/roundTrip.test.ts).
 */

const TODAY = '2025-06-15';
const demo = generateDemoBranch({ today: TODAY, memberCount: 25 });
const reviews = generateDemoReviews(demo, { today: TODAY });
const training = generateDemoTraining(demo, { today: TODAY });
/** The demo's dues, with one member's 核定基数 raised from 2025-03 (党费规定 第十条): the grid splits that member's row. */
const raised = demo.members.filter((m) => !m.departure)[0].id;
const dues: DuesPayment[] = generateDemoDues(demo, { today: TODAY }).map((p) =>
  p.memberId === raised && p.month >= '2025-03' ? { ...p, baseFen: 1200000, percent: 2, owedFen: 24000, paidFen: p.paidFen === undefined ? undefined : 24000 } : p,
);
const data = { ...demo, reviews, dues, training };
const roster = new Roster(demo.members);
const branchId = demo.branch.id;
const DEFINITIONS: readonly LedgerDefinition[] = LEDGER_DEFINITIONS;

interface SheetSpec<T> {
  name: string;
  title: string;
  table: ExportTable<T>;
  records: readonly T[];
}

/** A workbook of the given sheets, as the export writes them, read back as a file to import. */
async function exported(...sheets: SheetSpec<never>[]): Promise<ParsedSheet[]> {
  const workbook = await newWorkbook();
  for (const spec of sheets) {
    const sheet = addLedgerSheet(workbook, { name: spec.name, title: spec.title, info: infoLine(demo.branch.name, TODAY, spec.records.length), columns: spec.table.columns });
    addRows(sheet, spec.records.map((r) => spec.table.row(r)));
  }
  const result = await readLedgerFile('导出.xlsx', await workbookBytes(workbook), { today: TODAY, definitions: DEFINITIONS });
  expect(result.fileIssues).toEqual([]);
  return result.sheets;
}

/** One sheet's spec; the table and its records typed together. */
const spec = <T,>(name: string, title: string, table: ExportTable<T>, records: readonly T[]) =>
  // A list of sheets of different record types: each spec is only ever used with its own table.
  ({ name, title, table, records }) as unknown as SheetSpec<never>;

/** A parsed row's record as the test reads it (ParsedRow holds it as unknown), after expectClean checked the ledger. */
function recordOf<R>(row: { record?: unknown }): R {
  // expectClean asserted the sheet's ledger and that every row has its record: the record is that ledger's.
  return row.record as R;
}

/** As roundTrip.test.ts's expectCleanLedger: every column read under its own label, no error, a record per row. */
function expectClean(sheet: ParsedSheet, kind: string, count: number) {
  expect(sheet.ledger).toBe(kind);
  expect(sheet.headerRows).toEqual([3]);
  const definition = DEFINITIONS.find((d) => d.kind === sheet.ledger);
  for (const column of sheet.columns) {
    expect(column.field, `列“${column.header}”`).toBeDefined();
    expect(definition?.columns.find((c) => c.field === column.field)?.label).toBe(column.header);
  }
  expect(sheet.rows).toHaveLength(count);
  expect(sheet.rows.flatMap((r) => r.issues.filter((i) => i.severity === 'error')).map((i) => i.text)).toEqual([]);
  expect(sheet.rows.every((r) => r.record !== undefined)).toBe(true);
}

describe('an exported 民主评议/党费/学时 ledger reads back as the same records', () => {
  it('民主评议党员结果: one row per member of the year, every field back, 预备党员 不评定等次 included', async () => {
    const options = { period: yearPeriod(2024) };
    const results = reviewsInPeriod(data, options);
    expect(results.length).toBeGreaterThan(10);
    expect(results.some((r) => r.grade === '不评定等次')).toBe(true);
    expect(results.some((r) => r.disposal)).toBe(true);
    const [sheet] = await exported(spec('民主评议党员结果', `${demo.branch.name} 2024年度 民主评议党员结果登记表`, reviewsTable(data), results));
    expectClean(sheet, 'reviews', results.length);
    sheet.rows.forEach((row, i) => {
      const stored = results[i];
      const resolved = resolveReview(recordOf<ImportedReview>(row), roster, branchId);
      expect(resolved.ok).toBe(true);
      if (!resolved.ok) return;
      const votes = compact(stored.votes);
      // Every field but the 民主评议党员 meeting's id, which a sheet does not carry (the import leaves it as stored).
      expect(resolved.fields).toEqual(
        compact({
          year: stored.year,
          memberId: stored.memberId,
          selfAssessment: stored.selfAssessment,
          peerOpinion: stored.peerOpinion,
          votes: Object.keys(votes).length > 0 ? votes : undefined,
          grade: stored.grade,
          basis: stored.basis,
          feedbackOn: stored.feedbackOn,
          feedbackById: stored.feedbackById,
          disposal: stored.disposal,
        }),
      );
      expect(reviewKey(resolved.fields)).toBe(reviewKey(stored));
    });
  });

  it('党费收缴: the 张榜公示 grid of each year, read back through the wide shape as every paid month with its 核定', async () => {
    const period = rangePeriod('2024-01-01', '2025-12-31');
    const rows = duesRowsInPeriod(data, { period, generatedOn: TODAY });
    // The member whose base changed has two rows in 2025, one per 核定.
    expect(rows.filter((r) => r.member.id === raised && r.year === 2025)).toHaveLength(2);
    const [sheet] = await exported(spec('党费收缴明细', `${demo.branch.name} 2024—2025年 党费收缴明细表`, duesTable(), rows));
    expectClean(sheet, 'dues', rows.length);
    const lookup = duesTermsLookup(roster, dues);
    const back = sheet.rows.flatMap((row) => duesPaymentsOf(recordOf<ImportedDues>(row))).map((p) => resolveDues(p, roster, branchId, lookup));
    expect(back.every((r) => r.ok)).toBe(true);
    const paid = dues.filter((p) => p.paidFen !== undefined);
    expect(back).toHaveLength(paid.length);
    const byKey = new Map(paid.map((p) => [duesKey(p), p]));
    for (const result of back) {
      if (!result.ok) continue;
      const stored = byKey.get(duesKey(result.fields));
      expect(stored).toBeDefined();
      if (!stored) continue;
      // A 公示 sheet carries the 核定 and what was paid; 交纳日期, 方式, 类型 and 收款人 stay as stored.
      expect(result.fields).toEqual(
        compact({
          month: stored.month,
          memberId: stored.memberId,
          category: stored.category,
          baseFen: stored.baseFen,
          percent: stored.percent,
          owedFen: stored.owedFen,
          paidFen: stored.paidFen,
        }),
      );
    }
  });

  it('党费收缴: 应交合计 counts the months owed by the export day, 实交合计 what was paid; an unpaid month stays empty', async () => {
    const rows = duesRowsOfYear(demo.members, dues, 2025, TODAY);
    const [sheet] = await exported(spec('党费收缴明细', '2025年党费收缴明细表', duesTable(), rows));
    const header = sheet.columns.map((c) => c.header);
    expect(header).toEqual(['姓名', '年度', '人员类别', '核定基数', '比例', '月应交', ...Array.from({ length: 12 }, (_, i) => `${i + 1}月`), '应交合计', '实交合计']);
    // June is not over on TODAY and nobody has paid it: no 6月 payment comes back.
    expect(sheet.rows.every((r) => recordOf<ImportedDues>(r).payments.every((p) => p.month !== '2025-06'))).toBe(true);
    const table = duesTable();
    const totals = rows.map((r) => table.row(r).slice(-2));
    const paidIn2025 = dues.filter((p) => p.month.startsWith('2025-')).reduce((sum, p) => sum + (p.paidFen ?? 0), 0);
    expect(Math.round(totals.reduce((sum, t) => sum + Number(t[1]), 0) * 100)).toBe(paidIn2025);
    // A member who paid every month so far owes nothing on the sheet: June, not over on TODAY, is not owed yet.
    const upToDate = rows.filter((r) => r.cells.every((c) => c.state === 'paid' || c.state === 'due' || c.state === 'notOwed'));
    expect(upToDate.length).toBeGreaterThan(5);
    for (const row of upToDate) {
      const [owed, paid] = table.row(row).slice(-2);
      expect(owed).toBe(paid);
    }
  });

  it('学习培训学时: one row per record back as the same fields, and a 学时统计 sheet a re-import skips', async () => {
    const options = { period: yearPeriod(2025) };
    const records = trainingInPeriod(data, options);
    expect(records.length).toBeGreaterThan(20);
    expect(records.some((r) => !Number.isInteger(r.hours))).toBe(true);
    const totals = trainingTotalsInPeriod(data, options, DEFAULT_TRAINING_SETTINGS);
    expect(totals.some((t) => t.gap > 0)).toBe(true);
    const [sheet, summary] = await exported(
      spec('学习培训学时', `${demo.branch.name} 2025年度 学习培训学时登记表`, trainingTable(data), records),
      spec('学时统计', `${demo.branch.name} 2025年度 党员学习培训学时统计`, trainingTotalsTable(), totals),
    );
    expectClean(sheet, 'training', records.length);
    sheet.rows.forEach((row, i) => {
      const stored = records[i];
      const resolved = resolveTraining(recordOf<ImportedTraining>(row), roster, branchId);
      expect(resolved).toEqual({ ok: true, fields: compact({ date: stored.date, memberId: stored.memberId, activity: stored.activity, form: stored.form, hours: stored.hours }) });
      expect(resolved.ok && trainingKey(resolved.fields)).toBe(trainingKey(stored));
    });
    expect(summary.ledger).toBeUndefined();
    expect(summary.mappedAs).toBeUndefined();
  });
});

describe('the template guides of the three kinds', () => {
  const cases: [string, LedgerDefinition, Readonly<Record<string, ColumnGuide>>, readonly string[]][] = [
    ['民主评议', LEDGER_DEFINITION_OF.reviews, REVIEW_TEMPLATE_GUIDE, reviewsLedger.columns.map((c) => c.field)],
    ['党费', LEDGER_DEFINITION_OF.dues, DUES_TEMPLATE_GUIDE, DUES_TEMPLATE_FIELDS],
    ['学时', LEDGER_DEFINITION_OF.training, TRAINING_TEMPLATE_GUIDE, trainingLedger.columns.map((c) => c.field)],
  ];

  it.each(cases)('%s: a guide for every template column, every dropdown value and example read back by its column', (_, definition, guides, fields) => {
    expect(Object.keys(guides).sort()).toEqual([...fields].sort());
    for (const field of fields) {
      const column = definition.columns.find((c) => c.field === field);
      const guide = guides[field];
      expect(column, field).toBeDefined();
      expect(guide.meaning).toMatch(/[\u4e00-\u9fa5]/);
      for (const value of [...(guide.list?.values ?? []), ...(guide.example ? [guide.example] : [])]) {
        const parsed = column?.parse({ kind: 'text', text: value });
        expect(parsed?.ok && parsed.value !== undefined, `${field}：${value}`).toBe(true);
      }
    }
  });
});
