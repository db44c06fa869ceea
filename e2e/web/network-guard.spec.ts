// The app works offline: nothing it does may reach beyond its own origin. These tests check the app's first
// screen against that, and check the guard of e2e/fixtures.ts itself, which every other web test relies on.
import { expect, gotoApp, test } from '../fixtures';

test('the app opens without any request leaving 127.0.0.1 and without a page error', async ({ page }) => {
  await gotoApp(page);
  // Let lazily loaded chunks, fonts and workers of the first screen arrive; the guard checks them after the test.
  await page.waitForLoadState('networkidle');
});

test('the guard fails a test whose page fetches another host', async ({ page, offlineGuard }) => {
  test.fail(true, 'the fixture must fail this test after it ends: the page tried to reach example.com');
  await gotoApp(page);
  await page.evaluate(() => fetch('https://example.com/').catch(() => undefined));
  await expect.poll(() => offlineGuard.refusedByCsp.length + offlineGuard.externalRequests.length).toBeGreaterThan(0);
});

test('the guard names every outside request and page error it saw', async ({ page, offlineGuard }) => {
  await gotoApp(page);

  // Refused by the page's CSP before the network: reported all the same.
  await page.evaluate(() => fetch('https://example.com/api').catch(() => undefined));
  // Not covered by connect-src: a top-level navigation reaches the network layer, where the guard aborts it.
  const navigation = page.waitForEvent('requestfailed', (request) => request.url().startsWith('https://example.org/'));
  await page.evaluate(() => {
    setTimeout(() => {
      throw new Error('没有捕获的错误');
    });
    setTimeout(() => window.location.assign('https://example.org/elsewhere'), 50);
  });
  expect((await navigation).failure()?.errorText).toContain('ERR_BLOCKED_BY_CLIENT');

  await expect.poll(() => offlineGuard.refusedByCsp).toEqual(['https://example.com/api']);
  expect(offlineGuard.externalRequests).toEqual(['document GET https://example.org/elsewhere']);
  expect(offlineGuard.pageErrors.map((error) => error.message)).toEqual(['没有捕获的错误']);
  expect(() => offlineGuard.assertClean()).toThrow(/example\.org\/elsewhere[\s\S]*example\.com\/api[\s\S]*没有捕获的错误/);

  // Provoked on purpose and asserted above: let this test pass.
  offlineGuard.clear();
});
