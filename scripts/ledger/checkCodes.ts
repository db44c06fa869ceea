/**
 * Stable machine codes for the reading pipeline's issues, for `ledger check --json`. The pipeline's issues carry
 * Chinese messages only; the code is derived here from where an issue came from (file, sheet, column or the
 * ledger's record builder) and the message's wording, which the tests pin down. An issue no pattern knows gets
 * `<ledger>.<field>` (or `<ledger>.row`), so a code is never missing and never changes with a message's details.
 */
import type { LedgerIssue, LedgerKind } from '../../shared/ledgers';

type Rule = readonly [code: string, pattern: RegExp];

/** Problems with the file as a whole (shared/ledgers/read/sniff.ts, read/xlsx.ts, index.ts). */
const FILE_RULES: readonly Rule[] = [
  ['file.empty', /^文件是空的/],
  ['file.tooLarge', /^文件太大/],
  ['file.truncated', /^文件不完整/],
  ['file.encrypted', /设置了打开密码/],
  ['file.xlsb', /Excel 二进制工作簿（\.xlsb）/],
  ['file.word', /这是 Word 文档/],
  ['file.powerpoint', /这是 PowerPoint/],
  ['file.zip', /这是压缩包/],
  ['file.xls', /旧版 Excel（\.xls）|不是能直接导入的格式/],
  ['file.notText', /内容不是文本表格/],
  ['file.wrongExtension', /内容不是 Excel 工作簿/],
  ['file.unsupported', /^不支持/],
  ['file.notWorkbook', /文件不是 Excel 工作簿|不是有效的 Excel 工作簿/],
  ['file.corrupt', /读取文件时出错/],
  ['file.noLedger', /没有找到可以导入的台账/],
  ['sheet.tooLarge', /^工作表“.*”超过 \d+ 行/],
];

/** Problems with one cell, as the column parsers word them (shared/ledgers/values.ts, dates.ts, read/xlsx.ts). */
const CELL_RULES: readonly Rule[] = [
  ['cell.formulaNoResult', /这是公式，文件里没有保存计算结果/],
  ['cell.formulaError', /^公式计算出错/],
  ['cell.errorValue', /^单元格显示错误值/],
  ['cell.invalidDate', /^日期无效$/],
  ['number.lostDigits', /被 Excel 当成了数字，只保留了前15位/],
  ['number.scientific', /^(待核对：)?号码显示为 .*被 Excel 当成了数字/],
  ['idNumber.checksum', /校验位错误|未通过校验/],
  ['idNumber.unverified', /^待核对：/],
  ['member.incomplete', /^资料不全：/],
  ['meeting.typeFromName', /^会议类型按名称/],
  ['value.sheetDefault', /^按本表统一设置/],
  ['date.ambiguousMonth', /按\d{4}年1月理解/],
  ['date.yearOnly', /只有年份/],
  ['date.twoDigitYear', /年份只有两位/],
  ['date.notExist', /^日期“.*”(不存在|中的月份不存在)/],
  ['time.notExist', /^时间“.*”不存在/],
  ['time.unreadable', /^看不懂时间/],
  ['date.unreadable', /^看不懂日期|^数字“.*”不是日期|^这里应填写日期$/],
  ['value.notInList', /^“.*”不是有效的/],
  ['value.notInteger', /^“.*”不是整数$/],
  ['value.duplicate', /^与第\d+行的.*重复$/],
  ['column.duplicate', /^与第\d+列表示同一项|都可读作“.*”，.*本列未导入$/],
];

/** Record-level wording of the ledgers' record builders (checkMember and the others). */
const RECORD_RULES: readonly Rule[] = [
  ['value.required', /^(缺少|请填写)|(?<!不)应填写/],
  ['date.future', /晚于今天|不能晚于|在今天之后/],
];

function match(rules: readonly Rule[], message: string): string | undefined {
  return rules.find(([, pattern]) => pattern.test(message))?.[0];
}

/** The code of a file-level issue (unreadable file, no ledger, a sheet too large). */
export function fileIssueCode(message: string): string {
  return match(FILE_RULES, message) ?? 'file.unreadable';
}

/**
 * The code of a row's issue: a known cell problem, else a known record problem, else `<ledger>.<field>`
 * (`members.confirmedOn`) or `<ledger>.row` for an issue of the row as a whole.
 */
export function rowIssueCode(issue: Pick<LedgerIssue, 'message'>, ledger: LedgerKind, field?: string): string {
  return match(CELL_RULES, issue.message) ?? match(RECORD_RULES, issue.message) ?? `${ledger}.${field ?? 'row'}`;
}

/** Every code a pattern can give, for the help text and the tests. */
export const KNOWN_CODES: readonly string[] = [...FILE_RULES, ...CELL_RULES, ...RECORD_RULES].map(([code]) => code);
