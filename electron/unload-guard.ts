import type { BrowserWindow, Dialog, MessageBoxSyncOptions } from 'electron';

/** The same question the page asks (renderer/src/components/unsavedChanges.tsx); 继续编辑 is the default. */
export const UNLOAD_QUESTION: MessageBoxSyncOptions = {
  type: 'question',
  title: '支部台账',
  message: '有未保存的修改，确定离开吗？',
  detail: '离开后，本次填写的内容不会保存。',
  buttons: ['离开', '继续编辑'],
  defaultId: 1,
  cancelId: 1,
  noLink: true,
};

/**
 * A form with changes cancels `beforeunload`; a browser then asks the user, Electron only emits
 * `will-prevent-unload` and keeps the window open without a word. Ask here: 离开 lets the window close (or reload).
 */
export function guardUnload(window: BrowserWindow, dialog: Pick<Dialog, 'showMessageBoxSync'>): void {
  window.webContents.on('will-prevent-unload', (event) => {
    if (dialog.showMessageBoxSync(window, UNLOAD_QUESTION) === 0) {
      event.preventDefault();
    }
  });
}
