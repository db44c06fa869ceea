/**
 * Reads a ledger file off the main thread and plans it against the database: the page stays responsive while
 * exceljs unzips, the rows are checked and compared with the stored records (20,000 rows: seconds).
 * Messages: in `{ fileName, bytes, today, overrides, context }` (bytes transferred); out `progress` (percent and a
 * Chinese stage, at most once per percent or stage), then `done` or `error`. Cancelling is the client terminating
 * the worker.
 */
import type { PlannedRow } from '@shared/imports';
import { readLedgerFile } from '@shared/ledgers';
import type { LedgerImportRequest, LedgerImportResponse } from './ledgerImportClient';
import { planSheets } from './ledgerImportPlan';

/** The worker's global scope (the project compiles against the DOM lib, not WebWorker). */
const scope = self as unknown as {
  postMessage(message: LedgerImportResponse): void;
  onmessage: ((event: MessageEvent<LedgerImportRequest>) => void) | null;
};

function post(message: LedgerImportResponse) {
  scope.postMessage(message);
}

/** Reading is most of the bar; comparing with the database the rest. */
const READ_SHARE = 0.9;

/** Reads and plans one file; throws what went wrong. */
async function read(request: LedgerImportRequest): Promise<void> {
  const { fileName, bytes, today, overrides, context } = request;
  let lastPercent = -1;
  let lastStage = '';
  const progress = (fraction: number, stage: string) => {
    const percent = Math.floor(fraction * 100);
    if (percent !== lastPercent || stage !== lastStage) {
      lastPercent = percent;
      lastStage = stage;
      post({ type: 'progress', percent, stage });
    }
  };
  const share = context ? READ_SHARE : 1;
  const result = await readLedgerFile(fileName, new Uint8Array(bytes), {
    today,
    overrides,
    onProgress: (fraction, stage) => progress(fraction * share, stage),
  });
  let plans: [number, PlannedRow[]][] = [];
  if (context) {
    progress(READ_SHARE, '正在与系统中已有的记录比对…');
    plans = [...planSheets(result, context)];
  }
  post({ type: 'done', result, plans });
}

scope.onmessage = (event: MessageEvent<LedgerImportRequest>) => {
  void read(event.data).catch(() => {
    post({ type: 'error', message: '读取文件时出错，文件可能已损坏。请在 Excel 或 WPS 中打开它，另存为 .xlsx 后再导入。' });
  });
};
