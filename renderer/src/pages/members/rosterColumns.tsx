import { Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { formatDate } from '@shared/dates';
import { MEMBER_FIELD_LABELS as L, type Member, type MemberCategory } from '@shared/model';

export function CategoryTag({ category }: { category: MemberCategory | undefined }) {
  if (!category) {
    return null;
  }
  return <Tag color={category === '预备党员' ? 'orange' : 'red'}>{category}</Tag>;
}

// Table cells use plain spans styled like antd tags (members.css): an antd Tag or Typography per cell
// doubles the work of each scrolled frame, and a 10,000-row roster must scroll smoothly.
function categoryCell(category: MemberCategory) {
  return <span className={`member-tag ${category === '预备党员' ? 'member-tag-orange' : 'member-tag-red'}`}>{category}</span>;
}

function statusCell(status: Member['status']) {
  return status === '正常' ? status : <span className="member-tag member-tag-gold">{status}</span>;
}

const name = {
  key: 'name',
  title: L.name,
  dataIndex: 'name',
  width: 110,
  fixed: 'left',
  render: (value: string) => <strong>{value}</strong>,
} as const;

const date = (field: 'birthDate' | 'joinedOn' | 'confirmedOn', width = 130) => ({
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
    width: 130,
    render: (id?: string) => (id ? (groupNames.get(id) ?? '') : ''),
  };
}

/** Columns of 在册党员, in the order of the 花名册 (DOMAIN §3.1). Widths are fixed: the table is virtual. */
export function currentColumns(groupNames: ReadonlyMap<string, string>): TableColumnsType<Member> {
  return [
    name,
    { key: 'gender', title: L.gender, dataIndex: 'gender', width: 64 },
    { key: 'ethnicity', title: L.ethnicity, dataIndex: 'ethnicity', width: 100 },
    date('birthDate'),
    { key: 'education', title: L.education, dataIndex: 'education', width: 100 },
    date('joinedOn'),
    date('confirmedOn'),
    { key: 'category', title: L.category, dataIndex: 'category', width: 100, render: categoryCell },
    {
      key: 'status',
      title: L.status,
      dataIndex: 'status',
      width: 100,
      render: statusCell,
    },
    groupColumn(groupNames),
    { key: 'partyPost', title: L.partyPost, dataIndex: 'partyPost', width: 100 },
    { key: 'jobTitle', title: L.jobTitle, dataIndex: 'jobTitle', width: 170, ellipsis: true },
    { key: 'phone', title: L.phone, dataIndex: 'phone', width: 140 },
  ];
}

/** Columns of 历史党员: who they were, and when and why they left. */
export function historyColumns(groupNames: ReadonlyMap<string, string>): TableColumnsType<Member> {
  return [
    name,
    { key: 'gender', title: L.gender, dataIndex: 'gender', width: 64 },
    date('birthDate'),
    date('joinedOn'),
    { key: 'category', title: L.category, dataIndex: 'category', width: 100, render: categoryCell },
    groupColumn(groupNames),
    { key: 'departureReason', title: '离开原因', width: 100, render: (_: unknown, m: Member) => m.departure?.reason },
    { key: 'departureDate', title: '离开日期', width: 130, render: (_: unknown, m: Member) => formatDate(m.departure?.date) },
    { key: 'departureNote', title: '说明', width: 220, ellipsis: true, render: (_: unknown, m: Member) => m.departure?.note },
    { key: 'jobTitle', title: L.jobTitle, dataIndex: 'jobTitle', width: 170, ellipsis: true },
  ];
}

export function columnsWidth(columns: TableColumnsType<Member>): number {
  return columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 120), 0);
}
