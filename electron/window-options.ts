/**
 * The main window's options. `webPreferences` is ONE literal in this one place so that reviewers and
 * @doyensec/electronegativity can read the security flags at a glance.
 */
import type { BrowserWindowConstructorOptions } from 'electron';

export const WINDOW_TITLE = '支部台账';
export const MIN_WIDTH = 1024;
export const MIN_HEIGHT = 640;
export const DEFAULT_WIDTH = 1280;
export const DEFAULT_HEIGHT = 800;

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

export interface WindowOptionsInput {
  /** Absolute path of the bundled dist-electron/preload.cjs. */
  preloadPath: string;
  bounds: WindowBounds;
  /** Only unpackaged (developer) builds may open DevTools. */
  devTools: boolean;
  /** Window icon for Linux desktops (Windows takes it from the exe). */
  iconPath?: string;
}

export function createWindowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title: WINDOW_TITLE,
    ...input.bounds,
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    // Shown on 'ready-to-show' so that the user never sees an empty white frame.
    show: false,
    backgroundColor: '#ffffff',
    ...(input.iconPath !== undefined ? { icon: input.iconPath } : {}),
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // The spellchecker downloads dictionaries from Google: no network on these PCs, and nothing to check.
      spellcheck: false,
      devTools: input.devTools,
    },
  };
}
