import { EventEmitter } from 'node:events';
import type { BrowserWindow } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { CRASH_WINDOW_MS, installRendererRecovery, MAX_QUICK_CRASHES, userDataOverride } from './renderer-recovery';

function setup(response = 0) {
  const webContents = Object.assign(new EventEmitter(), { reload: vi.fn(), forcefullyCrashRenderer: vi.fn() });
  const window = { webContents, isDestroyed: () => false } as unknown as BrowserWindow;
  const dialog = { showMessageBox: vi.fn(async () => ({ response, checkboxChecked: false })) };
  let clock = 0;
  installRendererRecovery(window, { dialog, log: () => undefined, now: () => clock });
  return { webContents, dialog, tick: (ms: number) => (clock += ms) };
}

describe('renderer recovery', () => {
  it('reloads a crashed renderer and says what happened in a dialog', () => {
    const { webContents, dialog } = setup();
    webContents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 133 });
    expect(webContents.reload).toHaveBeenCalledTimes(1);
    expect(dialog.showMessageBox).toHaveBeenCalledWith(expect.anything(), expect.objectContaining({ message: '页面意外停止（内存不足），已重新加载' }));
  });

  it('ignores a clean exit, and stops reloading after repeated quick crashes', () => {
    const { webContents, dialog, tick } = setup();
    webContents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    expect(webContents.reload).not.toHaveBeenCalled();
    for (let i = 0; i <= MAX_QUICK_CRASHES; i += 1) {
      tick(1_000);
      webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    }
    expect(webContents.reload).toHaveBeenCalledTimes(MAX_QUICK_CRASHES);
    expect(dialog.showMessageBox).toHaveBeenLastCalledWith(expect.anything(), expect.objectContaining({ message: '页面反复意外停止（页面程序崩溃），已停止自动重新加载' }));
    // Once the crashes are spread out again, reloading resumes.
    tick(CRASH_WINDOW_MS);
    webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    expect(webContents.reload).toHaveBeenCalledTimes(MAX_QUICK_CRASHES + 1);
  });

  it('asks about an unresponsive renderer; 重新加载 ends and reloads it, 继续等待 leaves it', async () => {
    const reloading = setup(1);
    reloading.webContents.emit('unresponsive');
    await vi.waitFor(() => expect(reloading.webContents.reload).toHaveBeenCalledTimes(1));
    expect(reloading.webContents.forcefullyCrashRenderer).toHaveBeenCalledTimes(1);
    // The end it caused is not reported as a crash, nor reloaded twice.
    reloading.webContents.emit('render-process-gone', {}, { reason: 'killed', exitCode: 9 });
    expect(reloading.webContents.reload).toHaveBeenCalledTimes(1);
    expect(reloading.dialog.showMessageBox).toHaveBeenCalledTimes(1);
    expect(reloading.dialog.showMessageBox).toHaveBeenCalledWith(expect.anything(), expect.objectContaining({ message: '页面没有响应', buttons: ['继续等待', '重新加载'] }));
    const waiting = setup(0);
    waiting.webContents.emit('unresponsive');
    await vi.waitFor(() => expect(waiting.dialog.showMessageBox).toHaveBeenCalled());
    await Promise.resolve();
    expect(waiting.webContents.reload).not.toHaveBeenCalled();
  });
});

describe('userDataOverride', () => {
  it('honours BRANCH_LEDGER_USER_DATA only when the app is not packaged', () => {
    expect(userDataOverride({ BRANCH_LEDGER_USER_DATA: '/tmp/x' }, false)).toBe('/tmp/x');
    expect(userDataOverride({ BRANCH_LEDGER_USER_DATA: '/tmp/x' }, true)).toBeUndefined();
    expect(userDataOverride({}, false)).toBeUndefined();
  });
});
