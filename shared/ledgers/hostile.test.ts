// Hostile ledgers, made small at test time: bombs (a deflate stream of repeated bytes), huge merges, floods of
// the same fault, traversal in a package. Each must get a bounded Chinese answer, never the memory.
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { craftZip, filled, utf8Bytes, type CraftedEntry } from '../zip/craft';
import { ISSUES_PER_KIND } from './issueCap';
import { readLedgerFile } from './index';
import { craftXlsx, rowsXml, SHEET_HEAD, SHEET_TAIL, sheetXml } from './read/craftXlsx';
import { readXlsx } from './read/xlsx';

const TODAY = '2026-03-05';
const MB = 1024 * 1024;
const HEADER = ['姓名', '性别', '民族', '出生日期', '身份证号码', '入党时间', '党员类别'];

function member(i: number, birth = '1990-01-01'): string[] {
  return [`党员${i}`, '男', '汉族', birth, '', '2015-07-01', '正式党员'];
}

/** A roster sheet whose rows come after a block of `filler` repeated `times` (a bomb between the rows). */
function bombSheet(times: number): Omit<CraftedEntry, 'name'> {
  return { prefix: utf8Bytes(SHEET_HEAD + rowsXml([HEADER, member(1)])), bytes: filled(MB, 0x20), times, suffix: utf8Bytes(SHEET_TAIL) };
}

describe('ledger bombs', () => {
  it('refuses a worksheet that inflates to 1 GiB (1 MB on disk) at 200 MB, naming the sheet and its part, without the memory', async () => {
    const bytes = craftXlsx([{ name: '花名册', part: bombSheet(1024) }]);
    expect(bytes.length).toBeLessThan(2 * MB);
    const before = process.memoryUsage().rss;
    const result = await readLedgerFile('花名册.xlsx', bytes, { today: TODAY });
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * MB);
    expect(result.sheets).toEqual([]);
    expect(result.fileIssues.map((i) => i.message)).toEqual([
      '工作簿中的工作表“花名册”（xl/worksheets/sheet1.xml）解压后超过 200 MB，无法读取。正常的台账远小于这个上限，请确认选对了文件。',
    ]);
  });

  it('refuses a 3 GiB worksheet the same way (V8 used to abort on a string that long)', async () => {
    const result = await readXlsx(craftXlsx([{ name: '花名册', part: bombSheet(3 * 1024) }]));
    expect(result).toEqual({ ok: false, message: expect.stringContaining('工作表“花名册”（xl/worksheets/sheet1.xml）解压后超过 200 MB') });
  });

  it('does not trust a declared size: a part declared as 100 bytes is stopped at the limit all the same', async () => {
    const result = await readXlsx(craftXlsx([{ name: '花名册', part: { ...bombSheet(400), declaredSize: 100 } }]));
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/工作表“花名册”（xl\/worksheets\/sheet1\.xml）(解压后超过 200 MB|压缩比异常)/) });
  });

  it('never hands a bomb to ExcelJS: a file the direct reader declines is measured first', async () => {
    // A cell type the direct reader does not know sends the file to the fallback; the bomb sits in an entry
    // only ExcelJS would inflate (a picture).
    const declined = `${SHEET_HEAD}<row r="1"><c r="A1" t="weird"><v>1</v></c></row>${SHEET_TAIL}`;
    const result = await readXlsx(craftXlsx([{ name: '花名册', part: declined }], [{ name: 'xl/media/image1.png', bytes: filled(MB), times: 1024 }]));
    expect(result).toEqual({ ok: false, message: expect.stringContaining('“xl/media/image1.png”解压后超过 32 MB') });
  });

  it('refuses too many entries and over-long names before inflating anything', async () => {
    const many = craftZip(Array.from({ length: 10_001 }, (_, i) => ({ name: `xl/f${i}.xml`, bytes: utf8Bytes('x') })));
    expect(await readXlsx(many)).toEqual({ ok: false, message: expect.stringContaining('文件太多') });
  });
});

