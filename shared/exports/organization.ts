import type { Workbook } from 'exceljs';
import { formatDate } from '../dates';
import { COMMITTEE_ROLES } from '../model/enums';
import { termEndDate } from '../model/branch';
import { DEFAULT_RULE_SETTINGS } from '../rules/settings';
import { termInfo } from '../rules/term';
import { sortByPinyin } from '../text/pinyin';
import { nameResolver } from './columns';
import { addLedgerSheet, addRows, dateCell, infoLine, WIDTH, type CellInput } from './sheet';
import type { ExportOptions, LedgerDataset } from './types';

/** 06_组织设置: the branch, its 支部委员会 with posts and 分工, and its 党小组 with 组长 and members. */

const TERM_STATE: Record<'running' | 'dueSoon' | 'expired', string> = {
  running: '在任期内',
  dueSoon: '即将届满，请做好换届准备',
  expired: '已届满，应按期换届',
};

function titleOf(data: LedgerDataset, options: ExportOptions, what: string): string {
  return `${data.branch.name} ${options.period.label} ${what}`;
}

export function addOrganizationSheets(workbook: Workbook, data: LedgerDataset, options: ExportOptions): void {
  const { branch } = data;
  const nameOf = nameResolver(data.members);
  const active = data.members.filter((m) => !m.departure);
  const committee = branch.committee;
  const settings = options.ruleSettings ?? DEFAULT_RULE_SETTINGS;
  const term = termInfo(committee, options.generatedOn, settings);

  const basics: [string, CellInput][] = [
    ['支部全称', branch.name],
    ['上级党组织', branch.parentOrganisation],
    ['组织类别', branch.category],
    ['成立日期', dateCell(branch.foundedOn)],
    ['党员人数', `${active.length}人（正式党员${active.filter((m) => m.category === '正式党员').length}人，预备党员${active.filter((m) => m.category === '预备党员').length}人）`],
    ['换届选举日期', dateCell(committee.electedOn)],
    ['上级批复日期', dateCell(committee.approvedOn)],
    ['批复文号', committee.approvalDocument],
    ['任期年限', `${committee.termYears}年`],
    ['届期', committee.electedOn ? `${formatDate(committee.electedOn)}至${formatDate(termEndDate(committee))}` : '未登记换届选举日期'],
    ['届满日期', dateCell(termEndDate(committee))],
    ['换届情况', term ? TERM_STATE[term.state] : '未登记换届选举日期，无法计算届满'],
    ['支部委员人数', committee.members.length],
    ['党小组数', branch.partyGroups.length],
  ];
  const info = addLedgerSheet(workbook, {
    name: '基本信息',
    title: titleOf(data, options, '组织设置'),
    info: infoLine(branch.name, options.generatedOn, basics.length, '项'),
    columns: [
      { label: '项目', width: 16, format: 'text' },
      { label: '内容', width: 50, format: 'text' },
    ],
    landscape: false,
  });
  for (const [label, value] of basics) {
    const row = info.addRow([label, value ?? null]);
    if (value instanceof Date) {
      // A few cells of a mixed column: a cell format here costs nothing.
      row.getCell(2).numFmt = 'yyyy-mm-dd';
      row.getCell(2).alignment = { horizontal: 'left', vertical: 'top' };
    }
  }

  const roles = [...committee.members].sort((a, b) => COMMITTEE_ROLES.indexOf(a.role) - COMMITTEE_ROLES.indexOf(b.role));
  const committeeSheet = addLedgerSheet(workbook, {
    name: '支部委员会',
    title: titleOf(data, options, '支部委员会组成'),
    info: infoLine(branch.name, options.generatedOn, roles.length, '人'),
    columns: [
      { label: '职务', width: WIDTH.enumeration, format: 'text' },
      { label: '姓名', width: WIDTH.name, format: 'text' },
      { label: '分工', width: 40, format: 'text' },
      { label: '任职日期', width: WIDTH.date, format: 'date' },
    ],
    landscape: false,
  });
  addRows(
    committeeSheet,
    roles.map((c) => [c.role, nameOf(c.memberId), c.duty, dateCell(committee.electedOn)]),
  );

  const groupsSheet = addLedgerSheet(workbook, {
    name: '党小组',
    title: titleOf(data, options, '党小组设置'),
    info: infoLine(branch.name, options.generatedOn, branch.partyGroups.length, '个'),
    columns: [
      { label: '党小组', width: 14, format: 'text' },
      { label: '组长', width: WIDTH.name, format: 'text' },
      { label: '人数', width: 6, format: 'integer' },
      { label: '成员', width: 60, format: 'text' },
    ],
  });
  addRows(
    groupsSheet,
    branch.partyGroups.map((group) => {
      const members = sortByPinyin(
        active.filter((m) => m.partyGroupId === group.id),
        (m) => m.name,
      );
      return [group.name, nameOf(group.leaderId), members.length, members.map((m) => m.name).join('、') || undefined];
    }),
  );
}
