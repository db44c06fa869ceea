/**
 * Typed client of ledgerExport.worker.ts. Every job gets a worker of its own: the worker opens the app's
 * IndexedDB itself and builds the workbook or package there, so neither the records nor ExcelJS's workbook ever
 * sit in the page's heap; only the finished file comes back (transferred, not copied). A package comes back in
 * batches, each handed to the caller's sink as it arrives, so the page never holds the whole zip. `cancel()`
 * terminates the worker at once (ExcelJS cannot be interrupted any other way); what a sink received is the
 * caller's to abort.
 */
import { CancelledError } from '@shared/errors';
import type { ExportOptions, LedgerExportKind } from '@shared/exports/types';
import type { LedgerKind } from '@shared/ledgers';
import { READ_BUDGET, UNREADABLE_FILE, watchWorker, type WorkerBudget } from './workerBudget';
import { ownBuffer } from './ownBuffer';
import type { PackageCheck } from '../pages/ledgers/exportModel';

/** ExportOptions without the rule settings: the worker reads the ones in force from the database. */
export type WorkerExportOptions = Omit<ExportOptions, 'ruleSettings'>;

export type LedgerExportRequest =
  | { type: 'ledger'; kind: LedgerExportKind; branchId: string; options: WorkerExportOptions; fileName: string }
  | { type: 'template'; kind: LedgerKind }
  | { type: 'package'; branchId: string; options: WorkerExportOptions; appVersion: string; generatedAt: string }
  | { type: 'verify'; files: { name: string; bytes: ArrayBuffer }[] };

/** From the page to a running package job: one `chunk` has been written (the worker may send another). */
export type LedgerExportControl = { type: 'chunkWritten' };

export type LedgerExportResponse =
  | { type: 'progress'; percent: number; stage: string }
  /** The next piece of the package zip, in order. */
  | { type: 'chunk'; bytes: ArrayBuffer }
  /** The package is complete: every chunk has been posted; `size` bytes in all. */
  | { type: 'packaged'; size: number }
  /** fileName: as asked, or (a ledger split into parts) `.zip` of `<name>_第N部分.xlsx` files. */
  | { type: 'file'; bytes: ArrayBuffer; fileName?: string; parts?: number }
  | { type: 'checked'; checks: PackageCheck[] }
  | { type: 'error'; message: string };

export interface ExportJob<T> {
  promise: Promise<T>;
  cancel: () => void;
}

export type ProgressListener = (percent: number, stage: string) => void;

interface WorkerRun extends ExportJob<LedgerExportResponse> {
  /** Stops the job with this error (a sink that failed): the worker is terminated. */
  fail(error: Error): void;
  send(message: LedgerExportControl): void;
}

function run(
  request: LedgerExportRequest,
  transfer: Transferable[],
  onProgress: ProgressListener,
  onChunk?: (bytes: Uint8Array) => void,
  /** Reading files the user chose (verify): a worker that dies or is stuck means the file, in one message. */
  budget?: WorkerBudget,
): WorkerRun {
  const worker = new Worker(new URL('./ledgerExport.worker.ts', import.meta.url), { type: 'module' });
  let settle: { resolve: (r: LedgerExportResponse) => void; reject: (e: Error) => void } | undefined;
  const promise = new Promise<LedgerExportResponse>((resolve, reject) => {
    settle = { resolve, reject };
  });
  const watchdog = budget
    ? watchWorker(budget, () => {
        settle?.reject(new Error(UNREADABLE_FILE));
        finish();
      })
    : undefined;
  const finish = () => {
    watchdog?.stop();
    worker.terminate();
    settle = undefined;
  };
  worker.onmessage = (event: MessageEvent<LedgerExportResponse>) => {
    watchdog?.touch();
    const message = event.data;
    if (message.type === 'progress') {
      onProgress(message.percent, message.stage);
    } else if (message.type === 'chunk') {
      if (settle && onChunk) {
        onChunk(new Uint8Array(message.bytes));
      }
    } else if (message.type === 'error') {
      settle?.reject(new Error(message.message));
      finish();
    } else {
      settle?.resolve(message);
      finish();
    }
  };
  worker.onerror = (event) => {
    event.preventDefault();
    settle?.reject(new Error(budget ? UNREADABLE_FILE : `后台处理出错：${event.message || '未知错误'}，请重试`));
    finish();
  };
  worker.postMessage(request, transfer);
  return {
    promise,
    cancel: () => {
      settle?.reject(new CancelledError());
      finish();
    },
    fail: (error) => {
      settle?.reject(error);
      finish();
    },
    send: (message) => {
      if (settle) {
        worker.postMessage(message);
      }
    },
  };
}

