/**
 * What differs between the engines the browser tests run in, in one place. Media emulation
 * (`prefers-color-scheme`, `prefers-reduced-motion`): only
 * Chromium can emulate media here (its DevTools protocol): Firefox's WebDriver BiDi and
 * WebKitGTK's WebDriver have no such command. Tests that need it say so in their name and are
 * skipped in the other engines; the dark palette itself is tested in every engine through the
 * `theme` attribute.
 */
import { cdp, server } from 'vitest/browser';

/** The engine the tests run in: `chromium`, `firefox` or `webkit`. */
export const ENGINE = server.browser;

/** Whether this engine can emulate media features for the page. */
export const CAN_EMULATE_MEDIA = ENGINE === 'chromium';

/** For a test's name: why it does not run in this engine (empty where it runs). */
export const NEEDS_MEDIA_EMULATION = CAN_EMULATE_MEDIA ? '' : ` [skipped in ${ENGINE}: needs media emulation, which only Chromium's DevTools protocol has]`;

/** Emulates media features for the page; `[]` ends the emulation. */
export async function emulateMedia(features: { name: string; value: string }[]): Promise<void> {
  if (!CAN_EMULATE_MEDIA) {
    if (features.length === 0) return;
    throw new Error(`media emulation is not available in ${ENGINE}`);
  }
  await cdp().send('Emulation.setEmulatedMedia', { features });
}
