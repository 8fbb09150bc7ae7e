/**
 * The embed build on host pages that make life hard for it, served with real HTTP headers by a
 * throwaway server on 127.0.0.1 and driven by Playwright in the machine's Chromium
 * (test/unit/host-page.ts):
 *
 * 1. a strict Content Security Policy with Trusted Types enforced (`trusted-types lit-html`
 *    only: the one policy Lit creates), through a whole renewal and a language switch;
 * 2. aggressive global CSS (`* { all: unset !important }`, hidden buttons, huge root font);
 * 3. several wizards on one (strict) page: separate state and languages, a wizard moved to
 *    another parent mid-flow, one made with `document.createElement` and set up by properties.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGS } from '../../src/testing/catalogs.js';
import { EMBED } from './built.js';
import { CDN, embedScriptTag, startHostSite, type HostSite, type OpenedPage } from './host-page.js';
import { DEMO_PASSWORD } from '../../src/domain/test-accounts.js';

const { en, ja, ko } = CATALOGS;

/** The host's policy. `lit-html` is the only Trusted Types policy the embed creates. */
const STRICT_CSP = [
  "script-src 'self'",
  "style-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');
const strict = { 'content-security-policy': STRICT_CSP };
const js = 'text/javascript; charset=utf-8';

/** Records every CSP violation; loaded first, as an external script (inline ones are blocked). */
const PROBE = `window.__violations = [];
addEventListener('securitypolicyviolation', (e) => {
  window.__violations.push({ directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample, source: e.sourceFile, line: e.lineNumber });
}, true);`;

const page = (title: string, head: string, body: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
${head}
</head><body>${body}</body></html>`;

/** Breaks the rules on purpose, under the same policy: shows that the policy and the probe work. */
const CANARY_JS = `
try { document.getElementById('target').innerHTML = '<b>string</b>'; window.__innerHTML = 'allowed'; } catch (e) { window.__innerHTML = e.name; }
try { trustedTypes.createPolicy('not-allowed', { createHTML: (s) => s }); window.__otherPolicy = 'allowed'; } catch (e) { window.__otherPolicy = e.name; }`;

/** Makes a wizard in script, sets it up by properties while unconnected, then connects it. */
const ISOLATION_JS = `
await customElements.whenDefined('esim-renewal-wizard');
const el = document.createElement('esim-renewal-wizard');
el.id = 'created';
el.profile = { brandName: 'Sakura Test Mobile' };
el.plansFilter = ['online-30d-20gb'];
window.__beforeConnect = { connected: el.isConnected, rendered: el.shadowRoot !== null, upgraded: el instanceof customElements.get('esim-renewal-wizard') };
document.getElementById('created-home').append(el);
window.__host = {
  move: () => document.getElementById('elsewhere').append(document.getElementById('mover')),
  parentOf: (id) => document.getElementById(id).parentElement.id,
};`;

const HOSTILE_CSS = `* { all: unset !important; }
html { font-size: 40px !important; color: #f0f !important; background: #000 !important; }
button { display: none !important; }
esim-renewal-wizard { color: lime !important; font-family: Papyrus !important; }`;

let site: HostSite;

beforeAll(async () => {
  site = await startHostSite({
    '/host/probe.js': { body: PROBE, type: js },
    '/host/canary.js': { body: CANARY_JS, type: js },
    '/host/isolation.js': { body: ISOLATION_JS, type: js },
    '/host/hostile.css': { body: HOSTILE_CSS, type: 'text/css; charset=utf-8' },
    '/strict/renew.html': {
      headers: strict,
      body: page(
        'Strict host',
        `<script src="/host/probe.js"></script>\n${embedScriptTag()}`,
        '<main><h1>Shop</h1><esim-renewal-wizard demo-scenario="immediate"></esim-renewal-wizard></main>',
      ),
    },
    '/strict/canary.html': {
      headers: strict,
      body: page(
        'Canary',
        '<script src="/host/probe.js"></script>',
        `<div id="target" style="color: red">x</div><script>window.__inline = true;</script><script src="/host/canary.js"></script>`,
      ),
    },
    '/strict/isolation.html': {
      headers: strict,
      body: page(
        'Isolation',
        `<script src="/host/probe.js"></script>\n${embedScriptTag()}\n<script type="module" src="/host/isolation.js"></script>`,
        `<main>
          <section id="ja-home"><esim-renewal-wizard id="ja" lang="ja"></esim-renewal-wizard></section>
          <section id="ko-home"><esim-renewal-wizard id="ko" lang="ko"></esim-renewal-wizard></section>
          <section id="mover-home"><esim-renewal-wizard id="mover"></esim-renewal-wizard></section>
          <aside id="elsewhere"></aside>
          <section id="created-home"></section>
        </main>`,
      ),
    },
    '/hostile/renew.html': {
      body: page(
        'Hostile host',
        `<link rel="stylesheet" href="/host/hostile.css">\n${embedScriptTag()}`,
        '<main><button id="host-button" type="button">Host button</button><esim-renewal-wizard></esim-renewal-wizard></main>',
      ),
    },
  });
}, 30_000);

afterAll(async () => {
  await site?.close();
});

/** Opens a page with short waits (the whole file must stay fast), closing it after `body`. */
function withPage(path: string, body: (p: OpenedPage) => Promise<void>): Promise<void> {
  return site.visit(path, (opened) => {
    opened.tab.setDefaultTimeout(5_000);
    return body(opened);
  });
}

type Violation = { directive: string; blocked: string; sample: string; source: string; line: number };
const violations = (tab: Page) => tab.evaluate(() => (window as unknown as { __violations: Violation[] }).__violations);

const heading = (w: Locator, name: string) => w.getByRole('heading', { name, exact: true, level: 2 });
/** A radio button by the start of its accessible name (its label's title, before the hint). */
const radio = (w: Locator, start: string) => w.getByRole('radio', { name: new RegExp(`^${start.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });
const stepState = (w: Locator) => w.locator('section.step').getAttribute('data-state');

/** Waits until the wizard's step shows `pattern` in `data-state`. */
async function waitForState(w: Locator, pattern: RegExp): Promise<void> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const state = await stepState(w);
    if (state && pattern.test(state)) return;
    if (Date.now() > deadline) throw new Error(`expected state ${pattern}, still in ${state}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Answers "how many days are left" on the first step, in the wizard's language. */
async function answerDaysLeft(w: Locator, m: typeof en, days: string): Promise<void> {
  await w.getByLabel(m.validity.modeDays, { exact: true }).check();
  await w.getByLabel(m.validity.daysLabel, { exact: true }).fill(days);
}

/** From the first step to the sign-in form of an online account, in English. */
async function toSignIn(w: Locator): Promise<void> {
  await heading(w, en.validity.title).waitFor();
  await answerDaysLeft(w, en, '2');
  await w.getByRole('button', { name: en.nav.next, exact: true }).click();
  await heading(w, en.channel.title).waitFor();
  await radio(w, en.channel.online).check();
  await w.getByRole('button', { name: en.nav.next, exact: true }).click();
  await heading(w, en.login.titleAccount).waitFor();
}

async function signIn(w: Locator): Promise<void> {
  await w.getByLabel(en.login.username, { exact: true }).fill('demo@example.com');
  await w.getByLabel(en.login.password, { exact: true }).fill(DEMO_PASSWORD);
  await w.getByRole('button', { name: en.login.submit, exact: true }).click();
  await waitForState(w, /^plan\.choosing$/);
}

describe('a host page with a strict Content Security Policy and Trusted Types', () => {
  it('the policy is enforced and every violation reaches the probe (canary)', async () => {
    await withPage('/strict/canary.html', async ({ tab, console: messages }) => {
      await tab.waitForFunction(() => '__otherPolicy' in window);
      const found = await violations(tab);
      const directives = found.map((v) => v.directive);
      expect(directives).toEqual(expect.arrayContaining(['script-src-elem', 'style-src-attr', 'require-trusted-types-for', 'trusted-types']));
      expect(await tab.evaluate(() => '__inline' in window)).toBe(false);
      expect(
        await tab.evaluate(() => [(window as unknown as Record<string, string>).__innerHTML, (window as unknown as Record<string, string>).__otherPolicy]),
      ).toEqual(['TypeError', 'TypeError']);
      // The same breaches are also said on the console, where the real test looks for them.
      expect(messages.some((t) => /Content Security Policy/.test(t))).toBe(true);
      expect(messages.some((t) => /TrustedHTML|Trusted Type/i.test(t))).toBe(true);
    });
  }, 15_000);

  it('renews a plan from start to finish, switching to Japanese on the way, without a single violation', async () => {
    await withPage('/strict/renew.html', async ({ tab, fetched, failures, console: messages }) => {
      const w = tab.locator('esim-renewal-wizard');
      await toSignIn(w);

      // Mid-flow to Japanese: a catalog chunk loads under the policy, the step and data stay.
      await w.getByRole('combobox', { name: new RegExp(`^${en.languageLabel}`) }).selectOption('ja');
      await heading(w, ja.login.titleAccount).waitFor();
      expect(
        fetched.some((p) => p.startsWith(CDN) && /\/ja-[\w-]+\.js$/.test(p)),
        fetched.join(', '),
      ).toBe(true);
      await w.getByLabel(ja.login.username, { exact: true }).fill('demo@example.com');
      await w.getByRole('combobox', { name: new RegExp(`^${ja.languageLabel}`) }).selectOption('en');
      await heading(w, en.login.titleAccount).waitFor();
      expect(await w.getByLabel(en.login.username, { exact: true }).inputValue()).toBe('demo@example.com');

      await signIn(w);
      await radio(w, '7 days · 3 GB').check();
      await w.getByRole('button', { name: en.nav.next, exact: true }).click();
      await waitForState(w, /^payment\.review$/);
      const card = w.getByLabel(en.payment.method.card, { exact: true });
      if (!(await card.isChecked())) await card.check();
      await w.getByLabel(en.payment.cardNumber, { exact: true }).fill('4242 4242 4242 4242');
      await w.getByLabel(en.payment.cardExpiry, { exact: true }).fill('12/34');
      await w.getByLabel(en.payment.cardCvc, { exact: true }).fill('123');
      await w.getByLabel(en.payment.confirm, { exact: true }).check();
      await w.getByRole('button', { name: /^Pay / }).click();
      await heading(w, en.done.title).waitFor();
      expect(await stepState(w)).toBe('done');

      expect(await violations(tab)).toEqual([]);
      expect(messages.filter((t) => /Content Security Policy|TrustedHTML|Trusted Type/i.test(t))).toEqual([]);
      expect(failures).toEqual([]);
    });
  }, 20_000);

  it('the built code has nothing such a policy blocks: no eval, no new Function, no style attributes in templates', () => {
    const files = readdirSync(EMBED).filter((f) => f.endsWith('.js'));
    expect(files.length).toBeGreaterThan(1);
    const offences: string[] = [];
    for (const file of files) {
      const code = readFileSync(`${EMBED}${file}`, 'utf8');
      for (const [what, pattern] of [
        ['new Function(', /\bnew\s+Function\s*\(/g],
        ['eval(', /(?<![\w$.])eval\s*\(/g],
        ['style= in a template', /\sstyle\s*=\s*["'`$]/g],
      ] as const) {
        for (const hit of code.matchAll(pattern)) offences.push(`${file}: ${what} … ${code.slice(Math.max(0, hit.index - 40), hit.index + 40)}`);
      }
    }
    expect(offences).toEqual([]);
  });
});

