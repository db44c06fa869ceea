import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './e2e/support/chromium';

/**
 * End-to-end tests. `npm run test:e2e` runs `vite build` first; the 'web' project then drives the built renderer
 * (dist/renderer) in Chromium, served by `vite preview` on its own port: 4179, not the 4173 of `npm run web`,
 * so a preview left running for a demo does not collide with the tests.
 * Every web test uses e2e/fixtures.ts: a fresh browser context per test and a guard that fails the test when
 * the page reaches anything but this server or throws an uncaught error.
 */
const WEB_PORT = Number(process.env.E2E_PORT ?? 4179);
const WEB_ORIGIN = `http://127.0.0.1:${WEB_PORT}`;

/** Debian's Chromium (`apt-get install chromium`); never `playwright install` on the CI machine. */
const requestedChromium = CHROMIUM_PATH;
const chromiumPath = existsSync(requestedChromium) ? requestedChromium : undefined;
// The config is loaded by the runner and again by each worker: say it once.
if (!chromiumPath && !process.env.TEST_WORKER_INDEX) {
  console.log(
    `[playwright.config] no Chromium at ${requestedChromium}: falling back to Playwright's own browser ` +
      '(on a developer machine: `npx playwright install chromium`; or set CHROMIUM_PATH to a Chromium binary).',
  );
}

export default defineConfig({
  // Two cores: one worker keeps timings honest and the machine responsive.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  outputDir: 'test-results',

  use: {
    locale: 'zh-CN',
    // The app turns antd's animations off for users who ask for less motion: clicks never land mid-animation.
    reducedMotion: 'reduce',
    timezoneId: 'Asia/Shanghai',
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: {
      executablePath: chromiumPath,
      args: CHROMIUM_ARGS,
    },
  },

  projects: [
    {
      name: 'web',
      testDir: 'e2e/web',
      use: {
        browserName: 'chromium',
        baseURL: WEB_ORIGIN,
      },
    },
    {
      // The Electron app itself (e2e/electron/fixtures.ts): skipped, saying why, where the binary is missing.
      name: 'electron',
      testDir: 'e2e/electron',
      // Each test launches the app (one launches it twice).
      timeout: 60_000,
    },
  ],

  webServer: {
    command: `npx vite preview --port ${WEB_PORT} --strictPort`,
    url: WEB_ORIGIN,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
