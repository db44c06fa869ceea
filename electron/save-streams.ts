/**
 * Saves in pieces (file:stream:*), for files that may exceed one IPC message (an inspection package with many
 * photos). Main shows the save dialog, writes `<chosen path>.partial` chunk by chunk in the order they arrive,
 * renames it to the chosen path on close and deletes it on abort or when the page that opened it goes away, so
 * an unfinished file never sits under the user's name. Handles are random, name no path and belong to the page
 * (webContents) that opened them. No 'electron' import: the page is passed in as a `StreamOwner`.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import {
  MAX_STREAM_CHUNK_BYTES,
  type SaveFileResultPayload,
  type SaveStreamAbortResult,
  type SaveStreamHandlePayload,
  type SaveStreamOpenPayload,
  type SaveStreamOpenResult,
  type SaveStreamWritePayload,
  type SaveStreamWriteResult,
} from '@shared/ipc';
import { askSavePath, retryWhileLocked, type DialogContext, type RetryOptions } from './dialogs';
import { errorCode } from '@shared/errors';

/** The page a stream belongs to (in main: the sender webContents). */
export interface StreamOwner {
  /** webContents.id: unique for the life of the app. */
  readonly id: number;
  /** True once the page is gone (webContents destroyed). */
  isGone(): boolean;
  /** Registers `listener` for the page going away: closed, crashed or reloaded. Called once per owner. */
  onGone(listener: () => void): void;
}

/** Suffix of the file being written; it gets the chosen name only when complete. */
export const STREAM_PARTIAL_SUFFIX = '.partial';
/** Streams one page may have open at a time (a package is one; a handful covers retries after errors). */
export const MAX_OPEN_STREAMS_PER_OWNER = 4;

export class SaveStreamRefusedError extends Error {
  constructor(operation: string, reason: string) {
    super(`IPC file:stream:${operation} rejected: ${reason}`);
    this.name = 'SaveStreamRefusedError';
  }
}

/** The part of fs.promises.FileHandle used here. */
export interface WritableFile {
  write(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesWritten: number }>;
  close(): Promise<void>;
}

/** File operations, replaceable in tests (a full disk, a locked file). */
export interface StreamFileSystem {
  openForWriting(filePath: string): Promise<WritableFile>;
  rename(from: string, to: string): Promise<void>;
}

const nodeFileSystem: StreamFileSystem = {
  openForWriting: (filePath) => open(filePath, 'w'),
  rename: (from, to) => rename(from, to),
};

interface OpenStream {
  readonly handle: string;
  readonly ownerId: number;
  readonly target: string;
  readonly partial: string;
  readonly file: WritableFile;
  written: number;
  /** 'closing' and 'discarded' refuse further writes. */
  state: 'open' | 'closing' | 'discarded';
  /** Every operation on the file chains here, so chunks land in the order they arrived. */
  tail: Promise<void>;
}

export interface SaveStreamsOptions {
  retry?: RetryOptions;
  /** Random 128-bit hex by default; tests may pass their own. */
  newHandle?: () => string;
  maxOpenPerOwner?: number;
  fileSystem?: StreamFileSystem;
}

export interface SaveStreams {
  open(context: DialogContext, request: SaveStreamOpenPayload, owner: StreamOwner): Promise<SaveStreamOpenResult>;
  write(request: SaveStreamWritePayload, owner: StreamOwner): Promise<SaveStreamWriteResult>;
  close(request: SaveStreamHandlePayload, owner: StreamOwner): Promise<SaveFileResultPayload>;
  /** `aborted: false` when the handle is unknown (already finished or discarded after a failed write). */
  abort(request: SaveStreamHandlePayload, owner: StreamOwner): Promise<SaveStreamAbortResult>;
  /** Deletes every partial file still open (the app is quitting); synchronous so that it completes. */
  discardAll(): void;
  /** Handles currently open, for tests and logs. */
  openHandles(): string[];
}

function describeFailure(action: string, filePath: string, error: unknown): Error {
  const code = errorCode(error);
  const reason =
    code === 'ENOSPC'
      ? '磁盘空间不足'
      : code === 'EBUSY' || code === 'EPERM' || code === 'EACCES'
        ? '文件被占用或没有写入权限'
        : code === 'ENOENT'
          ? '文件夹不存在'
          : error instanceof Error
            ? error.message
            : String(error);
  return new Error(`${action}失败（${reason}）：${filePath}`, { cause: error });
}

