import { createBrowserPlatform } from './browser';
import { createElectronPlatform } from './electron';
import type { Platform } from './types';

export type { Platform, FileFilter, FileSink, OpenedFile, SaveFileResult } from './types';

/** Electron's preload exposes window.branchLedger; anywhere else the browser implementation serves. */
export const platform: Platform = window.branchLedger ? createElectronPlatform(window.branchLedger) : createBrowserPlatform();
