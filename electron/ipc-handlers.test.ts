import { describe, expect, it, vi } from 'vitest';
import { ZodError } from 'zod';
import { IPC_CHANNELS, MAX_STREAM_CHUNK_BYTES, type IpcChannel, type IpcPayload, type IpcResult } from '@shared/ipc';
import {
  createValidatedHandler,
  IpcSenderRejectedError,
  registerIpcHandlers,
  type IpcHandlers,
  type IpcSenderEvent,
} from './ipc-handlers';

interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

function eventFrom(url: string, parent: FakeFrame | null = null): IpcSenderEvent {
  return { senderFrame: { url, parent } };
}

const trusted = eventFrom('app://bundle/index.html#/members');
const bytes = new Uint8Array([0xe5, 0x8f, 0xb0]);
const handle = '0123456789abcdef0123456789abcdef';

/** One valid payload per channel… */
const validPayloads: { [C in IpcChannel]: IpcPayload<C> } = {
  'file:save': { suggestedName: '党员名册.xlsx', data: bytes, filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }] },
  'file:open': { multiple: true, filters: [{ name: 'Excel 工作簿', extensions: ['xlsx', 'xls'] }] },
  'file:stream:open': { suggestedName: '一支部_2025年度_党建台账.zip', filters: [{ name: '检查材料包', extensions: ['zip'] }] },
  'file:stream:write': { handle, chunk: bytes },
  'file:stream:close': { handle },
  'file:stream:abort': { handle },
  'backup:write': { name: '备份-2024-05-01.json', data: bytes },
  'backup:list': undefined,
  'backup:read': { name: '备份-2024-05-01.json' },
  'backup:delete': { name: '备份-2024-05-01.json' },
  'backup:openFolder': undefined,
  'app:info': undefined,
};

/** …several invalid ones… */
const invalidPayloads: { [C in IpcChannel]: unknown[] } = {
  'file:save': [
    undefined,
    {},
    { suggestedName: '../../etc/passwd', data: bytes },
    { suggestedName: 'a.xlsx', data: 'not bytes' },
    { suggestedName: 'a.xlsx', data: [1, 2, 3] },
    { suggestedName: 'a.xlsx', data: bytes, path: '/tmp/a.xlsx' },
    { suggestedName: 'a.xlsx', data: bytes, filters: [{ name: 'x', extensions: ['../x'] }] },
  ],
  'file:open': [undefined, { multiple: 'yes' }, { defaultPath: '/etc' }, { filters: 'xlsx' }],
  'file:stream:open': [
    undefined,
    { suggestedName: '../包.zip' },
    { suggestedName: '包.zip', data: bytes },
    { suggestedName: '包.zip', path: '/tmp/包.zip' },
  ],
  'file:stream:write': [
    { handle, chunk: [1, 2] },
    { handle, chunk: 'abc' },
    { handle: '../x', chunk: bytes },
    { handle: handle.toUpperCase(), chunk: bytes },
    { handle, chunk: bytes, offset: 0 },
    { chunk: bytes },
  ],
  'file:stream:close': [undefined, {}, { handle: 'abc' }, { handle, path: '/tmp/x' }],
  'file:stream:abort': [undefined, { handle: 42 }, { handle: `${handle}0` }],
  'backup:write': [{ name: 'a/b.json', data: bytes }, { name: '..', data: bytes }, { name: 'a.json' }, 'a.json'],
  'backup:list': [{}, 'x', null],
  'backup:read': [{ name: '../userData/window-state.json' }, { name: 'C:\\x' }, {}, undefined],
  'backup:delete': [{ name: '..\\..\\x' }, { name: '' }, undefined],
  'backup:openFolder': [{}, '/etc', { path: '/tmp' }],
  'app:info': [{}, 1],
};

/** …and a result the handler may return. */
const validResults: { [C in IpcChannel]: IpcResult<C> } = {
  'file:save': { saved: true, path: '/home/user/党员名册.xlsx' },
  'file:open': [{ name: '名册.xlsx', data: bytes }],
  'file:stream:open': { handle },
  'file:stream:write': { written: 3 },
  'file:stream:close': { saved: true, path: '/home/user/一支部_2025年度_党建台账.zip' },
  'file:stream:abort': { aborted: true },
  'backup:write': { name: '备份.json', size: 3, modifiedAt: '2024-05-01T10:00:00.000Z' },
  'backup:list': [],
  'backup:read': bytes,
  'backup:delete': { deleted: true },
  'backup:openFolder': { opened: true },
  'app:info': {
    name: '支部台账',
    version: '0.1.0',
    electron: '45.5.0',
    chrome: '140.0',
    node: '22.0',
    platform: 'linux',
    arch: 'x64',
    packaged: false,
    backupDir: '/tmp/backups',
  },
};

