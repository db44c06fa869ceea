/**
 * The app:// scheme: the renderer's files from dist/renderer, never file:// and never a server.
 * Standard + secure gives the page a real origin (IndexedDB, workers, fetch); the CSP travels as a header.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '@shared/csp';
import { APP_HOST, APP_SCHEME, parseUrl } from './trusted-url';
import { errorCode } from '@shared/errors';

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** Must run before app 'ready': privileges cannot be granted later. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
    },
  ]);
}

/**
 * Maps app://bundle/<path> to a file under root, or null when the URL is not ours or would leave root:
 * '..' (also percent-encoded), encoded separators, backslashes, drive letters, NUL, other hosts.
 */
export function resolveAppPath(root: string, url: string): string | null {
  const parsed = parseUrl(url);
  if (parsed === null || parsed.protocol !== `${APP_SCHEME}:` || parsed.hostname !== APP_HOST) {
    return null;
  }
  if (parsed.port !== '' || parsed.username !== '' || parsed.password !== '') {
    return null;
  }
  const segments: string[] = [];
  for (const rawSegment of parsed.pathname.split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(rawSegment);
    } catch {
      return null;
    }
    // A decoded segment must still be one name: no separators of any platform, no drive or stream colons.
    if (/[/\\:\u0000]/.test(segment) || segment === '..') {
      return null;
    }
    if (segment !== '' && segment !== '.') {
      segments.push(segment);
    }
  }
  const resolvedRoot = path.resolve(root);
  const filePath = path.resolve(resolvedRoot, ...(segments.length > 0 ? segments : ['index.html']));
  const relative = path.relative(resolvedRoot, filePath);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    return null;
  }
  return filePath;
}

export function appResponseHeaders(filePath: string): Record<string, string> {
  return {
    'Content-Type': mimeTypeFor(filePath),
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  };
}

export type ReadFileBytes = (filePath: string) => Promise<Uint8Array>;

function textResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

/** The protocol.handle callback, with the file reader injectable so that tests need no Electron. */
export function createAppRequestHandler(
  root: string,
  readBytes: ReadFileBytes = readFile,
): (request: Request) => Promise<Response> {
  const indexPath = path.join(path.resolve(root), 'index.html');

  async function respondWithFile(filePath: string, method: string): Promise<Response> {
    const bytes = await readBytes(filePath);
    // fs hands back an ArrayBuffer-backed Buffer (never shared memory); the cast only satisfies BodyInit.
    const body = method === 'HEAD' ? null : (bytes as Uint8Array<ArrayBuffer>);
    return new Response(body, { status: 200, headers: appResponseHeaders(filePath) });
  }

  return async function handleAppRequest(request: Request): Promise<Response> {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return textResponse(405, 'Method Not Allowed');
    }
    const filePath = resolveAppPath(root, request.url);
    if (filePath === null) {
      return textResponse(404, 'Not Found');
    }
    try {
      return await respondWithFile(filePath, request.method);
    } catch (error) {
      const code = errorCode(error);
      if (code !== 'ENOENT' && code !== 'EISDIR' && code !== 'ENOTDIR') {
        console.error(`[branch-ledger] app:// could not read ${filePath}:`, error);
        return textResponse(500, 'Internal Error');
      }
      // Client-side routes (no extension) get the app shell after a reload; missing assets stay 404.
      if (path.extname(filePath) === '' && filePath !== indexPath) {
        return respondWithFile(indexPath, request.method);
      }
      return textResponse(404, 'Not Found');
    }
  };
}

/** Serves dist/renderer on app:// for the default session. Call after app 'ready'. */
export function serveAppProtocol(protocol: Pick<Protocol, 'handle'>, root: string): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(root));
}
