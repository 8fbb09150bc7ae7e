export { findChromium, CHROMIUM_ARGS } from './chromium.mjs';
export function findFirefox(): string | null;
export function findWebKit(): { driver: string; miniBrowser: string } | null;