describe('sender check', () => {
  it('calls the handler for the main frame of app://bundle', async () => {
    const handler = vi.fn(async () => ({ saved: false }));
    const wrapped = createValidatedHandler('file:save', handler);
    await expect(wrapped(trusted, validPayloads['file:save'])).resolves.toEqual({ saved: false });
    expect(handler).toHaveBeenCalledWith(validPayloads['file:save'], trusted);
  });

  it.each([
    'https://example.com/',
    'http://127.0.0.1:4173/index.html',
    'file:///tmp/index.html',
    'app://evil/index.html',
    'devtools://devtools/bundled/inspector.html',
    'about:blank',
    '',
  ])('rejects a sender at %s', async (url) => {
    const handler = vi.fn(async () => ({ saved: false }));
    const wrapped = createValidatedHandler('file:save', handler);
    await expect(wrapped(eventFrom(url), validPayloads['file:save'])).rejects.toBeInstanceOf(IpcSenderRejectedError);
    expect(handler).not.toHaveBeenCalled();
  });

  it('rejects a trusted URL in a sub-frame', async () => {
    const handler = vi.fn(async () => ({ saved: false }));
    const wrapped = createValidatedHandler('file:save', handler);
    const subFrame = eventFrom('app://bundle/index.html', { url: 'app://bundle/index.html', parent: null });
    await expect(wrapped(subFrame, validPayloads['file:save'])).rejects.toThrow(/not the main frame/);
    expect(handler).not.toHaveBeenCalled();
  });

  it('rejects an event whose frame is gone', async () => {
    const handler = vi.fn(async () => ({ saved: false }));
    const wrapped = createValidatedHandler('file:save', handler);
    await expect(wrapped({ senderFrame: null }, validPayloads['file:save'])).rejects.toThrow(/frame is gone/);
    expect(handler).not.toHaveBeenCalled();
  });

  it('rejects extra arguments', async () => {
    const handler = vi.fn(async () => validResults['backup:list']);
    const wrapped = createValidatedHandler('backup:list', handler);
    await expect(wrapped(trusted, undefined, 'extra')).rejects.toThrow(/at most one payload/);
    expect(handler).not.toHaveBeenCalled();
  });
});

describe.each(IPC_CHANNELS)('channel %s', (channel) => {
  it('passes a valid payload to the handler and returns its result', async () => {
    const handler = vi.fn(async () => validResults[channel]);
    const wrapped = createValidatedHandler(channel, handler);
    await expect(wrapped(trusted, validPayloads[channel])).resolves.toEqual(validResults[channel]);
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('rejects invalid payloads with a ZodError before the handler runs', async () => {
    const handler = vi.fn(async () => validResults[channel]);
    const wrapped = createValidatedHandler(channel, handler);
    for (const payload of invalidPayloads[channel]) {
      await expect(wrapped(trusted, payload), JSON.stringify(payload) ?? 'undefined').rejects.toBeInstanceOf(ZodError);
    }
    expect(handler).not.toHaveBeenCalled();
  });

  it('refuses to return a result outside the contract', async () => {
    const wrapped = createValidatedHandler(channel, (async () => ({ unexpected: 'leak' })) as never);
    await expect(wrapped(trusted, validPayloads[channel])).rejects.toBeInstanceOf(ZodError);
  });
});

describe('file:stream:write', () => {
  it('refuses a chunk one byte over 64 MB before the handler runs, and accepts exactly 64 MB', async () => {
    const handler = vi.fn(async () => validResults['file:stream:write']);
    const wrapped = createValidatedHandler('file:stream:write', handler);
    const limit = MAX_STREAM_CHUNK_BYTES;
    expect(limit).toBe(64 * 1024 * 1024);
    await expect(wrapped(trusted, { handle, chunk: new Uint8Array(limit + 1) })).rejects.toThrow(/数据块过大/);
    expect(handler).not.toHaveBeenCalled();
    await expect(wrapped(trusted, { handle, chunk: new Uint8Array(limit) })).resolves.toEqual(validResults['file:stream:write']);
    expect(handler).toHaveBeenCalledTimes(1);
  });
});

function fakeHandlers(): IpcHandlers<IpcSenderEvent> {
  return {
    'file:save': async () => validResults['file:save'],
    'file:open': async () => validResults['file:open'],
    'file:stream:open': async () => validResults['file:stream:open'],
    'file:stream:write': async () => validResults['file:stream:write'],
    'file:stream:close': async () => validResults['file:stream:close'],
    'file:stream:abort': async () => validResults['file:stream:abort'],
    'backup:write': async () => validResults['backup:write'],
    'backup:list': async () => validResults['backup:list'],
    'backup:read': async () => validResults['backup:read'],
    'backup:delete': async () => validResults['backup:delete'],
    'backup:openFolder': async () => validResults['backup:openFolder'],
    'app:info': async () => validResults['app:info'],
  };
}

describe('registerIpcHandlers', () => {
  it('registers every channel through the wrapper', async () => {
    const registered = new Map<string, (event: IpcSenderEvent, ...args: unknown[]) => Promise<unknown>>();
    registerIpcHandlers({ handle: (channel, listener) => registered.set(channel, listener) }, fakeHandlers(), () => undefined);
    expect([...registered.keys()].sort()).toEqual([...IPC_CHANNELS].sort());
    const save = registered.get('file:save')!;
    await expect(save(trusted, validPayloads['file:save'])).resolves.toEqual(validResults['file:save']);
    await expect(save(eventFrom('https://example.com/'), validPayloads['file:save'])).rejects.toBeInstanceOf(
      IpcSenderRejectedError,
    );
  });

  it('reports failures and rethrows them to the renderer', async () => {
    const registered = new Map<string, (event: IpcSenderEvent, ...args: unknown[]) => Promise<unknown>>();
    const onError = vi.fn();
    registerIpcHandlers({ handle: (channel, listener) => registered.set(channel, listener) }, fakeHandlers(), onError);
    await expect(registered.get('backup:read')!(trusted, { name: '../x' })).rejects.toBeInstanceOf(ZodError);
    expect(onError).toHaveBeenCalledWith('backup:read', expect.any(ZodError));
  });

  it('refuses to start with a channel left unhandled', () => {
    const handlers = fakeHandlers() as Partial<IpcHandlers<IpcSenderEvent>>;
    delete handlers['backup:delete'];
    expect(() => registerIpcHandlers({ handle: () => undefined }, handlers as IpcHandlers<IpcSenderEvent>)).toThrow(
      /backup:delete/,
    );
  });
});
