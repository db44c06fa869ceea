/**
 * The import bench's workbooks, generated with ExcelJS the way a secretary's ledgers look: a merged title row, a
 * unit/date line, then the header; the roster from the demo generator (valid ID numbers, date cells and the date
 * texts people type), the meetings ledger with 会议时间 as typed text and as date cells. Deterministic.
 */
import ExcelJS from 'exceljs';
import { generateDemoBranch } from '../../shared/demo';
import { partyPostsOf } from '../../shared/branch/posts';
import type { Member } from '../../shared/model';

const MEETING_TYPES = ['支部党员大会', '支部委员会', '党小组会', '党课', '主题党日'];
const LOCATIONS = ['三楼会议室', '党员活动室', '五楼小会议室', '线上会议'];

async function bytesOf(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function titleRows(sheet: ExcelJS.Worksheet, title: string, columns: number): void {
  sheet.addRow([title]);
  sheet.mergeCells(1, 1, 1, columns);
  sheet.addRow(['填报单位：某局机关第一党支部', '', '', '', '', '填报日期：2025年3月5日']);
}

/** A typed date the way people type them, by row: 2025.3.5, 2025年3月5日, 2025-03-05, 2025/3/5, a date cell. */
function dateCell(iso: string | undefined, row: number): ExcelJS.CellValue {
  if (!iso) {
    return null;
  }
  const [y, m, d] = iso.split('-').map(Number);
  if (d === undefined) {
    return `${y}.${m}`;
  }
  switch (row % 5) {
    case 0:
      return `${y}.${m}.${d}`;
    case 1:
      return `${y}年${m}月${d}日`;
    case 2:
      return iso;
    case 3:
      return `${y}/${m}/${d}`;
    default:
      return new Date(Date.UTC(y, m - 1, d));
  }
}

const ROSTER_HEADER = [
  '序号', '姓名', '性别', '民族', '公民身份号码', '出生日期', '学历', '入党时间', '转正时间', '党员类别', '党员状态',
  '所在党小组', '党内职务', '工作岗位', '联系电话', '备注',
];

/** A 党员花名册 of `count` members (the demo generator's, so every ID number is valid). */
export async function rosterWorkbook(count: number, today = '2025-03-05'): Promise<{ bytes: Uint8Array; members: Member[] }> {
  const demo = generateDemoBranch({ today, memberCount: count });
  const groups = new Map(demo.branch.partyGroups.map((g) => [g.id, g.name]));
  const postOf = partyPostsOf(demo.branch);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('党员花名册');
  titleRows(sheet, '某局机关第一党支部党员花名册', ROSTER_HEADER.length);
  sheet.addRow(ROSTER_HEADER);
  sheet.getColumn(5).numFmt = '@';
  sheet.getColumn(15).numFmt = '@';
  demo.members.forEach((m, i) => {
    sheet.addRow([
      i + 1, m.name, m.gender, m.ethnicity, m.idNumber, dateCell(m.birthDate, i), m.education, dateCell(m.joinedOn, i + 1),
      dateCell(m.confirmedOn, i + 2), m.category, m.status, m.partyGroupId ? groups.get(m.partyGroupId) : null,
      postOf(m.id), m.jobTitle, m.phone, m.remarks,
    ]);
  });
  return { bytes: await bytesOf(workbook), members: demo.members };
}

const MEETINGS_HEADER = ['序号', '会议类型', '会议时间', '会议地点', '主持人', '记录人', '应到人数', '实到人数', '缺席人员及原因', '会议议题', '会议内容摘要', '形成决议'];

/** A “三会一课”会议记录 ledger of `count` meetings, oldest first, a few a week from 2010 on. */
export async function meetingsWorkbook(count: number): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('三会一课台账');
  titleRows(sheet, '某局机关第一党支部“三会一课”台账', MEETINGS_HEADER.length);
  sheet.addRow(MEETINGS_HEADER);
  const start = Date.UTC(2010, 0, 4);
  for (let i = 0; i < count; i += 1) {
    const day = new Date(start + Math.floor(i / 3) * 86_400_000);
    const y = day.getUTCFullYear();
    const m = day.getUTCMonth() + 1;
    const d = day.getUTCDate();
    const type = MEETING_TYPES[i % MEETING_TYPES.length];
    const when: ExcelJS.CellValue =
      i % 4 === 0
        ? `${y}.${m}.${d} 下午`
        : i % 4 === 1
          ? `${y}年${m}月${d}日 14:30`
          : i % 4 === 2
            ? new Date(Date.UTC(y, m - 1, d, 9, 0))
            : `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    const expected = 20 + (i % 7);
    const present = expected - (i % 3);
    sheet.addRow([
      i + 1, type, when, LOCATIONS[i % LOCATIONS.length], '王伟', '李芳', expected, present,
      present < expected ? `张敏（出差）${present < expected - 1 ? '、刘洋（病假）' : ''}` : '无',
      `学习贯彻${y}年第${(i % 12) + 1}次${type}议题`,
      `传达学习上级文件精神，讨论支部${m}月份工作安排，党员结合岗位实际谈体会，共${present}人发言。`,
      i % 2 === 0 ? '一致同意' : null,
    ]);
  }
  return bytesOf(workbook);
}
