/**
 * Typed client of ledgerImport.worker.ts: `readInWorker` posts the bytes (transferred, not copied) and what to
 * plan against, reports progress, and resolves with what readLedgerFile returned and the plan of every sheet.
 * `cancel()` terminates the worker at once.
 */
import { CancelledError } from '@shared/errors';
import type { ImportContext, PlannedRow } from '@shared/imports';
import type { LedgerFileResult, SheetOverride } from '@shared/ledgers';
import { READ_BUDGET, UNREADABLE_FILE, watchWorker, type WorkerBudget } from './workerBudget';

export interface LedgerImportRequest {
  fileName: string;
  bytes: ArrayBuffer;
  today: string;
  /** The user's choices per sheet name; a re-read with new choices sends the same bytes again. */
  overrides?: Record<string, SheetOverride>;
  /** The database as the plan needs it; without it the file is read but not planned. */
  context?: ImportContext;
}

export interface LedgerImportOutput {
  result: LedgerFileResult;
  /** Plans by sheet index, aligned with each ledger sheet's rows. */
  plans: Map<number, PlannedRow[]>;
}

export type LedgerImportResponse =
  | { type: 'progress'; percent: number; stage: string }
  | { type: 'done'; result: LedgerFileResult; plans: [number, PlannedRow[]][] }
  | { type: 'error'; message: string };

export interface ReadJob {
  promise: Promise<LedgerImportOutput>;
  cancel: () => void;
}

export interface ReadInWorkerOptions {
  today: string;
  overrides?: Record<string, SheetOverride>;
  context?: ImportContext;
  onProgress: (percent: number, stage: string) => void;
  /** Defaults to READ_BUDGET. */
  budget?: WorkerBudget;
}

export function readInWorker(fileName: string, data: Uint8Array, options: ReadInWorkerOptions): ReadJob {
  const worker = new Worker(new URL('./ledgerImport.worker.ts', import.meta.url), { type: 'module' });
  let settle: { resolve: (r: LedgerImportOutput) => void; reject: (e: Error) => void } | undefined;
  const promise = new Promise<LedgerImportOutput>((resolve, reject) => {
    settle = { resolve, reject };
  });
  // A worker that dies or stays stuck is ended here and reported in one sentence; the page goes on.
  const watchdog = watchWorker(options.budget ?? READ_BUDGET, () => {
    settle?.reject(new Error(UNREADABLE_FILE));
    finish();
  });
  const finish = () => {
    watchdog.stop();
    worker.terminate();
    settle = undefined;
  };
  worker.onmessage = (event: MessageEvent<LedgerImportResponse>) => {
    watchdog.touch();
    const message = event.data;
    if (message.type === 'progress') {
      options.onProgress(message.percent, message.stage);
    } else if (message.type === 'done') {
      settle?.resolve({ result: message.result, plans: new Map(message.plans) });
      finish();
    } else {
      settle?.reject(new Error(message.message));
      finish();
    }
  };
  worker.onerror = (event) => {
    event.preventDefault();
    settle?.reject(new Error(UNREADABLE_FILE));
    finish();
  };
  worker.onmessageerror = () => {
    settle?.reject(new Error(UNREADABLE_FILE));
    finish();
  };
  // A copy of exactly the file's bytes, transferred: the caller's array stays usable (and is read again when
  // the user changes a sheet's ledger, header row or columns).
  const bytes = data.slice().buffer;
  const request: LedgerImportRequest = { fileName, bytes, today: options.today, overrides: options.overrides, context: options.context };
  worker.postMessage(request, [bytes]);
  return {
    promise,
    cancel: () => {
      settle?.reject(new CancelledError('读取'));
      finish();
    },
  };
}
