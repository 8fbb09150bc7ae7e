/**
 * The package's version, kept equal to package.json's `version` (a unit test checks it;
 * `npm version` rewrites it through `scripts/sync-version.mjs`).
 */
export const VERSION = '0.1.0';
