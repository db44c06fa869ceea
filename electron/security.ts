/**
 * Hardening that does not depend on any one window: navigation, new windows, permissions, network.
 * The app is offline and single-page, so every navigation and every popup is refused outright.
 */
import type { App, Session, WebContents } from 'electron';
import { isTrustedSenderUrl, parseUrl } from './trusted-url';

/** Schemes the renderer may load from: its own bundle, in-memory objects, and DevTools in development. */
const ALLOWED_REQUEST_PROTOCOLS = new Set(['app:', 'blob:', 'data:', 'devtools:']);

/**
 * The only permissions our own page gets. Keeping IndexedDB from eviction is the point of
 * navigator.storage.persist(), and sanitized clipboard writes back the 复制 buttons; everything
 * else (camera, microphone, notifications, geolocation, clipboard reads, …) is refused.
 */
const ALLOWED_PERMISSIONS = new Set(['persistent-storage', 'clipboard-sanitized-write']);

export function isAllowedRequestUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return parsed !== null && ALLOWED_REQUEST_PROTOCOLS.has(parsed.protocol);
}

export function isPermissionAllowed(permission: string, requestingUrl: string | undefined): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && requestingUrl !== undefined && isTrustedSenderUrl(requestingUrl);
}

/** Denies every navigation, popup and <webview> of one webContents. */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    console.warn(`[branch-ledger] blocked navigation to ${url}`);
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    console.warn(`[branch-ledger] blocked window.open of ${url}`);
    return { action: 'deny' };
  });
}

/** Applies hardenWebContents to every webContents ever created (windows, DevTools, anything future). */
export function installWebContentsGuard(app: Pick<App, 'on'>): void {
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents);
  });
}

/** Permissions and network for a session: only our own schemes load, and (almost) no permission is granted. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin),
  );
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequestUrl(details.url);
    if (!allowed) {
      console.warn(`[branch-ledger] blocked request to ${details.url}`);
    }
    callback({ cancel: !allowed });
  });
}
