/**
 * Builds exports off the main thread. The worker opens the app's IndexedDB itself (Dexie works in workers), reads
 * the branch's records there and builds the file there: the records and ExcelJS's object model live only in this
 * worker and are gone when the client terminates it; the page receives just the finished bytes (transferred).
 * Attachments for a package are read one at a time, when the package writer asks for them, and the package itself
 * leaves as it is written: `chunk` messages of ~8–16 MB (transferred), at most PACKAGE_BATCHES_IN_FLIGHT of them
 * not yet acknowledged by the page (`chunkWritten`), so neither side ever holds the whole zip.
 * Messages: in LedgerExportRequest (and `chunkWritten`); out `progress` (percent, Chinese stage), then `file`,
 * `chunk`… `packaged`, `checked` or `error`. Cancelling is the client terminating the worker.
 */
import { zipSync, type Zippable } from 'fflate';
import {
  buildLedgerWorkbook,
  buildLedgerWorkbookParts,
  buildTemplateWorkbook,
  templateOf,
  LEDGER_EXPORT_TITLES,
  ledgerRowCount,
  ROWS_PER_PART,
} from '@shared/exports';
import { messageOf } from '@shared/errors';
import { buildInspectionPackage, createMinutesPool, type MinutesResponse } from '@shared/package';
import { BranchLedgerDatabase } from '../db/database';
import { listAttachmentMeta, loadAttachmentBytes, readExportData, wholeYearsOf } from '../db/exportData';
import { partFileName, partsZipName } from '../pages/ledgers/exportModel';
import { checkPackage } from '../pages/ledgers/exportPackageCheck';
import { createChunkBatcher, PACKAGE_BATCH_BYTES, PACKAGE_BATCHES_IN_FLIGHT, type ChunkBatcher } from './chunkBatcher';
import type { LedgerExportControl, LedgerExportRequest, LedgerExportResponse } from './ledgerExportClient';
import { ownBuffer } from './ownBuffer';

/** The worker's global scope (the project compiles against the DOM lib, not WebWorker). */
const scope = self as unknown as {
  postMessage(message: LedgerExportResponse, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<LedgerExportRequest | LedgerExportControl>) => void) | null;
};

/** The package being sent, which the page's `chunkWritten` messages acknowledge. */
let packageFlow: ChunkBatcher | null = null;

function post(message: LedgerExportResponse, transfer: Transferable[] = []) {
  scope.postMessage(message, transfer);
}

function progress(percent: number, stage: string) {
  post({ type: 'progress', percent: Math.round(percent), stage });
}

function sendFile(bytes: Uint8Array, named: { fileName?: string; parts?: number } = {}) {
  const buffer = ownBuffer(bytes);
  post({ type: 'file', bytes: buffer, ...named }, [buffer]);
}


/**
 * Nested workers that make the package's Word records on other cores (one fewer than the cores, at least one, at
 * most three). Terminating this worker (取消) ends them too.
 */
