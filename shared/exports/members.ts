import { EDUCATION_LEVELS, ETHNICITIES, GENDERS, MEMBER_CATEGORIES, MEMBER_STATUSES, PARTY_POSTS } from '../model/enums';
import { partyPostsOf } from '../branch/posts';
import { formatDate } from '../dates';
import { membersLedger } from '../ledgers/definitions';
import type { Member } from '../model/member';
import { wasOnRosterBetween } from '../rules/roster';
import { sortByPinyin } from '../text/pinyin';
import { tableFromDefinition, type ExportTable, type ColumnGuide, strictList } from './columns';
import { maskIdNumber } from './mask';
import { dateCell, WIDTH } from './sheet';
import type { ExportOptions, LedgerDataset } from './types';

/** 01_党员花名册: everyone on the roster at any time in the period (历史党员 who left in it too), in pinyin order. */

export function membersInPeriod(data: Pick<LedgerDataset, 'members'>, options: Pick<ExportOptions, 'period'>): Member[] {
  const { start, end } = options.period;
  return sortByPinyin(
    data.members.filter((m) => wasOnRosterBetween(m, start, end)),
    (m) => m.name,
  );
}

function remarksOf(member: Member): string | undefined {
  if (!member.departure) {
    return member.remarks;
 }
  const left = `历史党员（${formatDate(member.departure.date)}${member.departure.reason}${member.departure.note ? `，${member.departure.note}` : ''}）`;
  return member.remarks ? `${member.remarks}；${left}` : left;
}

export function membersTable(data: LedgerDataset, options: ExportOptions): ExportTable<Member> {
  const groups = new Map(data.branch.partyGroups.map((g) => [g.id, g.name]));
  const postOf = partyPostsOf(data.branch);
  return tableFromDefinition<Member>(membersLedger, [
    { field: 'name', width: WIDTH.name, format: 'text', value: (m) => m.name },
    { field: 'gender', width: 6, format: 'text', value: (m) => m.gender },
    { field: 'ethnicity', width: WIDTH.short, format: 'text', value: (m) => m.ethnicity },
    // The ID's hidden middle digits are the birth date: masking leaves 出生日期 blank too (issue 11).
    { field: 'birthDate', width: WIDTH.date, format: 'date', value: (m) => (options.maskIdNumbers ? undefined : dateCell(m.birthDate)) },
    {
      field: 'idNumber',
      width: WIDTH.code,
      format: 'code',
      value: (m) => (m.idNumber && options.maskIdNumbers ? maskIdNumber(m.idNumber) : m.idNumber),
   },
    { field: 'education', width: WIDTH.enumeration, format: 'text', value: (m) => m.education },
    { field: 'joinedOn', width: WIDTH.date, format: 'date', value: (m) => dateCell(m.joinedOn) },
    { field: 'confirmedOn', width: WIDTH.date, format: 'date', value: (m) => dateCell(m.confirmedOn) },
    { field: 'category', width: WIDTH.enumeration, format: 'text', value: (m) => m.category },
    { field: 'status', width: WIDTH.short, format: 'text', value: (m) => m.status },
    { field: 'partyGroupName', width: WIDTH.enumeration, format: 'text', value: (m) => (m.partyGroupId ? groups.get(m.partyGroupId) : undefined) },
    { field: 'partyPost', width: WIDTH.enumeration, format: 'text', value: (m) => postOf(m.id) },
    { field: 'jobTitle', width: WIDTH.medium, format: 'text', value: (m) => m.jobTitle },
    { field: 'phone', width: 14, format: 'code', value: (m) => m.phone },
    { field: 'remarks', width: WIDTH.medium, format: 'text', value: remarksOf },
  ]);
}

/** The 填表说明 of the blank members template, one entry per column of the import definition. */
export const MEMBER_TEMPLATE_GUIDE: Record<string, ColumnGuide> = {
  name: { required: true, width: WIDTH.name, meaning: '党员姓名', example: '张三' },
  gender: { list: strictList('性别', GENDERS), width: 6, meaning: '男或女；填了公民身份号码可不填，按号码推出', example: '男' },
  ethnicity: { required: true, list: strictList('民族', ETHNICITIES), width: WIDTH.short, meaning: '民族全称，从下拉列表选择', example: '汉族' },
  birthDate: { format: 'date', width: WIDTH.date, meaning: '出生日期；填了公民身份号码可不填', example: '1985-06-12' },
  idNumber: { format: 'code', width: WIDTH.code, meaning: '18位公民身份号码，本列已设为文本格式，请勿改成数字', example: '320102198506120018' },
  education: { list: strictList('学历', EDUCATION_LEVELS), width: WIDTH.enumeration, meaning: '最高学历', example: '大学本科' },
  joinedOn: { required: true, format: 'date', width: WIDTH.date, meaning: '入党时间（支部大会接收为预备党员的日期）', example: '2010-07-01' },
  confirmedOn: { format: 'date', width: WIDTH.date, meaning: '转正时间；预备党员不填', example: '2011-07-01' },
  category: { required: true, list: strictList('党员类别', MEMBER_CATEGORIES), width: WIDTH.enumeration, meaning: '正式党员或预备党员', example: '正式党员' },
  status: { list: strictList('党员状态', MEMBER_STATUSES), width: WIDTH.short, meaning: '不填为“正常”；已转出、停止党籍等不在册的党员不要填入本表', example: '正常' },
  partyGroupName: { width: WIDTH.enumeration, meaning: '所在党小组名称，与系统中的党小组名称一致；没有可不填', example: '第一党小组' },
  partyPost: { list: strictList('党内职务', PARTY_POSTS), width: WIDTH.enumeration, meaning: '仅供核对：党内职务以“设置 → 支部信息”中的支委会和党小组长为准，本列不导入', example: '组织委员' },
  jobTitle: { width: WIDTH.medium, meaning: '工作岗位或行政职务', example: '办公室主任' },
  phone: { format: 'code', width: 14, meaning: '手机或座机号码，本列为文本格式', example: '13812345678' },
  remarks: { width: WIDTH.medium, meaning: '其他需要说明的情况', example: '' },
  branchName: { width: WIDTH.medium, meaning: '一次导入多个支部时填写所在党支部全称；只有一个支部可不填', example: '' },
};
