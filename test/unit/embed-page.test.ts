/**
 * The embed build on a real page, the way a host site uses it: the host page at one path, the
 * files of dist/embed under another (as on a CDN), one <script type="module"> with the SRI hash
 * from scripts/sri.mjs. The tag upgrades, and the lazy chunks (a locale, the demo provider) load
 * from beside the entry. Served by a throwaway static server on 127.0.0.1, driven by Playwright
 * in the machine's Chromium (test/unit/host-page.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGS } from '../../src/testing/catalogs.js';
import { CDN, embedScriptTag, ENTRY, startHostSite, type HostSite } from './host-page.js';

const ja = CATALOGS.ja;

const hostPage = (attrs: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Host</title>
${embedScriptTag()}
</head><body><main><esim-renewal-wizard ${attrs}></esim-renewal-wizard></main></body></html>`;

/**
 * A classic script ahead of the embed: it watches each shadow root as it is attached and keeps
 * what the wizard's first render showed (its language, and when), to tell a flash of English or
 * an empty first frame from a first render already in the page's language.
 */
const WATCH_FIRST_RENDER = `<script>
window.__renders = [];
const attach = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (init) {
  const root = attach.call(this, init);
  new MutationObserver(() => {
    const base = root.querySelector('.base');
    if (base && window.__renders.length === 0) window.__renders.push({ lang: base.getAttribute('lang'), title: root.querySelector('.title')?.textContent ?? null, at: performance.now() });
  }).observe(root, { childList: true, subtree: true });
  return root;
};
</script>`;

let site: HostSite;

beforeAll(async () => {
  site = await startHostSite({
    '/shop/renew/ja.html': { body: hostPage('lang="ja"') },
    '/shop/renew/en.html': { body: hostPage('') },
    '/shop/renew/ko.html': { body: hostPage('lang="ko"').replace('<head>', `<head>${WATCH_FIRST_RENDER}`) },
    // Two wizards, and the page's own language for the second (no lang of its own).
    '/shop/renew/two.html': {
      body: hostPage('lang="ko"').replace('<html lang="en">', '<html lang="ja">').replace('</main>', '<esim-renewal-wizard></esim-renewal-wizard></main>'),
    },
  });
}, 30_000);

afterAll(async () => {
  await site?.close();
});

