/**
 * The 报送单: the first sheet of 00_自检报告, one A4 page the secretary prints, signs and hands in with the package.
 * It carries the package's fingerprint (SHA-256 of manifest.json, in groups of four), so that an inspector who
 * verifies the package sees at once whether the manifest is the one that was signed for. The row holding the
 * fingerprint is the only part of the report the report's own content hash leaves out (see shared/package).
 */
import type { Workbook } from 'exceljs';
import { formatDate } from '../dates';

/** First cell of the fingerprint row: the content hash of the report skips this row (it cannot hash itself). */
export const FINGERPRINT_LABEL = '材料包指纹（SHA-256）';
export const COVER_SHEET = '报送单';

/** `ab12cd34…` → `ab12 cd34 …` (16 groups), as printed and shown on screen. */
export function groupFingerprint(hex: string): string {
  return hex.replace(/(.{4})(?=.)/g, '$1 ');
}

export interface PackageCover {
  branchName: string;
  periodLabel: string;
  generatedOn: string;
  /** What the package holds, e.g. `党员 25 名，会议 59 次…`. */
  contents: string;
  /** 64 hex digits; a placeholder of the same length while the fingerprint is not known yet. */
  fingerprint: string;
}

const FONT = { name: '宋体', size: 12 };
const THIN = { style: 'thin' as const };
const BOX = { top: THIN, left: THIN, bottom: THIN, right: THIN };

export function addPackageCover(workbook: Workbook, cover: PackageCover): void {
  const sheet = workbook.addWorksheet(COVER_SHEET, {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 1, horizontalCentered: true },
  });
  sheet.columns = [{ width: 24 }, { width: 62 }];
  const title = sheet.addRow([`${cover.branchName} ${cover.periodLabel} 党建台账检查材料报送单`]);
  sheet.mergeCells(1, 1, 1, 2);
  title.height = 40;
  title.getCell(1).style = { font: { name: '宋体', size: 18, bold: true }, alignment: { horizontal: 'center', vertical: 'middle' } };
  const lines: [string, string, number][] = [
    ['报送单位', cover.branchName, 30],
    ['材料期间', cover.periodLabel, 30],
    ['生成日期', formatDate(cover.generatedOn), 30],
    ['材料内容', cover.contents, 60],
    [FINGERPRINT_LABEL, groupFingerprint(cover.fingerprint), 48],
    [
      '核对方法',
      '用支部台账“校验检查材料包”（或 npm run ledger -- verify）核验本材料包，显示的材料包指纹应与上栏逐字相同；不同则材料包已被改动或不是本单所报送的材料包。',
      64,
    ],
    ['支部书记（签字）', '', 48],
    ['报送日期', '        年      月      日', 36],
  ];
  for (const [label, value, height] of lines) {
    const row = sheet.addRow([label, value]);
    row.height = height;
    row.getCell(1).style = { font: { ...FONT, bold: true }, border: BOX, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } };
    row.getCell(2).style = {
      font: label === FINGERPRINT_LABEL ? { name: 'Consolas', size: 13, bold: true } : FONT,
      border: BOX,
      alignment: { horizontal: 'left', vertical: 'middle', wrapText: true },
    };
  }
  sheet.pageSetup.printArea = `A1:B${lines.length + 1}`;
}
