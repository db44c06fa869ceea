import type { Workbook } from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readLedgerFile } from '../ledgers';
import { LEDGER_DEFINITIONS } from '../ledgers/definitions';
import { LEDGER_KINDS, type LedgerKind } from '../ledgers/types';
import { loadExcelJs } from './sheet';
import { templateOf } from '../kinds';
import { buildTemplateWorkbook, GUIDE_SHEET, guideOf, OPTIONS_SHEET, TEMPLATE_ROWS, templateColumns } from './templates';

async function open(bytes: Uint8Array): Promise<Workbook> {
  const ExcelJS = await loadExcelJs();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

const TODAY = '2025-06-15';
const utc = (y: number, m: number, d: number, h = 0, mi = 0) => new Date(Date.UTC(y, m - 1, d, h, mi));

/** What a secretary types, by header label: dates as Excel dates, numbers as numbers, the rest as text. */
const FILLED: Record<Exclude<LedgerKind, 'reviews' | 'dues' | 'training'>, Record<string, unknown>[]> = {
  members: [
    { 姓名: '张三', 民族: '汉族', 公民身份号码: '320102198506120018', 入党时间: utc(2010, 7, 1), 转正时间: utc(2011, 7, 1), 党员类别: '正式党员', 学历: '大学本科', 联系电话: '13812345678' },
    // 学历 filled: an empty one is 资料不全 (a warning since issue 10), and this row is to read back with none.
    { 姓名: '李四', 性别: '女', 民族: '回族', 出生日期: utc(1990, 3, 8), 入党时间: utc(2024, 12, 20), 党员类别: '预备党员', 学历: '研究生', 党内职务: '党员' },
  ],
  meetings: [
    { 会议类型: '支部党员大会', 会议时间: utc(2025, 3, 5, 14, 30), 会议地点: '三楼会议室', 主持人: '张三', 应到人数: 25, 实到人数: 24, 缺席人员及原因: '王五（出差）', 会议议题: '学习贯彻全会精神' },
    { 会议类型: '党课', 会议时间: utc(2025, 4, 2, 9, 0), 会议名称: '书记讲党课' },
    { 会议类型: '主题党日', 会议时间: utc(2025, 5, 8, 15, 0), 会议议题: '重温入党誓词' },
  ],
  talks: [{ 谈话时间: utc(2025, 3, 6), 谈话人: '张三', 谈话对象: '李四', 谈话类型: '交流谈话', 谈话形式: '个别', 谈话主要内容: '了解思想和工作情况' }],
  analyses: [
    { 姓名: '张三', 分析时段: '2025年第一季度', 思想状况: '稳定', 工作表现: '良好' },
    { 姓名: '李四', 分析时段: '2025年第一季度', 思想状况: '较稳定', 具体表现: '工作积极' },
  ],
  rectifications: [
    { 问题来源: '组织生活会', 问题类别: '作风建设', 存在问题: '调查研究不够深入', 整改措施: '每季度开展一次专题调研', 责任人: '张三', 整改时限: utc(2025, 9, 30), 是否销号: '否', 状态: '整改中' },
  ],
};

/** The later kinds' row: every column's example from 填表说明 (the guide's examples must read back too). */
const fromExamples = (kind: LedgerKind) => [
  Object.fromEntries(templateColumns(templateOf(kind)).flatMap((c) => (guideOf(templateOf(kind), c.field).example ? [[c.label, guideOf(templateOf(kind), c.field).example]] : []))),
];
const filled = (kind: LedgerKind): Record<string, unknown>[] => (kind in FILLED ? FILLED[kind as keyof typeof FILLED] : fromExamples(kind));

describe.each(LEDGER_KINDS)('the %s template', (kind) => {
  it('filled in by hand reads back with no issue as that ledger; 填表说明 and 选项 are not ledgers', async () => {
    const workbook = await open(await buildTemplateWorkbook(templateOf(kind)));
    const sheet = workbook.worksheets[0];
    const headers = (sheet.getRow(3).values as unknown[]).slice(1).map((h) => String(h).replace(/\*$/, ''));
    const definition = LEDGER_DEFINITIONS.find((d) => d.kind === kind);
    const labels = definition?.columns.map((c) => c.label) ?? [];
    expect(headers).toEqual(templateColumns(templateOf(kind)).map((c) => c.label));
    expect(headers.every((h) => labels.includes(h))).toBe(true);
    filled(kind).forEach((values, i) => {
      const row = sheet.getRow(4 + i);
      for (const [label, value] of Object.entries(values)) {
        const column = headers.indexOf(label) + 1;
        expect(column, label).toBeGreaterThan(0);
        row.getCell(column).value = value as string;
      }
    });
    const bytes = new Uint8Array((await workbook.xlsx.writeBuffer()));
    const result = await readLedgerFile(`${kind}.xlsx`, bytes, { today: TODAY });
    expect(result.fileIssues).toEqual([]);
    const [ledger, guide, options] = result.sheets;
    expect(ledger.ledger).toBe(kind);
    expect(ledger.headerRows).toEqual([3]);
    expect(ledger.columns.every((c) => c.field)).toBe(true);
    expect(ledger.rows).toHaveLength(filled(kind).length);
    expect(ledger.rows.flatMap((r) => r.issues).map((i) => i.text)).toEqual([]);
    expect(ledger.rows.every((r) => r.record)).toBe(true);
    expect(guide.name).toBe(GUIDE_SHEET);
    expect(guide.ledger).toBeUndefined();
    expect(options.name).toBe(OPTIONS_SHEET);
    expect(options.ledger).toBeUndefined();
  });
});

describe('template validations and formats', () => {
  it('offers the 民族 from the hidden 选项 sheet, other enumerations as lists, dates with a date check, IDs as text', async () => {
    const workbook = await open(await buildTemplateWorkbook(templateOf('members')));
    const sheet = workbook.worksheets[0];
    const options = workbook.getWorksheet(OPTIONS_SHEET);
    expect(options?.state).toBe('hidden');
    const header = (sheet.getRow(3).values as unknown[]).slice(1).map(String);
    const col = (label: string) => header.findIndex((h) => h.replace(/\*$/, '') === label) + 1;
    const validation = (label: string, row = 4) => sheet.getCell(row, col(label)).dataValidation;

    const ethnicity = validation('民族');
    expect(ethnicity.type).toBe('list');
    const ref = /^'选项'!\$([A-Z])\$2:\$\1\$(\d+)$/.exec(String(ethnicity.formulae?.[0]));
    expect(ref).not.toBeNull();
    const listed = (options?.getColumn(ref?.[1] as string).values as unknown[]).slice(2, Number(ref?.[2]) + 1);
    expect(listed).toHaveLength(58);
    expect(listed).toContain('汉族');
    expect(listed).toContain('基诺族');
    // The same check down to the last template row.
    expect(validation('民族', 3 + TEMPLATE_ROWS).type).toBe('list');
    expect(validation('性别').type).toBe('list');
    expect(validation('学历').type).toBe('list');
    expect(validation('党员类别').type).toBe('list');
    expect(validation('入党时间').type).toBe('date');
    expect(sheet.getCell(4, col('入党时间')).numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getCell(4, col('公民身份号码')).numFmt).toBe('@');
    expect(sheet.getCell(4, col('联系电话')).numFmt).toBe('@');
    expect(header[0]).toBe('姓名*');
  });

  it('lists the meeting types and the 填表说明 explains every column', async () => {
    const workbook = await open(await buildTemplateWorkbook(templateOf('meetings')));
    const sheet = workbook.worksheets[0];
    const type = sheet.getCell('A4').dataValidation;
    expect(type.type).toBe('list');
    const guide = workbook.getWorksheet(GUIDE_SHEET);
    const definition = LEDGER_DEFINITIONS.find((d) => d.kind === 'meetings');
    const explained = [];
    for (let r = 4; r <= (guide?.rowCount ?? 0); r += 1) {
      explained.push(guide?.getCell(r, 1).value);
    }
    expect(explained).toEqual(definition?.columns.map((c) => c.label));
    expect(guide?.getCell(4, 3).text).toContain('支部党员大会');
    expect(sheet.getCell(4, 3).numFmt).toBe('yyyy-mm-dd hh:mm');
  });
});
