import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '@shared/csp';
import { createAppRequestHandler, mimeTypeFor, registerAppScheme, resolveAppPath } from './protocol';

const root = path.resolve('/srv/app/dist/renderer');

describe('resolveAppPath', () => {
  it.each([
    ['app://bundle/index.html', 'index.html'],
    ['app://bundle/', 'index.html'],
    ['app://bundle', 'index.html'],
    ['app://bundle/assets/index-abc.js', 'assets/index-abc.js'],
    ['app://bundle/assets/./x.css', 'assets/x.css'],
    ['app://bundle/assets/%E5%8F%B0%E8%B4%A6.png', 'assets/台账.png'],
    ['app://bundle/index.html?v=1#/members', 'index.html'],
    ['app://bundle//assets//x.js', 'assets/x.js'],
  ])('maps %s inside root', (url, relative) => {
    expect(resolveAppPath(root, url)).toBe(path.join(root, relative));
  });

  // The URL parser (Node's here, Chromium's in the app) folds plain and %2e-encoded dot segments at the
  // root, so these can only ever reach root/secret.txt, inside root.
  it.each(['app://bundle/../secret.txt', 'app://bundle/assets/../../secret.txt', 'app://bundle/%2e%2e/secret.txt'])(
    'keeps %s inside root',
    (url) => {
      expect(resolveAppPath(root, url)).toBe(path.join(root, 'secret.txt'));
    },
  );

  it.each([
    'app://bundle/..%2f..%2fsecret.txt',
    'app://bundle/..%2F..%2Fsecret.txt',
    'app://bundle/%2e%2e%2fsecret.txt',
    'app://bundle/..%5c..%5csecret.txt',
    'app://bundle/..\\..\\secret.txt',
    'app://bundle/assets\\..\\..\\secret.txt',
    'app://bundle/%2fetc%2fpasswd',
    'app://bundle/C:/Windows/win.ini',
    'app://bundle/C%3A%5CWindows%5Cwin.ini',
    'app://bundle/index.html%00.png',
    'app://bundle/%E0%A4%A',
    'app:///etc/passwd',
    'app://evil/index.html',
    'app://bundle:80/index.html',
    'app://u:p@bundle/index.html',
    'file:///etc/passwd',
    'https://bundle/index.html',
    '/etc/passwd',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppPath(root, url)).toBeNull();
  });
});

describe('mimeTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a.js', 'text/javascript; charset=utf-8'],
    ['a.MJS', 'text/javascript; charset=utf-8'],
    ['a.css', 'text/css; charset=utf-8'],
    ['a.svg', 'image/svg+xml'],
    ['a.woff2', 'font/woff2'],
    ['a.wasm', 'application/wasm'],
    ['a.unknown', 'application/octet-stream'],
  ])('%s → %s', (file, mime) => {
    expect(mimeTypeFor(file)).toBe(mime);
  });
});

describe('registerAppScheme', () => {
  it('registers app: as standard, secure and fetchable', () => {
    const registerSchemesAsPrivileged = vi.fn();
    registerAppScheme({ registerSchemesAsPrivileged });
    expect(registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }),
      }),
    ]);
  });
});

describe('createAppRequestHandler', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'branch-ledger-protocol-'));
  const renderer = path.join(dir, 'renderer');
  mkdirSync(path.join(renderer, 'assets'), { recursive: true });
  writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>支部台账</title>');
  writeFileSync(path.join(renderer, 'assets', 'main.js'), 'console.log(1)');
  writeFileSync(path.join(dir, 'secret.txt'), 'secret');
  const handle = createAppRequestHandler(renderer);

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves files with their MIME type and the CSP', async () => {
    const response = await handle(new Request('app://bundle/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('支部台账');
    const script = await handle(new Request('app://bundle/assets/main.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers 404 for traversal, missing assets and other hosts', async () => {
    for (const url of ['app://bundle/..%2fsecret.txt', 'app://bundle/assets/missing.js', 'app://other/index.html']) {
      const response = await handle(new Request(url));
      expect(response.status, url).toBe(404);
      expect(await response.text()).not.toContain('secret');
    }
  });

  it('serves the app shell for client-side routes', async () => {
    const response = await handle(new Request('app://bundle/members'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });

  it('refuses writes', async () => {
    const response = await handle(new Request('app://bundle/index.html', { method: 'POST', body: 'x' }));
    expect(response.status).toBe(405);
  });

  it('answers 500 (not the file) when reading fails otherwise', async () => {
    const failing = createAppRequestHandler(renderer, async () => {
      throw Object.assign(new Error('locked'), { code: 'EBUSY' });
    });
    const errorSpy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const response = await failing(new Request('app://bundle/index.html'));
    expect(response.status).toBe(500);
    errorSpy.mockRestore();
  });
});
