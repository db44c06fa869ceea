/**
 * Bundles the Electron main process and preload into dist-electron/ with esbuild.
 * Bundling means the packaged app needs no runtime `dependencies`; the sandboxed preload must be one file.
 */
import { copyFile, mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'dist-electron');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  external: ['electron'],
  alias: { '@shared': path.join(root, 'shared') },
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'none',
  metafile: true,
  absWorkingDir: root,
};

await rm(outDir, { recursive: true, force: true });
await mkdir(outDir, { recursive: true });

const results = await Promise.all([
  build({ ...common, entryPoints: [path.join(root, 'electron/main.ts')], outfile: path.join(outDir, 'main.cjs') }),
  build({
    ...common,
    entryPoints: [path.join(root, 'electron/preload.ts')],
    outfile: path.join(outDir, 'preload.cjs'),
  }),
]);

// A sandboxed preload may require 'electron' and nothing else; fail the build instead of the app.
const preload = await readFile(path.join(outDir, 'preload.cjs'), 'utf8');
const required = [...preload.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((match) => match[1]);
const forbidden = required.filter((name) => name !== 'electron');
if (forbidden.length > 0) {
  console.error(`preload.cjs requires ${forbidden.join(', ')}: a sandboxed preload may only require 'electron'`);
  process.exit(1);
}

// Linux window icon (Windows takes the icon from the exe); packaged with dist-electron/**.
await copyFile(path.join(root, 'build/icon.png'), path.join(outDir, 'icon.png'));

for (const result of results) {
  for (const [file, output] of Object.entries(result.metafile.outputs)) {
    if (!file.endsWith('.map')) {
      console.log(`${path.relative(root, path.resolve(root, file))}  ${(output.bytes / 1024).toFixed(1)} kB`);
    }
  }
}
