/**
 * The standalone page's build (`npm run build:app` → dist/app/): its entry asks V8 to compile
 * it as it loads, and it preloads, at low priority, the chunks it fetches right after the first
 * step renders; those are compiled as they run.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMPILE_HINT } from '../../scripts/compile-hints.js';
import { ROOT, requireBuilt } from './built.js';

const APP = `${ROOT}dist/app`;
const html = readFileSync(requireBuilt(`${APP}/index.html`, 'npm run build:app'), 'utf8');
const read = (src: string) => readFileSync(`${APP}${src}`, 'utf8');

describe('dist/app', () => {
  it('has one module entry, whose first line is the compile hint', () => {
    const entries = [...html.matchAll(/<script type="module"[^>]* src="([^"]+)"/g)].map((m) => m[1]!);
    expect(entries).toHaveLength(1);
    expect(read(entries[0]!).split('\n', 1)[0]).toBe(COMPILE_HINT);
  });

  it('preloads the later steps, the English later strings and the demo provider at low priority, without the hint', () => {
    const preloads = [...html.matchAll(/<link rel="modulepreload" fetchpriority="low" crossorigin href="([^"]+)">/g)].map((m) => m[1]!);
    for (const name of ['later', 'en-later', 'demo'])
      expect(
        preloads.some((p) => p.startsWith(`/assets/${name}-`)),
        name,
      ).toBe(true);
    for (const p of preloads) expect(read(p), p).not.toContain(COMPILE_HINT);
  });

  it('never preloads the entry again when a lazy chunk loads (Firefox fires `error` on that link)', () => {
    const entry = [...html.matchAll(/<script type="module"[^>]* src="\/([^"]+)"/g)].map((m) => m[1]!)[0]!;
    const chunks = readdirSync(`${APP}/assets`).filter((f) => f.endsWith('.js'));
    expect(chunks.length).toBeGreaterThan(3);
    // Vite's preload helper lists each dynamic import's dependencies as "assets/…" strings.
    for (const chunk of chunks) expect(read(`/assets/${chunk}`), chunk).not.toContain(`"${entry}"`);
  });
});
