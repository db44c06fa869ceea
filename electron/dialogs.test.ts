import { mkdtemp, readFile, rm, writeFile, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createBackupStore,
  openBackupFolder,
  openFilesWithDialog,
  retryWhileLocked,
  saveFileWithDialog,
  toOwnBytes,
  writeFileWithRetry,
  type DialogContext,
} from './dialogs';

let dir: string;
const noWait = { sleep: async () => undefined };

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'branch-ledger-dialogs-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function locked(code: string): Error {
  return Object.assign(new Error(`${code}: resource busy or locked`), { code });
}

function fakeContext(answers: { save?: string | null; open?: string[] | null }): DialogContext & {
  calls: { save: unknown[]; open: unknown[] };
} {
  const calls = { save: [] as unknown[], open: [] as unknown[] };
  const dialog = {
    showSaveDialog: async (...args: unknown[]) => {
      calls.save.push(args.at(-1));
      return answers.save ? { canceled: false, filePath: answers.save } : { canceled: true, filePath: '' };
    },
    showOpenDialog: async (...args: unknown[]) => {
      calls.open.push(args.at(-1));
      return answers.open ? { canceled: false, filePaths: answers.open } : { canceled: true, filePaths: [] };
    },
  };
  return { dialog: dialog, parent: null, defaultDir: dir, retry: noWait, calls };
}

describe('retryWhileLocked', () => {
  it.each(['EBUSY', 'EPERM', 'EACCES'])('retries %s with growing delays, then succeeds', async (code) => {
    const sleep = vi.fn(async () => undefined);
    let calls = 0;
    const result = await retryWhileLocked(
      async () => {
        calls += 1;
        if (calls < 3) {
          throw locked(code);
        }
        return 'written';
      },
      { sleep, delayMs: 100 },
    );
    expect(result).toBe('written');
    expect(calls).toBe(3);
    expect(sleep.mock.calls).toEqual([[100], [200]]);
  });

  it('gives up after the last attempt', async () => {
    const operation = vi.fn(async () => {
      throw locked('EBUSY');
    });
    await expect(retryWhileLocked(operation, { attempts: 4, ...noWait })).rejects.toThrow(/EBUSY/);
    expect(operation).toHaveBeenCalledTimes(4);
  });

  it('does not retry other errors', async () => {
    const operation = vi.fn(async () => {
      throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
    });
    await expect(retryWhileLocked(operation, noWait)).rejects.toThrow(/no space/);
    expect(operation).toHaveBeenCalledTimes(1);
  });
});

describe('writeFileWithRetry', () => {
  it('writes through a transient lock', async () => {
    const target = path.join(dir, 'a.bin');
    let failures = 2;
    await writeFileWithRetry(target, new Uint8Array([1, 2, 3]), {
      ...noWait,
      write: async (file, data) => {
        if (failures-- > 0) {
          throw locked('EBUSY');
        }
        await writeFile(file, data);
      },
    });
    expect([...(await readFile(target))]).toEqual([1, 2, 3]);
  });

  it('says in Chinese that the file is locked when it stays locked', async () => {
    await expect(
      writeFileWithRetry(path.join(dir, 'a.bin'), new Uint8Array(), {
        ...noWait,
        write: async () => {
          throw locked('EPERM');
        },
      }),
    ).rejects.toThrow(/文件被占用/);
  });
});

describe('toOwnBytes', () => {
  it('copies a view into a pooled buffer, keeps a whole buffer', () => {
    const pooled = Buffer.from('台账');
    const own = toOwnBytes(pooled);
    expect(own.byteOffset).toBe(0);
    expect(own.buffer.byteLength).toBe(own.byteLength);
    expect(Buffer.from(own).toString()).toBe('台账');
    const whole = new Uint8Array([1, 2]);
    expect(toOwnBytes(whole)).toBe(whole);
  });
});

