/**
 * Main-process entry: app lifecycle and wiring only. The logic lives in the modules it imports, which take
 * Electron objects as parameters so that unit tests run without the Electron binary.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  screen,
  session,
  shell,
  type IpcMainInvokeEvent,
} from 'electron';
import { createBackupStore, openBackupFolder, openFilesWithDialog, saveFileWithDialog, type DialogContext } from './dialogs';
import { registerIpcHandlers, type IpcHandlers } from './ipc-handlers';
import { createSaveStreams, type StreamOwner } from './save-streams';
import { aboutDialogOptions, buildMenuTemplate } from './menu';
import { registerAppScheme, serveAppProtocol } from './protocol';
import { installRendererRecovery, userDataOverride } from './renderer-recovery';
import { hardenSession, installWebContentsGuard } from './security';
import { APP_ENTRY_URL } from './trusted-url';
import { guardUnload } from './unload-guard';
import { createWindowOptions } from './window-options';
import { loadWindowState, trackWindowState, WINDOW_STATE_FILE } from './window-state';
import { messageOf } from '@shared/errors';

const APP_USER_MODEL_ID = 'cn.branchledger.app';

// Bundled to dist-electron/main.cjs: the renderer build sits beside it in dist/renderer.
const RENDERER_ROOT = path.join(__dirname, '..', 'dist', 'renderer');
const PRELOAD_PATH = path.join(__dirname, 'preload.cjs');
const ICON_PATH = path.join(__dirname, 'icon.png');

let mainWindow: BrowserWindow | null = null;
/** Saves in pieces (inspection packages); their partial files are deleted when their page goes or the app quits. */
const saveStreams = createSaveStreams();

function log(message: string): void {
  console.log(`[branch-ledger] ${message}`);
}

function documentsDir(): string {
  try {
    return app.getPath('documents');
  } catch {
    // Some Linux desktops have no XDG documents folder.
    return app.getPath('home');
  }
}

/** The page behind an IPC event, as the owner of save streams: gone when closed, crashed or reloaded. */
function streamOwner(event: IpcMainInvokeEvent): StreamOwner {
  const sender = event.sender;
  return {
    id: sender.id,
    isGone: () => sender.isDestroyed(),
    onGone: (listener) => {
      sender.once('destroyed', listener);
      sender.on('render-process-gone', listener);
      // A reload or navigation starts a new page that knows nothing of the old page's handles.
      sender.on('did-navigate', listener);
    },
  };
}

function createIpcHandlers(): IpcHandlers<IpcMainInvokeEvent> {
  const backups = createBackupStore(path.join(app.getPath('userData'), 'backups'));
  function dialogContext(event: IpcMainInvokeEvent): DialogContext {
    // `dialog` is read at call time, so a test that replaces dialog.showSaveDialog is honoured.
    return { dialog, parent: BrowserWindow.fromWebContents(event.sender), defaultDir: documentsDir() };
  }
  return {
    'file:save': (payload, event) => saveFileWithDialog(dialogContext(event), payload),
    'file:open': (payload, event) => openFilesWithDialog(dialogContext(event), payload),
    'file:stream:open': (payload, event) => saveStreams.open(dialogContext(event), payload, streamOwner(event)),
    'file:stream:write': (payload, event) => saveStreams.write(payload, streamOwner(event)),
    'file:stream:close': (payload, event) => saveStreams.close(payload, streamOwner(event)),
    'file:stream:abort': (payload, event) => saveStreams.abort(payload, streamOwner(event)),
    'backup:write': (payload) => backups.write(payload.name, payload.data),
    'backup:list': () => backups.list(),
    'backup:read': (payload) => backups.read(payload.name),
    'backup:delete': async (payload) => ({ deleted: await backups.remove(payload.name) }),
    'backup:openFolder': () => openBackupFolder(shell, backups.dir),
    'app:info': () => ({
      name: app.getName(),
      version: app.getVersion(),
      electron: process.versions.electron ?? '',
      chrome: process.versions.chrome ?? '',
      node: process.versions.node,
      platform: process.platform,
      arch: process.arch,
      packaged: app.isPackaged,
      backupDir: backups.dir,
    }),
  };
}

