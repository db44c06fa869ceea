import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { measureInitialBundle, staticImportsOf } from './bundleSize';

describe('initial bundle', () => {
  it('follows static imports of minified chunks, not dynamic ones', () => {
    const code = 'import{a as b}from"./x-1.js";import"./side.js";export{c}from"./re.js";const p=()=>import("./page.js");';
    expect(staticImportsOf(code)).toEqual(['./x-1.js', './side.js', './re.js']);
  });

  it('sums the entry and what it imports statically, transitively, once each', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bundle-size-'));
    try {
      await mkdir(join(dir, 'assets'));
      await writeFile(join(dir, 'index.html'), '<script type="module" crossorigin src="./assets/index.js"></script>');
      await writeFile(join(dir, 'assets/index.js'), 'import"./a.js";import{x}from"./b.js";import("./lazy.js");');
      await writeFile(join(dir, 'assets/a.js'), 'import"./b.js";');
      await writeFile(join(dir, 'assets/b.js'), 'export const x=1;');
      await writeFile(join(dir, 'assets/lazy.js'), 'x'.repeat(10_000));
      const figures = await measureInitialBundle(dir);
      expect(figures.chunks.sort()).toEqual(['assets/a.js', 'assets/b.js', 'assets/index.js']);
      expect(figures.bytes).toBeLessThan(200);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
