/**
 * The warning when two different versions of the wizard are on one page (define.ts): loaded
 * only then, so the first paint does not carry it.
 */

/**
 * Version pairs already warned about on this page, shared by every copy of this module (each
 * bundle has its own module state, so it lives on the global object under a registered symbol).
 */
const WARNED = Symbol.for('esim-renewal-wizard.version-warnings');

/** Warns once per page for each pair of versions that differ. */
export function warnVersions(tag: string, existing: unknown, ours: string): void {
  const theirs = typeof existing === 'string' ? existing : 'unknown';
  if (theirs === ours) return;
  const store = globalThis as typeof globalThis & { [WARNED]?: Set<string> };
  const warned = (store[WARNED] ??= new Set());
  const pair = `${theirs} ${ours}`;
  if (warned.has(pair)) return;
  warned.add(pair);
  console.warn(`<${tag}>: already defined by version ${theirs}; this copy (version ${ours}) is not used. Load one copy of the wizard per page.`);
}
