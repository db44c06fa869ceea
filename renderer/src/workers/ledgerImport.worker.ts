/**
 * Reads a ledger file off the main thread: the page stays responsive while exceljs unzips and the rows are checked.
 * Messages: in `{ fileName, bytes, today }` (bytes transferred); out `progress` (stages), then `done` or `error`.
 * Cancelling is the client terminating the worker.
 */
import { readLedgerFile } from '@shared/ledgers';
import type { LedgerImportRequest, LedgerImportResponse } from './ledgerImportClient';

/** The worker's global scope (the project compiles against the DOM lib, not WebWorker). */
const scope = self as unknown as {
  postMessage(message: LedgerImportResponse): void;
  onmessage: ((event: MessageEvent<LedgerImportRequest>) => void) | null;
};

function post(message: LedgerImportResponse) {
  scope.postMessage(message);
}

scope.onmessage = async (event: MessageEvent<LedgerImportRequest>) => {
  const { fileName, bytes, today } = event.data;
  try {
    post({ type: 'progress', percent: 10, stage: '正在读取文件…' });
    const result = await readLedgerFile(fileName, new Uint8Array(bytes), { today });
    post({ type: 'progress', percent: 100, stage: '读取完成' });
    post({ type: 'done', result });
  } catch {
    post({ type: 'error', message: '读取文件时出错，文件可能已损坏。请在 Excel 或 WPS 中打开它，另存为 .xlsx 后再导入。' });
  }
};
