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

export interface ScannedArgs {
  /** Files and other words that are not options, in order. */
  positionals: string[];
  /** The boolean options given (`--json`). */
  flags: Set<string>;
  /** The options with a value (`--year 2025` or `--year=2025`); the last one given wins. */
  values: Map<string, string>;
  /** `-h` / `--help` was given. */
  help: boolean;
}

/**
 * One reading of every command's arguments: boolean `flags`, options with a value (`values`: option → the Chinese
 * message when its value is missing), `--` ending the options, anything else starting with `-` refused.
 */
export function scanArgs(args: readonly string[], spec: { flags?: readonly string[]; values?: Record<string, string> }): ScannedArgs {
  const scanned: ScannedArgs = { positionals: [], flags: new Set(), values: new Map(), help: false };
  const flags = new Set(spec.flags ?? []);
  const values = spec.values ?? {};
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    if (arg === '--') {
      scanned.positionals.push(...args.slice(i + 1));
      break;
    }
    if (HELP_FLAGS.has(arg)) {
      scanned.help = true;
      continue;
    }
    if (flags.has(arg)) {
      scanned.flags.add(arg);
      continue;
    }
    const equals = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = equals > 0 ? arg.slice(0, equals) : arg;
    if (Object.hasOwn(values, flag)) {
      const inline = equals > 0 ? arg.slice(equals + 1) : undefined;
      const value = inline ?? args[i + 1];
      if (value === undefined || (inline === undefined && value.startsWith('-'))) {
        throw new UsageError(values[flag]);
      }
      if (inline === undefined) {
        i += 1;
      }
      scanned.values.set(flag, value);
      continue;
    }
    if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`未知选项：${arg}`);
    }
    scanned.positionals.push(arg);
  }
  return scanned;
}

const TODAY_MISSING = '--today 后面需要日期，例如 --today 2025-03-05';

function parseSelfCheck(args: string[]): LedgerCommand {
  const scanned = scanArgs(args, { flags: ['--json'], values: { '--year': '--year 后面需要年份，例如 --year 2025', '--today': TODAY_MISSING } });
  if (scanned.help) {
    return { command: 'help' };
  }
  const yearText = scanned.values.get('--year');
  const todayText = scanned.values.get('--today');
  const year = yearText === undefined ? undefined : parseYear(yearText);
  const today = todayText === undefined ? undefined : parseToday(todayText);
  if (scanned.positionals.length === 0) {
    throw new UsageError('请指定至少一个要自检的台账文件（.xlsx、.csv、检查材料包 .zip）或数据库导出文件（.json）');
  }
  if (year === undefined) {
    throw new UsageError('请用 --year 指定要检查的年度，例如 --year 2025');
  }
  return { command: 'self-check', files: scanned.positionals, year, today, json: scanned.flags.has('--json') };
}

function parseCheck(args: string[]): LedgerCommand {
  const scanned = scanArgs(args, { flags: ['--json', '--records'], values: { '--today': TODAY_MISSING } });
  if (scanned.help) {
    return { command: 'help' };
  }
  const todayText = scanned.values.get('--today');
  const today = todayText === undefined ? undefined : parseToday(todayText);
  const files = scanned.positionals;
  if (files.length === 0) {
    throw new UsageError('请指定要检查的台账文件（.xlsx 或 .csv）');
  }
  if (files.length > 1) {
    throw new UsageError(`一次只能检查一个文件（收到 ${files.length} 个）`);
  }
  return { command: 'check', file: files[0], today, json: scanned.flags.has('--json'), records: scanned.flags.has('--records') };
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
