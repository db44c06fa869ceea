/**
 * A renderer that crashes (out of memory, killed) or hangs never leaves a blank window: the user is told what
 * happened in a dialog and the page is loaded again. Saved data is safe: every write is one IndexedDB
 * transaction. Crashes that repeat quickly stop the reloading (a page that dies on start would loop).
 * Takes the window and the dialog as parameters: unit tests run without Electron.
 */
import type { BrowserWindow, Dialog, RenderProcessGoneDetails } from 'electron';

/** More crashes than this within CRASH_WINDOW_MS: no further automatic reload. */
export const MAX_QUICK_CRASHES = 3;
export const CRASH_WINDOW_MS = 60_000;

const REASONS: Partial<Record<RenderProcessGoneDetails['reason'], string>> = {
  oom: '内存不足',
  crashed: '页面程序崩溃',
  killed: '页面程序被系统结束',
  'launch-failed': '页面程序无法启动',
  'integrity-failure': '程序文件校验失败',
  'memory-eviction': '系统内存紧张',
  'abnormal-exit': '页面程序异常退出',
};

export interface RecoveryDeps {
  dialog: Pick<Dialog, 'showMessageBox'>;
  log: (message: string) => void;
  now?: () => number;
}

export function installRendererRecovery(window: BrowserWindow, deps: RecoveryDeps): void {
  const now = deps.now ?? Date.now;
  let crashes: number[] = [];
  let asking = false;
  // The user chose 重新加载 for a hung page: its end is expected and already handled.
  let endingOnPurpose = false;

  window.webContents.on('render-process-gone', (_event, details) => {
    deps.log(`renderer process gone: ${details.reason} (exit code ${details.exitCode})`);
    if (details.reason === 'clean-exit' || window.isDestroyed()) {
      return;
    }
    if (endingOnPurpose) {
      endingOnPurpose = false;
      return;
    }
    const at = now();
    crashes = [...crashes.filter((t) => at - t < CRASH_WINDOW_MS), at];
    const why = REASONS[details.reason] ?? details.reason;
    const again = crashes.length <= MAX_QUICK_CRASHES;
    void deps.dialog
      .showMessageBox(window, {
        type: 'warning',
        title: '支部台账',
        message: again ? `页面意外停止（${why}），已重新加载` : `页面反复意外停止（${why}），已停止自动重新加载`,
        detail: again
          ? '已保存的数据不受影响；正在进行的导入、导出或校验没有完成，请重新操作。如果是在打开某个文件时发生的，这个文件可能过大或已损坏。'
          : '已保存的数据不受影响。请关闭支部台账后重新打开；若仍然如此，请联系技术人员。',
        buttons: ['确定'],
      })
      .catch(() => undefined);
    if (again) {
      window.webContents.reload();
    }
  });

  window.webContents.on('unresponsive', () => {
    deps.log('renderer unresponsive');
    if (asking || window.isDestroyed()) {
      return;
    }
    asking = true;
    void deps.dialog
      .showMessageBox(window, {
        type: 'warning',
        title: '支部台账',
        message: '页面没有响应',
        detail: '可能正在处理很大的文件。可以再等一等，或重新加载页面（已保存的数据不受影响，正在进行的操作需要重做）。',
        buttons: ['继续等待', '重新加载'],
        defaultId: 0,
        cancelId: 0,
      })
      .then(({ response }) => {
        if (response === 1 && !window.isDestroyed()) {
          deps.log('reloading the unresponsive renderer at the user\'s request');
          // A hung renderer cannot run a reload itself: end it, then load the page again (Electron's own recipe).
          endingOnPurpose = true;
          window.webContents.forcefullyCrashRenderer();
          window.webContents.reload();
        }
      })
      .catch(() => undefined)
      .finally(() => {
        asking = false;
      });
  });
}

/** The test-only data folder override, honoured only in an unpackaged run: an installed app trusts no env. */
export function userDataOverride(env: Readonly<Record<string, string | undefined>>, isPackaged: boolean): string | undefined {
  return isPackaged ? undefined : env.BRANCH_LEDGER_USER_DATA || undefined;
}
