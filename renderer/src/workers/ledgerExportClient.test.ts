import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CancelledError } from '@shared/errors';
import { packageInWorker, type LedgerExportResponse } from './ledgerExportClient';

/** Stands in for the export worker: the test plays its messages; what the page sends is recorded. */
class FakeWorker {
  static last: FakeWorker;
  onmessage: ((event: MessageEvent<LedgerExportResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  readonly received: unknown[] = [];
  terminated = false;
  constructor() {
    FakeWorker.last = this;
  }
  postMessage(message: unknown) {
    this.received.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  emit(message: LedgerExportResponse) {
    this.onmessage?.({ data: message } as MessageEvent<LedgerExportResponse>);
  }
  chunk(...values: number[]) {
    this.emit({ type: 'chunk', bytes: new Uint8Array(values).buffer });
  }
  acks() {
    return this.received.filter((message) => (message as { type: string }).type === 'chunkWritten').length;
  }
}

beforeEach(() => {
  vi.stubGlobal('Worker', FakeWorker);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

const options = { period: { start: '2025-01-01', end: '2025-12-31', label: '2025年度' }, generatedOn: '2025-12-31' };

function start(sink: (chunk: Uint8Array) => Promise<void>) {
  const progress: number[] = [];
  const job = packageInWorker('branch-1', options, '0.1.0', '2025-12-31T10:00:00+08:00', sink, (percent) => progress.push(percent));
  return { job, worker: FakeWorker.last, progress };
}

/** A sink whose writes finish only when the test says so. */
function slowSink() {
  const written: number[][] = [];
  const gates: (() => void)[] = [];
  const sink = vi.fn(
    (chunk: Uint8Array) =>
      new Promise<void>((resolve) => {
        gates.push(() => {
          written.push([...chunk]);
          resolve();
        });
      }),
  );
  return { sink, written, gates };
}

describe('packageInWorker', () => {
  it('asks for the package, writes the chunks in order one at a time, acknowledges each, and resolves after the last write', async () => {
    const { sink, written, gates } = slowSink();
    const { job, worker, progress } = start(sink);
    expect(worker.received[0]).toMatchObject({ type: 'package', branchId: 'branch-1' });
    worker.emit({ type: 'progress', percent: 40, stage: '正在生成…' });
    worker.chunk(1, 2);
    worker.chunk(3);
    let resolved = false;
    void job.promise.then(() => {
      resolved = true;
    });
    await vi.waitFor(() => expect(sink).toHaveBeenCalledTimes(1));
    // The second chunk waits for the first write.
    expect(worker.acks()).toBe(0);
    gates[0]();
    await vi.waitFor(() => expect(sink).toHaveBeenCalledTimes(2));
    expect(worker.acks()).toBe(1);
    // The worker is done once it has posted the last chunk; the page still has to write it.
    worker.emit({ type: 'packaged', size: 3 });
    await Promise.resolve();
    expect(resolved).toBe(false);
    gates[1]();
    await expect(job.promise).resolves.toEqual({ size: 3 });
    expect(written).toEqual([[1, 2], [3]]);
    expect(progress).toEqual([40]);
    expect(worker.terminated).toBe(true);
  });

  it('stops the worker and rejects with the sink’s error when a write fails', async () => {
    const sink = vi.fn(async () => {
      throw new Error('写入文件失败（磁盘空间不足）：D:\\包.zip');
    });
    const { job, worker } = start(sink);
    worker.chunk(1);
    worker.chunk(2);
    await expect(job.promise).rejects.toThrow(/磁盘空间不足/);
    expect(worker.terminated).toBe(true);
    expect(sink).toHaveBeenCalledTimes(1);
    expect(worker.acks()).toBe(0);
  });

  it('cancel terminates the worker, rejects with CancelledError and writes nothing more', async () => {
    const { sink, gates } = slowSink();
    const { job, worker } = start(sink);
    worker.chunk(1);
    worker.chunk(2);
    await vi.waitFor(() => expect(sink).toHaveBeenCalledTimes(1));
    job.cancel();
    await expect(job.promise).rejects.toBeInstanceOf(CancelledError);
    expect(worker.terminated).toBe(true);
    gates[0]();
    worker.chunk(3);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(sink).toHaveBeenCalledTimes(1);
  });

  it('cancel after the worker finished but before the last write still cancels', async () => {
    const { sink, gates } = slowSink();
    const { job, worker } = start(sink);
    worker.chunk(1);
    worker.chunk(2);
    worker.emit({ type: 'packaged', size: 2 });
    await vi.waitFor(() => expect(sink).toHaveBeenCalledTimes(1));
    job.cancel();
    gates[0]();
    await expect(job.promise).rejects.toBeInstanceOf(CancelledError);
    expect(sink).toHaveBeenCalledTimes(1);
  });

  it('passes on the worker’s error message', async () => {
    const { job, worker } = start(async () => undefined);
    worker.emit({ type: 'error', message: '生成失败：附件缺失' });
    await expect(job.promise).rejects.toThrow('生成失败：附件缺失');
  });
});
