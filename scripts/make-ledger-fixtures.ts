/**
 * Writes the hand-made fixtures of shared/ledgers/fixtures/difficulties/: one small file per difficulty real
 * ledgers bring (merged 党小组, ID numbers that lost digits, formulas, rich text, GBK and UTF-8-BOM CSV, title rows,
 * a 填表说明 sheet, a two-row header, full-width digits, every date style). Run once:
 * `npx tsx scripts/make-ledger-fixtures.ts`; the files are committed. What each file must read as is written by
 * hand in difficulties/expected.json (not produced by this script or by the reader).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { FIXTURE_FOLDER as folder, id, save, utc } from './fixtureWorkbooks';


/** A valid number whose check character is X (a woman's: even sequence), to type as a full-width Ｘ. */
function idEndingInX(birth: string, area = '110105'): string {
  for (let seq = 0; seq < 1000; seq += 2) {
    const candidate = id(birth, seq, area);
    if (candidate.endsWith('X')) {
      return candidate;
    }
  }
  throw new Error('no sequence gives X');
}

const HEADER = ['序号', '姓名', '性别', '民族', '公民身份号码', '入党时间', '转正时间', '党员类别', '党小组', '联系电话'];

/** GBK bytes of a text, from the platform's own GBK decoder (Node has no GBK encoder). */
function gbkEncode(text: string): Uint8Array {
  const decoder = new TextDecoder('gbk');
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead += 1) {
    for (let trail = 0x40; trail <= 0xfe; trail += 1) {
      if (trail === 0x7f) {
        continue;
      }
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\uFFFD' && !table.has(ch)) {
        table.set(ch, [lead, trail]);
      }
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) {
      out.push(code);
    } else {
      const bytes = table.get(ch);
      if (!bytes) {
        throw new Error(`no GBK code for ${ch}`);
      }
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}

mkdirSync(folder, { recursive: true });

// 1. 党小组 merged down the rows of each group.
await save('merged-groups.xlsx', (wb) => {
  const ws = wb.addWorksheet('花名册');
  ws.addRow(HEADER);
  ws.addRow([1, '王海', '男', '汉族', id('19800312', 11), '2005-06-01', '2006-06-01', '正式党员', '第一党小组', '13800000001']);
  ws.addRow([2, '李红', '女', '汉族', id('19850720', 22), '2010-07-01', '2011-07-01', '正式党员', null, '13800000002']);
  ws.addRow([3, '张丽', '女', '回族', id('19900101', 44), '2015-05-04', '2016-05-04', '正式党员', null, '13800000003']);
  ws.addRow([4, '赵刚', '男', '汉族', id('19781111', 13), '2001-07-01', '2002-07-01', '正式党员', '第二党小组', '13800000004']);
  ws.addRow([5, '钱敏', '女', '满族', id('19951230', 26), '2024-10-08', null, '预备党员', null, '13800000005']);
  ws.mergeCells('I2:I4');
  ws.mergeCells('I5:I6');
});

// 2. ID and phone numbers typed into General cells: 18 digits lose the last ones, 15-digit old numbers survive.
await save('lost-digits.xlsx', (wb) => {
  const ws = wb.addWorksheet('花名册');
  ws.addRow(HEADER);
  // 公民身份号码 typed as numbers, as Excel keeps them: 15 significant digits, the rest lost.
  ws.addRow([1, '孙强', '男', '汉族', Number('110105198003120111'), '2005-06-01', '2006-06-01', '正式党员', '第一党小组', 13800000011]);
  ws.addRow([2, '周洁', '女', '汉族', 110105650720222, '1990-07-01', '1991-07-01', '正式党员', '第一党小组', 13800000012]);
  ws.addRow([3, '吴磊', '男', '汉族', '1.10105E+17', '2010-07-01', '2011-07-01', '正式党员', '第一党小组', '1.38E+10']);
  ws.addRow([4, '郑芳', '女', '汉族', id('19850720', 24), '2010-07-01', '2011-07-01', '正式党员', '第一党小组', '13800000014']);
});

