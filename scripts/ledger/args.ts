/**
 * The command line of `npm run ledger`: a command, then files and options. Mistakes are UsageErrors with a
 * Chinese message; main prints them with a pointer to --help and exits with 2.
 */
import { isValidIsoDate } from '../../shared/dates';

export class UsageError extends Error {
  override name = 'UsageError';
}

export type LedgerCommand =
  | { command: 'help' }
  | { command: 'self-check'; files: string[]; year: number; today?: string; json: boolean }
  | { command: 'check'; file: string; today?: string; json: boolean; records: boolean };

const HELP_FLAGS = new Set(['-h', '--help']);

function parseYear(value: string): number {
  if (!/^\d{4}$/.test(value)) {
    throw new UsageError(`--year 应为四位年份，例如 --year 2025（收到“${value}”）`);
  }
  const year = Number(value);
  if (year < 1921 || year > 2100) {
    throw new UsageError(`--year ${value} 超出范围（1921–2100）`);
  }
  return year;
}

function parseToday(value: string): string {
  if (!isValidIsoDate(value)) {
    throw new UsageError(`--today 应为日期 YYYY-MM-DD，例如 --today 2025-03-05（收到“${value}”）`);
  }
  return value;
}

function parseSelfCheck(args: string[]): LedgerCommand {
  const files: string[] = [];
  let year: number | undefined;
  let today: string | undefined;
  let json = false;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    if (arg === '--') {
      files.push(...args.slice(i + 1));
      break;
    }
    if (HELP_FLAGS.has(arg)) {
      return { command: 'help' };
    }
    if (arg === '--json') {
      json = true;
      continue;
    }
    // `--year 2025` or `--year=2025`.
    const equals = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = equals > 0 ? arg.slice(0, equals) : arg;
    const inline = equals > 0 ? arg.slice(equals + 1) : undefined;
    if (flag === '--year' || flag === '--today') {
      const value = inline ?? args[i + 1];
      if (value === undefined || (inline === undefined && value.startsWith('-'))) {
        throw new UsageError(flag === '--year' ? '--year 后面需要年份，例如 --year 2025' : '--today 后面需要日期，例如 --today 2025-03-05');
      }
      if (inline === undefined) {
        i += 1;
      }
      if (flag === '--year') {
        year = parseYear(value);
      } else {
        today = parseToday(value);
      }
      continue;
    }
    if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`未知选项：${arg}`);
    }
    files.push(arg);
  }
  if (files.length === 0) {
    throw new UsageError('请指定至少一个要自检的数据库导出文件（.json）');
  }
  if (year === undefined) {
    throw new UsageError('请用 --year 指定要检查的年度，例如 --year 2025');
  }
  return { command: 'self-check', files, year, today, json };
}

function parseCheck(args: string[]): LedgerCommand {
  const files: string[] = [];
  let today: string | undefined;
  let json = false;
  let records = false;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    if (arg === '--') {
      files.push(...args.slice(i + 1));
      break;
    }
    if (HELP_FLAGS.has(arg)) {
      return { command: 'help' };
    }
    if (arg === '--json' || arg === '--records') {
      json ||= arg === '--json';
      records ||= arg === '--records';
      continue;
    }
    const equals = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = equals > 0 ? arg.slice(0, equals) : arg;
    if (flag === '--today') {
      const inline = equals > 0 ? arg.slice(equals + 1) : undefined;
      const value = inline ?? args[i + 1];
      if (value === undefined || (inline === undefined && value.startsWith('-'))) {
        throw new UsageError('--today 后面需要日期，例如 --today 2025-03-05');
      }
      if (inline === undefined) {
        i += 1;
      }
      today = parseToday(value);
      continue;
    }
    if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`未知选项：${arg}`);
    }
    files.push(arg);
  }
  if (files.length === 0) {
    throw new UsageError('请指定要检查的台账文件（.xlsx 或 .csv）');
  }
  if (files.length > 1) {
    throw new UsageError(`一次只能检查一个文件（收到 ${files.length} 个）`);
  }
  return { command: 'check', file: files[0], today, json, records };
}

export function parseArgs(argv: readonly string[]): LedgerCommand {
  const [command, ...rest] = argv;
  if (command === undefined) {
    throw new UsageError('请指定命令');
  }
  if (HELP_FLAGS.has(command) || command === 'help') {
    return { command: 'help' };
  }
  if (command === 'self-check') {
    return parseSelfCheck(rest);
  }
  if (command === 'check') {
    return parseCheck(rest);
  }
  throw new UsageError(`未知命令：${command}（目前提供 check、self-check、verify、demo-package）`);
}
