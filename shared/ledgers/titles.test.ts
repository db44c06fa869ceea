import { describe, expect, it } from 'vitest';
import type { SheetGrid } from './types';
import { namesOtherBranch, unusedColumns, yearInTitle } from './titles';

describe('a file naming a branch', () => {
  it('tells another branch from the same one written another way', () => {
    expect(namesOtherBranch('中共某某局机关第三党支部', '某某局机关第一支部')).toBe(true);
    expect(namesOtherBranch('中共某某局机关第一党支部', '中共某某局机关第一支部委员会')).toBe(false);
    // A title naming the branch shorter than its full name is the same branch.
    expect(namesOtherBranch('第一党支部', '中共某某局机关第一支部委员会')).toBe(false);
  });

  it('lists the columns no field reads, but 序号', () => {
    const columns = [
      { column: 1, header: '序号' },
      { column: 2, header: '姓名', field: 'name' },
      { column: 3, header: '工号' },
      { column: 4, header: '人员类别', duplicateOf: 5 },
      { column: 5, header: '' },
    ];
    expect(unusedColumns(columns).map((c) => c.header)).toEqual(['工号']);
  });
});

describe('the year a title names', () => {
  const sheet = (...lines: string[]): SheetGrid => ({
    name: 'Sheet1',
    rows: [...lines.map((text) => [{ kind: 'text' as const, text }]), [{ kind: 'text', text: '姓名' }]],
    merges: [],
  });

  it('reads 2025年度 and 2025年 in the title, not the date the sheet was made', () => {
    expect(yearInTitle(sheet('2025年度民主评议党员结果登记表'), 2)).toBe(2025);
    expect(yearInTitle(sheet('中共某某局机关第一党支部2025年党费收缴明细表', '填表日期：2026年1月5日'), 3)).toBe(2025);
    expect(yearInTitle(sheet('党费收缴明细表', '填报单位：第一党支部    导出日期：2026年1月5日    共 3 条'), 3)).toBeUndefined();
  });

  it('guesses nothing from a title naming two years, or none', () => {
    expect(yearInTitle(sheet('2024年7月至2025年6月党费收缴明细'), 2)).toBeUndefined();
    expect(yearInTitle(sheet('党费收缴明细'), 2)).toBeUndefined();
  });
});
