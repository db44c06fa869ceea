import { duesGrid, formatPercent, monthsOfYear, type DuesCell, type DuesTerms } from '../dues';
import { duesLedger, type DuesColumnField } from '../ledgers/definitions/dues';
import { DUES_CATEGORIES, DUES_KINDS, DUES_METHODS, type DuesPayment } from '../model/dues';
import type { Member } from '../model/member';
import { tableFromDefinition, type ExportTable, type FieldColumn, type ColumnGuide } from './columns';
import { yearsOfPeriod } from './period';
import { WIDTH } from './sheet';
import type { ExportOptions, LedgerDataset } from './types';

/**
 * 党费收缴明细表 as it is posted (张榜公示) and handed in: one row per member and year, 1月…12月 holding what was paid
 * (实交), the member's 核定 (人员类别, 核定基数, 比例, 月应交) before them, 应交合计 (months over or paid by the export
 * day) and 实交合计 after. The rows are the month grid's (shared/dues/grid.ts duesGrid: every member owing a month of
 * the year or with a record in it, pinyin order), so the sheet shows what the page shows.
 *
 * A member whose 核定 changed during the year (a new base, 党费规定 第十条) gets one row per 核定, each holding its
 * months: one 月应交 per row stays true, and the sheet reads back (duesLedger, wide shape) as the same records. A
 * month with nothing paid is empty (an unpaid record keeps its 应交 in the row's 月应交 and 应交合计); 交纳日期, 方式
 * and 类型 are not on a 公示 sheet, and a re-import leaves the stored ones as they are.
 */

export interface DuesSheetRow {
  member: Member;
  year: number;
  /** The row's 核定; absent for a member with no record at all yet (核定基数 not set). */
  terms?: DuesTerms;
  /** The grid's cells of the row's months (others of the year belong to another row of the member). */
  cells: DuesCell[];
}

const termsKey = (terms: DuesTerms | undefined) =>
  terms ? `${terms.category}|${terms.baseFen ?? ''}|${terms.percent ?? ''}|${terms.owedFen}` : '';

/** The rows of one year: each grid row split by 核定, in the order of their first month. */
export function duesRowsOfYear(members: readonly Member[], payments: readonly DuesPayment[], year: number, today: string): DuesSheetRow[] {
  const grid = duesGrid(members, payments, year, { today });
  return grid.rows.flatMap((row) => {
    const groups = new Map<string, DuesSheetRow>();
    for (const cell of row.cells) {
      if (cell.state === 'notOwed' && !cell.payment) continue;
      const key = termsKey(cell.terms);
      const group = groups.get(key) ?? { member: row.member, year, terms: cell.terms, cells: [] };
      group.cells.push(cell);
      groups.set(key, group);
    }
    return [...groups.values()];
  });
}

/** Every year the period touches, each year's rows (a period within one year gives that year's whole grid). */
export function duesRowsInPeriod(
  data: Pick<LedgerDataset, 'members'> & { dues: readonly DuesPayment[] },
  options: Pick<ExportOptions, 'period' | 'generatedOn'>,
): DuesSheetRow[] {
  return yearsOfPeriod(options.period).flatMap((year) => duesRowsOfYear(data.members, data.dues, year, options.generatedOn));
}

const yuan = (fen: number | undefined) => (fen === undefined ? undefined : fen / 100);

/** 实交 of a month of the row; empty when the row does not hold that month or nothing was paid for it. */
function paidIn(row: DuesSheetRow, month: string): number | undefined {
  return yuan(row.cells.find((c) => c.month === month)?.payment?.paidFen);
}

