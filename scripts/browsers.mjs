// Finds the browsers the tests run in: Debian's Chromium (./chromium.mjs), Firefox ESR, and
// WebKitGTK's MiniBrowser with its WebDriver server. FIREFOX_PATH overrides the Firefox search.
import { existsSync } from 'node:fs';

export { findChromium, CHROMIUM_ARGS } from './chromium.mjs';

const FIREFOX_CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/usr/lib/firefox-esr/firefox-esr', '/Applications/Firefox.app/Contents/MacOS/firefox'];

/** The path of a Firefox binary, or null. */
export function findFirefox() {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return FIREFOX_CANDIDATES.find((p) => existsSync(p)) ?? null;
}

const MINIBROWSER_CANDIDATES = [
  '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.0/MiniBrowser',
  '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.0/MiniBrowser',
];

/** WebKitGTK's WebDriver server and MiniBrowser, or null when either is missing. */
export function findWebKit() {
  const driver = ['/usr/bin/WebKitWebDriver'].find((p) => existsSync(p));
  const miniBrowser = MINIBROWSER_CANDIDATES.find((p) => existsSync(p));
  return driver && miniBrowser ? { driver, miniBrowser } : null;
}
