import { branchKey } from './branches';
import type { ColumnMatch } from './classify';
import { normalizeHeader } from './normalize';
import type { SheetGrid } from './types';
import { cellText } from './values';

/** A party branch's name inside a title: 中共某某局机关第二党支部2025年党员花名册 → 中共某某局机关第二党支部. */
const BRANCH_NAME = /(?:中国共产党|中共)?[\u4e00-\u9fa5A-Za-z0-9（）()]{2,40}?(?:党总支部委员会|党总支|总支部委员会|支部委员会|党支部|支部)/;
/** 填报单位：…, 党支部：…, 支部名称：…: the name follows the colon. */
const LABELLED = /(?:单位|党支部|支部名称|党组织|组织名称)\s*[:：]\s*(.+)$/;

/**
 * The branch a sheet's title (the rows above its header) names, if any: a file kept by another branch says so in
 * its first line more often than in any column.
 */
export function branchInTitle(sheet: SheetGrid, headerRow: number): string | undefined {
  for (let r = 0; r < Math.min(headerRow - 1, sheet.rows.length); r += 1) {
    const texts = new Set((sheet.rows[r] ?? []).map((cell) => cellText(cell).trim()).filter(Boolean));
    for (const text of texts) {
      const labelled = LABELLED.exec(text)?.[1] ?? text;
      const found = BRANCH_NAME.exec(labelled)?.[0];
      if (found && !/^(?:党支部|支部)$/.test(found)) {
        return found;
      }
    }
  }
  return undefined;
}

/** Whether a name written in a file is another branch than `current` (neither name contains the other). */
export function namesOtherBranch(written: string, current: string): boolean {
  const a = branchKey(written);
  const b = branchKey(current);
  return !(a.includes(b) || b.includes(a));
}

const NUMBERING = /^(?:序号|编号|行号|No\.?|#)$/i;

/** Columns with a header that no field reads (and that are no 序号): listed as 未导入的列. */
export function unusedColumns(columns: readonly ColumnMatch[]): ColumnMatch[] {
  return columns.filter((c) => !c.field && !c.duplicateOf && c.header.trim() && !NUMBERING.test(normalizeHeader(c.header)));
}

/** A date labelled as when the sheet was made (导出日期：2026年1月5日): not the year the sheet is about. */
const MADE_ON = /(?:导出|填表|填报|制表|打印|统计)(?:日期|时间)\s*[:：]\s*\S+/g;
const YEAR = /((?:19|20)\d{2})\s*年/g;

/**
 * The year the title above the header is about (`2025年度民主评议党员结果登记表`, `中共某某支部2025年党费收缴明细表`):
 * the first row naming exactly one year (dates labelled 导出日期/填表日期 aside). Undefined when no row names one, or
 * the first that does names two (`2024年7月至2025年6月`): a month alone must not be guessed into a year.
 */
export function yearInTitle(sheet: SheetGrid, headerRow: number): number | undefined {
  for (let r = 0; r < Math.min(headerRow - 1, sheet.rows.length); r += 1) {
    const texts = new Set((sheet.rows[r] ?? []).map((cell) => cellText(cell).replace(MADE_ON, '')).filter(Boolean));
    const years = new Set([...texts].flatMap((text) => [...text.matchAll(YEAR)].map((m) => Number(m[1]))));
    if (years.size > 0) {
      return years.size === 1 ? [...years][0] : undefined;
    }
  }
  return undefined;
}
