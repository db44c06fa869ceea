/**
 * `npm run ledger -- <command>`: the 支部台账 command line. main() takes the arguments and where to write, and
 * returns the exit code, so that tests run it in-process. self-check: 0 = ran (whatever the findings), 1 = internal
 * error, 2 = usage error or a file that could not be read. check: 0 = the file was read (whatever its row issues),
 * 1 = it could not be read or holds no ledger, 2 = usage error. Messages are Chinese and never carry a stack trace.
 */
import { todayIso } from '../../shared/dates';
import { parseArgs, UsageError } from './args';
import { checkLedgerFile } from './check';
import { runDemoPackage, runVerify } from './package';
import { formatCheckJson, formatCheckText } from './checkFormat';
import { formatJson, formatText } from './format';
import type { LedgerIo } from './io';
import { selfCheckFiles } from './selfCheck';
import { messageOf } from '../../shared/errors';

export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_USAGE = 2;
/** check: the file could not be read (missing, .xls, encrypted, damaged) or holds no ledger. */
export const EXIT_UNREADABLE = 1;

const USAGE_LINES = `  npm run ledger -- check <台账文件.xlsx|.csv> [--json] [--records] [--today <YYYY-MM-DD>]
  npm run ledger -- self-check <台账.xlsx|.csv|导出.json…> --year <年份> [--today <YYYY-MM-DD>] [--json]
  npm run ledger -- verify <材料包.zip> [--json]
  npm run ledger -- demo-package --out <材料包.zip> [--year <年份>]`;

export const USAGE = `支部台账命令行工具 · branch-ledger CLI

用法 Usage:
${USAGE_LINES}
  npm run ledger -- --help

check       用应用导入时的同一套读取流程检查一个台账文件（.xlsx/.xlsm/.csv），逐个工作表列出：是哪种台账、
            表头在第几行、可导入几条、每个问题及其单元格。不写入任何数据。
            Reads one ledger file with the app's own import pipeline and lists, per sheet, the ledger kind,
            header row, rows that would be imported and every issue with its cell. Writes nothing.

  --json              输出 JSON      print JSON:
                      {file, ok, error?: {code, message}, sheets: [{sheet, kind, headerRow, records,
                       issues: [{row, column, cell, severity, code, message}], rows?: [{row, record}]}]}
                      kind: members|meetings|talks|analyses|rectifications，不是台账的工作表为 null (null: not a ledger)
                      row/headerRow 为工作表中的行号（从 1 起）；column 为文件中的表头；cell 如 F8；
                      code 为稳定的问题代码（如 idNumber.checksum、date.unreadable、file.xls）
                      rows are 1-based sheet rows; column is the header as written; code is a stable issue code
  --records           同时列出每条可导入记录规范化后的内容（JSON 中为 rows）
                      also list each importable row's normalised record (rows in the JSON)
  --today <日期>      按哪一天判断“不晚于今天”，默认今天   judge "not in the future" as of this day

self-check  按《中国共产党支部工作条例（试行）》等规则自检，按支部列出问题。可给数据库导出文件，也可给 Excel/CSV
            台账（与应用导入时同一套读取和比对流程，几个台账文件合为一个支部）。
            Checks database exports, or Excel/CSV ledgers read through the app's import pipeline (several ledger
            files make one branch), against the branch rules and lists the findings per branch.

  <文件…>             .xlsx/.xlsm/.csv 台账或检查材料包 .zip；或数据库导出文件：应用导出的备份（dexie 格式），
                      或 {branches, members, meetings, talks, analyses, settings} JSON
                      ledgers (.xlsx/.xlsm/.csv, a package .zip) or JSON exports (the app's backup, or a plain object)
  --year <年份>       要检查的年度（必填）                 the year to check (required)
  --today <日期>      按哪一天判断，默认今天               judge as of this day (default: today)
  --json              输出 JSON：{branches: [{id, name, findings}]}   print JSON instead of text
  -h, --help          显示本说明                           show this help

verify      校验检查材料包：按 manifest.json 重新计算每个文件的 SHA-256，列出缺少、多出和被改动的文件。
            Verifies an inspection package: recomputes every file's SHA-256 against manifest.json and lists
            missing, extra and altered files by path.
  --json              输出 JSON：{ok, branch, period, counts, problems: [{path, kind, message}]}
                      kind: missing|extra|altered|invalid

demo-package  用示例数据生成一个检查材料包（与应用相同的代码），用于演示和试验校验。
            Builds an inspection package from the demo data, through the same code the app uses.
  --out <文件.zip>    写到哪里（必填）                     where to write it (required)
  --year <年份>       材料包的年度，默认今年               the package's year (default: this year)

规则设置取自文件 settings 表中的 ruleSettings，缺失或无效的项按条例默认值。
Rule settings come from the file's ruleSettings row; missing or invalid values use the defaults.

退出码 Exit codes:
  check       0  文件已读取（无论各行有无问题）          the file was read, whatever its row issues
              1  文件无法读取（不存在、.xls、加密、损坏）或其中没有台账
                 the file could not be read (missing, .xls, encrypted, damaged) or holds no ledger
              2  用法错误                                usage error
  verify      0  材料包完整，与清单一致                  intact: every file matches the manifest
              1  有缺少、多出或被改动的文件，或文件无法读取   missing/extra/altered files, or unreadable
  demo-package 0 已生成   built;  1 无法写入   could not write;  2 用法错误   usage error
  self-check  0  已完成自检（无论有无问题）              ran, whatever the findings
              2  用法错误，或文件无法读取                usage error, or a file could not be read
              1  内部错误                                internal error

check 列出台账每一行的读取问题；self-check 按规则检查台账所记的支部工作。
check lists each row's reading issues; self-check judges the branch's work the ledgers record.
输出 JSON 时请用 npm run -s ledger -- …（或 npx tsx scripts/ledger.ts …），免得 npm 的提示行混进输出。
For JSON output use \`npm run -s ledger -- …\` so that npm's banner stays out of it.
`;

