/**
 * Writes the fixtures of issue 10 into shared/ledgers/fixtures/difficulties/, beside make-ledger-fixtures.ts's: files
 * shaped like the ones secretaries already keep and that nobody here wrote — another system's import template (red
 * required headers, sample rows, a merged 填写注意事项 block), a 主题党日 ledger keyed by 活动名称, a counts-only 三会一课
 * ledger with 计划/实际会议时间, a CSV roster of 姓名/工号/入党时间, coded values, a title naming another branch.
 * Run once: `npx tsx scripts/make-import-fixtures.ts`; the files are committed. What each must read as is written by
 * hand in difficulties/expected.json.
 */
import { writeFileSync } from 'node:fs';
import { FIXTURE_FOLDER as folder, id, save, utc } from './fixtureWorkbooks';

/** A number with a wrong check character (the last one of the valid number, changed). */
function badCheck(birth: string, seq: number): string {
  const valid = id(birth, seq);
  return valid.slice(0, 17) + (valid[17] === '1' ? '2' : '1');
}

const RED = { color: { argb: 'FFFF0000' }, bold: true };

// 1. Another system's 党员信息导入模板: a merged title, red required headers with *, two sample rows as the secretary
// left them (民族 empty in both; a coded 学历 and a wrong check digit in one), a merged notes block under them.
await save('other-system-template.xlsx', (wb) => {
  const ws = wb.addWorksheet('党员信息');
  ws.addRow(['党员信息导入模板（请勿修改表头）']);
  ws.mergeCells('A1:L1');
  const header = ws.addRow([
    '姓名*', '性别*', '民族*', '身份证号码*', '手机号码', '学历', '工作单位', '党籍状态（正式党员或预备党员）*', '党员状态*',
    '入党时间', '人员类别', '工号',
  ]);
  [1, 2, 3, 4, 8, 9].forEach((c) => {
    header.getCell(c).font = RED;
  });
  ws.addRow(['王建国', '男', null, id('19800312', 11), '13800000031', '大学本科', '办公室', '正式党员', '正常', '2005-06-01', '普通编制', 'A0031']);
  ws.addRow(['李秀英', '女', null, badCheck('19850720', 24), '13800000032', '11 博士研究生', '财务处', '预备党员', '正常', '2024-12-20', '普通编制', 'A0032']);
  ws.addRow([]);
  ws.addRow([
    '填写注意事项：\n1. 带*的列为必填项，表头为红色；\n2. 身份证号码请先把该列设置为“文本”格式再填写，否则后几位会变成0；\n3. 党籍状态只能填写“正式党员”或“预备党员”；\n4. 入党时间格式为 2020-01-01；\n5. 请勿修改、删除表头，请勿合并单元格。',
  ]);
  ws.mergeCells('A6:L12');
  ws.getCell('A6').alignment = { wrapText: true, vertical: 'top' };
});

// 2. A 主题党日 ledger as agencies keep it: keyed by 活动名称, no 会议类型 column, 实际时间 written three ways,
// counts only; the title names the branch.
await save('theme-day.xlsx', (wb) => {
  const ws = wb.addWorksheet('主题党日');
  ws.addRow(['中共某某局机关第一党支部2025年主题党日活动台账']);
  ws.mergeCells('A1:J1');
  ws.addRow(['序号', '活动名称', '活动主题', '实际时间', '活动地点', '主要内容', '应到人数', '实到人数', '请假人数', '备注']);
  ws.addRow([1, '1月主题党日活动', '学习贯彻党的二十届三中全会精神', '2025/1/15  14:30', '三楼会议室', '集中学习全会公报，交流体会', 24, 23, 1, null]);
  ws.addRow([2, '2月主题党日：重温入党誓词', '重温入党誓词', utc(2025, 2, 20, 15, 0), '党员活动室', '全体党员重温入党誓词', 24, 24, 0, null]);
  ws.getCell('D4').numFmt = 'yyyy/m/d h:mm';
  ws.addRow([3, '3月份主题党日活动', '志愿服务', '2025年3月18日下午2:30', '社区服务中心', '到社区开展志愿服务', 24, 22, 2, '2人出差']);
});

