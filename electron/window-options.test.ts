import { describe, expect, it } from 'vitest';
import { createWindowOptions, MIN_HEIGHT, MIN_WIDTH, WINDOW_TITLE } from './window-options';

describe('createWindowOptions', () => {
  const options = createWindowOptions({
    preloadPath: '/app/dist-electron/preload.cjs',
    bounds: { x: 10, y: 20, width: 1300, height: 900 },
    devTools: false,
  });

  it('keeps the renderer isolated, sandboxed and without Node', () => {
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
    });
  });

  it('uses the bundled preload and no other script entry', () => {
    expect(options.webPreferences?.preload).toBe('/app/dist-electron/preload.cjs');
    expect(options.webPreferences).not.toHaveProperty('additionalArguments');
  });

  it('is titled 支部台账 with a minimum size and the given bounds', () => {
    expect(options.title).toBe(WINDOW_TITLE);
    expect(WINDOW_TITLE).toBe('支部台账');
    expect(options).toMatchObject({ x: 10, y: 20, width: 1300, height: 900, minWidth: MIN_WIDTH, minHeight: MIN_HEIGHT });
    expect(options.show).toBe(false);
  });

  it('allows DevTools only when asked (unpackaged builds)', () => {
    expect(options.webPreferences?.devTools).toBe(false);
    const dev = createWindowOptions({ preloadPath: '/p.cjs', bounds: { width: 1280, height: 800 }, devTools: true });
    expect(dev.webPreferences?.devTools).toBe(true);
    expect(dev.webPreferences?.sandbox).toBe(true);
    expect(dev).not.toHaveProperty('x');
    expect(dev).not.toHaveProperty('icon');
  });
});
