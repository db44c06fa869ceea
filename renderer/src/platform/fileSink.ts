/**
 * The two FileSink implementations. Pure apart from the Blob/URL/document calls of the browser download, so both
 * are tested in Node (the browser one with happy-dom).
 */
import { MAX_STREAM_CHUNK_BYTES, type BranchLedgerApi } from '@shared/ipc';
import type { FileSink, SaveFileResult } from './types';

type SinkState = 'open' | 'closing' | 'closed' | 'aborted' | 'failed';

/**
 * Runs every operation after the previous one (a caller that does not await still gets its chunks in order) and
 * keeps the state: writes after close/abort/failure are refused, abort never throws.
 */
function serializedSink(target: {
  write(chunk: Uint8Array): Promise<void>;
  close(): Promise<SaveFileResult>;
  abort(): Promise<void>;
}): FileSink {
  let state: SinkState = 'open';
  let tail: Promise<unknown> = Promise.resolve();
  const enqueue = <T>(operation: () => Promise<T>): Promise<T> => {
    const result = tail.then(operation);
    tail = result.catch(() => undefined);
    return result;
  };
  return {
    write(chunk) {
      if (state !== 'open') {
        return Promise.reject(new Error(state === 'failed' ? '保存失败，文件已放弃' : '文件已关闭，不能再写入'));
      }
      return enqueue(async () => {
        if (state !== 'open' && state !== 'closing') {
          // Aborted (or failed) while this write waited its turn: it never starts.
          throw new Error(state === 'aborted' ? '保存已取消' : '保存失败，文件已放弃');
        }
        try {
          await target.write(chunk);
        } catch (error) {
          state = 'failed';
          throw error;
        }
      });
    },
    close() {
      if (state !== 'open') {
        return Promise.reject(new Error(state === 'failed' ? '保存失败，文件已放弃' : '文件已关闭'));
      }
      state = 'closing';
      return enqueue(async () => {
        if (state !== 'closing') {
          throw new Error(state === 'aborted' ? '保存已取消' : '保存失败，文件已放弃');
        }
        try {
          const result = await target.close();
          state = 'closed';
          return result;
        } catch (error) {
          state = 'failed';
          throw error;
        }
      });
    },
    async abort() {
      if (state === 'closed' || state === 'aborted') {
        return;
      }
      state = 'aborted';
      await enqueue(() => target.abort()).catch(() => undefined);
    },
  };
}

/** The bytes in an ArrayBuffer of their own: IPC clones a view's whole buffer, not just the view. */
function ownBytes(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
}

/** Electron: each chunk goes to main (split at the 64 MB message limit), which appends it to `<path>.partial`. */
export function createElectronFileSink(api: BranchLedgerApi, handle: string, chunkLimit = MAX_STREAM_CHUNK_BYTES): FileSink {
  return serializedSink({
    async write(chunk) {
      for (let start = 0; start < chunk.byteLength; start += chunkLimit) {
        const piece = chunk.byteLength <= chunkLimit ? chunk : chunk.subarray(start, start + chunkLimit);
        await api.writeSaveStream({ handle, chunk: ownBytes(piece) });
      }
    },
    async close() {
      const result = await api.closeSaveStream({ handle });
      return result.saved ? { saved: true, path: result.path } : { saved: false };
    },
    async abort() {
      await api.abortSaveStream({ handle });
    },
  });
}

/** Starts the browser's download of `blob` as `fileName`. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: Chromium reads the blob asynchronously after the click.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Browser: every chunk becomes a Blob part at once (Chromium keeps large blobs out of the JS heap, on disk when
 * needed), so the whole file never sits in one array; the download starts on close.
 */
export function createBrowserFileSink(fileName: string, type = 'application/octet-stream', download = downloadBlob): FileSink {
  let parts: Blob[] = [];
  return serializedSink({
    async write(chunk) {
      parts.push(new Blob([chunk as BlobPart])); // never a SharedArrayBuffer view, which Blob refuses
    },
    async close() {
      const blob = new Blob(parts, { type });
      parts = [];
      download(blob, fileName);
      return { saved: true };
    },
    async abort() {
      parts = [];
    },
  });
}
