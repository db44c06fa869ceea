import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { verifyPackagesInWorker } from './ledgerExportClient';
import { readInWorker, type LedgerImportResponse } from './ledgerImportClient';
import { READ_BUDGET, UNREADABLE_FILE } from './workerBudget';

/** Stands in for a worker: the test plays its messages, its death or its silence. */
class FakeWorker {
  static last: FakeWorker;
  onmessage: ((event: MessageEvent<LedgerImportResponse>) => void) | null = null;
  onerror: ((event: Partial<ErrorEvent>) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  terminated = false;
  constructor() {
    FakeWorker.last = this;
  }
  postMessage() {}
  terminate() {
    this.terminated = true;
  }
  emit(message: LedgerImportResponse) {
    this.onmessage?.({ data: message } as MessageEvent<LedgerImportResponse>);
  }
  die() {
    this.onerror?.({ message: 'Uncaught RangeError: Array buffer allocation failed', preventDefault: () => undefined });
  }
}

beforeEach(() => {
  vi.stubGlobal('Worker', FakeWorker);
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const read = () => readInWorker('花名册.xlsx', new Uint8Array([1, 2, 3]), { today: '2026-03-05', onProgress: () => undefined });

describe('a worker that dies or exceeds its budget', () => {
  it('reports a dead import worker as 文件过大或已损坏，无法读取 and terminates it', async () => {
    const job = read();
    FakeWorker.last.die();
    await expect(job.promise).rejects.toThrow(UNREADABLE_FILE);
    expect(FakeWorker.last.terminated).toBe(true);
  });

  it('ends an import worker that stays silent past its budget, but not one that keeps reporting progress', async () => {
    const busy = read();
    const worker = FakeWorker.last;
    for (let i = 0; i < 5; i += 1) {
      vi.advanceTimersByTime(READ_BUDGET.silenceMs - 1_000);
      worker.emit({ type: 'progress', percent: i, stage: '正在读取' });
    }
    expect(worker.terminated).toBe(false);
    vi.advanceTimersByTime(READ_BUDGET.silenceMs);
    await expect(busy.promise).rejects.toThrow(UNREADABLE_FILE);
    expect(worker.terminated).toBe(true);
  });

  it('ends a worker that runs past the whole budget even while it reports', async () => {
    const job = read();
    const worker = FakeWorker.last;
    const rejected = expect(job.promise).rejects.toThrow(UNREADABLE_FILE);
    for (let t = 0; t < READ_BUDGET.totalMs; t += 10_000) {
      vi.advanceTimersByTime(10_000);
      worker.emit({ type: 'progress', percent: 1, stage: '正在读取' });
    }
    await rejected;
  });

  it('reports a dead verify worker the same way', async () => {
    const job = verifyPackagesInWorker([{ name: '材料包.zip', data: new Uint8Array([1]) }], () => undefined);
    (FakeWorker.last).die();
    await expect(job.promise).rejects.toThrow(UNREADABLE_FILE);
  });
});