export function createSaveStreams(options: SaveStreamsOptions = {}): SaveStreams {
  const retry = options.retry ?? {};
  const newHandle = options.newHandle ?? (() => randomBytes(16).toString('hex'));
  const maxOpen = options.maxOpenPerOwner ?? MAX_OPEN_STREAMS_PER_OWNER;
  const fs = options.fileSystem ?? nodeFileSystem;
  const streams = new Map<string, OpenStream>();
  const watched = new Set<number>();

  function ownedStream(operation: string, handle: string, owner: StreamOwner): OpenStream {
    const stream = streams.get(handle);
    if (stream === undefined) {
      throw new SaveStreamRefusedError(operation, 'unknown or finished handle');
    }
    if (stream.ownerId !== owner.id) {
      throw new SaveStreamRefusedError(operation, 'handle belongs to another page');
    }
    return stream;
  }

  /** Forgets the stream and deletes its partial file now (synchronously); the descriptor closes after pending work. */
  function discardNow(stream: OpenStream): void {
    stream.state = 'discarded';
    streams.delete(stream.handle);
    try {
      // libuv opens files with FILE_SHARE_DELETE: unlinking while open works on Windows too.
      rmSync(stream.partial, { force: true });
    } catch (error) {
      console.warn(`[branch-ledger] could not delete ${stream.partial}:`, error instanceof Error ? error.message : error);
    }
    void stream.tail.catch(() => undefined).then(() => stream.file.close().catch(() => undefined));
  }

  /** Forgets the stream, waits for the write in progress, closes and deletes the partial file. */
  async function discard(stream: OpenStream): Promise<void> {
    stream.state = 'discarded';
    streams.delete(stream.handle);
    await stream.tail.catch(() => undefined);
    await stream.file.close().catch(() => undefined);
    await retryWhileLocked(() => rm(stream.partial, { force: true }), retry);
  }

  function watch(owner: StreamOwner): void {
    if (watched.has(owner.id)) {
      return;
    }
    watched.add(owner.id);
    owner.onGone(() => {
      for (const stream of [...streams.values()]) {
        if (stream.ownerId === owner.id) {
          discardNow(stream);
        }
      }
    });
  }

  async function writeAll(stream: OpenStream, chunk: Uint8Array): Promise<void> {
    let offset = 0;
    while (offset < chunk.byteLength) {
      const { bytesWritten } = await stream.file.write(chunk, offset, chunk.byteLength - offset, stream.written + offset);
      offset += bytesWritten;
    }
    stream.written += chunk.byteLength;
  }

  return {
    async open(context, request, owner) {
      const mine = [...streams.values()].filter((stream) => stream.ownerId === owner.id).length;
      if (mine >= maxOpen) {
        throw new Error(`同时保存的文件过多（已有 ${mine} 个未完成），请等前面的保存完成后再试`);
      }
      const target = await askSavePath(context, request);
      if (target === null) {
        return { handle: null };
      }
      const partial = `${target}${STREAM_PARTIAL_SUFFIX}`;
      let file: WritableFile;
      try {
        file = await retryWhileLocked(() => fs.openForWriting(partial), retry);
      } catch (error) {
        throw describeFailure('创建文件', partial, error);
      }
      const handle = newHandle();
      const stream: OpenStream = { handle, ownerId: owner.id, target, partial, file, written: 0, state: 'open', tail: Promise.resolve() };
      streams.set(handle, stream);
      watch(owner);
      if (owner.isGone()) {
        // The window closed while the dialog was up: nobody will write or abort.
        discardNow(stream);
        throw new SaveStreamRefusedError('open', 'the page went away during the dialog');
      }
      return { handle };
    },

    async write(request, owner) {
      const stream = ownedStream('write', request.handle, owner);
      if (request.chunk.byteLength > MAX_STREAM_CHUNK_BYTES) {
        throw new SaveStreamRefusedError('write', `chunk of ${request.chunk.byteLength} bytes exceeds ${MAX_STREAM_CHUNK_BYTES}`);
      }
      if (stream.state !== 'open') {
        throw new SaveStreamRefusedError('write', 'the file is being closed');
      }
      const step = stream.tail.then(async () => {
        if (stream.state === 'discarded') {
          throw new Error(`保存已取消：${path.basename(stream.target)}`);
        }
        try {
          await writeAll(stream, request.chunk);
        } catch (error) {
          discardNow(stream);
          throw describeFailure('写入文件', stream.target, error);
        }
      });
      stream.tail = step.catch(() => undefined);
      await step;
      return { written: stream.written };
    },

    async close(request, owner) {
      const stream = ownedStream('close', request.handle, owner);
      if (stream.state !== 'open') {
        throw new SaveStreamRefusedError('close', 'the file is already being closed');
      }
      stream.state = 'closing';
      await stream.tail;
      if (!streams.has(stream.handle)) {
        // A write failed (and discarded the file) or the page went away meanwhile.
        throw new Error(`保存未完成，文件已删除：${stream.target}`);
      }
      streams.delete(stream.handle);
      try {
        await stream.file.close();
        await retryWhileLocked(() => fs.rename(stream.partial, stream.target), retry);
      } catch (error) {
        await rm(stream.partial, { force: true }).catch(() => undefined);
        throw describeFailure('保存文件', stream.target, error);
      }
      return { saved: true, path: stream.target };
    },

    async abort(request, owner) {
      const stream = streams.get(request.handle);
      if (stream === undefined) {
        return { aborted: false };
      }
      ownedStream('abort', request.handle, owner);
      await discard(stream);
      return { aborted: true };
    },

    discardAll() {
      for (const stream of [...streams.values()]) {
        discardNow(stream);
      }
    },

    openHandles() {
      return [...streams.keys()];
    },
  };
}
