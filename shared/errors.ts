/**
 * The two error helpers every layer shares: the error of a job the user stopped, and the text of a thrown value
 * for a message to the user.
 */

/**
 * A job the user stopped (reading a file, exporting, making or verifying a 检查材料包). Not a failure: callers
 * say "已取消…" in their own words and keep nothing half-written.
 */
export class CancelledError extends Error {
  /** @param what the stopped job, for logs and `messageOf`: `读取` gives `已取消读取`. */
  constructor(what = '') {
    super(`已取消${what}`);
    this.name = 'CancelledError';
  }
}

/** Our own messages are written for the user in Chinese; a library's or the browser's own are not. */
const CHINESE = /[\u4e00-\u9fff]/;

/**
 * The text of a thrown value, for a message to the user: an Error's message, a thrown string as it is.
 * With `fallback`, a message that was not written for the user (no Chinese in it, e.g. an inflate error inside a
 * zip library) or an empty one gives way to the caller's words; without it, it is shown as it is.
 */
export function messageOf(error: unknown, fallback?: string): string {
  const text = error instanceof Error ? error.message : typeof error === 'string' ? error : undefined;
  if (fallback !== undefined && (text === undefined || !CHINESE.test(text))) {
    return fallback;
  }
  if (text !== undefined && text !== '') {
    return text;
  }
  return error instanceof Error ? error.name : String(error);
}

/** The `code` of a system error (`ENOENT`, `EACCES` …), to word it for the user; undefined for other values. */
export function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}
