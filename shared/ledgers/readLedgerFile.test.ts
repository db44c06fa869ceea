import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { distributeMembersToBranches, readLedgerFile, type ImportedMember, type ParsedRow } from './index';

const TODAY = '2026-03-05';
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
const read = (name: string, bytes: Uint8Array) => readLedgerFile(name, bytes, { today: TODAY });

async function workbookBytes(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const fileError = async (name: string, bytes: Uint8Array) => {
  const result = await read(name, bytes);
  expect(result.sheets).toEqual([]);
  expect(result.fileIssues).toHaveLength(1);
  return result.fileIssues[0].text;
};

describe('the sample roster (党员花名册.xlsx)', () => {
  it('parses every member, skipping the blank row and the footer', async () => {
    const result = await read('党员花名册.xlsx', fixture('党员花名册.xlsx'));
    expect(result.fileIssues).toEqual([]);
    const [sheet] = result.sheets;
    expect(sheet.ledger).toBe('members');
    expect(sheet.headerRows).toEqual([3]);
    expect(sheet.rows).toHaveLength(24);
    expect(sheet.rows.map((r) => r.rowNumber)).not.toContain(17);
    expect(sheet.skippedRows).toEqual([{ rowNumber: 30, reason: expect.stringContaining('填表人') }]);
    const errors = sheet.rows.flatMap((r) => r.issues.filter((i) => i.severity === 'error'));
    expect(errors.map((e) => e.text)).toEqual([]);
    expect(sheet.rows.every((r) => r.record)).toBe(true);
  });

  it('reads the seven date styles and keeps month precision', async () => {
    const [sheet] = (await read('党员花名册.xlsx', fixture('党员花名册.xlsx'))).sheets;
    const byRow = new Map(sheet.rows.map((r) => [r.rowNumber, r.record as ImportedMember]));
    expect(byRow.get(4)).toMatchObject({ birthDate: '1991-07-19', joinedOn: '2010-09-17', confirmedOn: '2011-09' }); // date cell, 2011.9
    expect(byRow.get(5)).toMatchObject({ birthDate: '1972-01-19', joinedOn: '1991-08-02', confirmedOn: '1992-08-02' }); // 19720119, 1991-8-2, 年月日
    expect(byRow.get(7)).toMatchObject({ birthDate: '1984-06-25', joinedOn: '2003-03-05' }); // 1984/6/25, 2003.03.05
    expect(byRow.get(11)).toMatchObject({ birthDate: '1992-08', idNumber: '320102199208235129' }); // 1992.8 kept as a month
    expect(byRow.get(19)).toMatchObject({ education: '高中、中技', category: '正式党员', partyGroupName: '第三党小组' }); // 高中 alias
    expect(byRow.get(28)).toMatchObject({ remarks: '退休', phone: '18747990339', status: '正常' });
  });
});

describe('messy workbooks made in the test', () => {
  it('finds synonym headers on row 4 under a merged title, skips 填表说明, fills merged 党小组, reads formulas, rich text and full-width digits', async () => {
    const bytes = await workbookBytes((wb) => {
      const notes = wb.addWorksheet('填表说明');
      notes.addRow(['填表说明']);
      notes.addRow(['1. 身份证号请设置为文本格式']);
      const ws = wb.addWorksheet('花名册');
      ws.addRow(['某局机关党支部党员花名册']);
      ws.mergeCells('A1:H1');
      ws.addRow(['填报单位：某局机关党支部']);
      ws.addRow([]);
      ws.addRow(['序号', '*姓 名', '身份证号（必填）', '出生年月', '入党日期', '人员类别', '党小组', '文化程度', '民族']);
      ws.addRow([1, '张三', '110105199907065421', '1999.07', { formula: 'DATE(2020,5,4)', result: new Date(Date.UTC(2020, 4, 4)) }, '预备', '第一党小组', '本科', '汉']);
      ws.addRow([2, { richText: [{ text: '李' }, { font: { bold: true }, text: '四' }] }, '１１０１０５１９８７０３２４０４９Ｘ', '１９８７年３月', '２００８．７．１', '正式', null, '硕士', '回族']);
      ws.mergeCells('G5:G6');
    });
    const result = await read('混合.xlsx', bytes);
    expect(result.fileIssues).toEqual([]);
    const [notes, roster] = result.sheets;
    expect(notes.ledger).toBeUndefined();
    expect(notes.reason).toContain('不是台账');
    expect(roster).toMatchObject({ ledger: 'members', headerRows: [4] });
    expect(roster.rows.map((r) => r.issues.map((i) => i.text))).toEqual([[], ['混合.xlsx › 花名册 › 第6行 › 转正时间：正式党员应填写转正时间']]);
    expect(roster.rows[1].issues[0].severity).toBe('warning');
    expect(roster.rows[0].record).toMatchObject({
      name: '张三', gender: '女', birthDate: '1999-07', joinedOn: '2020-05-04', category: '预备党员', education: '大学本科', ethnicity: '汉族', partyGroupName: '第一党小组',
    });
    expect(roster.rows[1].record).toMatchObject({
      name: '李四', idNumber: '11010519870324049X', birthDate: '1987-03', joinedOn: '2008-07-01', category: '正式党员', partyGroupName: '第一党小组', education: '研究生',
    });
  });

  it('reads a serial under a custom 年月日 number format as that date', async () => {
    const bytes = await workbookBytes((wb) => {
      const ws = wb.addWorksheet('花名册');
      ws.addRow(['姓名', '公民身份号码', '民族', '入党时间', '党员类别']);
      ws.addRow(['甲', '110105199907065421', '汉族', 45721, '预备党员']);
      ws.getCell('D2').numFmt = 'yyyy"年"m"月"d"日"';
    });
    const [sheet] = (await read('格式.xlsx', bytes)).sheets;
    expect(sheet.rows[0].record).toMatchObject({ joinedOn: '2025-03-05' });
  });

  it('joins a two-row header', async () => {
    const bytes = await workbookBytes((wb) => {
      const ws = wb.addWorksheet('Sheet1');
      ws.addRow(['姓名', '性别', '民族', '入党', '党员']);
      ws.addRow(['', '', '', '时间', '类别']);
      ws.mergeCells('A1:A2');
      ws.mergeCells('B1:B2');
      ws.mergeCells('C1:C2');
      ws.addRow(['王五', '男', '汉族', '2001-07-01', '正式党员']);
    });
    const [sheet] = (await read('two.xlsx', bytes)).sheets;
    expect(sheet.headerRows).toEqual([1, 2]);
    expect(sheet.columns.map((c) => c.field)).toEqual(['name', 'gender', 'ethnicity', 'joinedOn', 'category']);
    expect(sheet.rows[0].values).toMatchObject({ name: '王五', gender: '男', joinedOn: '2001-07-01' });
  });

  it('says an ID number stored as a number lost its digits, and flags checksum errors on the cell', async () => {
    const bytes = await workbookBytes((wb) => {
      const ws = wb.addWorksheet('花名册');
      ws.addRow(['姓名', '性别', '民族', '公民身份号码', '入党时间', '党员类别', '出生日期']);
      // An ID typed as a number: Excel keeps 15 significant digits.
      ws.addRow(['赵六', '男', '汉族', Number('110105198703240490'), '2008-07-01', '正式党员', '1987-03-24']);
      ws.addRow(['钱七', '女', '汉族', '110105199907065422', '2020-05-04', '正式党员', '']);
      ws.addRow(['孙八', '女', '汉族', '110105199907065421', '2020-05-04', '党员', '']);
      ws.addRow(['周九', '女', '汉族', '110105199907065421', '2020-05-04', '党员', '']);
    });
    const [sheet] = (await read('党员.xlsx', bytes)).sheets;
    const [lost, checksum, ok, duplicate] = sheet.rows;
    // Issue 10: the member comes in; the number is kept as the file holds it (15 digits, 1.10105198703240E+17) and is
    // 待核对: written out with zeros it might pass the checksum by chance.
    expect(lost.record).toMatchObject({ name: '赵六', idNumber: '1.10105198703240E+17', gender: '男', birthDate: '1987-03-24' });
    expect(lost.issues[0]).toMatchObject({ row: 2, column: 4, columnLetter: 'D', header: '公民身份号码', severity: 'warning' });
    expect(lost.issues[0].text).toMatch(/^党员\.xlsx › 花名册 › 第2行 › 公民身份号码（D列）：待核对：号码 1\.10105198703240E\+17 被 Excel 当成了数字.*15位.*文本/);
    expect(lost.issues.filter((i) => i.column === 4)).toHaveLength(1);
    // A wrong check digit: kept as written, 待核对, and 性别/出生日期 are not derived from it.
    expect(checksum.record).toMatchObject({ name: '钱七', idNumber: '110105199907065422', gender: '女' });
    expect(checksum.record).not.toHaveProperty('birthDate');
    expect(checksum.issues.map((i) => i.text)).toContain(
      '党员.xlsx › 花名册 › 第3行 › 公民身份号码（D列）：待核对：公民身份号码未通过校验，可能有数字录错，请逐位核对。号码按原样保存，不用于比对，也不据此推算性别和出生日期',
    );
    expect(ok.record).toMatchObject({ gender: '女', birthDate: '1999-07-06', category: '正式党员' });
    expect(duplicate.record).toBeDefined();
    expect(duplicate.issues[0]).toMatchObject({ severity: 'warning' });
    expect(duplicate.issues[0].text).toContain('第5行 › 公民身份号码（D列）：与第4行的公民身份号码重复');
  });

  it('reports bad cells with file, sheet, row and column in Chinese', async () => {
    const bytes = await workbookBytes((wb) => {
      const ws = wb.addWorksheet('名单');
      ws.addRow(['姓名', '性别', '民族', '入党时间', '党员类别', '党员状态']);
      ws.addRow(['吴十', '未知', '火星族', '去年', '群众', '停止党籍']);
    });
    const [sheet] = (await read('名单.xlsx', bytes)).sheets;
    const texts = sheet.rows[0].issues.map((i) => i.text);
    expect(texts).toEqual(
      expect.arrayContaining([
        '名单.xlsx › 名单 › 第2行 › 性别（B列）：“未知”不是有效的性别，可填：男、女；本项未导入',
        expect.stringContaining('名单.xlsx › 名单 › 第2行 › 民族（C列）：“火星族”不是有效的民族'),
        expect.stringContaining('第2行 › 入党时间（D列）：看不懂日期“去年”'),
        expect.stringContaining('第2行 › 党员类别（E列）：“群众”不是有效的党员类别'),
        expect.stringContaining('第2行 › 党员状态（F列）：“停止党籍”的党员已不在册'),
      ]),
    );
    // Only the 历史党员 status refuses the row; the other cells are warnings (the field is left empty).
    expect(sheet.rows[0].issues.filter((i) => i.severity === 'error').map((i) => i.header)).toEqual(['党员状态']);
    expect(sheet.rows[0].record).toBeUndefined();
    expect(sheet.issues.map((i) => i.text)).toEqual([expect.stringContaining('名单.xlsx › 名单 › 资料不全：本表没有“出生日期”“学历”列')]);
    expect(texts.join('')).not.toMatch(/[A-Za-z]{6,}/);
  });

  it('distributes members to existing or new branches by 所在党支部', async () => {
    const bytes = await workbookBytes((wb) => {
      const ws = wb.addWorksheet('全委党员');
      ws.addRow(['姓名', '公民身份号码', '民族', '入党时间', '党员类别', '所在党支部']);
      ws.addRow(['甲', '110105199907065421', '汉族', '2020-05-04', '正式党员', '中共某局机关第一支部委员会']);
      ws.addRow(['乙', '11010519870324049X', '汉族', '2008-07-01', '正式党员', '第二党支部']);
      ws.addRow(['丙', '320102198306097423', '壮族', '2002.6', '正式党员', '']);
    });
    const [sheet] = (await read('全委.xlsx', bytes)).sheets;
    const groups = distributeMembersToBranches(sheet.rows as ParsedRow<ImportedMember>[], [{ id: 'b1', name: '某局机关第一支部' }], 'current');
    expect(groups.map((g) => [g.branchName, g.branchId, g.create, g.rows.length])).toEqual([
      ['某局机关第一支部', 'b1', false, 1],
      ['第二党支部', undefined, true, 1],
      [undefined, 'current', false, 1],
    ]);
  });

  it('classifies the other sample ledgers', async () => {
    const kinds = await Promise.all(
      ['三会一课台账.xlsx', '谈心谈话记录.xlsx', '整改台账.xlsx', '党员思想动态分析.xlsx'].map(async (f) => (await read(f, fixture(f))).sheets.map((s) => s.ledger)),
    );
    expect(kinds).toEqual([['meetings'], ['talks'], ['rectifications'], ['analyses']]);
    const [meetings] = (await read('三会一课台账.xlsx', fixture('三会一课台账.xlsx'))).sheets;
    expect(meetings.rows[0].values.startAt).toEqual({ date: '2025-01-06', partOfDay: '上午' });
    expect(meetings.rows[1].values.startAt).toEqual({ date: '2025-01-19', time: '14:00' });
  });
});

describe('CSV', () => {
  it('decodes GBK as Chinese Excel and WPS save it', async () => {
    // 姓名,性别,民族,入党时间,党员类别\r\n张三,男,... — only 姓名,性别 and 张三,男 in GBK bytes, the rest ASCII.
    const gbk = [0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0xd0, 0xd4, 0xb1, 0xf0, 0x0d, 0x0a, 0xd5, 0xc5, 0xc8, 0xfd, 0x2c, 0xc4, 0xd0, 0x0d, 0x0a];
    const result = await read('名单.csv', new Uint8Array(gbk));
    expect(result).toMatchObject({ format: 'csv', encoding: 'gbk' });
    expect(result.sheets[0].ledger).toBe('members');
    expect(result.sheets[0].rows[0].values).toEqual({ name: '张三', gender: '男' });
    // CSV issues name the file only: it has no sheets.
    expect(result.sheets[0].issues[0].text).toMatch(/^名单\.csv › 资料不全：本表没有/);
  });

  it('reads UTF-8 with a BOM, quotes, commas and line breaks inside quotes, and sci-notation IDs', async () => {
    const csv = '\uFEFF姓名,性别,身份证号,备注\r\n"张三",男,110105199907065421,"流动党员,在外地"\r\n李四,女,1.10105E+17,"第一行\n第二行"\r\n';
    const result = await read('党员.csv', new TextEncoder().encode(csv));
    expect(result.encoding).toBe('utf-8');
    const [zhang, li] = result.sheets[0].rows;
    expect(zhang.values).toMatchObject({ name: '张三', idNumber: '110105199907065421', remarks: '流动党员,在外地' });
    expect(li.values.remarks).toBe('第一行\n第二行');
    expect(li.issues[0].text).toContain('号码显示为 1.10105E+17');
  });
});

describe('files that are not readable ledgers', () => {
  it('asks to save .xls / .et as .xlsx', async () => {
    const ole = new Uint8Array(512);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(await fileError('花名册.xls', ole)).toMatch(/^花名册\.xls › 这是旧版 Excel（\.xls）或 WPS 表格（\.et）.*另存为.*xlsx/);
    expect(await fileError('花名册.et', ole)).toContain('另存为');
  });

  it('says an encrypted workbook needs its password removed', async () => {
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    ole.set([...'EncryptionInfo'].flatMap((c) => [c.charCodeAt(0), 0]), 600);
    expect(await fileError('花名册.xlsx', ole)).toContain('设置了打开密码');
  });

  it('handles empty, truncated, random and oversized files with a message', async () => {
    expect(await fileError('空.xlsx', new Uint8Array())).toContain('文件是空的');
    const good = fixture('党员花名册.xlsx');
    expect(await fileError('断了.xlsx', good.slice(0, 4000))).toContain('文件不完整');
    const random = new Uint8Array(3000).map((_, i) => (i * 7919 + 13) % 251);
    expect(await fileError('乱码.xlsx', random)).toContain('内容不是 Excel 工作簿');
    expect(await fileError('报告.pdf', random)).toContain('不支持“.pdf”文件');
    expect(await fileError('大.xlsx', new Uint8Array(21 * 1024 * 1024))).toContain('文件太大（21.0 MB）');
  });

  it('gives a message for a zip that ExcelJS cannot read, and for a workbook with no ledger', async () => {
    const good = fixture('党员花名册.xlsx');
    const corrupt = good.slice();
    corrupt.fill(0x41, 200, 3000);
    const text = await fileError('坏.xlsx', corrupt);
    expect(text).toMatch(/^坏\.xlsx › .*(损坏|不完整)/);
    const empty = await workbookBytes((wb) => wb.addWorksheet('Sheet1').addRow(['你好']));
    const result = await read('无台账.xlsx', empty);
    expect(result.fileIssues[0].text).toContain('没有找到可以导入的台账');
  });
});
