import { COMMITTEE_ROLES, ORGANISATION_CATEGORIES, type CommitteeRole, type OrganisationCategory } from '../model/enums';
import { oneOf } from '../oneOf';
import { parseDateCell } from './dates';
import { normalizeHeader } from './normalize';
import type { CellValue, SheetGrid } from './types';
import { cellText } from './values';
import { splitNames } from './definitions/common';

/**
 * 06_组织设置.xlsx of a 检查材料包 (shared/exports/organization.ts writes it): 基本信息 (项目 | 内容), 支部委员会
 * (职务 | 姓名 | 分工 | 任职日期) and 党小组 (党小组 | 组长 | 人数 | 成员). Read back so that a branch can be rebuilt on
 * another computer from its package: the people stay names here; the commit finds them on the roster.
 */
export interface ImportedOrganization {
  /** The sheets read as 组织设置 (they are no ledger of rows). */
  sheets: string[];
  branch: {
    name?: string;
    parentOrganisation?: string;
    category?: OrganisationCategory;
    foundedOn?: string;
    electedOn?: string;
    approvedOn?: string;
    approvalDocument?: string;
    termYears?: number;
  };
  committee: { role: CommitteeRole; name: string; duty?: string }[];
  partyGroups: { name: string; leaderName?: string; memberNames: string[] }[];
  /** What could not be read, in Chinese. */
  warnings: string[];
}

const text = (cell: CellValue | undefined) => (cell ? cellText(cell).trim() : '');

/** The 1-based header row among the first rows whose cells hold all of `labels`, and each label's column. */
function headerOf(sheet: SheetGrid, labels: readonly string[]): { row: number; columns: number[] } | undefined {
  for (let r = 0; r < Math.min(6, sheet.rows.length); r += 1) {
    const cells = (sheet.rows[r] ?? []).map((c) => normalizeHeader(text(c)));
    const columns = labels.map((label) => cells.indexOf(label));
    if (columns.every((c) => c >= 0)) {
      return { row: r + 1, columns };
    }
  }
  return undefined;
}

function rowsBelow(sheet: SheetGrid, header: { row: number }): CellValue[][] {
  return sheet.rows.slice(header.row).filter((cells) => cells.some((c) => c.kind !== 'empty'));
}

function dateOf(cell: CellValue | undefined): string | undefined {
  const parsed = cell ? parseDateCell(cell) : undefined;
  return parsed?.ok && parsed.value?.date.length === 10 ? parsed.value.date : undefined;
}

/** The 组织设置 the sheets of a workbook hold, if they are such sheets (基本信息 with 支部全称 at least). */
export function readOrganization(sheets: readonly SheetGrid[]): ImportedOrganization | undefined {
  let info: { sheet: SheetGrid; header: { row: number; columns: number[] } } | undefined;
  for (const sheet of sheets) {
    const header = headerOf(sheet, ['项目', '内容']);
    if (header && rowsBelow(sheet, header).some((cells) => normalizeHeader(text(cells[header.columns[0]])) === '支部全称')) {
      info = { sheet, header };
      break;
    }
  }
  if (!info) {
    return undefined;
  }
  const org: ImportedOrganization = { sheets: [info.sheet.name], branch: {}, committee: [], partyGroups: [], warnings: [] };
  for (const cells of rowsBelow(info.sheet, info.header)) {
    const key = normalizeHeader(text(cells[info.header.columns[0]]));
    const cell = cells[info.header.columns[1]];
    const value = text(cell);
    if (!value) continue;
    switch (key) {
      case '支部全称':
        org.branch.name = value;
        break;
      case '上级党组织':
        org.branch.parentOrganisation = value;
        break;
      case '组织类别': {
        const category = oneOf(ORGANISATION_CATEGORIES, value);
        if (category) org.branch.category = category;
        else org.warnings.push(`组织类别“${value}”不是可选的类别，未导入`);
        break;
      }
      case '成立日期':
        org.branch.foundedOn = dateOf(cell);
        break;
      case '换届选举日期':
        org.branch.electedOn = dateOf(cell);
        break;
      case '上级批复日期':
        org.branch.approvedOn = dateOf(cell);
        break;
      case '批复文号':
        org.branch.approvalDocument = value;
        break;
      case '任期年限': {
        const years = Number(/^(\d)年?$/.exec(value)?.[1]);
        if (years >= 1 && years <= 5) org.branch.termYears = years;
        break;
      }
      default:
        // 党员人数, 届期, 届满日期, 换届情况 …: derived from the records, not stored.
        break;
    }
  }
  for (const sheet of sheets) {
    const committee = headerOf(sheet, ['职务', '姓名', '分工']);
    if (committee) {
      org.sheets.push(sheet.name);
      for (const cells of rowsBelow(sheet, committee)) {
        const [roleAt, nameAt, dutyAt] = committee.columns;
        const role = text(cells[roleAt]);
        const name = splitNames(text(cells[nameAt]))[0];
        if (!name) continue;
        const committeeRole = oneOf(COMMITTEE_ROLES, role);
        if (!committeeRole) {
          org.warnings.push(`支部委员会中“${name}”的职务“${role}”不是可选的职务，未导入`);
          continue;
        }
        org.committee.push({ role: committeeRole, name, ...(text(cells[dutyAt]) ? { duty: text(cells[dutyAt]) } : {}) });
      }
      continue;
    }
    const groups = headerOf(sheet, ['党小组', '组长', '成员']);
    if (groups) {
      org.sheets.push(sheet.name);
      for (const cells of rowsBelow(sheet, groups)) {
        const [nameAt, leaderAt, membersAt] = groups.columns;
        const name = text(cells[nameAt]);
        if (!name) continue;
        const leaderName = splitNames(text(cells[leaderAt]))[0];
        org.partyGroups.push({ name, ...(leaderName ? { leaderName } : {}), memberNames: splitNames(text(cells[membersAt])) });
      }
    }
  }
  return org;
}
