import { describe, expect, it } from 'vitest';
import { columnsWidth, currentColumns, fitColumns, historyColumns } from './rosterColumns';

const keys = (columns: { key?: unknown }[]) => columns.map((c) => String(c.key));
const groups = new Map<string, string>();
const postOf = () => '党员' as const;
/** The table's width in a 1280 and a 1440 px window: minus the menu, the page padding and the scroll bar. */
const AT_1280 = 1280 - 180 - 48 - 16;
const AT_1440 = 1440 - 180 - 48 - 16;

describe('roster columns that fit the window', () => {
  it('keeps 姓名, 党内职务, 工作岗位 and 联系电话 without sideways scrolling at 1280 px, dropping the least needed first', () => {
    const shown = fitColumns(currentColumns(groups, postOf), AT_1280);
    expect(columnsWidth(shown)).toBeLessThanOrEqual(AT_1280);
    expect(keys(shown)).toEqual(['name', 'joinedOn', 'category', 'status', 'partyGroupId', 'partyPost', 'jobTitle', 'phone']);
  });

  it('shows 性别 and 出生日期 too at 1440 px, and everything on a wide screen', () => {
    const shown = fitColumns(currentColumns(groups, postOf), AT_1440);
    expect(columnsWidth(shown)).toBeLessThanOrEqual(AT_1440);
    expect(keys(shown)).toContain('birthDate');
    expect(keys(fitColumns(currentColumns(groups, postOf), 2000))).toEqual(keys(currentColumns(groups, postOf)));
  });

  it('fits 历史党员 at 1280 px with why and when they left', () => {
    const shown = fitColumns(historyColumns(groups), AT_1280);
    expect(columnsWidth(shown)).toBeLessThanOrEqual(AT_1280);
    expect(keys(shown)).toEqual(expect.arrayContaining(['name', 'departureReason', 'departureDate', 'departureNote']));
  });
});
