/**
 * How every Chromium of this project is started (e2e tests and `npm run bench`): Debian's Chromium, never one that
 * `playwright install` downloads. Without the background-networking flags Chromium tries Google's hosts at start.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
