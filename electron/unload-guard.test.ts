import type { BrowserWindow } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { guardUnload, UNLOAD_QUESTION } from './unload-guard';

/** A window whose webContents records its listeners, and a dialog that answers with the given button. */
function setup(button: number) {
  const listeners = new Map<string, (event: { preventDefault: () => void }) => void>();
  const window = { webContents: { on: (name: string, listener: (event: { preventDefault: () => void }) => void) => listeners.set(name, listener) } };
  const dialog = { showMessageBoxSync: vi.fn(() => button) };
  guardUnload(window as unknown as BrowserWindow, dialog);
  const event = { preventDefault: vi.fn() };
  listeners.get('will-prevent-unload')?.(event);
  return { window, dialog, event };
}

describe('guardUnload', () => {
  it('asks in Chinese on the window, 继续编辑 by default', () => {
    const { window, dialog } = setup(1);
    expect(dialog.showMessageBoxSync).toHaveBeenCalledWith(window, UNLOAD_QUESTION);
    expect(UNLOAD_QUESTION).toMatchObject({ message: '有未保存的修改，确定离开吗？', buttons: ['离开', '继续编辑'], defaultId: 1, cancelId: 1 });
  });

  it('离开 lets the window unload', () => {
    expect(setup(0).event.preventDefault).toHaveBeenCalledOnce();
  });

  it('继续编辑 (or closing the dialog) keeps the page and what was typed', () => {
    expect(setup(1).event.preventDefault).not.toHaveBeenCalled();
  });
});
