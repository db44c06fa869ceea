/**
 * Writes the fixtures of the three ledgers of issue 12 into shared/ledgers/fixtures/kinds/: 民主评议党员结果, 党费收缴
 * (the long shape, one row per payment, and the wide 张榜公示 shape, one row per member with 一月…十二月) and 学习培训学时,
 * shaped like the sheets branches keep: titles naming the year, two-row headers, money written as people write it,
 * coded values in their usual words, empty months, a 合计 column and row. Run once:
 * `npx tsx scripts/make-kind-fixtures.ts`; the files are committed. What each must read as is asserted in
 * shared/ledgers/definitions/kinds.test.ts.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { save, utc } from './fixtureWorkbooks';

const folder = fileURLToPath(new URL('../shared/ledgers/fixtures/kinds/', import.meta.url));
const BOLD = { bold: true };

// 1. 民主评议党员结果登记表: the year in the title only, a 填表日期 line, a two-row header with the four 测评票 columns
// under a merged 民主测评票（票数）, a 预备党员 left blank and one written 不评定等次, votes as `12票`, a 基本合格 with its
// 处置措施, a row without 姓名.
await save(
  '民主评议党员结果登记表.xlsx',
  (wb) => {
    const ws = wb.addWorksheet('评议结果');
    ws.addRow(['中共某某局机关第一党支部2025年度民主评议党员结果登记表']);
    ws.mergeCells('A1:O1');
    ws.addRow(['填表日期：2026年1月20日']);
    ws.mergeCells('A2:O2');
    const top = ws.addRow(['序号', '姓名', '党员类别', '个人自评', '互评意见', '民主测评票（票数）', null, null, null, '支部评定等次', '评定依据', '反馈日期', '反馈人', '处置措施', '备注']);
    const sub = ws.addRow([null, null, null, null, null, '优秀', '合格', '基本合格', '不合格']);
    for (const c of [1, 2, 3, 4, 5, 10, 11, 12, 13, 14, 15]) {
      ws.mergeCells(3, c, 4, c);
    }
    ws.mergeCells('F3:I3');
    top.font = BOLD;
    sub.font = BOLD;
    ws.addRow([1, '王建国', '正式党员', '认真履行书记职责，理论学习有待加强', '工作扎实，带头作用好', 9, 3, 0, 0, '优秀', '全年带头讲党课，组织生活全勤', '2026.1.25', '王建国', null, null]);
    ws.addRow([2, '李秀英', '正式党员', '按时参加组织生活', '业务能力强', '3票', '9票', '0票', '0票', '合格', '日常表现良好', utc(2026, 1, 25), '王建国', null, null]);
    ws.addRow([3, '陈志强', '正式党员', '有时不能按时参加学习', '需加强学习', 0, 5, 7, 0, '基本合格', '两次无故缺席支部学习', '2026年1月26日', '王建国', '限期改进，由组织委员谈心帮助', null]);
    ws.addRow([4, '刘芳', '预备党员', '预备期内表现良好', '积极向组织靠拢', 2, 10, 0, 0, '不评定等次', null, null, null, null, '预备党员']);
    ws.addRow([5, '赵磊', '预备党员', '认真学习党章', null, null, null, null, null, null, null, null, null, null, null]);
    ws.addRow([6, null, '正式党员', '（空行未填姓名）', null, 1, 11, 0, 0, '合格', null, null, null, null, null]);
    ws.addRow([]);
    ws.addRow(['注：预备党员参加民主评议，但不评定等次。']);
  },
  folder,
);

// 2. 党费收缴明细表 (wide, as it is posted 张榜公示): the year in the title, 一月…十二月, money as 12.5, 12.50元,
// ￥12.50 and a 50 from a formula, months left empty or written 未交, a tick without an amount, 合计 column and row.
await save(
  '党费收缴明细表.xlsx',
  (wb) => {
    const ws = wb.addWorksheet('2025年');
    ws.addRow(['2025年党费收缴明细表']);
    ws.mergeCells('A1:T1');
    ws.addRow(['填报单位：某某局机关第一党支部', null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, '单位：元']);
    const months = ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月'];
    ws.addRow(['序号', '姓名', '人员类别', '核定基数', '交纳比例', '月应交', ...months, '合计', '备注']).font = BOLD;
    ws.addRow([1, '王建国', '在职', 8560, '1.5%', 128.4, 128.4, 128.4, '128.40元', '￥128.40', null, null, null, null, null, null, null, null, { formula: 'SUM(G4:R4)', result: 513.6 }, null]);
    ws.addRow([2, '李秀英', '在职党员', '4,200.00', '1%', '42', 42, 42, 42, '未交', '未交', 84, null, null, null, null, null, null, { formula: 'SUM(G5:R5)', result: 210 }, '5月6月于7月补交']);
    ws.addRow([3, '陈志强', '退休', 5800, 0.01, 58, { formula: 'F6', result: 58 }, 58, '√', null, null, null, null, null, null, null, null, null, { formula: 'SUM(G6:R6)', result: 116 }, null]);
    ws.getCell('E6').numFmt = '0%';
    ws.addRow([4, '刘芳', '学生', null, null, '0.2', '0.2', '0.20', '0.2元', null, null, null, null, null, null, null, null, null, { formula: 'SUM(G7:R7)', result: 0.6 }, '预备党员']);
    ws.addRow([null, '合计', null, null, null, null, 228.6, 228.6, 170.6, 128.4, 0, 84, null, null, null, null, null, null, 840.2, null]);
  },
  folder,
);

// 3. 党费收缴登记 (long, one row per payment): 所属月份 written 2025年1月, 2025-02, as a date cell and as 3月 with the
// year in a 年度 column; 工资基数, 比例 as 1.5%, 应交金额/实交金额, 交纳方式 微信/现金/代缴, 类型 补交/正常/多交, an unpaid month.
await save(
  '党费收缴登记.xlsx',
  (wb) => {
    const ws = wb.addWorksheet('党费收缴登记');
    ws.addRow(['某某局机关第一党支部党费收缴登记簿']);
    ws.mergeCells('A1:N1');
    ws.addRow(['序号', '姓名', '年度', '所属月份', '人员类别', '工资基数', '比例', '应交金额', '实交金额', '交纳日期', '交纳方式', '类型', '收款人', '备注']).font = BOLD;
    ws.addRow([1, '王建国', null, '2025年1月', '在职', '8560.00', '1.5%', '128.40', '128.40', '2025-01-10', '微信', '正常', '李秀英', null]);
    ws.addRow([2, '王建国', null, '2025-02', '在职', 8560, '1.5%', 128.4, 200, '2025/2/12', '微信', '多交', '李秀英', '自愿多交71.60元']);
    ws.addRow([3, '李秀英', null, utc(2025, 3, 1), '在职', 4200, '1%', 42, null, null, null, null, null, '未交']);
    ws.getCell('D5').numFmt = 'yyyy年m月';
    ws.addRow([4, '陈志强', 2025, '3月', '离退休', 5800, '1%', 58, 58, '2025年5月8日', '代缴', '补交', '李秀英', '由家属代交']);
    ws.addRow([5, '刘芳', null, '4月', '学生', null, null, '0.2', '0.2', '2025-04-02', '现金', null, '李秀英', null]);
  },
  folder,
);

// 4. The same wide shape from another treasurer as CSV: a 年度 column, 1月…12月 headers, 月应缴 and an empty year.
writeFileSync(
  `${folder}党费-年度列.csv`,
  [
    '年度,姓名,月应缴,1月,2月,3月,4月,5月,6月,7月,8月,9月,10月,11月,12月,合计',
    '2025,王建国,128.40,128.40,128.40,,,,,,,,,,,256.80',
    '2025,李秀英,42,42,,,,,,,,,,,,42',
    ',陈志强,58,58,,,,,,,,,,,,58',
  ].join('\r\n') + '\r\n',
);

// 5. 学习培训学时登记表: 时间 as dates of three styles, 学习内容, 学习形式 in the words people use (集中学习, 学习强国, 网上学习,
// 党课, 培训班), 学时 as 2, 1.5, 2学时, 半天, 一天; a month-only date and a row naming two members.
await save(
  '学习培训学时登记表.xlsx',
  (wb) => {
    const ws = wb.addWorksheet('学时登记');
    ws.addRow(['2025年度党员学习培训学时登记表']);
    ws.mergeCells('A1:G1');
    ws.addRow(['序号', '姓名', '时间', '学习内容', '学习形式', '学时', '备注']).font = BOLD;
    ws.addRow([1, '王建国', utc(2025, 3, 5), '学习《中国共产党纪律处分条例》', '集中学习', 2, null]);
    ws.addRow([2, '李秀英', '2025.3.5', '学习《中国共产党纪律处分条例》', '集中学习', '2学时', null]);
    ws.addRow([3, '陈志强', '2025年4月10日', '学习贯彻党的二十届三中全会精神网络专题班', '网上学习', 1.5, null]);
    ws.addRow([4, '刘芳', '2025-05-20', '学习强国专题学习', '学习强国', '半天', null]);
    ws.addRow([5, '王建国', '2025-06-16', '市直机关党支部书记培训班', '培训班', '一天', '市委党校']);
    ws.addRow([6, '李秀英', '2025年7月', '书记讲党课', '党课', 2, null]);
    ws.addRow([7, '陈志强、刘芳', '2025-08-01', '参观廉政教育基地', '主题党日', 3, null]);
  },
  folder,
);
