import { describe, expect, it, vi } from 'vitest';
import type { App, Session, WebContents } from 'electron';
import { hardenSession, hardenWebContents, installWebContentsGuard, isAllowedRequestUrl, isPermissionAllowed } from './security';

type Listener = (...args: unknown[]) => unknown;

function fakeWebContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => unknown) | undefined;
  const contents = {
    on: (event: string, listener: Listener) => listeners.set(event, listener),
    setWindowOpenHandler: (handler: (details: { url: string }) => unknown) => {
      openHandler = handler;
    },
  };
  return { contents: contents as unknown as WebContents, listeners, open: (url: string) => openHandler?.({ url }) };
}

describe('hardenWebContents', () => {
  it('prevents every navigation, even to our own origin', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { contents, listeners } = fakeWebContents();
    hardenWebContents(contents);
    for (const url of ['https://example.com/', 'app://bundle/index.html', 'file:///etc/passwd']) {
      const event = { preventDefault: vi.fn() };
      listeners.get('will-navigate')?.(event, url);
      expect(event.preventDefault).toHaveBeenCalled();
    }
    const webview = { preventDefault: vi.fn() };
    listeners.get('will-attach-webview')?.(webview);
    expect(webview.preventDefault).toHaveBeenCalled();
    warn.mockRestore();
  });

  it('denies every window.open', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { contents, open } = fakeWebContents();
    hardenWebContents(contents);
    expect(open('https://example.com/')).toEqual({ action: 'deny' });
    expect(open('app://bundle/index.html')).toEqual({ action: 'deny' });
    warn.mockRestore();
  });
});

describe('installWebContentsGuard', () => {
  it('hardens every webContents that is created', () => {
    let created: Listener | undefined;
    installWebContentsGuard({ on: (_event: string, listener: Listener) => (created = listener) } as unknown as App);
    const { contents, listeners } = fakeWebContents();
    created?.({}, contents);
    expect(listeners.has('will-navigate')).toBe(true);
  });
});

describe('permissions and requests', () => {
  it('grants only storage persistence and clipboard writes, only to our page', () => {
    expect(isPermissionAllowed('persistent-storage', 'app://bundle/index.html')).toBe(true);
    expect(isPermissionAllowed('persistent-storage', 'app://bundle')).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://bundle/')).toBe(true);
    expect(isPermissionAllowed('persistent-storage', 'https://example.com')).toBe(false);
    expect(isPermissionAllowed('persistent-storage', undefined)).toBe(false);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fileSystem', 'unknown']) {
      expect(isPermissionAllowed(permission, 'app://bundle/index.html'), permission).toBe(false);
    }
  });

  it('lets only app:, blob:, data: and devtools: requests through', () => {
    for (const url of ['app://bundle/assets/a.js', 'blob:app://bundle/1234', 'data:image/png;base64,AA', 'devtools://devtools/x']) {
      expect(isAllowedRequestUrl(url), url).toBe(true);
    }
    for (const url of ['https://example.com/', 'http://127.0.0.1/', 'file:///etc/passwd', 'ws://x/', 'ftp://x/', 'garbage']) {
      expect(isAllowedRequestUrl(url), url).toBe(false);
    }
  });

  it('installs the handlers on the session', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const handlers: Record<string, Listener> = {};
    const session = {
      setPermissionRequestHandler: (handler: Listener) => (handlers.request = handler),
      setPermissionCheckHandler: (handler: Listener) => (handlers.check = handler),
      setDevicePermissionHandler: (handler: Listener) => (handlers.device = handler),
      webRequest: { onBeforeRequest: (handler: Listener) => (handlers.beforeRequest = handler) },
    };
    hardenSession(session as unknown as Session);

    const decide = vi.fn();
    handlers.request({}, 'media', decide, { requestingUrl: 'app://bundle/index.html' });
    expect(decide).toHaveBeenLastCalledWith(false);
    handlers.request({}, 'persistent-storage', decide, { requestingUrl: 'app://bundle/index.html' });
    expect(decide).toHaveBeenLastCalledWith(true);
    expect(handlers.check({}, 'geolocation', 'app://bundle')).toBe(false);
    expect(handlers.device({})).toBe(false);

    const respond = vi.fn();
    handlers.beforeRequest({ url: 'https://example.com/track.js' }, respond);
    expect(respond).toHaveBeenLastCalledWith({ cancel: true });
    handlers.beforeRequest({ url: 'app://bundle/index.html' }, respond);
    expect(respond).toHaveBeenLastCalledWith({ cancel: false });
    warn.mockRestore();
  });
});
