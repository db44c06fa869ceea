import { existsSync } from 'node:fs';
import { mkdtemp, open, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_STREAM_CHUNK_BYTES } from '@shared/ipc';
import type { DialogContext } from './dialogs';
import { createSaveStreams, SaveStreamRefusedError, STREAM_PARTIAL_SUFFIX, type StreamOwner } from './save-streams';

let dir: string;
const noWait = { sleep: async () => undefined };

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'branch-ledger-streams-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A dialog that answers `answer` (null: cancelled) and records what it was asked. */
function dialogAnswering(answer: string | null): DialogContext & { asked: unknown[] } {
  const asked: unknown[] = [];
  const dialog = {
    showSaveDialog: async (...args: unknown[]) => {
      asked.push(args.at(-1));
      return answer ? { canceled: false, filePath: answer } : { canceled: true, filePath: '' };
    },
    showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
  };
  return { dialog: dialog, parent: null, defaultDir: dir, retry: noWait, asked };
}

/** A page: `goAway()` plays the window closing (or crashing, or reloading). */
function fakeOwner(id: number): StreamOwner & { goAway(): void; listeners: (() => void)[] } {
  const listeners: (() => void)[] = [];
  let gone = false;
  return {
    id,
    listeners,
    isGone: () => gone,
    onGone: (listener) => listeners.push(listener),
    goAway() {
      gone = true;
      for (const listener of listeners) {
        listener();
      }
    },
  };
}

const request = { suggestedName: '一支部_2025年度_党建台账.zip', filters: [{ name: '检查材料包', extensions: ['zip'] }] };

function bytes(...values: number[]): Uint8Array {
  return new Uint8Array(values);
}

async function opened(streams: ReturnType<typeof createSaveStreams>, owner: StreamOwner, target: string) {
  const { handle } = await streams.open(dialogAnswering(target), request, owner);
  expect(handle).toMatch(/^[0-9a-f]{32}$/);
  return handle as string;
}

