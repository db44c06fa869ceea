import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { CONTENT_SECURITY_POLICY } from './shared/csp.ts';

const root = fileURLToPath(new URL('./renderer', import.meta.url));
/** The app's own icon (build/icons, made by build/generate-icons.mjs), served as the page's favicon. */
const FAVICON = fileURLToPath(new URL('./build/icons/32x32.png', import.meta.url));

export default defineConfig({
  root,
  // Relative base: the same build loads from app://bundle/ in Electron and from http://127.0.0.1 in a browser.
  base: './',
  plugins: [
    react(),
    {
      // The production page carries its own CSP, so a plain browser enforces the same policy as Electron.
      name: 'branch-ledger-csp',
      apply: 'build',
      transformIndexHtml: (html) =>
        html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`),
    },
    {
      // Without an icon of its own the browser asks for /favicon.ico and gets a 404.
      name: 'branch-ledger-favicon',
      apply: 'build',
      transformIndexHtml: (html) => html.replace('</title>', '</title>\n    <link rel="icon" type="image/png" href="./favicon.png" />'),
      generateBundle() {
        this.emitFile({ type: 'asset', fileName: 'favicon.png', source: readFileSync(FAVICON) });
      },
    },
  ],
  resolve: {
    alias: { '@shared': fileURLToPath(new URL('./shared', import.meta.url)) },
  },
  build: {
    // RENDERER_OUT_DIR lets parallel work build and serve its own copy; the app and CI use dist/renderer.
    outDir: process.env.RENDERER_OUT_DIR ?? fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome128',
    chunkSizeWarningLimit: 1500,
  },
  worker: { format: 'es' },
  preview: {
    host: '127.0.0.1',
    port: Number(process.env.PORT ?? 4173),
    strictPort: true,
  },
  test: {
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['{shared,renderer,electron,scripts}/**/*.test.{ts,tsx}', '*.test.ts'],
    environment: 'node',
    testTimeout: 20000,
  },
});
