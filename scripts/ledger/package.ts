/**
 * `npm run ledger -- verify <材料包.zip> [--json]` and `npm run ledger -- demo-package --out <材料包.zip> [--year YYYY]`:
 * check a 检查材料包 as an inspector would, and make one from the demo branch through the same builder the app uses.
 * Exit codes: verify 0 = intact, 1 = altered, incomplete, not a package or unreadable; demo-package 0 = written,
 * 1 = could not be written; both 2 = wrong arguments (as the other commands).
 */
import { createWriteStream } from 'node:fs';
import { readFile, rename, rm, stat } from 'node:fs/promises';
import dayjs from 'dayjs';
import { formatDate, todayIso } from '../../shared/dates';
import { generateDemoBranch } from '../../shared/demo';
import { groupFingerprint, ledgerDataset, yearPeriod } from '../../shared/exports';
import { formatFileSize } from '../../shared/model/attachment';
import {
  buildInspectionPackage,
  countsText,
  generateDemoAttachments,
  problemText,
  verifyInspectionPackage,
  type PackageProblemKind,
  type PackageVerification,
} from '../../shared/package';
import type { LedgerIo } from './io';
import { scanArgs, UsageError } from './args';
import { errorCode, messageOf } from '../../shared/errors';
import { demoLedgers } from '../../shared/kinds';

export const PACKAGE_EXIT_OK = 0;
export const PACKAGE_EXIT_FAILED = 1;
export const PACKAGE_EXIT_USAGE = 2;

export const VERIFY_USAGE = '用法：npm run ledger -- verify <材料包.zip> [--json]';
export const DEMO_PACKAGE_USAGE = '用法：npm run ledger -- demo-package --out <材料包.zip> [--year <年份>]';

const KIND_LABELS: Record<PackageProblemKind, string> = { missing: '缺失', extra: '多出', altered: '被改动', invalid: '无法核验' };


/** The Chinese report of one verification. */
export function formatVerification(file: string, result: PackageVerification): string {
  const lines = [`检查材料包核验：${file}`];
  if (result.branch && result.period && result.counts) {
    lines.push(`支部：${result.branch.name}`);
    lines.push(`期间：${result.period.label}（${formatDate(result.period.start)}至${formatDate(result.period.end)}）`);
    lines.push(`内容：${countsText(result.counts)}`);
  }
  if (result.fingerprint) {
    lines.push(`材料包指纹：${groupFingerprint(result.fingerprint)}`);
  }
  if (result.ok) {
    lines.push('结论：与包内清单一致。每个文件都与文件清单（manifest.json）记录的 SHA-256 校验值一致，没有缺少或多出的文件。');
    lines.push('这只说明材料包与它自带的清单相符：请核对上面的材料包指纹与签字的报送单是否逐字相同，不同则清单已被重新计算过。');
  } else {
    lines.push(`发现 ${result.problems.length} 个问题：`);
    for (const problem of result.problems) {
      lines.push(`  [${KIND_LABELS[problem.kind]}] ${problemText(problem)}`);
    }
    lines.push('结论：材料包不完整、已被改动或不是支部台账的检查材料包。');
  }
  return `${lines.join('\n')}\n`;
}

/** The options of verify; undefined for -h / --help. */
function parseVerifyArgs(args: readonly string[]): { file: string; json: boolean } | undefined {
  const scanned = scanArgs(args, { flags: ['--json'] });
  if (scanned.help) {
    return undefined;
  }
  const files = scanned.positionals;
  if (files.length !== 1) {
    throw new UsageError(files.length === 0 ? '请指定要核验的检查材料包（.zip）' : '一次只能核验一个材料包');
  }
  return { file: files[0], json: scanned.flags.has('--json') };
}

export async function runVerify(args: string[], io: LedgerIo): Promise<number> {
  let parsed: { file: string; json: boolean } | undefined;
  try {
    parsed = parseVerifyArgs(args);
  } catch (error) {
    io.stderr.write(`${messageOf(error)}\n${VERIFY_USAGE}\n`);
    return PACKAGE_EXIT_USAGE;
  }
  if (!parsed) {
    io.stdout.write(`${VERIFY_USAGE}\n`);
    return PACKAGE_EXIT_OK;
  }
  let bytes: Uint8Array;
  try {
    const buffer = await readFile(parsed.file);
    bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  } catch (error) {
    const code = errorCode(error);
    const why = code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '这是一个文件夹' : code === 'EACCES' ? '没有读取权限' : messageOf(error);
    io.stderr.write(`无法读取 ${parsed.file}：${why}\n`);
    return PACKAGE_EXIT_FAILED;
  }
  const result = await verifyInspectionPackage(bytes);
  io.stdout.write(parsed.json ? `${JSON.stringify(result, null, 2)}\n` : formatVerification(parsed.file, result));
  return result.ok ? PACKAGE_EXIT_OK : PACKAGE_EXIT_FAILED;
}