// 3. Formulas: with a cached result (read), without one (asked to save in Excel), and an error value.
await save('formulas.xlsx', (wb) => {
  const ws = wb.addWorksheet('花名册');
  ws.addRow(HEADER);
  ws.addRow([{ formula: 'ROW()-1', result: 1 }, '陈晨', '男', '汉族', id('19880808', 31), { formula: 'DATE(2012,7,1)', result: utc(2012, 7, 1) }, '2013-07-01', '正式党员', '第一党小组', null]);
  ws.addRow([{ formula: 'ROW()-1', result: 2 }, { formula: '"林"&"静"', result: '林静' }, '女', '汉族', id('19920303', 42), '2016-07-01', '2017-07-01', '正式党员', '第一党小组', null]);
  // ExcelJS's CellValue union wants a formula with its result; these two are written without one on purpose.
  ws.addRow([{ formula: 'ROW()-1', result: 3 }, '何平', '男', '汉族', id('19760606', 51), { formula: 'DATE(2000,7,1)' } as ExcelJS.CellFormulaValue, '2001-07-01', '正式党员', '第一党小组', null]);
  ws.addRow([{ formula: 'ROW()-1', result: 4 }, '郭亮', '男', '汉族', id('19790909', 71), '2003-07-01', { formula: 'F6+365', result: { error: '#REF!' } } as ExcelJS.CellFormulaValue, '正式党员', '第一党小组', null]); // as above
  ws.getCell('F2').numFmt = 'yyyy-mm-dd';
});

// 4. Rich text (a bold surname, a coloured 党小组) and a hyperlink cell.
await save('rich-text.xlsx', (wb) => {
  const ws = wb.addWorksheet('花名册');
  ws.addRow(HEADER);
  ws.addRow([1, { richText: [{ text: '欧阳', font: { bold: true } }, { text: '娜' }] }, '女', '汉族', id('19870515', 62), '2009-07-01', '2010-07-01', '正式党员', { richText: [{ text: '第一', font: { color: { argb: 'FFFF0000' } } }, { text: '党小组' }] }, null]);
  ws.addRow([2, { text: '马超', hyperlink: 'mailto:machao@example.org' }, '男', '汉族', id('19830424', 33), '2008-07-01', '2009-07-01', '正式党员', '第一党小组', null]);
});

// 5. CSV as Chinese Excel and WPS save it: GBK, CRLF.
const csvRows = [
  '序号,姓名,性别,民族,公民身份号码,入党时间,转正时间,党员类别,党小组',
  `1,黄磊,男,汉族,${id('19810214', 15)},2006.7.1,2007.7.1,正式党员,第一党小组`,
  `2,徐静,女,汉族,${id('19930418', 28)},2019年6月30日,2020年6月30日,正式党员,第二党小组`,
  '填表人：黄磊,,,,,,,,',
];
writeFileSync(`${folder}gbk.csv`, gbkEncode(csvRows.join('\r\n') + '\r\n'));

// 6. CSV in UTF-8 with a BOM, a quoted field holding a comma and a line break.
writeFileSync(
  `${folder}utf8-bom.csv`,
  '\uFEFF' +
    [
      '姓名,性别,民族,公民身份号码,入党时间,转正时间,党员类别,备注',
      `朱婷,女,汉族,${id('19890909', 46)},2014-07-01,2015-07-01,正式党员,"流动党员,在外地务工"`,
      `"胡军",男,蒙古族,${id('19770707', 17)},2000/7/1,2001/7/1,正式党员,"第一行\n第二行"`,
    ].join('\r\n') +
    '\r\n',
);

// 7. Title, unit and date rows above the header; a blank row and a footer under the table.
await save('title-rows.xlsx', (wb) => {
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(['中共某市某局机关第一支部委员会党员花名册']);
  ws.mergeCells('A1:J1');
  ws.addRow(['填报单位（盖章）：某局机关第一党支部', null, null, null, null, null, null, '填报日期：2025年3月5日']);
  ws.addRow(['截至2025年3月5日']);
  ws.addRow(HEADER);
  ws.addRow([1, '高峰', '男', '汉族', id('19820101', 19), '2007-07-01', '2008-07-01', '正式党员', '第一党小组', null]);
  ws.addRow([]);
  ws.addRow([2, '罗琳', '女', '汉族', id('19910202', 28), '2016-07-01', '2017-07-01', '正式党员', '第一党小组', null]);
  ws.addRow(['填表人：罗琳', null, null, null, '审核人：高峰']);
});

// 8. A 填表说明 sheet before the roster, and an empty sheet after it.
await save('instructions-sheet.xlsx', (wb) => {
  const notes = wb.addWorksheet('填表说明');
  notes.addRow(['填表说明']);
  notes.addRow(['1. 公民身份号码请设置为文本格式，填写18位号码']);
  notes.addRow(['2. 日期请按 2025-03-05 填写']);
  notes.addRow(['3. 党员类别填写 正式党员 或 预备党员']);
  const ws = wb.addWorksheet('党员名册');
  ws.addRow(HEADER);
  ws.addRow([1, '梁雨', '女', '汉族', id('19940404', 48), '2020-07-01', '2021-07-01', '正式党员', '第一党小组', null]);
  wb.addWorksheet('Sheet3');
});

