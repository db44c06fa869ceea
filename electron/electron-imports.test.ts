import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dir = path.dirname(fileURLToPath(import.meta.url));
/** Only these may load 'electron' at run time; the rest take Electron objects as parameters. */
const THIN_ENTRY_FILES = ['main.ts', 'preload.ts'];

describe('electron imports', () => {
  const sources = readdirSync(dir).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'));

  it.each(sources)('%s loads electron only if it is an entry file', (file) => {
    const text = readFileSync(path.join(dir, file), 'utf8');
    const valueImport = /^import\s+(?!type\b)[^;]*\bfrom\s+['"]electron['"]/m.test(text) || /require\(['"]electron['"]\)/.test(text);
    expect(valueImport).toBe(THIN_ENTRY_FILES.includes(file));
  });

  it('keeps the renderer platform away from electron/', () => {
    const platform = readFileSync(path.join(dir, '../renderer/src/platform/electron.ts'), 'utf8');
    expect(platform).not.toMatch(/from\s+['"][./]*electron\//);
    expect(platform).not.toMatch(/from\s+['"]electron['"]/);
  });
});