describe('a host page with hostile global CSS', () => {
  it('stays usable: the shadow DOM keeps its heading, its buttons and its box', async () => {
    await withPage('/hostile/renew.html', async ({ tab, failures }) => {
      const w = tab.locator('esim-renewal-wizard');
      await heading(w, en.validity.title).waitFor();
      // The host's rules are in force on the light DOM…
      expect(await tab.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('40px');
      expect(await tab.locator('#host-button').isVisible()).toBe(false);
      // …but not inside the wizard.
      const h = heading(w, en.validity.title);
      expect(await h.isVisible()).toBe(true);
      const color = await h.evaluate((el) => getComputedStyle(el).color);
      expect(color).not.toBe('rgb(0, 255, 0)');
      expect(color).not.toBe('rgb(255, 0, 255)');

      const primary = w.locator('button.primary');
      expect(await primary.count()).toBe(1);
      expect(await primary.isVisible()).toBe(true);
      await answerDaysLeft(w, en, '2');
      await primary.click();
      await heading(w, en.channel.title).waitFor();
      expect(await stepState(w)).toMatch(/^channel/);
      expect(await w.getByRole('button', { name: en.nav.back, exact: true }).isVisible()).toBe(true);

      const box = await w.locator('.base').boundingBox();
      const viewport = tab.viewportSize()!;
      expect(box).not.toBeNull();
      expect(box!.width).toBeGreaterThan(0);
      expect(box!.height).toBeGreaterThan(0);
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width + 1);
      expect(failures).toEqual([]);
    });
  }, 15_000);
});

