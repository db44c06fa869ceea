import { describe, expect, it, vi } from 'vitest';
import type { Rectangle } from 'electron';
import { MIN_HEIGHT, MIN_WIDTH } from './window-options';
import {
  clampToDisplays,
  DEFAULT_WINDOW_STATE,
  loadWindowState,
  parseWindowState,
  trackWindowState,
} from './window-state';

const laptop: Rectangle = { x: 0, y: 0, width: 1920, height: 1040 };
const rightMonitor: Rectangle = { x: 1920, y: 0, width: 2560, height: 1400 };

describe('parseWindowState', () => {
  it('reads a saved state', () => {
    expect(parseWindowState('{"x":100,"y":50,"width":1400,"height":900,"isMaximized":true}')).toEqual({
      x: 100,
      y: 50,
      width: 1400,
      height: 900,
      isMaximized: true,
    });
  });

  it('defaults isMaximized and drops a half position', () => {
    expect(parseWindowState('{"width":1400,"height":900}')).toEqual({ width: 1400, height: 900, isMaximized: false });
    expect(parseWindowState('{"x":5,"width":1400,"height":900}')).toEqual({ width: 1400, height: 900, isMaximized: false });
  });

  it.each([
    '',
    'not json',
    'null',
    '[]',
    '{"width":"1400","height":900}',
    '{"width":0,"height":900}',
    '{"width":-5,"height":900}',
    '{"width":1400.5,"height":900}',
    '{"width":1e9,"height":900}',
    '{"x":1e9,"y":0,"width":1400,"height":900}',
    '{"width":1400,"height":900,"isMaximized":"yes"}',
  ])('rejects %j', (text) => {
    expect(parseWindowState(text)).toBeNull();
  });
});

describe('clampToDisplays', () => {
  it('keeps a window that is fully visible', () => {
    const state = { x: 100, y: 100, width: 1400, height: 900, isMaximized: false };
    expect(clampToDisplays(state, [laptop, rightMonitor])).toEqual(state);
  });

  it('keeps a window on the second monitor', () => {
    const state = { x: 2000, y: 100, width: 1400, height: 900, isMaximized: true };
    expect(clampToDisplays(state, [laptop, rightMonitor])).toEqual(state);
  });

  it('drops the position when the monitor it was on is gone', () => {
    const state = { x: 2000, y: 100, width: 1400, height: 900, isMaximized: false };
    expect(clampToDisplays(state, [laptop])).toEqual({ width: 1400, height: 900, isMaximized: false });
  });

  it('pulls a partly off-screen window back and shrinks it to the work area', () => {
    expect(clampToDisplays({ x: -300, y: 900, width: 3000, height: 900, isMaximized: false }, [laptop])).toEqual({
      x: 0,
      y: 140,
      width: 1920,
      height: 900,
      isMaximized: false,
    });
  });

  it('never goes below the minimum size', () => {
    const small: Rectangle = { x: 0, y: 0, width: 800, height: 600 };
    const result = clampToDisplays({ x: 0, y: 0, width: 300, height: 200, isMaximized: false }, [small]);
    expect(result.width).toBe(MIN_WIDTH);
    expect(result.height).toBe(MIN_HEIGHT);
    expect(result.x).toBe(0);
  });

  it('works without any display information', () => {
    expect(clampToDisplays(DEFAULT_WINDOW_STATE, [])).toEqual(DEFAULT_WINDOW_STATE);
  });
});

describe('loadWindowState and trackWindowState', () => {
  it('falls back to the default when the file is missing or corrupt', () => {
    const missing = () => {
      throw Object.assign(new Error('no file'), { code: 'ENOENT' });
    };
    expect(loadWindowState('/x/window-state.json', [laptop], missing)).toEqual(DEFAULT_WINDOW_STATE);
    expect(loadWindowState('/x/window-state.json', [laptop], () => '{oops')).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('saves the normal bounds and maximized flag on close, and reads them back', () => {
    let onClose: (() => void) | undefined;
    const window = {
      getNormalBounds: () => ({ x: 30, y: 40, width: 1500, height: 950 }),
      isMaximized: () => true,
      on: (_event: 'close', listener: () => void) => {
        onClose = listener;
      },
    };
    const files = new Map<string, string>();
    trackWindowState(window, '/data/window-state.json', (file, text) => files.set(file, text));
    expect(files.size).toBe(0);
    onClose?.();
    const saved = files.get('/data/window-state.json')!;
    expect(parseWindowState(saved)).toEqual({ x: 30, y: 40, width: 1500, height: 950, isMaximized: true });
    expect(loadWindowState('/data/window-state.json', [laptop], (file) => files.get(file)!)).toEqual({
      x: 30,
      y: 40,
      width: 1500,
      height: 950,
      isMaximized: true,
    });
  });

  it('does not throw when the state cannot be written', () => {
    let onClose: (() => void) | undefined;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    trackWindowState(
      { getNormalBounds: () => ({ x: 0, y: 0, width: 1280, height: 800 }), isMaximized: () => false, on: (_e, l) => (onClose = l) },
      '/read-only/window-state.json',
      () => {
        throw new Error('EROFS');
      },
    );
    expect(() => onClose?.()).not.toThrow();
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });
});
