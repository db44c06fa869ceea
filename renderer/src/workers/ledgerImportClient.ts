/**
 * Typed client of ledgerImport.worker.ts: `readInWorker` posts the bytes (transferred, not copied), reports
 * progress, and resolves with what readLedgerFile returned. `cancel()` terminates the worker at once.
 */
import type { LedgerFileResult } from '@shared/ledgers';

export interface LedgerImportRequest {
  fileName: string;
  bytes: ArrayBuffer;
  today: string;
}

export type LedgerImportResponse =
  | { type: 'progress'; percent: number; stage: string }
  | { type: 'done'; result: LedgerFileResult }
  | { type: 'error'; message: string };

export class ReadCancelledError extends Error {
  constructor() {
    super('已取消读取');
    this.name = 'ReadCancelledError';
  }
}

export interface ReadJob {
  promise: Promise<LedgerFileResult>;
  cancel: () => void;
}

export function readInWorker(
  fileName: string,
  data: Uint8Array,
  today: string,
  onProgress: (percent: number, stage: string) => void,
): ReadJob {
  const worker = new Worker(new URL('./ledgerImport.worker.ts', import.meta.url), { type: 'module' });
  let settle: { resolve: (r: LedgerFileResult) => void; reject: (e: Error) => void } | undefined;
  const promise = new Promise<LedgerFileResult>((resolve, reject) => {
    settle = { resolve, reject };
  });
  const finish = () => {
    worker.terminate();
    settle = undefined;
  };
  worker.onmessage = (event: MessageEvent<LedgerImportResponse>) => {
    const message = event.data;
    if (message.type === 'progress') {
      onProgress(message.percent, message.stage);
    } else if (message.type === 'done') {
      settle?.resolve(message.result);
      finish();
    } else {
      settle?.reject(new Error(message.message));
      finish();
    }
  };
  worker.onerror = (event) => {
    event.preventDefault();
    settle?.reject(new Error('读取文件时出错，请重试'));
    finish();
  };
  // A copy of exactly the file's bytes, transferred: the caller's array stays usable.
  const bytes = data.slice().buffer;
  const request: LedgerImportRequest = { fileName, bytes, today };
  worker.postMessage(request, [bytes]);
  return {
    promise,
    cancel: () => {
      settle?.reject(new ReadCancelledError());
      finish();
    },
  };
}
