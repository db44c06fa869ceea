/**
 * The import figure in Node: readLedgerFile (sniff → ExcelJS load → grid → classify → parse and validate every
 * cell) against a bare ExcelJS `workbook.xlsx.load` of the same bytes, in the same run, alternating which goes
 * first so neither always gets the warmer heap. The ratio is what counts (goal ≤ 1.2). readLedgerFile reads .xlsx with
 * the direct reader (shared/ledgers/read/xlsxFast.ts), not ExcelJS: the bare load is the yardstick the goal names.
 */
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { readLedgerFile, type LedgerFileResult } from '../../shared/ledgers';
import { meetingsWorkbook, rosterWorkbook } from './importDataset';

export interface ImportFigure {
  name: string;
  rows: number;
  bytes: number;
  bareLoadMs: number[];
  pipelineMs: number[];
  records: number;
  errorRows: number;
  kind?: string;
}

export const IMPORT_RATIO_GOAL = 1.2;

async function time<T>(run: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await run();
  return { ms: performance.now() - start, result };
}

async function bareLoad(bytes: Uint8Array): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer); // ExcelJS reads a Uint8Array; its types ask for a Buffer
}

async function measureFile(name: string, fileName: string, bytes: Uint8Array, rows: number, runs: number, today: string): Promise<ImportFigure> {
  const bareLoadMs: number[] = [];
  const pipelineMs: number[] = [];
  let last: LedgerFileResult | undefined;
  // One untimed pass of each: module loading and JIT warm-up are not the reader's cost.
  await bareLoad(bytes);
  await readLedgerFile(fileName, bytes, { today });
  for (let i = 0; i < runs; i += 1) {
    const bareFirst = i % 2 === 0;
    if (bareFirst) {
      bareLoadMs.push((await time(() => bareLoad(bytes))).ms);
    }
    const piped = await time(() => readLedgerFile(fileName, bytes, { today }));
    pipelineMs.push(piped.ms);
    last = piped.result;
    if (!bareFirst) {
      bareLoadMs.push((await time(() => bareLoad(bytes))).ms);
    }
  }
  const sheet = last?.sheets.find((s) => s.ledger);
  return {
    name,
    rows,
    bytes: bytes.length,
    bareLoadMs,
    pipelineMs,
    kind: sheet?.ledger,
    records: sheet ? sheet.rows.filter((r) => !r.issues.some((i) => i.severity === 'error')).length : 0,
    errorRows: sheet ? sheet.rows.filter((r) => r.issues.some((i) => i.severity === 'error')).length : 0,
  };
}

export async function measureImportInNode(options: { rosterRows?: number; meetingRows?: number; runs?: number } = {}): Promise<ImportFigure[]> {
  const rosterRows = options.rosterRows ?? 10_000;
  const meetingRows = options.meetingRows ?? 20_000;
  const runs = options.runs ?? 5;
  const today = '2025-03-05';
  const roster = await rosterWorkbook(rosterRows, today);
  const meetings = await meetingsWorkbook(meetingRows);
  return [
    await measureFile(`roster .xlsx, ${rosterRows.toLocaleString('en-US')} members × 16 columns`, '党员花名册.xlsx', roster.bytes, rosterRows, runs, today),
    await measureFile(`meetings ledger .xlsx, ${meetingRows.toLocaleString('en-US')} rows × 12 columns`, '三会一课台账.xlsx', meetings, meetingRows, runs, today),
  ];
}