export function duesTable(): ExportTable<DuesSheetRow> {
  const months = (row: DuesSheetRow) => monthsOfYear(row.year);
  const monthColumns = Array.from({ length: 12 }, (_, i): FieldColumn<DuesSheetRow> => ({
    field: `m${i + 1}`,
    width: 7,
    format: 'money',
    value: (row) => paidIn(row, months(row)[i]),
  }));
  // 应交 so far: a month not over and not paid yet ('due') is not owed on the day the sheet is posted.
  const owedTotal = (row: DuesSheetRow) =>
    row.cells.reduce((sum, c) => sum + (c.state === 'notOwed' || c.state === 'due' ? 0 : (c.terms?.owedFen ?? 0)), 0);
  const paidTotal = (row: DuesSheetRow) => row.cells.reduce((sum, c) => sum + c.paidFen, 0);
  const columns: FieldColumn<DuesSheetRow>[] = [
    { field: 'name', width: WIDTH.name, format: 'text', value: (row) => row.member.name },
    { field: 'year', width: 7, format: 'integer', value: (row) => row.year },
    { field: 'category', width: 9, format: 'text', value: (row) => row.terms?.category },
    { field: 'base', width: 10, format: 'money', value: (row) => yuan(row.terms?.baseFen) },
    { field: 'percent', width: 7, format: 'text', value: (row) => (row.terms?.percent === undefined ? undefined : formatPercent(row.terms.percent)) },
    { field: 'owed', width: 8, format: 'money', value: (row) => yuan(row.terms?.owedFen) },
    ...monthColumns,
    { field: 'owedTotal', width: 9, format: 'money', value: (row) => yuan(owedTotal(row)) },
    { field: 'paidTotal', width: 9, format: 'money', value: (row) => yuan(paidTotal(row)) },
  ];
  return tableFromDefinition<DuesSheetRow>(duesLedger, columns); // why: each definition is of its own record type
}

const money = (meaning: string, example: string): ColumnGuide => ({ width: 10, meaning: `${meaning}，单位元，精确到分（如 12.50）`, example });

/**
 * The columns of the blank template: the long shape (one row per payment), what a treasurer fills. The wide 1月…12月
 * columns are read as well (the 公示 export writes them) but would only crowd a template. registry: build the 党费
 * template from these fields, not from every column of duesLedger.
 */
export const DUES_TEMPLATE_FIELDS = [
  'name', 'year', 'month', 'category', 'base', 'percent', 'owed', 'paid', 'paidOn', 'method', 'kind', 'collector', 'remarks',
] as const satisfies readonly DuesColumnField[];

export const DUES_TEMPLATE_GUIDE: Record<(typeof DUES_TEMPLATE_FIELDS)[number], ColumnGuide> = {
  name: { required: true, width: WIDTH.name, meaning: '党员姓名，每行一人一个月', example: '张三' },
  year: { width: 7, meaning: '年度；所属月份写了年份，或表格标题写明年份（如“2025年党费收缴明细表”）时可不填', example: '2025' },
  month: { required: true, width: 10, meaning: '党费所属的月份（不是交纳日期），写成 2025-03 或 2025年3月', example: '2025-03' },
  category: { list: { name: '人员类别', values: DUES_CATEGORIES, strict: true }, width: 9, meaning: '按党费规定的人员类别，决定交纳比例', example: '在职' },
  base: money('核定基数：在职为税后月工资收入，离退休为月离退休费；学生、低保等按固定金额交纳的不填', '6000.00'),
  percent: { width: 7, meaning: '交纳比例，写成 1% 或 1.5%；按固定金额交纳的不填', example: '1.5%' },
  owed: money('该月应交金额', '90.00'),
  paid: money('该月实交金额；未交的不填（不要填0）', '90.00'),
  paidOn: { format: 'date', width: 12, meaning: '交纳日期', example: '2025-03-05' },
  method: { list: { name: '交纳方式', values: DUES_METHODS, strict: true }, width: 8, meaning: '现金、线上（微信、转账等）或代交', example: '线上' },
  kind: { list: { name: '缴费类型', values: DUES_KINDS, strict: true }, width: 9, meaning: '正常、补缴（所属月份之后交）、预交（之前交）或自愿多交；不填视为正常', example: '正常' },
  collector: { width: WIDTH.name, meaning: '收款人姓名', example: '李四' },
  remarks: { width: WIDTH.medium, meaning: '其他需要说明的情况', example: '' },
};
