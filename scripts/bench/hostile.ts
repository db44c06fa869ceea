/**
 * Hostile files in Node: each case runs in its own process (its peak memory is its own maxRSS), crafts its file
 * small (shared/zip/craft.ts: a deflate stream of repeated bytes), then reads it through the app's pipeline and
 * prints how long the answer took and what it was. Goal: every answer within 10 s and under 300 MB.
 * Run alone: `npx tsx scripts/bench/hostile.ts`; one case: `npx tsx scripts/bench/hostile.ts --case <name>`.
 */
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { readLedgerFile } from '../../shared/ledgers';
import { craftXlsx, rowsXml, SHEET_HEAD, SHEET_TAIL } from '../../shared/ledgers/read/craftXlsx';
import { verifyInspectionPackage } from '../../shared/package';
import { craftPackage } from '../../shared/package/craftPackage';
import { filled, utf8Bytes } from '../../shared/zip/craft';
import { sha256Hex } from '../../shared/zip/sha256';

export const HOSTILE_GOAL_MS = 10_000;
export const HOSTILE_GOAL_MB = 300;

const MB = 1024 * 1024;

/** A roster whose worksheet holds `gib` GiB of spaces between its rows; `declaredSize` may lie (the zip says 1 kB). */
function sheetBomb(gib: number, declaredSize?: number): Uint8Array {
  const head = utf8Bytes(SHEET_HEAD + rowsXml([['姓名', '性别', '出生日期'], ['张三', '男', '1990-01-01']]));
  return craftXlsx([{ name: '花名册', part: { prefix: head, bytes: filled(MB, 0x20), times: gib * 1024, suffix: utf8Bytes(SHEET_TAIL), declaredSize } }]);
}

function packageOf(files: { name: string; bytes: Uint8Array; times?: number; declaredSize?: number; size: number; sha256: string }[]): Uint8Array {
  return craftPackage(
    files.map(({ name, bytes, times, declaredSize }) => ({ name, bytes, times, declaredSize })),
    files.map((f) => ({ path: f.name, size: f.size, sha256: f.sha256 })),
  );
}

interface Case {
  label: string;
  craft: () => Uint8Array;
  answer: (bytes: Uint8Array) => Promise<string>;
}

const readAnswer = async (bytes: Uint8Array) => {
  const result = await readLedgerFile('花名册.xlsx', bytes, { today: '2026-03-05' });
  return result.fileIssues.map((i) => i.message).join(' / ') || `${result.sheets.length} sheets`;
};

const verifyAnswer = async (bytes: Uint8Array) => {
  const result = await verifyInspectionPackage(bytes);
  return result.ok ? `与包内清单一致（${result.fingerprint?.slice(0, 8)}…）` : `${result.problems.length} 个问题：${result.problems[0].path}：${result.problems[0].message}`;
};

export const HOSTILE_CASES: Record<string, Case> = {
  'sheet-1gib': { label: 'ledger whose worksheet inflates to 1 GiB (readLedgerFile)', craft: () => sheetBomb(1), answer: readAnswer },
  'sheet-3gib': { label: 'ledger whose worksheet inflates to 3 GiB (readLedgerFile)', craft: () => sheetBomb(3), answer: readAnswer },
  'sheet-3gib-lying': {
    label: 'ledger whose worksheet inflates to 3 GiB, its zip declaring 1 kB (inflated and scanned up to the limit)',
    craft: () => sheetBomb(3, 1024),
    answer: readAnswer,
  },
  'merge-xfd': {
    label: 'ledger with a merge of A31:XFD1048576 (readLedgerFile)',
    craft: () =>
      craftXlsx([
        {
          name: '花名册',
          part: `${SHEET_HEAD}${rowsXml([['姓名', '性别', '出生日期'], ...Array.from({ length: 30 }, (_, i) => [`党员${i}`, '男', '1990-01-01'])])}${SHEET_TAIL.replace('</worksheet>', '<mergeCells count="1"><mergeCell ref="A31:XFD1048576"/></mergeCells></worksheet>')}`,
        },
      ]),
    answer: readAnswer,
  },
  'package-20000': {
    label: 'package of 20,000 entries (verifyInspectionPackage)',
    craft: () =>
      packageOf(
        Array.from({ length: 20_000 }, (_, i) => {
          const bytes = utf8Bytes(`第${i}份材料`);
          return { name: `会议记录/${String(i).padStart(5, '0')}.txt`, bytes, size: bytes.length, sha256: sha256Hex(bytes) };
        }),
      ),
    answer: verifyAnswer,
  },
  'package-1gib-entries': {
    label: 'package with three 1 GiB entries declared as 1 kB (verifyInspectionPackage)',
    craft: () =>
      packageOf(
        [0, 1, 2].map((i) => ({ name: `会议记录/照片${i}.jpg`, bytes: filled(MB, i), times: 1024, declaredSize: 1024, size: 1024 * MB, sha256: '0'.repeat(64) })),
      ),
    answer: verifyAnswer,
  },
};

interface CaseResult {
  ms: number;
  peakMb: number;
  craftedMb: number;
  fileKb: number;
  answer: string;
}

async function runCase(name: string): Promise<CaseResult> {
  const bytes = HOSTILE_CASES[name].craft();
  const craftedMb = process.memoryUsage().rss / MB;
  const start = performance.now();
  const answer = await HOSTILE_CASES[name].answer(bytes);
  const ms = performance.now() - start;
  // maxRSS is in kB (Linux): the process's peak, crafting included.
  return { ms, peakMb: process.resourceUsage().maxRSS / 1024, craftedMb, fileKb: bytes.length / 1024, answer };
}

export interface HostileFigure {
  name: string;
  ms: number;
  note: string;
}

export function measureHostileInNode(): HostileFigure[] {
  const self = fileURLToPath(import.meta.url);
  return Object.entries(HOSTILE_CASES).map(([name, { label }]) => {
    const child = spawnSync(process.execPath, ['--import', 'tsx', self, '--case', name], { encoding: 'utf8', maxBuffer: 1 << 20 });
    const line = child.stdout.trim().split('\n').at(-1) ?? '';
    if (child.status !== 0 || !line.startsWith('{')) {
      return { name: `hostile: ${label}`, ms: Number.NaN, note: `FAILED (exit ${child.status}): ${(child.stderr || line).slice(0, 200)}` };
    }
    const result = JSON.parse(line) as CaseResult; // the case's child process prints its CaseResult last
    const within = result.ms <= HOSTILE_GOAL_MS && result.peakMb <= HOSTILE_GOAL_MB;
    return {
      name: `hostile: ${label}`,
      ms: result.ms,
      note:
        `peak ${result.peakMb.toFixed(0)} MB (${result.craftedMb.toFixed(0)} MB after crafting a ${result.fileKb.toFixed(0)} kB file), ` +
        `goal ≤ ${HOSTILE_GOAL_MS / 1000} s and ≤ ${HOSTILE_GOAL_MB} MB: ${within ? 'within' : 'OVER'}; answer: ${result.answer.slice(0, 120)}`,
    };
  });
}

const caseArg = process.argv.indexOf('--case');
if (caseArg > 0) {
  console.log(JSON.stringify(await runCase(process.argv[caseArg + 1])));
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const figure of measureHostileInNode()) {
    console.log(`${figure.name}  ${figure.ms.toFixed(0)} ms  (${figure.note})`);
  }
}
