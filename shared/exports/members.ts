import { partyPostsOf } from '../branch/posts';
import { formatDate } from '../dates';
import { membersLedger } from '../ledgers/definitions';
import type { Member } from '../model/member';
import { wasOnRosterBetween } from '../rules/roster';
import { sortByPinyin } from '../text/pinyin';
import { tableFromDefinition, type ExportTable } from './columns';
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