describe('save streams', () => {
  it('asks through the save dialog, appends chunks in order to a .partial file and renames it on close', async () => {
    const streams = createSaveStreams({ retry: noWait });
    const owner = fakeOwner(1);
    const target = path.join(dir, '材料包.zip');
    const context = dialogAnswering(target);
    const { handle } = await streams.open(context, request, owner);
    expect(context.asked).toEqual([
      expect.objectContaining({ defaultPath: path.join(dir, request.suggestedName), filters: request.filters }),
    ]);
    const partial = `${target}${STREAM_PARTIAL_SUFFIX}`;
    expect(existsSync(partial)).toBe(true);

    // Not awaited one by one: the order of arrival is the order in the file.
    const writes = [bytes(1, 2, 3), bytes(4), bytes(), bytes(5, 6)].map((chunk) => streams.write({ handle: handle!, chunk }, owner));
    const results = await Promise.all(writes);
    expect(results.map((result) => result.written)).toEqual([3, 4, 4, 6]);
    expect(existsSync(target)).toBe(false);
    expect([...(await readFile(partial))]).toEqual([1, 2, 3, 4, 5, 6]);

    await expect(streams.close({ handle: handle! }, owner)).resolves.toEqual({ saved: true, path: target });
    expect([...(await readFile(target))]).toEqual([1, 2, 3, 4, 5, 6]);
    expect(existsSync(partial)).toBe(false);
    expect(streams.openHandles()).toEqual([]);
    // The handle is spent.
    await expect(streams.write({ handle: handle!, chunk: bytes(7) }, owner)).rejects.toBeInstanceOf(SaveStreamRefusedError);
  });

  it('writes large chunks completely and replaces a file the user chose to overwrite', async () => {
    const streams = createSaveStreams({ retry: noWait });
    const owner = fakeOwner(1);
    const target = path.join(dir, '已有.zip');
    await writeFile(target, 'old contents');
    const handle = await opened(streams, owner, target);
    const big = new Uint8Array(3 * 1024 * 1024).map((_, index) => index % 251);
    await streams.write({ handle, chunk: big }, owner);
    await streams.write({ handle, chunk: big.subarray(0, 1000) }, owner);
    await streams.close({ handle }, owner);
    const written = await readFile(target);
    expect(written.byteLength).toBe(big.byteLength + 1000);
    expect(written.subarray(0, big.byteLength).equals(big)).toBe(true);
    expect(written.subarray(big.byteLength).equals(big.subarray(0, 1000))).toBe(true);
  });

  it('never writes outside the path the user chose: a suggested name with folders stays a bare name in the dialog', async () => {
    const streams = createSaveStreams({ retry: noWait });
    const owner = fakeOwner(1);
    const outside = path.join(dir, '..', `outside-${path.basename(dir)}.zip`);
    const cases: [string, string][] = [
      ['../../evil.zip', 'evil.zip'],
      ['..\\..\\evil.zip', 'evil.zip'],
      ['/tmp/abs-evil.zip', 'abs-evil.zip'],
      ['C:\\Windows\\evil.zip', 'evil.zip'],
      ['..', '未命名'],
    ];
    for (const [suggestedName, shown] of cases) {
      const context = dialogAnswering(path.join(dir, 'chosen.zip'));
      const { handle } = await streams.open(context, { ...request, suggestedName }, owner);
      expect(context.asked).toEqual([expect.objectContaining({ defaultPath: path.join(dir, shown) })]);
      await streams.write({ handle: handle!, chunk: bytes(1, 2, 3) }, owner);
      await streams.close({ handle: handle! }, owner);
    }
    expect(await readdir(dir)).toEqual(['chosen.zip']);
    expect(existsSync(outside)).toBe(false);
    expect(existsSync('/tmp/abs-evil.zip')).toBe(false);
  });

  it('returns a null handle and creates nothing when the dialog is cancelled', async () => {
    const streams = createSaveStreams({ retry: noWait });
    await expect(streams.open(dialogAnswering(null), request, fakeOwner(1))).resolves.toEqual({ handle: null });
    expect(await readdir(dir)).toEqual([]);
    expect(streams.openHandles()).toEqual([]);
  });

  it('deletes the partial file on abort, keeps an existing file of that name, and refuses the handle afterwards', async () => {
    const streams = createSaveStreams({ retry: noWait });
    const owner = fakeOwner(1);
    const target = path.join(dir, '已有.zip');
    await writeFile(target, 'old contents');
    const handle = await opened(streams, owner, target);
    await streams.write({ handle, chunk: bytes(1, 2, 3) }, owner);
    await expect(streams.abort({ handle }, owner)).resolves.toEqual({ aborted: true });
    expect(await readdir(dir)).toEqual(['已有.zip']);
    expect(await readFile(target, 'utf8')).toBe('old contents');
    await expect(streams.write({ handle, chunk: bytes(4) }, owner)).rejects.toThrow(/unknown or finished handle/);
    await expect(streams.close({ handle }, owner)).rejects.toThrow(/unknown or finished handle/);
    // Aborting twice is harmless: the renderer aborts after failures without knowing whether main already did.
    await expect(streams.abort({ handle }, owner)).resolves.toEqual({ aborted: false });
  });

  it('aborts after writes still in flight and leaves no file', async () => {
    const streams = createSaveStreams({ retry: noWait });
    const owner = fakeOwner(1);
    const handle = await opened(streams, owner, path.join(dir, '包.zip'));
    const writes = [1, 2, 3].map((value) => streams.write({ handle, chunk: new Uint8Array(1024 * 1024).fill(value) }, owner));
    const aborted = streams.abort({ handle }, owner);
    await Promise.allSettled(writes);
    await expect(aborted).resolves.toEqual({ aborted: true });
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses a handle from another page and leaves the stream intact', async () => {
    const streams = createSaveStreams({ retry: noWait });
    const owner = fakeOwner(1);
    const stranger = fakeOwner(2);
    const target = path.join(dir, '包.zip');
    const handle = await opened(streams, owner, target);
    await streams.write({ handle, chunk: bytes(1) }, owner);
    await expect(streams.write({ handle, chunk: bytes(66) }, stranger)).rejects.toThrow(/another page/);
    await expect(streams.close({ handle }, stranger)).rejects.toThrow(/another page/);
    await expect(streams.abort({ handle }, stranger)).rejects.toThrow(/another page/);
    expect(streams.openHandles()).toEqual([handle]);
    await streams.write({ handle, chunk: bytes(2) }, owner);
    await streams.close({ handle }, owner);
    expect([...(await readFile(target))]).toEqual([1, 2]);
  });

  it('refuses an unknown handle', async () => {
    const streams = createSaveStreams({ retry: noWait });
    const owner = fakeOwner(1);
    const unknown = 'ffffffffffffffffffffffffffffffff';
    await expect(streams.write({ handle: unknown, chunk: bytes(1) }, owner)).rejects.toBeInstanceOf(SaveStreamRefusedError);
    await expect(streams.close({ handle: unknown }, owner)).rejects.toBeInstanceOf(SaveStreamRefusedError);
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses a chunk over 64 MB without writing any of it', async () => {
    const streams = createSaveStreams({ retry: noWait });
    const owner = fakeOwner(1);
    const target = path.join(dir, '包.zip');
    const handle = await opened(streams, owner, target);
    await streams.write({ handle, chunk: bytes(9) }, owner);
    const oversized = new Uint8Array(MAX_STREAM_CHUNK_BYTES + 1);
    await expect(streams.write({ handle, chunk: oversized }, owner)).rejects.toThrow(/exceeds/);
    await streams.close({ handle }, owner);
    expect([...(await readFile(target))]).toEqual([9]);
  });

  it('refuses writes once close has begun', async () => {
    const streams = createSaveStreams({ retry: noWait });
    const owner = fakeOwner(1);
    const target = path.join(dir, '包.zip');
    const handle = await opened(streams, owner, target);
    await streams.write({ handle, chunk: bytes(1) }, owner);
    const closing = streams.close({ handle }, owner);
    await expect(streams.write({ handle, chunk: bytes(2) }, owner)).rejects.toThrow(/being closed/);
    await closing;
    expect([...(await readFile(target))]).toEqual([1]);
  });

  it('deletes the partial files of a page that goes away, and only those', async () => {
    const streams = createSaveStreams({ retry: noWait });
    const page = fakeOwner(1);
    const other = fakeOwner(2);
    const first = await opened(streams, page, path.join(dir, '一.zip'));
    const second = await opened(streams, page, path.join(dir, '二.zip'));
    const others = await opened(streams, other, path.join(dir, '三.zip'));
    // One listener per page, however many streams it opened.
    expect(page.listeners).toHaveLength(1);
    await streams.write({ handle: first, chunk: bytes(1) }, page);
    page.goAway();
    expect(streams.openHandles()).toEqual([others]);
    expect((await readdir(dir)).sort()).toEqual([`三.zip${STREAM_PARTIAL_SUFFIX}`]);
    await expect(streams.write({ handle: second, chunk: bytes(1) }, page)).rejects.toThrow(/unknown or finished/);
    await streams.close({ handle: others }, other);
    expect(await readdir(dir)).toEqual(['三.zip']);
  });

  it('discards the file when the page went away while the dialog was open', async () => {
    const streams = createSaveStreams({ retry: noWait });
    const owner = fakeOwner(1);
    owner.goAway();
    await expect(streams.open(dialogAnswering(path.join(dir, '包.zip')), request, owner)).rejects.toThrow(/went away/);
    expect(await readdir(dir)).toEqual([]);
    expect(streams.openHandles()).toEqual([]);
  });

  it('discardAll (app quitting) deletes every partial file', async () => {
    const streams = createSaveStreams({ retry: noWait });
    await opened(streams, fakeOwner(1), path.join(dir, '一.zip'));
    await opened(streams, fakeOwner(2), path.join(dir, '二.zip'));
    streams.discardAll();
    expect(await readdir(dir)).toEqual([]);
    expect(streams.openHandles()).toEqual([]);
  });

  it('limits how many streams one page keeps open, before showing a dialog', async () => {
    const streams = createSaveStreams({ retry: noWait, maxOpenPerOwner: 2 });
    const owner = fakeOwner(1);
    await opened(streams, owner, path.join(dir, '一.zip'));
    await opened(streams, owner, path.join(dir, '二.zip'));
    const context = dialogAnswering(path.join(dir, '三.zip'));
    await expect(streams.open(context, request, owner)).rejects.toThrow(/同时保存的文件过多/);
    expect(context.asked).toEqual([]);
    // Another page is not affected.
    await opened(streams, fakeOwner(2), path.join(dir, '四.zip'));
  });

  it('says in Chinese where it could not create the file, and keeps no handle', async () => {
    const streams = createSaveStreams({ retry: noWait });
    const target = path.join(dir, '不存在的文件夹', '包.zip');
    await expect(streams.open(dialogAnswering(target), request, fakeOwner(1))).rejects.toThrow(/创建文件失败（文件夹不存在）/);
    expect(streams.openHandles()).toEqual([]);
  });

  it('retries the final rename while the file is locked, then gives the file its name', async () => {
    const sleep = vi.fn(async () => undefined);
    let renames = 0;
    const streams = createSaveStreams({
      retry: { sleep },
      fileSystem: {
        openForWriting: (filePath) => open(filePath, 'w'),
        rename: async (from, to) => {
          renames += 1;
          if (renames < 3) {
            throw Object.assign(new Error('EBUSY: resource busy or locked'), { code: 'EBUSY' });
          }
          await rename(from, to);
        },
      },
    });
    const owner = fakeOwner(1);
    const target = path.join(dir, '包.zip');
    const handle = await opened(streams, owner, target);
    await streams.write({ handle, chunk: bytes(1, 2) }, owner);
    await expect(streams.close({ handle }, owner)).resolves.toEqual({ saved: true, path: target });
    expect(sleep).toHaveBeenCalledTimes(2);
    expect(await readdir(dir)).toEqual(['包.zip']);
    expect([...(await readFile(target))]).toEqual([1, 2]);
  });

  it('deletes the partial file when the rename keeps failing, saying so in Chinese', async () => {
    const streams = createSaveStreams({
      retry: { sleep: async () => undefined, attempts: 2 },
      fileSystem: {
        openForWriting: (filePath) => open(filePath, 'w'),
        rename: async () => {
          throw Object.assign(new Error('EPERM: operation not permitted'), { code: 'EPERM' });
        },
      },
    });
    const owner = fakeOwner(1);
    const target = path.join(dir, '包.zip');
    const handle = await opened(streams, owner, target);
    await streams.write({ handle, chunk: bytes(1) }, owner);
    await expect(streams.close({ handle }, owner)).rejects.toThrow(/保存文件失败（文件被占用或没有写入权限）/);
    expect(await readdir(dir)).toEqual([]);
    expect(streams.openHandles()).toEqual([]);
  });

  it('discards the file when a write fails (disk full) and refuses the handle afterwards', async () => {
    let writes = 0;
    const streams = createSaveStreams({
      retry: noWait,
      fileSystem: {
        openForWriting: async (filePath) => {
          const file = await open(filePath, 'w');
          return {
            write: async (buffer, offset, length, position) => {
              writes += 1;
              if (writes === 2) {
                throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
              }
              return file.write(buffer, offset, length, position);
            },
            close: () => file.close(),
          };
        },
        rename: (from, to) => rename(from, to),
      },
    });
    const owner = fakeOwner(1);
    const target = path.join(dir, '包.zip');
    const handle = await opened(streams, owner, target);
    await streams.write({ handle, chunk: bytes(1) }, owner);
    await expect(streams.write({ handle, chunk: bytes(2) }, owner)).rejects.toThrow(/写入文件失败（磁盘空间不足）/);
    expect(await readdir(dir)).toEqual([]);
    await expect(streams.close({ handle }, owner)).rejects.toThrow(/unknown or finished/);
    await expect(streams.abort({ handle }, owner)).resolves.toEqual({ aborted: false });
  });
});
