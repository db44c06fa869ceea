/**
 * The Electron app as a user gets it: the built main process, preload and renderer, on a fresh data folder.
 * Runs only where the Electron binary is installed; elsewhere every test is skipped with SKIP_REASON.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  assertAppIsBuilt,
  electronBinary,
  expect,
  launchApp,
  launchSecondInstance,
  projectRoot,
  SKIP_REASON,
  test,
} from './fixtures';

const APP_URL_PREFIX = 'app://bundle/';
const BRIDGE_FUNCTIONS = [
  'abortSaveStream',
  'closeSaveStream',
  'deleteBackup',
  'getAppInfo',
  'listBackups',
  'openBackupFolder',
  'openFiles',
  'openSaveStream',
  'readBackup',
  'saveFile',
  'writeBackup',
  'writeSaveStream',
];

test.describe('Electron app', () => {
  test.skip(electronBinary === null, SKIP_REASON);

  test.beforeAll(() => {
    // The main process is cheap to bundle: test what the sources say now.
    execFileSync(process.execPath, [path.join(projectRoot, 'scripts/build-electron.mjs')], { stdio: 'inherit' });
    assertAppIsBuilt();
  });

  test('opens one window titled 支部台账 showing the Chinese app from app://', async ({ electronApp, appWindow }) => {
    await expect(appWindow).toHaveTitle('支部台账');
    expect(appWindow.url().startsWith(APP_URL_PREFIX)).toBe(true);
    await expect(appWindow.locator('body')).toContainText(/[\u4e00-\u9fff]{2,}/);
    const windows = await electronApp.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows().map((window) => window.getTitle()),
    );
    expect(windows).toEqual(['支部台账']);
  });

  test('gives the page no Node and only the named bridge functions', async ({ appWindow }) => {
    const surface = await appWindow.evaluate(() => {
      const global = window as unknown as Record<string, unknown>;
      const bridge = (global.branchLedger ?? {}) as Record<string, unknown>;
      return {
        require: typeof global.require,
        process: typeof global.process,
        ipcRenderer: typeof global.ipcRenderer,
        bridge: Object.keys(bridge).sort(),
        allFunctions: Object.values(bridge).every((value) => typeof value === 'function'),
      };
    });
    expect(surface).toEqual({
      require: 'undefined',
      process: 'undefined',
      ipcRenderer: 'undefined',
      bridge: BRIDGE_FUNCTIONS,
      allFunctions: true,
    });
  });

  test('never leaves app://: location, links and window.open are refused', async ({ electronApp, appWindow, logs }) => {
    const start = appWindow.url();
    const blocked = () => logs.join('');

    await appWindow.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await expect.poll(blocked).toContain('blocked navigation to https://example.com/');
    expect(appWindow.url()).toBe(start);

    await appWindow.evaluate(() => {
      const link = document.createElement('a');
      link.href = 'https://example.org/';
      link.textContent = '外部链接';
      link.id = 'e2e-external-link';
      document.body.append(link);
      const blank = document.createElement('a');
      blank.href = 'https://example.net/';
      blank.target = '_blank';
      blank.textContent = '新窗口链接';
      blank.id = 'e2e-blank-link';
      document.body.append(blank);
    });
    await appWindow.locator('#e2e-external-link').click();
    await expect.poll(blocked).toContain('blocked navigation to https://example.org/');
    await appWindow.locator('#e2e-blank-link').click();
    await expect.poll(blocked).toContain('blocked window.open of https://example.net/');

    const opened = await appWindow.evaluate(() => window.open('https://example.com/popup') === null);
    expect(opened).toBe(true);
    await expect.poll(blocked).toContain('blocked window.open of https://example.com/popup');

    expect(appWindow.url()).toBe(start);
    expect(electronApp.windows()).toHaveLength(1);
    expect(await electronApp.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    // Still alive and still ours.
    expect(await appWindow.evaluate(() => document.title)).toBe('支部台账');
  });

  test('refuses requests to other origins', async ({ appWindow }) => {
    const outcome = await appWindow.evaluate(() =>
      fetch('https://example.com/').then(
        () => 'loaded',
        () => 'refused',
      ),
    );
    expect(outcome).toBe('refused');
  });

  test('saves through the dialog the user answered', async ({ electronApp, appWindow, userDataDir }) => {
    const target = path.join(userDataDir, '导出', '党员名册.txt');
    mkdirSync(path.dirname(target), { recursive: true });
    await electronApp.evaluate(({ dialog }, filePath) => {
      dialog.showSaveDialog = async () => ({ canceled: false, filePath });
    }, target);
    const result = await appWindow.evaluate(() =>
      window.branchLedger!.saveFile({
        suggestedName: '党员名册.txt',
        data: new TextEncoder().encode('支部台账 测试'),
        filters: [{ name: '文本文件', extensions: ['txt'] }],
      }),
    );
    expect(result).toEqual({ saved: true, path: target });
    expect(readFileSync(target, 'utf8')).toBe('支部台账 测试');
  });

  test('writes nothing when the save dialog is cancelled', async ({ electronApp, appWindow }) => {
    await electronApp.evaluate(({ dialog }) => {
      dialog.showSaveDialog = async () => ({ canceled: true, filePath: '' });
    });
    const result = await appWindow.evaluate(() =>
      window.branchLedger!.saveFile({ suggestedName: 'a.txt', data: new Uint8Array([1]) }),
    );
    expect(result).toEqual({ saved: false });
  });

  test('saves in pieces through the dialog: a .partial file renamed on close, deleted on abort', async ({
    electronApp,
    appWindow,
    userDataDir,
  }) => {
    const target = path.join(userDataDir, '导出', '一支部_2025年度_党建台账.zip');
    mkdirSync(path.dirname(target), { recursive: true });
    await electronApp.evaluate(({ dialog }, filePath) => {
      dialog.showSaveDialog = async () => ({ canceled: false, filePath });
    }, target);
    const saved = await appWindow.evaluate(async () => {
      const api = window.branchLedger!;
      const { handle } = await api.openSaveStream({ suggestedName: '一支部_2025年度_党建台账.zip' });
      await api.writeSaveStream({ handle: handle!, chunk: new TextEncoder().encode('支部') });
      await api.writeSaveStream({ handle: handle!, chunk: new TextEncoder().encode('台账') });
      return api.closeSaveStream({ handle: handle! });
    });
    expect(saved).toEqual({ saved: true, path: target });
    expect(readFileSync(target, 'utf8')).toBe('支部台账');
    expect(existsSync(`${target}.partial`)).toBe(false);

    const abandoned = path.join(userDataDir, '导出', '取消.zip');
    await electronApp.evaluate(({ dialog }, filePath) => {
      dialog.showSaveDialog = async () => ({ canceled: false, filePath });
    }, abandoned);
    const partialSeen = await appWindow.evaluate(async () => {
      const api = window.branchLedger!;
      const { handle } = await api.openSaveStream({ suggestedName: '取消.zip' });
      await api.writeSaveStream({ handle: handle!, chunk: new Uint8Array([1, 2, 3]) });
      return handle!;
    });
    expect(existsSync(`${abandoned}.partial`)).toBe(true);
    await appWindow.evaluate((handle) => window.branchLedger!.abortSaveStream({ handle }), partialSeen);
    expect(existsSync(`${abandoned}.partial`)).toBe(false);
    expect(existsSync(abandoned)).toBe(false);
  });

  test('reads the files picked in the open dialog', async ({ electronApp, appWindow, userDataDir }) => {
    const source = path.join(userDataDir, '名册.xlsx');
    writeFileSync(source, Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    await electronApp.evaluate(({ dialog }, filePath) => {
      dialog.showOpenDialog = async () => ({ canceled: false, filePaths: [filePath] });
    }, source);
    const files = await appWindow.evaluate(async () => {
      const picked = await window.branchLedger!.openFiles({ filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }] });
      return picked.map((file) => ({ name: file.name, bytes: [...file.data] }));
    });
    expect(files).toEqual([{ name: '名册.xlsx', bytes: [0x50, 0x4b, 0x03, 0x04] }]);
  });

  test('rejects an invalid payload before any dialog opens', async ({ electronApp, appWindow }) => {
    await electronApp.evaluate(({ dialog }) => {
      const counter = globalThis as unknown as { e2eDialogCalls: number };
      counter.e2eDialogCalls = 0;
      dialog.showSaveDialog = async () => {
        counter.e2eDialogCalls += 1;
        return { canceled: true, filePath: '' };
      };
    });
    const error = await appWindow.evaluate(() =>
      window
        .branchLedger!.saveFile({ suggestedName: '../../evil.txt', data: new Uint8Array([1]) })
        .then(
          () => 'accepted',
          (reason: unknown) => String(reason),
        ),
    );
    expect(error).toContain('文件名不合法');
    expect(await electronApp.evaluate(() => (globalThis as unknown as { e2eDialogCalls: number }).e2eDialogCalls)).toBe(0);
  });

  test('keeps backups in its own folder', async ({ appWindow, userDataDir }) => {
    const outcome = await appWindow.evaluate(async () => {
      const api = window.branchLedger!;
      const written = await api.writeBackup({ name: '备份-测试.json', data: new TextEncoder().encode('{"ok":true}') });
      const listed = await api.listBackups();
      const readBack = new TextDecoder().decode(await api.readBackup({ name: '备份-测试.json' }));
      const escape = await api.writeBackup({ name: '../escape.json', data: new Uint8Array([1]) }).then(
        () => 'accepted',
        () => 'refused',
      );
      const info = await api.getAppInfo();
      return { written, names: listed.map((entry) => entry.name), readBack, escape, info };
    });
    expect(outcome.written).toMatchObject({ name: '备份-测试.json', size: 11 });
    expect(outcome.names).toEqual(['备份-测试.json']);
    expect(outcome.readBack).toBe('{"ok":true}');
    expect(outcome.escape).toBe('refused');
    expect(outcome.info).toMatchObject({ name: '支部台账', backupDir: path.join(userDataDir, 'backups') });
    expect(existsSync(path.join(userDataDir, 'backups', '备份-测试.json'))).toBe(true);
    expect(existsSync(path.join(userDataDir, 'escape.json'))).toBe(false);
  });

  test('asks for persistent storage at start and logs the answer', async ({ appWindow, logs }) => {
    await expect(appWindow).toHaveTitle('支部台账');
    await expect.poll(() => logs.join('')).toMatch(/navigator\.storage\.persist\(\): (granted|not granted)/);
  });

  test('a second launch hands over to the first window and exits', async ({ electronApp, appWindow, userDataDir }) => {
    await expect(appWindow).toHaveTitle('支部台账');
    expect(await launchSecondInstance(userDataDir)).toBe(0);
    expect(await electronApp.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });

  test('remembers the window size across launches', async ({ userDataDir }) => {
    const first = await launchApp(userDataDir);
    await first.app.firstWindow();
    const workArea = await first.app.evaluate(({ screen }) => screen.getPrimaryDisplay().workArea);
    if (workArea.width < 1100 || workArea.height < 700) {
      await first.app.close();
      test.skip(true, `the screen (${workArea.width}×${workArea.height}) is smaller than 1100×700`);
    }
    await first.app.evaluate(
      ({ BrowserWindow }, area) => {
        BrowserWindow.getAllWindows()[0].setBounds({ x: area.x + 40, y: area.y + 30, width: 1100, height: 700 });
      },
      workArea,
    );
    await first.app.close();
    const saved = JSON.parse(readFileSync(path.join(userDataDir, 'window-state.json'), 'utf8')) as Record<string, unknown>;
    expect(saved).toMatchObject({ width: 1100, height: 700, isMaximized: false });

    const second = await launchApp(userDataDir);
    try {
      await second.app.firstWindow();
      const size = await second.app.evaluate(({ BrowserWindow }) => {
        const [width, height] = BrowserWindow.getAllWindows()[0].getSize();
        return { width, height };
      });
      expect(size).toEqual({ width: 1100, height: 700 });
    } finally {
      await second.app.close();
    }
  });
});
