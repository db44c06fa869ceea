import { describe, expect, it, vi } from 'vitest';
import type { BranchLedgerApi } from '@shared/ipc';
import { createBrowserFileSink, createElectronFileSink } from './fileSink';

async function bytesOf(blob: Blob): Promise<number[]> {
  return [...new Uint8Array(await blob.arrayBuffer())];
}

describe('browser file sink', () => {
  it('collects the chunks as Blob parts and downloads them as one file on close', async () => {
    const download = vi.fn<(blob: Blob, name: string) => void>();
    const sink = createBrowserFileSink('一支部_2025年度_党建台账.zip', 'application/zip', download);
    const first = new Uint8Array([1, 2, 3]);
    await sink.write(first);
    // The sink copied the bytes: the caller may reuse its array.
    first.fill(0);
    await sink.write(new Uint8Array([4]));
    await sink.write(new Uint8Array(new ArrayBuffer(8), 2, 2).fill(9));
    expect(download).not.toHaveBeenCalled();
    await expect(sink.close()).resolves.toEqual({ saved: true });
    expect(download).toHaveBeenCalledTimes(1);
    const [blob, name] = download.mock.calls[0];
    expect(name).toBe('一支部_2025年度_党建台账.zip');
    expect(blob.type).toBe('application/zip');
    expect(await bytesOf(blob)).toEqual([1, 2, 3, 4, 9, 9]);
    await expect(sink.write(new Uint8Array([5]))).rejects.toThrow(/已关闭/);
  });

  it('downloads nothing after abort and refuses further writes', async () => {
    const download = vi.fn();
    const sink = createBrowserFileSink('包.zip', undefined, download);
    await sink.write(new Uint8Array([1]));
    await sink.abort();
    await expect(sink.write(new Uint8Array([2]))).rejects.toThrow();
    await expect(sink.close()).rejects.toThrow();
    await sink.abort();
    expect(download).not.toHaveBeenCalled();
  });
});

/** A bridge that records what reaches main. */
function fakeApi(options: { failWriteAt?: number } = {}) {
  const calls: { method: string; handle: string; chunk?: number[]; size?: number; ownBuffer?: boolean }[] = [];
  let writes = 0;
  const api = {
    writeSaveStream: vi.fn(async ({ handle, chunk }: { handle: string; chunk: Uint8Array }) => {
      writes += 1;
      // Let other calls interleave if the sink did not serialise them.
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (writes === options.failWriteAt) {
        throw new Error('写入文件失败（磁盘空间不足）：/tmp/包.zip');
      }
      calls.push({
        method: 'write',
        handle,
        chunk: chunk.byteLength <= 16 ? [...chunk] : undefined,
        size: chunk.byteLength,
        ownBuffer: chunk.byteOffset === 0 && chunk.buffer.byteLength === chunk.byteLength,
      });
      return { written: 0 };
    }),
    closeSaveStream: vi.fn(async ({ handle }: { handle: string }) => {
      calls.push({ method: 'close', handle });
      return { saved: true, path: '/home/user/包.zip' };
    }),
    abortSaveStream: vi.fn(async ({ handle }: { handle: string }) => {
      calls.push({ method: 'abort', handle });
      return { aborted: true };
    }),
  };
  return { api: api as unknown as BranchLedgerApi, calls, raw: api };
}

const handle = '0123456789abcdef0123456789abcdef';

describe('electron file sink', () => {
  it('sends the chunks in call order, then closes, even when the caller does not await', async () => {
    const { api, calls } = fakeApi();
    const sink = createElectronFileSink(api, handle);
    const writes = [sink.write(new Uint8Array([1, 2])), sink.write(new Uint8Array([3])), sink.write(new Uint8Array([4, 5]))];
    const closed = sink.close();
    await Promise.all(writes);
    await expect(closed).resolves.toEqual({ saved: true, path: '/home/user/包.zip' });
    expect(calls.map((call) => [call.method, call.chunk])).toEqual([
      ['write', [1, 2]],
      ['write', [3]],
      ['write', [4, 5]],
      ['close', undefined],
    ]);
    expect(calls.every((call) => call.handle === handle)).toBe(true);
  });

  it('splits a chunk over the message limit and sends only the view’s bytes', async () => {
    const { api, calls } = fakeApi();
    const sink = createElectronFileSink(api, handle, 4);
    await sink.write(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
    // A view into a larger buffer: IPC would clone the whole buffer, so the sink sends a copy of the view.
    await sink.write(new Uint8Array([0, 0, 11, 12, 0]).subarray(2, 4));
    expect(calls.map((call) => call.chunk)).toEqual([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10], [11, 12]]);
    expect(calls.every((call) => call.ownBuffer)).toBe(true);
  });

  it('abort waits for the write in flight, drops writes still queued, reaches main once, and refuses later writes', async () => {
    const { api, calls, raw } = fakeApi();
    const sink = createElectronFileSink(api, handle);
    const inFlight = sink.write(new Uint8Array([1]));
    await vi.waitFor(() => expect(raw.writeSaveStream).toHaveBeenCalledTimes(1));
    const queued = sink.write(new Uint8Array([2]));
    await sink.abort();
    await expect(inFlight).resolves.toBeUndefined();
    await expect(queued).rejects.toThrow('保存已取消');
    await sink.abort();
    expect(calls.map((call) => [call.method, call.chunk])).toEqual([
      ['write', [1]],
      ['abort', undefined],
    ]);
    await expect(sink.write(new Uint8Array([3]))).rejects.toThrow();
    await expect(sink.close()).rejects.toThrow();
  });

  it('after a failed write, refuses close and still lets abort clean up without throwing', async () => {
    const { api, calls } = fakeApi({ failWriteAt: 2 });
    const sink = createElectronFileSink(api, handle);
    await sink.write(new Uint8Array([1]));
    await expect(sink.write(new Uint8Array([2]))).rejects.toThrow(/磁盘空间不足/);
    await expect(sink.close()).rejects.toThrow(/保存失败/);
    await expect(sink.abort()).resolves.toBeUndefined();
    expect(calls.map((call) => call.method)).toEqual(['write', 'abort']);
  });

  it('abort never throws, even when main refuses', async () => {
    const { api, raw } = fakeApi();
    raw.abortSaveStream.mockRejectedValueOnce(new Error('gone'));
    const sink = createElectronFileSink(api, handle);
    await expect(sink.abort()).resolves.toBeUndefined();
  });
});