export interface ExportedFile {
  bytes: Uint8Array;
  /** Set when the worker chose the name (a large ledger goes out as a .zip of parts). */
  fileName?: string;
  /** How many .xlsx parts the zip holds (absent: one file). */
  parts?: number;
}

function fileJob(request: LedgerExportRequest, onProgress: ProgressListener): ExportJob<ExportedFile> {
  const job = run(request, [], onProgress);
  return {
    promise: job.promise.then((response) => {
      if (response.type !== 'file') {
        throw new Error('后台处理返回了意外的结果，请重试');
      }
      return { bytes: new Uint8Array(response.bytes), fileName: response.fileName, parts: response.parts };
    }),
    cancel: job.cancel,
  };
}

/**
 * One ledger of one branch as an .xlsx file named `fileName`; a ledger of more than ROWS_PER_PART rows comes
 * back as a .zip of parts (ExcelJS holds a whole workbook in memory: 50,000 rows would take over 1 GB).
 */
export function exportLedgerInWorker(
  kind: LedgerExportKind,
  branchId: string,
  options: WorkerExportOptions,
  fileName: string,
  onProgress: ProgressListener,
): ExportJob<ExportedFile> {
  return fileJob({ type: 'ledger', kind, branchId, options, fileName }, onProgress);
}

/** The blank import template of a ledger, with its 填表说明. */
export function templateInWorker(kind: LedgerKind, onProgress: ProgressListener): ExportJob<ExportedFile> {
  return fileJob({ type: 'template', kind }, onProgress);
}

/** Receives the package in order; the next piece comes only after the returned promise resolved. */
export type ChunkSink = (chunk: Uint8Array) => Promise<void>;

export interface PackagedFile {
  /** Bytes handed to the sink. */
  size: number;
}

/**
 * The 检查材料包 (.zip) of one branch and period, streamed: attachments are read one at a time inside the worker and
 * the zip comes out in batches of ~8–16 MB, each written to `sink` before the worker is told it may send more.
 * Resolves once the sink has taken the last piece; a failing sink stops the worker and rejects with its error.
 */
export function packageInWorker(
  branchId: string,
  options: WorkerExportOptions,
  appVersion: string,
  generatedAt: string,
  sink: ChunkSink,
  onProgress: ProgressListener,
): ExportJob<PackagedFile> {
  let cancelled = false;
  let failure: Error | undefined;
  // Each chunk is written after the previous one; the worker learns of every chunk written.
  let written: Promise<void> = Promise.resolve();
  const job: WorkerRun = run({ type: 'package', branchId, options, appVersion, generatedAt }, [], onProgress, (chunk) => {
    written = written.then(async () => {
      if (cancelled || failure) {
        return;
      }
      try {
        await sink(chunk);
      } catch (error) {
        failure = error instanceof Error ? error : new Error(String(error));
        job.fail(failure);
        return;
      }
      job.send({ type: 'chunkWritten' });
    });
  });
  return {
    promise: job.promise.then(async (response) => {
      if (response.type !== 'packaged') {
        throw new Error('后台处理返回了意外的结果，请重试');
      }
      // The worker has posted everything; the last pieces may still be on their way to the disk.
      await written;
      if (failure) {
        throw failure;
      }
      if (cancelled) {
        throw new CancelledError();
      }
      return { size: response.size };
    }),
    cancel: () => {
      cancelled = true;
      job.cancel();
    },
  };
}

/**
 * Verifies and reads packages (read only: nothing is written to the database). The files' bytes are handed to
 * the worker (transferred: the caller's arrays are detached afterwards) so a large package is never held twice.
 */
export function verifyPackagesInWorker(
  files: readonly { name: string; data: Uint8Array }[],
  onProgress: ProgressListener,
): ExportJob<PackageCheck[]> {
  const copies = files.map((file) => ({ name: file.name, bytes: ownBuffer(file.data) }));
  const job = run({ type: 'verify', files: copies }, copies.map((c) => c.bytes), onProgress, undefined, READ_BUDGET);
  return {
    promise: job.promise.then((response) => {
      if (response.type !== 'checked') {
        throw new Error('后台处理返回了意外的结果，请重试');
      }
      return response.checks;
    }),
    cancel: job.cancel,
  };
}
