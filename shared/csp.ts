/**
 * The one Content-Security-Policy of the app: served as a header by Electron's app:// protocol and as a
 * <meta> tag in the built index.html. Everything comes from the app's own files; no remote origin, no eval.
 * 'unsafe-inline' for styles only: antd's CSS-in-JS injects <style> elements at run time.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' blob: data:",
  "font-src 'self' data:",
  "media-src 'self' blob:",
  "worker-src 'self' blob:",
  "connect-src 'self' blob: data:",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
