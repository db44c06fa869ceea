import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGIN, isTrustedSenderUrl } from './trusted-url';

describe('isTrustedSenderUrl', () => {
  it.each([APP_ENTRY_URL, `${APP_ORIGIN}/`, `${APP_ORIGIN}`, `${APP_ORIGIN}/index.html#/members?x=1`])('trusts %s', (url) => {
    expect(isTrustedSenderUrl(url)).toBe(true);
  });

  it.each([
    'https://bundle/index.html',
    'http://127.0.0.1:4173/',
    'file:///work/main/dist/renderer/index.html',
    'app://evil/index.html',
    'app://bundle.evil.com/index.html',
    'app://user:pw@bundle/index.html',
    'app://bundle:8080/index.html',
    'devtools://devtools/bundled/inspector.html',
    'about:blank',
    'data:text/html,<p>x</p>',
    'not a url',
    '',
  ])('does not trust %s', (url) => {
    expect(isTrustedSenderUrl(url)).toBe(false);
  });
});