function showAbout(): void {
  const options = aboutDialogOptions({
    version: app.getVersion(),
    electron: process.versions.electron ?? '',
    chrome: process.versions.chrome ?? '',
  });
  void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
}

async function requestPersistentStorage(window: BrowserWindow): Promise<void> {
  try {
    const granted: unknown = await window.webContents.executeJavaScript('navigator.storage.persist()', true);
    log(`navigator.storage.persist(): ${granted === true ? 'granted' : 'not granted'}`);
  } catch (error) {
    console.warn('[branch-ledger] navigator.storage.persist() failed:', error);
  }
}

function focusMainWindow(): void {
  if (mainWindow === null) {
    return;
  }
  if (mainWindow.isMinimized()) {
    mainWindow.restore();
  }
  mainWindow.show();
  mainWindow.focus();
}

async function createMainWindow(): Promise<void> {
  const stateFile = path.join(app.getPath('userData'), WINDOW_STATE_FILE);
  const primary = screen.getPrimaryDisplay();
  const workAreas = [primary, ...screen.getAllDisplays().filter((display) => display.id !== primary.id)].map(
    (display) => display.workArea,
  );
  const state = loadWindowState(stateFile, workAreas);
  const window = new BrowserWindow(
    createWindowOptions({
      preloadPath: PRELOAD_PATH,
      bounds: { x: state.x, y: state.y, width: state.width, height: state.height },
      devTools: !app.isPackaged,
      iconPath: process.platform === 'linux' && existsSync(ICON_PATH) ? ICON_PATH : undefined,
    }),
  );
  mainWindow = window;
  guardUnload(window, dialog);
  trackWindowState(window, stateFile);
  window.once('ready-to-show', () => {
    if (state.isMaximized) {
      window.maximize();
    }
    window.show();
  });
  window.on('closed', () => {
    mainWindow = null;
  });
  window.webContents.once('did-finish-load', () => {
    void requestPersistentStorage(window);
  });
  installRendererRecovery(window, { dialog, log: (message) => console.error(`[branch-ledger] ${message}`) });
  await window.loadURL(APP_ENTRY_URL);
}

async function start(): Promise<void> {
  if (process.platform === 'win32') {
    app.setAppUserModelId(APP_USER_MODEL_ID);
  }
  hardenSession(session.defaultSession);
  serveAppProtocol(protocol, RENDERER_ROOT);
  registerIpcHandlers(ipcMain, createIpcHandlers());
  const menuTemplate = buildMenuTemplate({ isPackaged: app.isPackaged, onAbout: showAbout });
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate));
  await createMainWindow();
  log(`started ${app.getName()} ${app.getVersion()}, data in ${app.getPath('userData')}`);
}

// Everything below runs before 'ready', in this order: data folder, sandbox, scheme, guards, lock.
// Tests point userData at a fresh temporary folder (BRANCH_LEDGER_USER_DATA); an installed app ignores it.
const testUserData = userDataOverride(process.env, app.isPackaged);
if (testUserData) {
  // Before the single-instance lock, which lives in userData: each test run is its own instance.
  app.setPath('userData', path.resolve(testUserData));
}
app.enableSandbox();
registerAppScheme(protocol);
installWebContentsGuard(app);

if (!app.requestSingleInstanceLock()) {
  log('another instance is already running; it has been brought to the front');
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);
  app.on('window-all-closed', () => {
    app.quit();
  });
  app.on('will-quit', () => {
    saveStreams.discardAll();
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error('[branch-ledger] startup failed:', error);
      dialog.showErrorBox('支部台账无法启动', messageOf(error));
      app.exit(1);
    });
}
