/**
 * Remembers the window's size, position and maximized state in userData/window-state.json, and never
 * restores it off-screen (a laptop undocked from its second monitor).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { BrowserWindow, Rectangle } from 'electron';
import { z } from 'zod';
import { DEFAULT_HEIGHT, DEFAULT_WIDTH, MIN_HEIGHT, MIN_WIDTH, type WindowBounds } from './window-options';

export const WINDOW_STATE_FILE = 'window-state.json';

const coordinate = z.number().int().min(-100_000).max(100_000);
const extent = z.number().int().min(1).max(100_000);

const windowStateSchema = z.object({
  x: coordinate.optional(),
  y: coordinate.optional(),
  width: extent,
  height: extent,
  isMaximized: z.boolean().default(false),
});

export interface WindowState extends WindowBounds {
  isMaximized: boolean;
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: DEFAULT_WIDTH, height: DEFAULT_HEIGHT, isMaximized: false };

/** The saved state, or null when the file text is not valid JSON of the right shape. */
export function parseWindowState(text: string): WindowState | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const result = windowStateSchema.safeParse(json);
  if (!result.success) {
    return null;
  }
  const { x, y, width, height, isMaximized } = result.data;
  // A position is only meaningful as a pair.
  return x !== undefined && y !== undefined ? { x, y, width, height, isMaximized } : { width, height, isMaximized };
}

function intersectionArea(a: Rectangle, b: Rectangle): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

/**
 * Fits the state into the displays' work areas: size at least the minimum and at most the work area, the
 * whole window on the display it overlaps most. Without an overlapping display the position is dropped so
 * that Electron centres the window on the primary display.
 */
export function clampToDisplays(state: WindowState, workAreas: Rectangle[]): WindowState {
  const primary = workAreas[0];
  const fitSize = (area: Rectangle | undefined): { width: number; height: number } => ({
    width: Math.max(MIN_WIDTH, Math.min(state.width, area?.width ?? state.width)),
    height: Math.max(MIN_HEIGHT, Math.min(state.height, area?.height ?? state.height)),
  });
  if (state.x === undefined || state.y === undefined) {
    return { ...fitSize(primary), isMaximized: state.isMaximized };
  }
  const windowRect: Rectangle = { x: state.x, y: state.y, width: state.width, height: state.height };
  let best: Rectangle | undefined;
  let bestArea = 0;
  for (const area of workAreas) {
    const overlap = intersectionArea(windowRect, area);
    if (overlap > bestArea) {
      best = area;
      bestArea = overlap;
    }
  }
  if (best === undefined) {
    return { ...fitSize(primary), isMaximized: state.isMaximized };
  }
  const size = fitSize(best);
  const x = Math.min(Math.max(state.x, best.x), best.x + Math.max(0, best.width - size.width));
  const y = Math.min(Math.max(state.y, best.y), best.y + Math.max(0, best.height - size.height));
  return { x, y, ...size, isMaximized: state.isMaximized };
}

export function loadWindowState(
  filePath: string,
  workAreas: Rectangle[],
  readText: (filePath: string) => string = (file) => readFileSync(file, 'utf8'),
): WindowState {
  let text: string;
  try {
    text = readText(filePath);
  } catch {
    return clampToDisplays(DEFAULT_WINDOW_STATE, workAreas);
  }
  return clampToDisplays(parseWindowState(text) ?? DEFAULT_WINDOW_STATE, workAreas);
}

type TrackedWindow = Pick<BrowserWindow, 'getNormalBounds' | 'isMaximized'> & {
  on(event: 'close', listener: () => void): unknown;
};

export function currentWindowState(window: Pick<BrowserWindow, 'getNormalBounds' | 'isMaximized'>): WindowState {
  // Normal bounds: a maximized window restores to the size the user last chose, not to the screen size.
  const { x, y, width, height } = window.getNormalBounds();
  return { x, y, width, height, isMaximized: window.isMaximized() };
}

/** Saves the state when the window closes (synchronously: the process may end right after). */
export function trackWindowState(
  window: TrackedWindow,
  filePath: string,
  writeText: (filePath: string, text: string) => void = (file, text) => writeFileSync(file, text, 'utf8'),
): void {
  window.on('close', () => {
    try {
      writeText(filePath, `${JSON.stringify(currentWindowState(window), null, 2)}\n`);
    } catch (error) {
      console.warn('[branch-ledger] could not save the window state:', error);
    }
  });
}