describe('several wizards on one strict page', () => {
  it('keep their own state and language, survive a move, and take properties set before connecting', async () => {
    await withPage('/strict/isolation.html', async ({ tab, failures }) => {
      const jw = tab.locator('#ja');
      const kw = tab.locator('#ko');
      await heading(jw, ja.validity.title).waitFor();
      await heading(kw, ko.validity.title).waitFor();

      // One moves on; the other stays where it was, with nothing entered.
      await answerDaysLeft(jw, ja, '2');
      expect(await kw.locator('#days-left').count()).toBe(0);
      expect(await kw.getByLabel(ko.validity.modeDays, { exact: true }).isChecked()).toBe(false);
      await jw.getByRole('button', { name: ja.nav.next, exact: true }).click();
      await heading(jw, ja.channel.title).waitFor();
      expect(await stepState(kw)).toMatch(/^validity/);
      expect(await heading(kw, ko.validity.title).isVisible()).toBe(true);
      // Data entered in the other does not leak back.
      await answerDaysLeft(kw, ko, '9');
      await jw.getByRole('button', { name: ja.nav.back, exact: true }).click();
      await heading(jw, ja.validity.title).waitFor();
      expect(await jw.locator('#days-left').inputValue()).toBe('2');
      expect(await kw.locator('#days-left').inputValue()).toBe('9');

      // Moved to another parent mid-flow: same step, same data, and it goes on.
      const mover = tab.locator('#mover');
      await toSignIn(mover);
      await mover.getByLabel(en.login.username, { exact: true }).fill('demo@example.com');
      const before = await stepState(mover);
      await tab.evaluate(() => (window as unknown as { __host: { move(): void } }).__host.move());
      expect(await tab.evaluate(() => (window as unknown as { __host: { parentOf(id: string): string } }).__host.parentOf('mover'))).toBe('elsewhere');
      expect(await stepState(mover)).toBe(before);
      expect(await heading(mover, en.login.titleAccount).isVisible()).toBe(true);
      expect(await mover.getByLabel(en.login.username, { exact: true }).inputValue()).toBe('demo@example.com');
      await signIn(mover);

      // Made by createElement and set up by properties before it was connected.
      expect(await tab.evaluate(() => (window as unknown as { __beforeConnect: unknown }).__beforeConnect)).toEqual({
        connected: false,
        rendered: false,
        upgraded: true,
      });
      const created = tab.locator('#created');
      await toSignIn(created);
      await signIn(created);
      const plans = created.locator('input[name="plan"]');
      expect(await plans.count()).toBe(1);
      await radio(created, '30 days · 20 GB').check();
      await created.getByRole('button', { name: en.nav.next, exact: true }).click();
      await waitForState(created, /^payment\.review$/);
      expect(await created.locator('.brand').textContent()).toContain('Sakura Test Mobile');

      // The others were not disturbed by any of it.
      expect(await stepState(jw)).toMatch(/^validity/);
      expect(await stepState(kw)).toMatch(/^validity/);
      expect(await stepState(mover)).toBe('plan.choosing');
      expect(await violations(tab)).toEqual([]);
      expect(failures).toEqual([]);
    });
  }, 20_000);
});