describe('the embed on a host page', () => {
  it('upgrades the tag with the SRI-checked entry, and loads the Japanese catalog and the demo provider from beside it', async () => {
    await site.visit('/shop/renew/ja.html', async ({ tab, fetched, failures }) => {
      const title = tab.locator('esim-renewal-wizard .title');
      await title.waitFor({ timeout: 10_000 });
      expect(await title.textContent()).toBe(ja.title);
      await tab.locator('esim-renewal-wizard .notice').filter({ hasText: ja.demoNotice }).waitFor({ timeout: 10_000 });
      expect(await tab.evaluate(() => customElements.get('esim-renewal-wizard')?.name)).toBeTruthy();
      const chunks = fetched.filter((p) => p.startsWith(CDN)).map((p) => p.slice(CDN.length));
      expect(chunks[0]).toBe(ENTRY);
      expect(chunks).toContain('ja.js');
      expect(chunks).toContain('demo.js');
      // Only what this page needs: no other locale.
      expect(chunks.filter((c) => /^(ko|zh-Hans|zh-Hant)(-later)?\.js$/.test(c))).toEqual([]);
      expect(failures).toEqual([]);
    });
  }, 30_000);

  it('fetches the catalog of a wizard in the markup while the bundle evaluates, and first renders in that language', async () => {
    await site.visit('/shop/renew/ko.html', async ({ tab, failures }) => {
      const title = tab.locator('esim-renewal-wizard .title');
      await title.waitFor({ timeout: 10_000 });
      expect(await title.textContent()).toBe(CATALOGS.ko.title);
      const seen = await tab.evaluate(() => {
        const ko = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((r) => new URL(r.name).pathname.endsWith('/ko.js'))!;
        const evaluated = performance.getEntriesByName('esim-renewal-wizard:evaluated')[0]!;
        return {
          koRequested: ko.startTime,
          koLoaded: ko.responseEnd,
          evaluated: evaluated.startTime,
          renders: (window as unknown as { __renders: { lang: string; title: string; at: number }[] }).__renders,
        };
      });
      // Asked for by the bundle's first modules, before the wizard's own have run (not once it has started).
      expect(seen.koRequested).toBeLessThan(seen.evaluated);
      // The first render is the Korean one: no empty frame first, no flash of English.
      expect(seen.renders).toHaveLength(1);
      expect(seen.renders[0]!.lang).toBe('ko');
      expect(seen.renders[0]!.title).toBe(CATALOGS.ko.title);
      expect(seen.renders[0]!.at).toBeGreaterThanOrEqual(seen.koLoaded);
      expect(failures).toEqual([]);
    });
  }, 30_000);

  it("fetches the catalogs of two wizards in different languages, the page's own included, before the wizard's modules run", async () => {
    await site.visit('/shop/renew/two.html', async ({ tab, failures }) => {
      await tab.waitForFunction(() => [...document.querySelectorAll('esim-renewal-wizard')].every((el) => el.shadowRoot?.querySelector('.title')));
      const seen = await tab.evaluate(() => {
        const started = (file: string) =>
          (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((r) => new URL(r.name).pathname.endsWith(`/${file}`))?.startTime ??
          null;
        return {
          ko: started('ko.js'),
          ja: started('ja.js'),
          evaluated: performance.getEntriesByName('esim-renewal-wizard:evaluated')[0]!.startTime,
          langs: [...document.querySelectorAll('esim-renewal-wizard')].map((el) => el.shadowRoot!.querySelector('.base')!.getAttribute('lang')),
        };
      });
      expect(seen.langs).toEqual(['ko', 'ja']);
      expect(seen.ko).not.toBeNull();
      expect(seen.ja).not.toBeNull();
      expect(seen.ko!).toBeLessThan(seen.evaluated);
      expect(seen.ja!).toBeLessThan(seen.evaluated);
      expect(failures).toEqual([]);
    });
  }, 30_000);

  it('in English needs no locale chunk', async () => {
    await site.visit('/shop/renew/en.html', async ({ tab, fetched, failures }) => {
      await tab.locator('esim-renewal-wizard .title').waitFor({ timeout: 10_000 });
      const chunks = fetched.filter((p) => p.startsWith(CDN)).map((p) => p.slice(CDN.length));
      expect(chunks.filter((c) => /^(ja|ko|zh-Hans|zh-Hant)(-later)?\.js$/.test(c))).toEqual([]);
      expect(failures).toEqual([]);
    });
  }, 30_000);
});

describe('the embed when its catalog chunk cannot load', () => {
  let broken: HostSite;
  beforeAll(async () => {
    broken = await startHostSite({
      '/shop/renew/ko.html': { body: hostPage('lang="ko"') },
      // The Korean chunk fails (as on a dropped connection): it does not evaluate.
      [`${CDN}ko.js`]: { body: 'export const ko = ;', type: 'text/javascript' },
    });
  }, 30_000);
  afterAll(async () => {
    await broken?.close();
  });

  it('still renders, in English, instead of waiting for ever', async () => {
    await broken.visit('/shop/renew/ko.html', async ({ tab }) => {
      const title = tab.locator('esim-renewal-wizard .title');
      await title.waitFor({ timeout: 10_000 });
      expect(await title.textContent()).toBe(CATALOGS.en.title);
      expect(await tab.locator('esim-renewal-wizard .base').getAttribute('lang')).toBe('en');
      expect(await tab.evaluate(() => document.querySelector('esim-renewal-wizard')!.shadowRoot!.querySelector('h2')?.textContent)).toBe(
        CATALOGS.en.validity.title,
      );
    });
  }, 30_000);
});