function startMinutesPool() {
  const size = Math.max(1, Math.min(3, (navigator.hardwareConcurrency || 2) - 1));
  const workers = Array.from({ length: size }, () => new Worker(new URL('./minutesDocx.worker.ts', import.meta.url), { type: 'module' }));
  const pool = createMinutesPool(
    workers.map((worker) => ({
      post: (request) => worker.postMessage(request),
      listen: (handler) => worker.addEventListener('message', (event: MessageEvent<MinutesResponse>) => handler(event.data)),
      listenError: (handler) => worker.addEventListener('error', (event) => handler(event.message || '后台线程无法启动')),
    })),
  );
  return { render: pool.render, close: () => workers.forEach((worker) => worker.terminate()) };
}
async function handle(request: LedgerExportRequest, db: () => BranchLedgerDatabase): Promise<void> {
  switch (request.type) {
    case 'template': {
      progress(20, '正在生成空白模板…');
      sendFile(await buildTemplateWorkbook(templateOf(request.kind)));
      return;
    }
    case 'ledger': {
      progress(5, '正在读取数据…');
      const { dataset, ruleSettings } = await readExportData(db(), request.branchId, request.options.period);
      const options = { ...request.options, ruleSettings };
      const title = LEDGER_EXPORT_TITLES[request.kind];
      const rows = ledgerRowCount(request.kind, dataset, options);
      if (rows <= ROWS_PER_PART) {
        progress(30, `正在生成${title}（${rows} 条）…`);
        const bytes = await buildLedgerWorkbook(request.kind, dataset, options);
        progress(100, '生成完成');
        sendFile(bytes, { fileName: request.fileName });
        return;
      }
      // Too many rows for one workbook in memory: parts of ROWS_PER_PART rows, one workbook alive at a time, zipped
      // as they are (an .xlsx is compressed already).
      const count = Math.ceil(rows / ROWS_PER_PART);
      const files: Zippable = {};
      let index = 0;
      progress(10, `共 ${rows} 条，分为 ${count} 个文件：正在生成第 1 部分…`);
      for await (const part of buildLedgerWorkbookParts(request.kind, dataset, options)) {
        index += 1;
        files[partFileName(request.fileName, index)] = [part.bytes, { level: 0 }];
        progress(10 + (85 * index) / count, index < count ? `共 ${rows} 条，分为 ${count} 个文件：正在生成第 ${index + 1} 部分…` : '正在打包…');
      }
      const zip = zipSync(files);
      progress(100, '生成完成');
      sendFile(zip, { fileName: partsZipName(request.fileName), parts: count });
      return;
    }
    case 'package': {
      progress(2, '正在读取数据…');
      const database = db();
      // The self-check runs the rules for every year the period touches: it needs those whole years.
      const { dataset, ruleSettings } = await readExportData(database, request.branchId, wholeYearsOf(request.options.period));
      const attachments = await listAttachmentMeta(database, request.branchId);
      progress(5, '正在运行自检规则…');
      const batcher = createChunkBatcher({
        batchBytes: PACKAGE_BATCH_BYTES,
        maxInFlight: PACKAGE_BATCHES_IN_FLIGHT,
        send: (batch) => post({ type: 'chunk', bytes: batch }, [batch]),
      });
      packageFlow = batcher;
      const pool = startMinutesPool();
      const result = await buildInspectionPackage(
        {
          dataset,
          options: { ...request.options, ruleSettings },
          appVersion: request.appVersion,
          generatedAt: request.generatedAt,
          attachments,
          loadAttachment: (id) => loadAttachmentBytes(database, id),
        },
        (chunk) => batcher.write(chunk),
        (fraction, stage) => progress(5 + fraction * 93, `${stage}…`),
        { renderMinutes: pool.render },
      ).finally(pool.close);
      await batcher.flush();
      progress(100, '生成完成');
      post({ type: 'packaged', size: result.size });
      return;
    }
    case 'verify': {
      const checks = [];
      for (const [index, file] of request.files.entries()) {
        progress((index / request.files.length) * 100, `正在校验 ${file.name}（${index + 1}/${request.files.length}）…`);
        checks.push(await checkPackage(file.name, new Uint8Array(file.bytes)));
      }
      progress(100, '校验完成');
      post({ type: 'checked', checks });
      return;
    }
  }
}

/** Answers one request with the database opened for it (only if it needs one) and closed afterwards. */
async function answer(request: LedgerExportRequest): Promise<void> {
  let database: BranchLedgerDatabase | undefined;
  try {
    await handle(request, () => (database ??= new BranchLedgerDatabase()));
  } finally {
    database?.close();
  }
}

scope.onmessage = (event: MessageEvent<LedgerExportRequest | LedgerExportControl>) => {
  if (event.data.type === 'chunkWritten') {
    packageFlow?.acknowledge();
    return;
  }
  const request = event.data;
  void answer(request).catch((error: unknown) => {
    // Our own messages are in Chinese; a library's are not shown.
    const detail = messageOf(error, '请重试；若一再出现，请先备份数据后联系维护人员');
    post({ type: 'error', message: `${request.type === 'verify' ? '校验' : '生成'}失败：${detail}` });
  });
};
