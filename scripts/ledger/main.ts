/**
 * `npm run ledger -- <command>`: the 支部台账 command line. main() takes the arguments and where to write, and
 * returns the exit code, so that tests run it in-process: 0 = ran (whatever the findings), 1 = internal error,
 * 2 = usage error or a file that could not be read. Messages are Chinese and never carry a stack trace.
 */
import { todayIso } from '../../shared/dates';
import { parseArgs, UsageError } from './args';
import { formatJson, formatText } from './format';
import { EXCEL_NOT_SUPPORTED } from './readExport';
import { selfCheckFiles } from './selfCheck';

export interface LedgerIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** Today's date, `YYYY-MM-DD`, when --today is not given; defaults to the local calendar day. */
  today?: () => string;
}

export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_USAGE = 2;

export const USAGE = `支部台账命令行工具 · branch-ledger CLI

用法 Usage:
  npm run ledger -- self-check <文件.json…> --year <年份> [--today <YYYY-MM-DD>] [--json]
  npm run ledger -- --help

self-check  按《中国共产党支部工作条例（试行）》等规则自检数据库导出文件，按支部列出问题。
            Checks database exports against the branch rules and lists the findings per branch.

  <文件.json…>        数据库导出文件：应用导出的备份（dexie 格式），或 {branches, members, meetings, talks, settings}
                      JSON exports: the app's backup (dexie-export-import) or a plain {branches, members, …} object
  --year <年份>       要检查的年度（必填）                 the year to check (required)
  --today <日期>      按哪一天判断，默认今天               judge as of this day (default: today)
  --json              输出 JSON：{branches: [{id, name, findings}]}   print JSON instead of text
  -h, --help          显示本说明                           show this help

规则设置取自文件 settings 表中的 ruleSettings，缺失或无效的项按条例默认值。
Rule settings come from the file's ruleSettings row; missing or invalid values use the defaults.

退出码 Exit codes:
  0  已完成自检（无论有无问题）  ran, whatever the findings
  2  用法错误，或文件无法读取    usage error, or a file could not be read
  1  内部错误                    internal error

${EXCEL_NOT_SUPPORTED}。
Excel ledgers (.xlsx) are not supported yet: use a JSON export of the database.
输出 JSON 时请用 npm run -s ledger -- …（或 npx tsx scripts/ledger.ts …），免得 npm 的提示行混进输出。
For JSON output use \`npm run -s ledger -- …\` so that npm's banner stays out of it.
`;

function today(io: LedgerIo): string {
  return io.today ? io.today() : todayIso();
}

export async function main(argv: readonly string[], io: LedgerIo): Promise<number> {
  try {
    const parsed = parseArgs(argv);
    if (parsed.command === 'help') {
      io.stdout.write(USAGE);
      return EXIT_OK;
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
      io.stderr.write(`${error.message}\n用法：npm run ledger -- self-check <文件.json…> --year <年份> [--today <YYYY-MM-DD>] [--json]\n详见 npm run ledger -- --help\n`);
      return EXIT_USAGE;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`内部错误：${message}\n请把这条信息和所用的文件告诉开发人员。\n`);
    return EXIT_INTERNAL;
  }
}
