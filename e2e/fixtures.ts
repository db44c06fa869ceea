import { test as base, expect, type Page } from '@playwright/test';
import { guardContext, type OfflineGuard } from './support/offline-guard';

/**
 * The `test` every web spec imports (`import { test, expect, gotoApp } from '../fixtures'`).
 *
 * Fresh profile: Playwright gives each test a new browser context, and a context is its own profile as far as
 * the app can tell: IndexedDB, localStorage, cookies, caches and service workers are per context and gone when
 * it closes. So every test starts with an empty database, and no test sees another's data.
 * (A profile on disk — `launchPersistentContext(tmpDir)` — is only needed to test what survives a restart.)
 *
 * Offline and error-free: the context is guarded (support/offline-guard.ts). After the test, it fails if any
 * request left the app's origin (`data:` and `blob:` are fine) or any page threw an uncaught error; the message
 * lists the URLs and errors. Outside requests are aborted as they happen.
 */
export interface AppFixtures {
  /** What the guard collected for this test; a test that provokes an error on purpose asserts on it, then clear(). */
  offlineGuard: OfflineGuard;
}

export const test = base.extend<AppFixtures>({
  offlineGuard: [
    async ({ context, baseURL }, use) => {
      if (!baseURL) {
        throw new Error('e2e/fixtures: the project must set use.baseURL (the app origin the guard allows).');
      }
      const guard = await guardContext(context, new URL(baseURL).origin);
      await use(guard);
      guard.assertClean();
    },
    // auto: every test is guarded, whether it asks for the fixture or not; it is set up before `page` exists.
    { auto: true },
  ],
});

export { expect };

/** Opens the app and waits until React has rendered something into #root. */
export async function gotoApp(page: Page): Promise<Page> {
  await page.goto('/');
  await page.locator('#root *').first().waitFor({ state: 'attached' });
  return page;
}