/** The options of demo-package; undefined for -h / --help. */
function parseDemoArgs(args: readonly string[], today: string): { out: string; year: number } | undefined {
  const scanned = scanArgs(args, {
    values: {
      '--out': '--out 后面需要输出文件名，例如 --out 示例支部_2025年度_党建台账.zip',
      '--year': '--year 后面需要年份，例如 --year 2025',
    },
  });
  if (scanned.help) {
    return undefined;
  }
  if (scanned.positionals.length > 0) {
    throw new UsageError(`多余的参数：${scanned.positionals[0]}（输出文件请用 --out 指定）`);
  }
  const out = scanned.values.get('--out');
  const yearText = scanned.values.get('--year');
  if (yearText !== undefined && (!/^\d{4}$/.test(yearText) || Number(yearText) < 1980 || yearText > today.slice(0, 4))) {
    throw new UsageError(`--year 应为 1980 年至今年的四位年份（收到“${yearText}”）`);
  }
  if (!out) {
    throw new UsageError('请用 --out 指定材料包的输出文件，例如 --out 示例支部_2025年度_党建台账.zip');
  }
  return { out, year: yearText === undefined ? Number(today.slice(0, 4)) : Number(yearText) };
}

async function appVersion(): Promise<string> {
  const text = await readFile(new URL('../../package.json', import.meta.url), 'utf8');
  return (JSON.parse(text) as { version: string }).version; // our own package.json
}

export async function runDemoPackage(args: string[], io: LedgerIo): Promise<number> {
  const today = io.today ? io.today() : todayIso();
  let parsed: { out: string; year: number } | undefined;
  try {
    parsed = parseDemoArgs(args, today);
  } catch (error) {
    io.stderr.write(`${messageOf(error)}\n${DEMO_PACKAGE_USAGE}\n`);
    return PACKAGE_EXIT_USAGE;
  }
  if (!parsed) {
    io.stdout.write(`${DEMO_PACKAGE_USAGE}\n`);
    return PACKAGE_EXIT_OK;
  }
  // A past year: the demo is laid out as if it were the end of that year.
  const demoToday = today < `${parsed.year}-12-31` ? today : `${parsed.year}-12-31`;
  const demo = generateDemoBranch({ today: demoToday });
  const files = generateDemoAttachments(demo);
  const partial = `${parsed.out}.partial`;
  const stream = createWriteStream(partial);
  let streamError: Error | undefined;
  stream.on('error', (error) => {
    streamError = error;
  });
  /** The stream reports a failure through its 'error' event, at any await: checked before and after each step. */
  const throwIfFailed = () => {
    if (streamError) {
      throw streamError;
    }
  };
  const opened = new Promise<void>((resolve) => {
    stream.once('open', () => resolve());
    stream.once('error', () => resolve());
  });
  try {
    await opened;
    throwIfFailed();
    const result = await buildInspectionPackage(
      {
        dataset: ledgerDataset({ branch: demo.branch, ...demoLedgers(demo, { today: demoToday }) }),
        options: { period: yearPeriod(parsed.year), generatedOn: today },
        appVersion: await appVersion(),
        generatedAt: dayjs().format(),
        attachments: files.attachments,
        loadAttachment: async (id) => {
          const bytes = files.bytes.get(id);
          if (!bytes) {
            throw new Error(`示例附件 ${id} 不存在`);
          }
          return bytes;
        },
      },
      async (chunk) => {
        throwIfFailed();
        if (!stream.write(chunk)) {
          await new Promise<void>((resolve) => stream.once('drain', resolve));
        }
      },
    );
    await new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
    throwIfFailed();
    await rename(partial, parsed.out);
    const size = (await stat(parsed.out)).size;
    io.stdout.write(
      `已生成示例检查材料包：${parsed.out}（${formatFileSize(size)}，${result.manifest.files.length + (result.manifest.selfCheck ? 2 : 1)} 个文件）\n` +
        `支部：${result.manifest.branch.name}\n期间：${result.manifest.period.label}\n内容：${countsText(result.manifest.counts)}\n` +
        `材料包指纹：${groupFingerprint(result.fingerprint)}\n` +
        `建议的文件名：${result.fileName}\n`,
    );
    return PACKAGE_EXIT_OK;
  } catch (error) {
    stream.destroy();
    await rm(partial, { force: true });
    const code = errorCode(error);
    const why = code === 'ENOENT' ? '所在文件夹不存在' : code === 'EACCES' ? '没有写入权限' : messageOf(error);
    io.stderr.write(`无法写入 ${parsed.out}：${why}\n`);
    return PACKAGE_EXIT_FAILED;
  }
}
