// Types for chromium.mjs, which the TypeScript tests and vite.config.ts import.

/** The path of a Chromium-family browser, or null. */
export function findChromium(): string | null;

/** Flags that let Chromium run headless as root on an offline machine. */
export const CHROMIUM_ARGS: string[];
