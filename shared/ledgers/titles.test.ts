import { describe, expect, it } from 'vitest';
import { namesOtherBranch, unusedColumns } from './titles';

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
