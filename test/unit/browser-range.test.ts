/**
 * The supported browsers (package.json's `browserslist`; the README's "Supported browsers") and
 * the embed build: its target names the oldest version of each engine in the range.
 */
import browserslist from 'browserslist';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BROWSER_TARGETS } from '../../vite.embed.config.js';
import { ROOT } from './built.js';

/** browserslist's browser names, as the build's target names their engines (a phone's Chrome or Firefox is its engine). */
const ENGINE_OF: Readonly<Record<string, string>> = {
  ios_saf: 'ios',
  safari: 'safari',
  chrome: 'chrome',
  and_chr: 'chrome',
  edge: 'edge',
  samsung: 'samsung',
  firefox: 'firefox',
  and_ff: 'firefox',
};

/** Negative when version `a` (such as `16.4`) came before `b`. */
function compareVersions(a: string, b: string): number {
  const [majorA = 0, minorA = 0] = a.split('.').map(Number);
  const [majorB = 0, minorB = 0] = b.split('.').map(Number);
  return majorA - majorB || minorA - minorB;
}

/** The oldest version of each engine the range resolves to, as build targets (`safari16.4`). */
function oldestOfEachEngine(queries: readonly string[]): string[] {
  const oldest = new Map<string, string>();
  for (const browser of browserslist(queries)) {
    const [name = '', versions = ''] = browser.split(' ');
    const engine = ENGINE_OF[name];
    if (engine === undefined) throw new Error(`${browser}: a browser the build target does not name`);
    // A range such as `18.5-18.7` starts at its first version.
    const version = versions.split('-')[0]!;
    const known = oldest.get(engine);
    if (known === undefined || compareVersions(version, known) < 0) oldest.set(engine, version);
  }
  return [...oldest].map(([engine, version]) => `${engine}${version}`);
}

const packageJson = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { browserslist: string[] };

describe('the supported browsers', () => {
  it('the embed build targets the oldest of each engine in package.json’s browserslist', () => {
    expect([...BROWSER_TARGETS].sort()).toEqual(['es2022', ...oldestOfEachEngine(packageJson.browserslist)].sort());
  });
});