function today(io: LedgerIo): string {
  return io.today ? io.today() : todayIso();
}

export async function main(argv: readonly string[], io: LedgerIo): Promise<number> {
  try {
    // The package commands parse their own options (scripts/ledger/package.ts).
    if (argv[0] === 'verify') {
      return await runVerify(argv.slice(1), io);
    }
    if (argv[0] === 'demo-package') {
      return await runDemoPackage(argv.slice(1), io);
    }
    const parsed = parseArgs(argv);
    if (parsed.command === 'help') {
      io.stdout.write(USAGE);
      return EXIT_OK;
    }
    if (parsed.command === 'check') {
      const { report, details } = await checkLedgerFile(parsed.file, { today: parsed.today ?? today(io), records: parsed.records });
      io.stdout.write(parsed.json ? formatCheckJson(report) : formatCheckText(report, details));
      if (!report.ok && report.error) {
        io.stderr.write(`无法导入 ${parsed.file}：${report.error.message}\n`);
      }
      return report.ok ? EXIT_OK : EXIT_UNREADABLE;
    }
    const report = await selfCheckFiles(parsed.files, { year: parsed.year, today: parsed.today ?? today(io) });
    // When no file could be read there is no report to show, except to a program reading the JSON.
    const nothingRead = report.errors.length === parsed.files.length;
    if (parsed.json || !nothingRead) {
      io.stdout.write(parsed.json ? formatJson(report) : formatText(report));
    }
    for (const error of report.errors) {
      io.stderr.write(`无法自检：${error.message}\n`);
    }
    return report.errors.length > 0 ? EXIT_USAGE : EXIT_OK;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`${error.message}\n用法：\n${USAGE_LINES}\n详见 npm run ledger -- --help\n`);
      return EXIT_USAGE;
    }
    const message = messageOf(error);
    io.stderr.write(`内部错误：${message}\n请把这条信息和所用的文件告诉开发人员。\n`);
    return EXIT_INTERNAL;
  }
}