describe('merges larger than the data', () => {
  it.each(['A1:XFD400', 'A31:XFD1048576'])('ignores %s with one note; the rows are read as they are and the issues stay few', async (ref) => {
    const rows = [HEADER, ...Array.from({ length: 20 }, (_, i) => member(i + 1))];
    const bytes = craftXlsx([{ name: '花名册', part: sheetXml(rows, [ref, 'A30:B30']) }]);
    const before = process.memoryUsage().rss;
    const result = await readLedgerFile('花名册.xlsx', bytes, { today: TODAY });
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * MB);
    expect(result.fileIssues.map((i) => i.message)).toEqual([`工作表“花名册”中的合并单元格（${ref}）远超出有数据的区域，已忽略，未按合并填充`]);
    const [sheet] = result.sheets;
    expect(sheet.ledger).toBe('members');
    expect(sheet.rows).toHaveLength(20);
    expect(sheet.rows.flatMap((r) => r.issues).length).toBeLessThan(60);
  });
});

describe('floods of one fault', () => {
  it(`lists the first ${ISSUES_PER_KIND} of a kind and says how many more, and the rows beyond are treated like the listed ones`, async () => {
    const rows = [HEADER, ...Array.from({ length: 1_000 }, (_, i) => member(i + 1, '不详'))];
    const result = await readLedgerFile('花名册.xlsx', craftXlsx([{ name: '花名册', part: sheetXml(rows) }]), { today: TODAY });
    const [sheet] = result.sheets;
    const birthIssues = sheet.rows.flatMap((r) => r.issues).filter((i) => i.header === '出生日期');
    expect(birthIssues).toHaveLength(ISSUES_PER_KIND);
    const summary = sheet.issues.find((i) => i.message.startsWith('另有'));
    // An unreadable 出生日期 does not stop a member (identity decides): all 1,000 come in, the date left out.
    expect(birthIssues[0].severity).toBe('warning');
    expect(summary?.message).toMatch(/^另有 800 处同类问题未逐条列出（如“出生日期：.+”），这些行按同样方式处理$/);
    expect(summary?.severity).toBe('warning');
    expect(sheet.rows.filter((r) => r.record && (r.record as { birthDate?: string }).birthDate === undefined)).toHaveLength(1_000);
  });

  it('refuses a CSV of more than 50,000 rows as it refuses such a sheet', async () => {
    const csv = utf8Bytes(`${HEADER.join(',')}\n${Array.from({ length: 50_001 }, (_, i) => member(i).join(',')).join('\n')}\n`);
    const result = await readLedgerFile('花名册.csv', csv, { today: TODAY });
    expect(result.fileIssues.map((i) => i.message)).toContain('工作表“花名册”超过 50000 行，请确认是台账后分成几个文件导入');
    expect(result.sheets.every((s) => s.rows.length === 0)).toBe(true);
  });
});

describe('a 检查材料包 chosen in 导入', () => {
  const manifest = utf8Bytes(JSON.stringify({ format: 'branch-ledger-inspection-package' }));

  it('refuses a package whose ledger workbook inflates to 3 GiB, naming it', async () => {
    const bytes = craftZip([
      { name: 'manifest.json', bytes: manifest },
      { name: '01_党员花名册.xlsx', bytes: filled(MB), times: 3 * 1024 },
    ]);
    const result = await readLedgerFile('材料包.zip', bytes, { today: TODAY });
    expect(result.fileIssues.map((i) => i.message)).toEqual([expect.stringMatching(/^检查材料包中的“01_党员花名册\.xlsx”(解压后超过 20 MB|压缩比异常)/)]);
  });

  it('still reads a sound package workbook', async () => {
    const workbook = craftXlsx([{ name: '花名册', part: sheetXml([HEADER, member(1)]) }]);
    const result = await readLedgerFile('材料包.zip', zipSync({ 'manifest.json': manifest, '01_党员花名册.xlsx': workbook }), { today: TODAY });
    expect(result.fileIssues).toEqual([]);
    expect(result.sheets[0]).toMatchObject({ name: '01_党员花名册 › 花名册', ledger: 'members' });
  });
});
