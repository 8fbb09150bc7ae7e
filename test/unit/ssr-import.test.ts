/**
 * The built package imports in plain Node, where there is no DOM: the root entry touches none
 * at import time, and its lazy parts (locale catalogs, the demo provider) load from dist/lib.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LIB, ROOT, requireBuilt } from './built.js';

const INDEX = requireBuilt(`${LIB}index.js`, 'npm run build:package');

/** Runs an ES module body in a fresh Node process in the repo root; returns what it printed as JSON. */
function inFreshNode(body: string): unknown {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', body], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(out);
}

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? jsFiles(join(dir, e.name)) : e.name.endsWith('.js') ? [join(dir, e.name)] : [],
  );
}

describe('the built package in Node', () => {
  it('imports the root entry by package name in a fresh process, with no DOM before or after our code runs', () => {
    const result = inFreshNode(`
      const dom = () => ({ window: typeof window, document: typeof document, customElements: typeof customElements });
      const before = dom();
      const m = await import('esim-renewal-wizard');
      console.log(JSON.stringify({ before, exports: Object.keys(m).sort(), isClass: typeof m.EsimRenewalWizard, version: m.EsimRenewalWizard.version, window: typeof window, document: typeof document }));
    `);
    expect(result).toMatchObject({
      before: { window: 'undefined', document: 'undefined', customElements: 'undefined' },
      isClass: 'function',
      version: JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')).version,
      // Lit's Node build may shim customElements; nothing creates a window or a document.
      window: 'undefined',
      document: 'undefined',
    });
    expect((result as { exports: string[] }).exports).toEqual(
      expect.arrayContaining(['EsimRenewalWizard', 'StepChangeEvent', 'RenewalCompleteEvent', 'WizardErrorEvent', 'ProviderError', 'STEP_IDS']),
    );
  });

  it('imports dist/lib/index.js in this process without throwing', async () => {
    expect(typeof window).toBe('undefined');
    expect(typeof document).toBe('undefined');
    const m = (await import(/* @vite-ignore */ pathToFileURL(INDEX).href)) as typeof import('../../src/index.js');
    expect(typeof m.EsimRenewalWizard).toBe('function');
    expect(m.EsimRenewalWizard.name).toBe('EsimRenewalWizard');
  });

  it('has a target for every relative import, static or lazy, in the emitted modules', () => {
    const missing: string[] = [];
    let lazy = 0;
    for (const file of jsFiles(LIB)) {
      const source = readFileSync(file, 'utf8');
      for (const [, dynamic, specifier] of source.matchAll(/(import\(\s*|from\s+)'(\.{1,2}\/[^']+)'/g)) {
        if (dynamic?.startsWith('import(')) lazy++;
        const target = resolve(dirname(file), specifier!);
        if (!specifier!.endsWith('.js') || !existsSync(target)) missing.push(`${file.slice(LIB.length)} → ${specifier}`);
      }
    }
    expect(missing).toEqual([]);
    expect(lazy).toBeGreaterThanOrEqual(5); // four locale catalogs and the demo provider
  });

  it('loads each locale catalog and the demo provider from the emitted files', () => {
    const result = inFreshNode(`
      const { LOCALES, loadMessages } = await import('./dist/lib/i18n/locales.js');
      const { en } = await import('./dist/lib/i18n/en.js');
      const locales = [en.locale];
      for (const l of LOCALES.slice(1)) locales.push((await loadMessages(l)).locale);
      const { DemoProvider } = await import('./dist/lib/providers/demo.js');
      console.log(JSON.stringify({ LOCALES, locales, demo: new DemoProvider().info.demo }));
    `) as { LOCALES: string[]; locales: string[]; demo: boolean };
    expect(result.locales).toEqual(result.LOCALES);
    expect(result.demo).toBe(true);
  });

  it('registers the tag through esim-renewal-wizard/define without throwing, twice', () => {
    const result = inFreshNode(`
      const a = await import('esim-renewal-wizard/define');
      a.defineEsimRenewalWizard?.();
      console.log(JSON.stringify({ tag: a.TAG_NAME, same: typeof customElements === 'undefined' || customElements.get(a.TAG_NAME) === a.EsimRenewalWizard }));
    `);
    expect(result).toEqual({ tag: 'esim-renewal-wizard', same: true });
  });
});
