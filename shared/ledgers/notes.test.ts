import { describe, expect, it } from 'vitest';
import { classifySheet } from './classify';
import { LEDGER_DEFINITIONS } from './definitions';
import { findNoteBlocks } from './notes';
import type { CellRange, CellValue, SheetGrid } from './types';

const t = (text: string): CellValue => ({ kind: 'text', text });
const E: CellValue = { kind: 'empty' };

/** A grid with merged ranges filled as the readers fill them (every cell holds the master value). */
function grid(rows: (string | null)[][], merges: CellRange[] = []): SheetGrid {
  const cells = rows.map((row) => row.map((v) => (v === null ? E : t(v))));
  for (const m of merges) {
    const master = cells[m.top][m.left];
    for (let r = m.top; r <= m.bottom; r += 1) {
      for (let c = m.left; c <= m.right; c += 1) {
        cells[r] = cells[r] ?? [];
        cells[r][c] = master;
      }
    }
  }
  return { name: 's', rows: cells, merges };
}

describe('instructions in a ledger sheet', () => {
  it('a merged block under the table and the lines after a 说明 are notes; data rows and a 党小组 merged down are not', () => {
    const sheet = grid(
      [
        ['姓名', '党小组', '民族', '备注'],
        ['张三', '第一党小组', '汉族', null],
        ['李四', null, '汉族', null],
        ['王五', null, '回族', null],
        [null, null, null, null],
        ['填写注意事项：1. 姓名必填；2. 身份证号码请设为文本格式', null, null, null],
        [null, null, null, null],
        ['说明：本表每季度更新', null, null, null],
        ['1. 党小组请写全称', null, null, null],
      ],
      [
        { top: 1, left: 1, bottom: 3, right: 1 },
        { top: 5, left: 0, bottom: 6, right: 3 },
      ],
    );
    expect(findNoteBlocks(sheet, 1).map((b) => b.rows)).toEqual([[6, 7, 8, 9]]);
  });

  it('a block beside the data leaves the data rows alone and takes the rows below it', () => {
    const sheet = grid(
      [
        ['姓名', '民族', null, null, null],
        ['张三', '汉族', '注意：本表由系统导出，请勿修改表头和合并单元格', null, null],
        ['李四', '汉族', null, null, null],
        [null, null, null, null, null],
      ],
      [{ top: 1, left: 2, bottom: 3, right: 4 }],
    );
    expect(findNoteBlocks(sheet, 1).map((b) => b.rows)).toEqual([[4]]);
  });
});

describe('headers read by their meaning', () => {
  const meetings = (headers: string[]) =>
    classifySheet(grid([headers, headers.map(() => 'x')]), LEDGER_DEFINITIONS, { kind: 'meetings' }).columns.map((c) => c.field ?? (c.duplicateOf ? `=${c.duplicateOf}` : '-'));

  it('reads qualified headers, prefers the actual time to the planned one, and never guesses by likeness', () => {
    expect(meetings(['计划会议时间', '实际会议时间', '主持人姓名', '记录人姓名', '主要内容及特色', '请假人数', '活动名称', '活动主题'])).toEqual([
      '=2', 'startAt', 'host', 'recorder', 'content', 'onLeave', 'title', 'topic',
    ]);
    // 计划时间 alone is still the time of the meeting.
    expect(meetings(['计划时间', '会议类型'])).toEqual(['startAt', 'type']);
    // No edit distance: 会意时间 is not 会议时间.
    expect(meetings(['会意时间', '会议类型'])).toEqual(['-', 'type']);
  });

  it('党籍状态 wins over 人员类别 for 党员类别, whatever their order', () => {
    const roster = (headers: string[]) =>
      classifySheet(grid([headers, headers.map(() => 'x')]), LEDGER_DEFINITIONS).columns.map((c) => [c.header, c.field ?? null, c.why ?? null]);
    const columns = roster(['姓名', '人员类别', '党籍状态（正式党员或预备党员）', '入党时间']);
    expect(columns[2]).toEqual(['党籍状态（正式党员或预备党员）', 'category', '读作“党员类别”（不计括号中的说明）']);
    expect(columns[1][1]).toBeNull();
    expect(columns[1][2]).toContain('更贴切，本列未导入');
  });
});
