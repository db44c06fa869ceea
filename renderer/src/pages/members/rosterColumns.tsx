import { Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { PARTY_POST_LABEL, type PartyPostOf } from '@shared/branch/posts';
import { formatDate } from '@shared/dates';
import {
  gapLabels,
  ID_UNVERIFIED,
  INCOMPLETE,
  MEMBER_FIELD_LABELS as L,
  memberGaps,
  type Member,
  type MemberCategory,
} from '@shared/model';

export function CategoryTag({ category }: { category: MemberCategory | undefined }) {
  if (!category) {
    return null;
  }
  return <Tag color={category === '预备党员' ? 'orange' : 'red'}>{category}</Tag>;
}

// Table cells use plain spans styled like antd tags (members.css): an antd Tag or Typography per cell
// doubles the work of each scrolled frame, and a 10,000-row roster must scroll smoothly.
function categoryCell(category: MemberCategory | undefined) {
  return category ? <span className={`member-tag ${category === '预备党员' ? 'member-tag-orange' : 'member-tag-red'}`}>{category}</span> : null;
}

function statusCell(status: Member['status']) {
  return status === '正常' ? status : <span className="member-tag member-tag-gold">{status}</span>;
}

/** 资料不全 (what is missing, in the native tooltip: cheap for thousands of rows) and 待核对 on the ID. */
export function GapTags({ member }: { member: Member }) {
  const gaps = memberGaps(member);
  const labels = gapLabels(gaps);
  if (labels.length === 0) {
    return null;
  }
  return (
    <>
      {gaps.missing.length > 0 && (
        <span className="member-tag member-tag-gold" title={`未填写：${labels.join('、')}`}>
          {INCOMPLETE}
        </span>
      )}
      {gaps.idNumberUnverified && (
        <span className="member-tag member-tag-orange" title={`${L.idNumber}未通过校验，请逐位核对`}>
          {ID_UNVERIFIED}
        </span>
      )}
    </>
  );
}

const name = {
  key: 'name',
  title: L.name,
  dataIndex: 'name',
  width: 190,
  fixed: 'left',
  render: (value: string, member: Member) => (
    <span className="member-name">
      <strong>{value}</strong>
      <GapTags member={member} />
    </span>
  ),
} as const;

const date = (field: 'birthDate' | 'joinedOn' | 'confirmedOn', width = 118) => ({
  key: field,
  title: L[field],
  dataIndex: field,
  width,
  render: (value?: string) => formatDate(value),
});

function groupColumn(groupNames: ReadonlyMap<string, string>) {
  return {
    key: 'partyGroupId',
    title: L.partyGroupId,
    dataIndex: 'partyGroupId',
    width: 110,
    render: (id?: string) => (id ? (groupNames.get(id) ?? '') : ''),
  };
}

type RosterColumn = TableColumnsType<Member>[number] & { width: number };

/**
 * Which columns give way first when the window is narrow (higher goes first): 姓名, 党内职务, 工作岗位 and
 * 联系电话 always stay, so that at 1280 px the roster needs no sideways scrolling; the rest is on the member's page.
 */
const PRIORITY: Record<string, number> = {
  name: 1, partyPost: 1, jobTitle: 1, phone: 1,
  category: 2, status: 2,
  partyGroupId: 3, joinedOn: 3,
  gender: 4, birthDate: 4,
  ethnicity: 5, education: 5,
  confirmedOn: 6,
};

/** Columns of 在册党员, in the order of the 花名册 (DOMAIN §3.1). Widths are fixed: the table is virtual. */
export function currentColumns(groupNames: ReadonlyMap<string, string>, postOf: PartyPostOf): RosterColumn[] {
  return [
    name,
    { key: 'gender', title: L.gender, dataIndex: 'gender', width: 56 },
    { key: 'ethnicity', title: L.ethnicity, dataIndex: 'ethnicity', width: 90 },
    date('birthDate'),
    { key: 'education', title: L.education, dataIndex: 'education', width: 96 },
    date('joinedOn'),
    date('confirmedOn'),
    { key: 'category', title: L.category, dataIndex: 'category', width: 92, render: categoryCell },
    { key: 'status', title: L.status, dataIndex: 'status', width: 90, render: statusCell },
    groupColumn(groupNames),
    { key: 'partyPost', title: PARTY_POST_LABEL, width: 90, render: (_: unknown, m: Member) => postOf(m.id) },
    { key: 'jobTitle', title: L.jobTitle, dataIndex: 'jobTitle', width: 160, ellipsis: true },
    { key: 'phone', title: L.phone, dataIndex: 'phone', width: 126 },
  ];
}

/** Columns of 历史党员: who they were, and when and why they left. */
export function historyColumns(groupNames: ReadonlyMap<string, string>): RosterColumn[] {
  return [
    name,
    { key: 'gender', title: L.gender, dataIndex: 'gender', width: 56 },
    date('birthDate'),
    date('joinedOn'),
    { key: 'category', title: L.category, dataIndex: 'category', width: 92, render: categoryCell },
    groupColumn(groupNames),
    { key: 'departureReason', title: '离开原因', width: 100, render: (_: unknown, m: Member) => m.departure?.reason },
    { key: 'departureDate', title: '离开日期', width: 118, render: (_: unknown, m: Member) => formatDate(m.departure?.date) },
    { key: 'departureNote', title: '说明', width: 200, ellipsis: true, render: (_: unknown, m: Member) => m.departure?.note },
    { key: 'jobTitle', title: L.jobTitle, dataIndex: 'jobTitle', width: 160, ellipsis: true },
  ];
}

export function columnsWidth(columns: readonly RosterColumn[]): number {
  return columns.reduce((sum, c) => sum + c.width, 0);
}

/** The columns that fit `available` pixels, dropping the least needed first (PRIORITY), order kept. */
export function fitColumns(columns: readonly RosterColumn[], available: number): RosterColumn[] {
  let shown = [...columns];
  const levels = [...new Set(columns.map((c) => PRIORITY[String(c.key)] ?? 1))].sort((a, b) => b - a);
  for (const level of levels) {
    if (columnsWidth(shown) <= available || level <= 1) {
      break;
    }
    shown = shown.filter((c) => (PRIORITY[String(c.key)] ?? 1) < level);
  }
  return shown;
}
