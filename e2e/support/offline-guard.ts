import type { BrowserContext, Page } from '@playwright/test';

/**
 * The app is offline by design: everything it loads comes from its own bundle. This guard watches a browser
 * context and collects (1) every request whose URL is neither on the app's own origin nor a `data:`/`blob:`
 * URL, and (2) every uncaught error of its pages. Outside requests are also aborted, so a test can never
 * actually reach the internet, whatever the machine's network.
 *
 * Requests are seen at the browser's network layer (documents, scripts, fetch/XHR, images, fonts, workers'
 * requests, navigations). The page's CSP is the first wall: a fetch it refuses never reaches the network layer,
 * so the guard also reads Chromium's CSP console messages ("Connecting to '…' violates …") and reports those
 * attempts too: code that tries to reach the outside is a bug even when the CSP stops it. (A refusal inside
 * a worker is not echoed to the page's console and stays unseen.)
 */
export interface OfflineGuard {
  /** URLs (with resource type) that left the app's origin, in order. */
  readonly externalRequests: string[];
  /** Outside URLs the page's Content-Security-Policy refused (the attempt alone is a bug). */
  readonly refusedByCsp: string[];
  /** Uncaught errors thrown in any page of the context. */
  readonly pageErrors: Error[];
  /** Throws one error that lists everything collected, if anything was. */
  assertClean(): void;
  /** Forgets everything collected: for a test that provoked it on purpose and has asserted on it. */
  clear(): void;
}

const ALWAYS_ALLOWED_SCHEMES = new Set(['data:', 'blob:']);

export function isAllowedUrl(url: string, appOrigin: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (ALWAYS_ALLOWED_SCHEMES.has(parsed.protocol)) {
    return true;
  }
  return parsed.origin === appOrigin;
}

/** Chromium's console text when the CSP refuses a URL: "Connecting to '…'", "Loading the image '…'", … */
const CSP_REFUSAL = /^(?:Connecting to|Loading the [\w ]+?) '([^']+)' violates the following Content Security Policy/;

function watchPage(page: Page, guard: OfflineGuard, appOrigin: string): void {
  page.on('pageerror', (error) => guard.pageErrors.push(error));
  // WebSockets are not requests in Playwright's sense; the app opens none, so any WebSocket is reported.
  page.on('websocket', (socket) => guard.externalRequests.push(`websocket ${socket.url()}`));
  page.on('console', (message) => {
    const refusedUrl = message.type() === 'error' ? CSP_REFUSAL.exec(message.text())?.[1] : undefined;
    if (refusedUrl !== undefined && !isAllowedUrl(refusedUrl, appOrigin)) {
      guard.refusedByCsp.push(refusedUrl);
    }
  });
}

/**
 * Starts guarding `context` (call before its first page is opened). The `test` of e2e/fixtures.ts does this for
 * the context of every test; a test that opens a context of its own calls it too and then `assertClean()`.
 */
export async function guardContext(context: BrowserContext, appOrigin: string): Promise<OfflineGuard> {
  const externalRequests: string[] = [];
  const refusedByCsp: string[] = [];
  const pageErrors: Error[] = [];
  const guard: OfflineGuard = {
    externalRequests,
    refusedByCsp,
    pageErrors,
    assertClean() {
      const problems: string[] = [];
      if (externalRequests.length > 0) {
        problems.push(
          `${externalRequests.length} request(s) left ${appOrigin} (the app must work offline):`,
          ...externalRequests.map((line) => `  ${line}`),
        );
      }
      if (refusedByCsp.length > 0) {
        problems.push(
          `${refusedByCsp.length} outside URL(s) refused by the page's Content-Security-Policy (attempted anyway):`,
          ...refusedByCsp.map((url) => `  ${url}`),
        );
      }
      if (pageErrors.length > 0) {
        problems.push(
          `${pageErrors.length} uncaught page error(s):`,
          ...pageErrors.map((error) => `  ${error.stack ?? `${error.name}: ${error.message}`}`),
        );
      }
      if (problems.length > 0) {
        throw new Error(problems.join('\n'));
      }
    },
    clear() {
      externalRequests.length = 0;
      refusedByCsp.length = 0;
      pageErrors.length = 0;
    },
  };

  context.on('request', (request) => {
    if (!isAllowedUrl(request.url(), appOrigin)) {
      externalRequests.push(`${request.resourceType()} ${request.method()} ${request.url()}`);
    }
  });
  context.on('page', (page) => watchPage(page, guard, appOrigin));
  for (const page of context.pages()) {
    watchPage(page, guard, appOrigin);
  }
  await context.route(
    (url) => !isAllowedUrl(url.href, appOrigin),
    (route) => route.abort('blockedbyclient'),
  );
  return guard;
}