describe('saveFileWithDialog', () => {
  it('writes where the user chose', async () => {
    const target = path.join(dir, '名册.xlsx');
    const context = fakeContext({ save: target });
    const result = await saveFileWithDialog(context, {
      suggestedName: '党员名册.xlsx',
      data: new TextEncoder().encode('台账'),
      filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }],
    });
    expect(result).toEqual({ saved: true, path: target });
    expect(await readFile(target, 'utf8')).toBe('台账');
    expect(context.calls.save[0]).toMatchObject({
      defaultPath: path.join(dir, '党员名册.xlsx'),
      filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }],
    });
  });

  it('writes nothing when cancelled', async () => {
    const result = await saveFileWithDialog(fakeContext({ save: null }), { suggestedName: 'a.txt', data: new Uint8Array(1) });
    expect(result).toEqual({ saved: false });
  });
});

describe('openFilesWithDialog', () => {
  it('reads the files the user picked', async () => {
    await writeFile(path.join(dir, '一.xlsx'), 'one');
    await writeFile(path.join(dir, '二.xlsx'), 'two');
    const context = fakeContext({ open: [path.join(dir, '一.xlsx'), path.join(dir, '二.xlsx')] });
    const files = await openFilesWithDialog(context, { multiple: true });
    expect(files.map((file) => [file.name, Buffer.from(file.data).toString()])).toEqual([
      ['一.xlsx', 'one'],
      ['二.xlsx', 'two'],
    ]);
    expect(context.calls.open[0]).toMatchObject({ properties: ['openFile', 'multiSelections'] });
  });

  it('returns nothing when cancelled', async () => {
    expect(await openFilesWithDialog(fakeContext({ open: null }), {})).toEqual([]);
  });
});

describe('createBackupStore', () => {
  it('writes, lists newest first, reads and deletes backups', async () => {
    const store = createBackupStore(path.join(dir, 'backups'), noWait);
    expect(await store.list()).toEqual([]);
    const first = await store.write('备份-1.json', new TextEncoder().encode('{"a":1}'));
    expect(first).toMatchObject({ name: '备份-1.json', size: 7 });
    await store.write('备份-2.json', new TextEncoder().encode('{}'));
    const old = new Date('2024-01-01T00:00:00Z');
    await utimes(path.join(dir, 'backups', '备份-1.json'), old, old);
    expect((await store.list()).map((entry) => entry.name)).toEqual(['备份-2.json', '备份-1.json']);
    expect(Buffer.from(await store.read('备份-1.json')).toString()).toBe('{"a":1}');
    expect(await store.remove('备份-1.json')).toBe(true);
    expect(await store.remove('备份-1.json')).toBe(false);
    expect((await store.list()).map((entry) => entry.name)).toEqual(['备份-2.json']);
  });

  it('replaces a backup of the same name and leaves no partial file', async () => {
    const store = createBackupStore(path.join(dir, 'backups'), noWait);
    await store.write('b.json', new Uint8Array([1]));
    await store.write('b.json', new Uint8Array([2, 2]));
    expect([...(await store.read('b.json'))]).toEqual([2, 2]);
    expect((await store.list()).map((entry) => entry.name)).toEqual(['b.json']);
  });

  it.each(['../escape.json', '..', 'a/b.json', 'a\\b.json', '.hidden', 'x.json.partial', ''])(
    'refuses the name %j',
    async (name) => {
      const store = createBackupStore(path.join(dir, 'backups'), noWait);
      await expect(store.write(name, new Uint8Array())).rejects.toThrow(/备份文件名不合法/);
      await expect(store.read(name)).rejects.toThrow(/备份文件名不合法/);
      await expect(store.remove(name)).rejects.toThrow(/备份文件名不合法/);
    },
  );
});

describe('openBackupFolder', () => {
  it('creates the folder and opens it; reports the system error otherwise', async () => {
    const backups = path.join(dir, 'backups');
    const openPath = vi.fn(async () => '');
    expect(await openBackupFolder({ openPath }, backups)).toEqual({ opened: true });
    expect(openPath).toHaveBeenCalledWith(backups);
    expect(await store_exists(backups)).toBe(true);
    expect(await openBackupFolder({ openPath: async () => 'No application' }, backups)).toEqual({
      opened: false,
      error: 'No application',
    });
  });
});

async function store_exists(folder: string): Promise<boolean> {
  return (await import('node:fs')).existsSync(folder);
}
