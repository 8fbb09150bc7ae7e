/**
 * `esim-renewal-wizard/define` on a page that may hold another copy of the wizard (two bundles):
 * defining again never throws, the first definition stays, and a different version is reported
 * with exactly one console warning (a moment later: it loads on demand), however often define runs.
 *
 * The cases with another copy each run in a fresh same-origin iframe, so each has its own
 * registry and module map, and load src/define.ts there as a page would.
 */
import { expect } from '@open-wc/testing';
import { afterEach, describe, it } from 'vitest';
import { TAG_NAME, defineEsimRenewalWizard } from '../../src/define.js';
import { EsimRenewalWizard } from '../../src/element/esim-renewal-wizard.js';
import { VERSION } from '../../src/version.js';

type DefineModule = typeof import('../../src/define.js');
type Realm = Window & typeof globalThis & { eval(code: string): unknown };

/** Our warnings among those recorded (Lit's dev build adds its own "dev mode" one). */
const ours = (messages: unknown[][]) => messages.map(([m]) => String(m)).filter((m) => m.startsWith(`<${TAG_NAME}>`));

/** Records console.warn calls in `realm` until restored. */
function recordWarnings(realm: Window & typeof globalThis) {
  const calls: unknown[][] = [];
  const original = realm.console.warn;
  realm.console.warn = (...args: unknown[]) => void calls.push(args);
  return { warnings: () => ours(calls), restore: () => (realm.console.warn = original) };
}

const frames: HTMLIFrameElement[] = [];
afterEach(() => frames.splice(0).forEach((f) => f.remove()));

/** A blank same-origin page recording its warnings, optionally with a class already defined under the tag. */
function freshPage(existing?: { version: string } | 'no-version') {
  const frame = document.createElement('iframe');
  document.body.append(frame);
  frames.push(frame);
  const realm = frame.contentWindow as Realm;
  // Vitest rewrites dynamic imports (define's version warning is one) through its runner, a
  // global of the test page: the frame's copy of the module needs it too.
  const runner = '__vitest_browser_runner__';
  (realm as unknown as Record<string, unknown>)[runner] = (window as unknown as Record<string, unknown>)[runner];
  const { warnings } = recordWarnings(realm);
  if (existing) {
    // Another copy of the wizard, from another bundle, defined first.
    const Other = class extends realm.HTMLElement {};
    if (existing !== 'no-version') Object.defineProperty(Other, 'version', { value: existing.version });
    realm.customElements.define(TAG_NAME, Other);
  }
  /**
   * Imports src/define.ts in that page: a separate instance of the define module (with its own
   * module state, as in another bundle) for each `copy`; the element class is shared.
   */
  const load = (copy = 'a') => realm.eval(`import('/src/define.ts?copy=${copy}')`) as Promise<DefineModule>;
  /**
   * The warnings once said: the warning comes from its own small chunk, a moment after define.
   * Waits for the first, then long enough for any other to have come (a module load or two).
   */
  const settledWarnings = async () => {
    const start = performance.now();
    while (warnings().length === 0 && performance.now() - start < 2000) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 100));
    return warnings();
  };
  return { realm, warnings, load, settledWarnings };
}

describe('define', () => {
  it('defines the tag once; defining again does not throw and keeps the class', () => {
    // This page imported src/define.ts above, which defined the tag.
    expect(customElements.get(TAG_NAME)).to.equal(EsimRenewalWizard);
    const { warnings, restore } = recordWarnings(window);
    try {
      expect(() => {
        defineEsimRenewalWizard();
        defineEsimRenewalWizard();
      }).to.not.throw();
      expect(defineEsimRenewalWizard()).to.equal(EsimRenewalWizard);
      expect(customElements.get(TAG_NAME)).to.equal(EsimRenewalWizard);
      expect(warnings()).to.deep.equal([]);
    } finally {
      restore();
    }
  });

  it('carries the package version on the class', () => {
    expect(EsimRenewalWizard.version).to.equal(VERSION);
    expect(VERSION).to.match(/^\d+\.\d+\.\d+/);
  });

  it('in a fresh page, defines the tag on import; another instance of the define module does not throw', async () => {
    const page = freshPage();
    const first = await page.load('a');
    const Defined = page.realm.customElements.get(TAG_NAME);
    expect(Defined).to.equal(first.EsimRenewalWizard);
    const second = await page.load('b');
    expect(() => second.defineEsimRenewalWizard()).to.not.throw();
    expect(page.realm.customElements.get(TAG_NAME)).to.equal(Defined);
    expect(await page.settledWarnings()).to.deep.equal([]);
  });

  it('warns exactly once, naming both versions, when a different version is already defined, even if define runs twice more', async () => {
    const page = freshPage({ version: '0.0.1-older' });
    const Existing = page.realm.customElements.get(TAG_NAME);
    const mod = await page.load();
    expect(() => {
      expect(mod.defineEsimRenewalWizard()).to.equal(Existing);
      mod.defineEsimRenewalWizard();
    }).to.not.throw();
    expect(page.realm.customElements.get(TAG_NAME)).to.equal(Existing);
    expect(await page.settledWarnings()).to.have.length(1);
    const [message] = page.warnings();
    expect(message).to.include('0.0.1-older').and.include(VERSION).and.include(TAG_NAME);
  });

  it('warns once per page for that pair of versions, across several instances of the define module', async () => {
    const page = freshPage({ version: '9.9.9' });
    await page.load('a');
    await page.load('b');
    (await page.load('c')).defineEsimRenewalWizard();
    expect(await page.settledWarnings()).to.have.length(1);
  });

  it('warns once, with "unknown", when the tag holds a class without a version', async () => {
    const page = freshPage('no-version');
    (await page.load()).defineEsimRenewalWizard();
    expect(await page.settledWarnings()).to.have.length(1);
    expect(page.warnings()[0]).to.include('version unknown');
  });
});