// 3. A 三会一课 ledger with 计划 and 实际会议时间, counts only; two meetings of one type on one day (a date alone
// and one at 14:30) and a note line under the table.
await save('counts-only-meetings.xlsx', (wb) => {
  const ws = wb.addWorksheet('三会一课');
  ws.addRow(['序号', '会议类型', '会议名称', '计划会议时间', '实际会议时间', '会议地点', '主持人姓名', '记录人姓名', '应到人数', '实到人数', '请假人数', '主要内容及特色']);
  ws.addRow([1, '支委会', '研究发展党员工作', '2019.1.28', '2019.2.3', '支部办公室', '王建国', '李秀英', 5, 5, 0, '研究确定发展对象']);
  ws.addRow([2, '支委会', '研究年度工作要点', '2019.2.3', '2019/2/3 14:30', '支部办公室', '王建国', '李秀英', 5, 4, 1, '讨论年度工作要点']);
  ws.addRow([3, '党员大会', '接收预备党员', '2019.3.10', utc(2019, 3, 12, 9, 30), '三楼会议室', '王建国', '李秀英', 24, 22, 2, '表决接收预备党员1名']);
  ws.getCell('E4').numFmt = 'yyyy-mm-dd hh:mm';
  ws.addRow([4, '党课', '书记讲党课', '2019.3.25', '2019-3-26 14:30:00', '三楼会议室', '王建国', null, 24, 24, 0, '讲授党章']);
  ws.addRow([]);
  ws.addRow(['说明：本表由支部组织委员每月填写，应到、实到人数以签到表为准。']);
});

// 4. A roster from a personnel system keyed by 工号: 姓名, 工号, 入党时间 only (UTF-8 CSV as such systems export).
writeFileSync(`${folder}roster-gonghao.csv`, '姓名,工号,入党时间\r\n陈志强,A0101,2001-07-01\r\n刘芳,A0102,2012/6/30\r\n赵磊,A0103,2018年5月\r\n');

// 5. Coded values as national code tables write them (性别, 民族 GB/T 3304, 学历 GB/T 4658), a date-time serial.
await save('coded-values.xlsx', (wb) => {
  const ws = wb.addWorksheet('花名册');
  ws.addRow(['姓名', '性别', '民族', '公民身份号码', '学历', '党员类别', '入党时间']);
  ws.addRow(['马丽', '2 女', '03 回族', id('19880808', 42), '21 大学本科', '1 正式党员', 40725]);
  ws.addRow(['高峰', '1 男', '01 汉族', id('19790101', 11), '11 博士研究生', '正式党员', 36708.5]);
  ws.getCell('G3').numFmt = 'yyyy-mm-dd hh:mm';
  ws.addRow(['白雪', '2-女', '08壮族', id('19950505', 62), '31-大学专科', '2 预备党员', '2024.10.8']);
});

// 6. A roster whose title names another branch (kept by the 第三党支部, imported elsewhere by mistake).
await save('other-branch-title.xlsx', (wb) => {
  const ws = wb.addWorksheet('花名册');
  ws.addRow(['中共某某局机关第三党支部党员花名册']);
  ws.mergeCells('A1:G1');
  ws.addRow(['填报单位：中共某某局机关第三党支部', null, null, null, '填报日期：2025年3月1日']);
  ws.addRow(['姓名', '性别', '民族', '公民身份号码', '入党时间', '转正时间', '党员类别']);
  ws.addRow(['孔明', '男', '汉族', id('19810101', 31), '2006-07-01', '2007-07-01', '正式党员']);
  ws.addRow(['曹芳', '女', '汉族', id('19900202', 42), '2015-07-01', '2016-07-01', '正式党员']);
});
