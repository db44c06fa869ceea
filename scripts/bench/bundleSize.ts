/**
 * Initial JavaScript of a renderer build: the entry script of `index.html` and every chunk it imports statically,
 * transitively (what the browser must fetch and parse before the first screen). Chunks reached only through
 * `import()` (pages, ECharts, ExcelJS, docx, workers) are left out: they load on first use.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export const INITIAL_JS_GZIP_GOAL_KB = 500;

export interface BundleFigures {
  /** The initial chunks, paths relative to the build folder. */
  chunks: string[];
  bytes: number;
  gzipBytes: number;
  /** The largest initial chunk (path, gzip bytes). */
  largest: { path: string; gzipBytes: number };
}

/** `import … from "./x.js"`, `import "./x.js"` and `export … from "./x.js"` of minified ES modules; not `import("…")`. */
const STATIC_IMPORT = /(?:\bimport|\bexport)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g;

export function staticImportsOf(code: string): string[] {
  return [...code.matchAll(STATIC_IMPORT)].map((m) => m[1]);
}

export async function measureInitialBundle(buildDir: string): Promise<BundleFigures> {
  const html = await readFile(join(buildDir, 'index.html'), 'utf8');
  const entries = [...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g)].map((m) => join(buildDir, m[1]));
  const seen = new Set<string>();
  const queue = [...entries];
  let bytes = 0;
  let gzipBytes = 0;
  let largest = { path: '', gzipBytes: 0 };
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (seen.has(file)) continue;
    seen.add(file);
    const code = await readFile(file);
    const gz = gzipSync(code, { level: 9 }).length;
    bytes += code.length;
    gzipBytes += gz;
    if (gz > largest.gzipBytes) largest = { path: relative(buildDir, file), gzipBytes: gz };
    for (const spec of staticImportsOf(code.toString('utf8'))) {
      queue.push(join(dirname(file), spec));
    }
  }
  return { chunks: [...seen].map((f) => relative(buildDir, f)), bytes, gzipBytes, largest };
}