// 9. A two-row header: 基本信息 / 入党情况 groups over the field names, 姓名 merged down both rows.
await save('two-row-header.xlsx', (wb) => {
  const ws = wb.addWorksheet('花名册');
  ws.addRow(['姓名', '基本信息', null, null, '入党情况', null, null]);
  ws.addRow([null, '性别', '民族', '身份证号', '入党时间', '转正时间', '人员类别']);
  ws.mergeCells('A1:A2');
  ws.mergeCells('B1:D1');
  ws.mergeCells('E1:G1');
  ws.addRow(['宋佳', '女', '汉族', id('19860606', 68), '2011-07-01', '2012-07-01', '正式党员']);
  ws.addRow(['谢东', '男', '汉族', id('19960101', 75), '2024-12-20', null, '预备党员']);
});

// 10. Full-width digits, letters and punctuation as Chinese input methods type them.
await save('full-width.xlsx', (wb) => {
  const ws = wb.addWorksheet('花名册');
  ws.addRow(HEADER);
  const wide = (s: string) => s.replace(/[0-9A-Za-z.\-/:]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
  ws.addRow(['１', '韩梅', '女', '汉族', wide(idEndingInX('19870324')), wide('2008.7.1'), '２００９年７月１日', '正式党员', '第一党小组', wide('13800000021')]);
  ws.addRow(['２', '唐宁', '男', '汉族', wide(id('19900315', 57)), '２０１５－０７－０１', '２０１６／７／１', '正式党员', '第一党小组', ' １３８ ０００ ０００２２ ']);
});

// 11. Every date style in a roster, and the dates and times of a meetings ledger.
await save('date-styles.xlsx', (wb) => {
  const ws = wb.addWorksheet('花名册');
  ws.addRow(['姓名', '性别', '民族', '出生日期', '入党时间', '转正时间', '党员类别']);
  const rows: [string, ExcelJS.CellValue, ExcelJS.CellValue, ExcelJS.CellValue][] = [
    ['甲一', '1985.3.5', '2010.7.1', '2011.7.1'],
    ['甲二', '1985年3月5日', '2010年7月1日', '2011年7月1日'],
    ['甲三', '1985-3-5', '2010-7-1', '2011-07-01'],
    ['甲四', '1985/3/5', '2010/7/1', '2011/7/1'],
    ['甲五', '19850305', 20100701, '20110701'],
    ['甲六', utc(1985, 3, 5), utc(2010, 7, 1), utc(2011, 7, 1)],
    ['甲七', 31111, 40360, 40725],
    ['甲八', '1965.06', 1985.06, '1986年6月'],
    ['甲九', '1985年6月', '2010.07', 2011.07],
    ['甲十', '2025-02-30', '85.6.12', '1985'],
  ];
  for (const [name, birth, joined, confirmed] of rows) {
    ws.addRow([name, '男', '汉族', birth, joined, confirmed, '正式党员']);
  }
  // 甲七: serials, under a date format in 出生日期 and 入党时间; 转正时间's format was lost (General).
  ws.getCell('D8').numFmt = 'yyyy"年"m"月"d"日"';
  ws.getCell('E8').numFmt = 'yyyy/m/d';
  const meetings = wb.addWorksheet('会议记录');
  meetings.addRow(['会议类型', '会议时间', '会议地点', '主持人', '应到人数', '实到人数']);
  meetings.addRow(['支部委员会', '2025.1.15 下午', '三楼会议室', '王海', 5, 5]);
  meetings.addRow(['党小组会', '2025年1月20日上午9:30', '三楼会议室', '王海', '8人', '7人']);
  meetings.addRow(['党课', utc(2025, 2, 10, 14, 30), '党员活动室', '王海', 20, 18]);
  meetings.addRow(['支部党员大会', 45728.625, '党员活动室', '王海', 20, 19]);
  meetings.addRow(['主题党日', '2025-03-25 14:00-16:00', '红色教育基地', '王海', 20, 20]);
  meetings.getCell('B5').numFmt = 'yyyy-mm-dd hh:mm';
});

console.log(`fixtures written to ${folder}`);
