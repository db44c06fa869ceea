/**
 * Wiring of the entry file against a fake 'electron' (the real binary is not needed): what runs before
 * 'ready', what runs after, and that the IPC channels registered by main really work end to end.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '@shared/ipc';

type Listener = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  const events: string[] = [];
  const appListeners = new Map<string, Listener>();
  const ipcHandlers = new Map<string, Listener>();
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  const paths = new Map<string, string>();
  const windows: FakeWindow[] = [];
  let menu: unknown;

  class FakeWebContents {
    readonly listeners = new Map<string, Listener>();
    readonly executed: string[] = [];
    on(event: string, listener: Listener) {
      this.listeners.set(event, listener);
      return this;
    }
    once(event: string, listener: Listener) {
      return this.on(event, listener);
    }
    async executeJavaScript(code: string) {
      this.executed.push(code);
      return true;
    }
  }

  class FakeWindow {
    readonly webContents = new FakeWebContents();
    readonly listeners = new Map<string, Listener>();
    readonly loaded: string[] = [];
    shown = 0;
    focused = 0;
    constructor(readonly options: Record<string, any>) {
      events.push('new BrowserWindow');
      windows.push(this);
    }
    static fromWebContents() {
      return null;
    }
    static getAllWindows() {
      return windows;
    }
    on(event: string, listener: Listener) {
      this.listeners.set(event, listener);
      return this;
    }
    once(event: string, listener: Listener) {
      return this.on(event, listener);
    }
    async loadURL(url: string) {
      this.loaded.push(url);
    }
    getNormalBounds() {
      return { x: 10, y: 10, width: 1300, height: 850 };
    }
    isMaximized() {
      return false;
    }
    isMinimized() {
      return true;
    }
    restore() {
      events.push('restore');
    }
    maximize() {}
    show() {
      this.shown += 1;
    }
    focus() {
      this.focused += 1;
    }
  }

  const sessionHandlers: Record<string, Listener> = {};
  const electron = {
    app: {
      isPackaged: false,
      setPath: (name: string, value: string) => {
        events.push(`setPath:${name}`);
        paths.set(name, value);
      },
      getPath: (name: string) => paths.get(name) ?? `/fake/${name}`,
      enableSandbox: () => events.push('enableSandbox'),
      requestSingleInstanceLock: () => {
        events.push('requestSingleInstanceLock');
        return true;
      },
      on: (event: string, listener: Listener) => {
        events.push(`app.on:${event}`);
        appListeners.set(event, listener);
      },
      whenReady: () => {
        events.push('whenReady');
        return Promise.resolve();
      },
      getName: () => '支部台账',
      getVersion: () => '0.1.0',
      setAppUserModelId: () => undefined,
      quit: () => events.push('quit'),
      exit: () => events.push('exit'),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown) => events.push(`registerSchemesAsPrivileged:${JSON.stringify(schemes)}`),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => {
        events.push(`protocol.handle:${scheme}`);
        protocolHandlers.set(scheme, handler);
      },
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: Listener) => (sessionHandlers.request = handler),
        setPermissionCheckHandler: (handler: Listener) => (sessionHandlers.check = handler),
        setDevicePermissionHandler: (handler: Listener) => (sessionHandlers.device = handler),
        webRequest: { onBeforeRequest: (handler: Listener) => (sessionHandlers.beforeRequest = handler) },
      },
    },
    ipcMain: {
      handle: (channel: string, listener: Listener) => ipcHandlers.set(channel, listener),
    },
    Menu: {
      buildFromTemplate: (template: unknown) => template,
      setApplicationMenu: (value: unknown) => {
        menu = value;
      },
    },
    screen: {
      getPrimaryDisplay: () => ({ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }),
      getAllDisplays: () => [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
    },
    dialog: {
      showMessageBox: vi.fn(async () => ({ response: 0 })),
      showErrorBox: vi.fn(),
      showSaveDialog: vi.fn(async () => ({ canceled: true, filePath: '' })),
      showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] })),
    },
    shell: { openPath: vi.fn(async () => '') },
    BrowserWindow: FakeWindow,
  };
  return { electron, events, appListeners, ipcHandlers, protocolHandlers, sessionHandlers, windows, getMenu: () => menu };
});

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

const userData = mkdtempSync(path.join(tmpdir(), 'branch-ledger-main-'));
const trustedEvent = { senderFrame: { url: 'app://bundle/index.html', parent: null }, sender: {} };

beforeAll(async () => {
  vi.stubEnv('BRANCH_LEDGER_USER_DATA', userData);
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  await import('./main');
  await vi.waitFor(() => expect(fake.windows[0]?.loaded).toEqual(['app://bundle/index.html']));
});

afterAll(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  rmSync(userData, { recursive: true, force: true });
});

describe('main before ready', () => {
  it('sets userData, the sandbox, the scheme and the guard before taking the lock and waiting for ready', () => {
    const index = (prefix: string) => fake.events.findIndex((event) => event.startsWith(prefix));
    expect(index('setPath:userData')).toBeGreaterThanOrEqual(0);
    expect(index('setPath:userData')).toBeLessThan(index('requestSingleInstanceLock'));
    expect(index('enableSandbox')).toBeLessThan(index('whenReady'));
    expect(index('registerSchemesAsPrivileged')).toBeLessThan(index('whenReady'));
    expect(index('app.on:web-contents-created')).toBeLessThan(index('new BrowserWindow'));
    expect(fake.events.find((event) => event.startsWith('registerSchemesAsPrivileged'))).toContain('"scheme":"app"');
  });

  it('uses the test data folder', () => {
    expect(fake.electron.app.getPath('userData')).toBe(path.resolve(userData));
  });
});

describe('main after ready', () => {
  it('hardens the session and serves app:// with the traversal guard', async () => {
    expect(Object.keys(fake.sessionHandlers).sort()).toEqual(['beforeRequest', 'check', 'device', 'request']);
    const handler = fake.protocolHandlers.get('app');
    expect(handler).toBeDefined();
    expect((await handler!(new Request('app://bundle/..%2f..%2fpackage.json'))).status).toBe(404);
  });

  it('creates one hardened window on app://bundle/index.html with the bundled preload', () => {
    expect(fake.windows).toHaveLength(1);
    const options = fake.windows[0].options;
    expect(options.title).toBe('支部台账');
    expect(options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(path.basename(options.webPreferences.preload)).toBe('preload.cjs');
    expect(options).toMatchObject({ width: 1280, height: 800 });
  });

  it('sets the Chinese menu', () => {
    const menu = fake.getMenu() as { label: string }[];
    expect(menu.map((item) => item.label)).toEqual(['文件', '编辑', '视图', '帮助']);
  });

  it('asks for persistent storage once the page has loaded', async () => {
    const window = fake.windows[0];
    window.webContents.listeners.get('did-finish-load')?.();
    await vi.waitFor(() => expect(window.webContents.executed).toEqual(['navigator.storage.persist()']));
    await vi.waitFor(() =>
      expect(console.log).toHaveBeenCalledWith('[branch-ledger] navigator.storage.persist(): granted'),
    );
  });

  it('shows the window when ready and focuses it on a second launch', () => {
    const window = fake.windows[0];
    window.listeners.get('ready-to-show')?.();
    expect(window.shown).toBe(1);
    fake.appListeners.get('second-instance')?.();
    expect(fake.events).toContain('restore');
    expect(window.focused).toBe(1);
  });

  it('saves the window state when the window closes', () => {
    fake.windows[0].listeners.get('close')?.();
    const saved = JSON.parse(readFileSync(path.join(userData, 'window-state.json'), 'utf8'));
    expect(saved).toEqual({ x: 10, y: 10, width: 1300, height: 850, isMaximized: false });
  });

  it('quits when the window is closed', () => {
    fake.appListeners.get('window-all-closed')?.();
    expect(fake.events).toContain('quit');
  });
});

describe('IPC registered by main', () => {
  it('handles every channel', () => {
    expect([...fake.ipcHandlers.keys()].sort()).toEqual([...IPC_CHANNELS].sort());
  });

  it('answers app:info and keeps backups under userData/backups', async () => {
    const info = (await fake.ipcHandlers.get('app:info')!(trustedEvent, undefined)) as Record<string, unknown>;
    expect(info).toMatchObject({ name: '支部台账', version: '0.1.0', backupDir: path.join(path.resolve(userData), 'backups') });
    await fake.ipcHandlers.get('backup:write')!(trustedEvent, { name: '备份.json', data: new Uint8Array([123, 125]) });
    expect(existsSync(path.join(userData, 'backups', '备份.json'))).toBe(true);
    const list = (await fake.ipcHandlers.get('backup:list')!(trustedEvent, undefined)) as { name: string }[];
    expect(list.map((entry) => entry.name)).toEqual(['备份.json']);
  });

  it('opens the backup folder with the system file manager', async () => {
    await expect(fake.ipcHandlers.get('backup:openFolder')!(trustedEvent, undefined)).resolves.toEqual({ opened: true });
    expect(fake.electron.shell.openPath).toHaveBeenCalledWith(path.join(path.resolve(userData), 'backups'));
  });

  it('goes through the dialog for file:save and refuses strangers', async () => {
    await expect(
      fake.ipcHandlers.get('file:save')!(trustedEvent, { suggestedName: '名册.xlsx', data: new Uint8Array([1]) }),
    ).resolves.toEqual({ saved: false });
    expect(fake.electron.dialog.showSaveDialog).toHaveBeenCalledTimes(1);
    const stranger = { senderFrame: { url: 'https://example.com/', parent: null }, sender: {} };
    await expect(
      fake.ipcHandlers.get('file:save')!(stranger, { suggestedName: '名册.xlsx', data: new Uint8Array([1]) }),
    ).rejects.toThrow(/untrusted sender/);
    expect(fake.electron.dialog.showSaveDialog).toHaveBeenCalledTimes(1);
  });
});

describe('save streams registered by main', () => {
  class FakeSender {
    readonly listeners = new Map<string, Listener[]>();
    destroyed = false;
    constructor(readonly id: number) {}
    isDestroyed() {
      return this.destroyed;
    }
    on(event: string, listener: Listener) {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
      return this;
    }
    once(event: string, listener: Listener) {
      return this.on(event, listener);
    }
    emit(event: string) {
      for (const listener of this.listeners.get(event) ?? []) {
        listener();
      }
    }
  }
  const call = (channel: string, event: unknown, payload: unknown) => fake.ipcHandlers.get(channel)!(event, payload);
  const pageEvent = (sender: FakeSender) => ({ senderFrame: { url: 'app://bundle/index.html#/ledgers', parent: null }, sender });

  it('writes the chunks through the dialog path, renames on close, and refuses another page', async () => {
    const target = path.join(userData, '一支部_2025年度_党建台账.zip');
    fake.electron.dialog.showSaveDialog.mockImplementationOnce(async () => ({ canceled: false, filePath: target }));
    const page = pageEvent(new FakeSender(7));
    const { handle } = (await call('file:stream:open', page, { suggestedName: '一支部_2025年度_党建台账.zip' })) as { handle: string };
    expect(handle).toMatch(/^[0-9a-f]{32}$/);
    await call('file:stream:write', page, { handle, chunk: new Uint8Array([0x50, 0x4b]) });
    await expect(call('file:stream:write', pageEvent(new FakeSender(8)), { handle, chunk: new Uint8Array([1]) })).rejects.toThrow(
      /another page/,
    );
    await call('file:stream:write', page, { handle, chunk: new Uint8Array([0x03, 0x04]) });
    expect(existsSync(`${target}.partial`)).toBe(true);
    await expect(call('file:stream:close', page, { handle })).resolves.toEqual({ saved: true, path: target });
    expect([...readFileSync(target)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    expect(existsSync(`${target}.partial`)).toBe(false);
  });

  it('deletes the partial file when the window goes', async () => {
    const target = path.join(userData, '未完成.zip');
    fake.electron.dialog.showSaveDialog.mockImplementationOnce(async () => ({ canceled: false, filePath: target }));
    const sender = new FakeSender(9);
    const page = pageEvent(sender);
    const { handle } = (await call('file:stream:open', page, { suggestedName: '未完成.zip' })) as { handle: string };
    await call('file:stream:write', page, { handle, chunk: new Uint8Array([1, 2, 3]) });
    expect(existsSync(`${target}.partial`)).toBe(true);
    sender.destroyed = true;
    sender.emit('destroyed');
    expect(existsSync(`${target}.partial`)).toBe(false);
    expect(existsSync(target)).toBe(false);
  });

  it('deletes the partial file when the page reloads', async () => {
    const target = path.join(userData, '重新加载.zip');
    fake.electron.dialog.showSaveDialog.mockImplementationOnce(async () => ({ canceled: false, filePath: target }));
    const sender = new FakeSender(10);
    const { handle } = (await call('file:stream:open', pageEvent(sender), { suggestedName: '重新加载.zip' })) as { handle: string };
    expect(handle).not.toBeNull();
    sender.emit('did-navigate');
    expect(existsSync(`${target}.partial`)).toBe(false);
  });
});
