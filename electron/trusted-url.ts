/**
 * Which URLs are the app's own. The renderer is served only from app://bundle/ (see protocol.ts), so that
 * origin is the one thing main trusts: IPC senders, permission requests.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'bundle';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Parses without throwing; null for anything that is not a URL. */
export function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True only for app://bundle/… (no credentials, no port). */
export function isTrustedSenderUrl(url: string): boolean {
  const parsed = parseUrl(url);
  if (parsed === null) {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
