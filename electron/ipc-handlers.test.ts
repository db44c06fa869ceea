import { describe, expect, it, vi } from 'vitest';
import { ZodError } from 'zod';
import { IPC_CHANNELS, type IpcChannel, type IpcPayload, type IpcResult } from '@shared/ipc';
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

/** One valid payload per channel… */
const validPayloads: { [C in IpcChannel]: IpcPayload<C> } = {
  'file:save': { suggestedName: '党员名册.xlsx', data: bytes, filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }] },
  'file:open': { multiple: true, filters: [{ name: 'Excel 工作簿', extensions: ['xlsx', 'xls'] }] },
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

function fakeHandlers(): IpcHandlers<IpcSenderEvent> {
  return {
    'file:save': async () => validResults['file:save'],
    'file:open': async () => validResults['file:open'],
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
