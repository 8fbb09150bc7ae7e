/**
 * The first render of a wizard whose language is a chunk. A file of its own: each browser test
 * file starts with fresh modules, so no catalog is in yet when these tests start.
 */
import { expect } from '@open-wc/testing';
import { afterEach, describe, it } from 'vitest';
import '../../src/define.js';
import type { EsimRenewalWizard } from '../../src/element/esim-renewal-wizard.js';
import { CATALOGS } from '../../src/testing/catalogs.js';

/** Each `.base` the element's shadow root shows, with its language, in order. */
function watchRenders(el: EsimRenewalWizard): { lang: string | null; title: string | null }[] {
  const seen: { lang: string | null; title: string | null }[] = [];
  let last: Element | null = null;
  const root = el.shadowRoot!;
  new MutationObserver(() => {
    const base = root.querySelector('.base');
    if (!base) return;
    const entry = { lang: base.getAttribute('lang'), title: root.querySelector('.title')?.textContent ?? null };
    if (base !== last || seen.at(-1)?.lang !== entry.lang) seen.push(entry);
    last = base;
  }).observe(root, { childList: true, subtree: true, attributes: true, characterData: true });
  return seen;
}

let el: EsimRenewalWizard | undefined;
afterEach(() => el?.remove());

describe('the first render in a language whose catalog is a chunk', () => {
  it('shows nothing until the catalog is in, then that language: no empty frame, no English', async () => {
    el = document.createElement('esim-renewal-wizard');
    el.setAttribute('lang', 'ko');
    document.body.append(el);
    const renders = watchRenders(el);
    expect(el.shadowRoot!.querySelector('.base'), 'nothing rendered before the catalog').to.equal(null);
    await el.updateComplete;
    expect(renders[0], 'the first render').to.deep.equal({ lang: 'ko', title: CATALOGS.ko.title });
  });

  it('when the language changes before the first catalog is in, the first render is in the new one, never in English', async () => {
    el = document.createElement('esim-renewal-wizard');
    el.setAttribute('lang', 'zh-Hant');
    document.body.append(el);
    const renders = watchRenders(el);
    el.setAttribute('lang', 'ja');
    // The language observers start a task after connecting, and catch up on the change.
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    expect(renders.length, 'rendered').to.be.greaterThan(0);
    expect(renders.map((r) => r.lang)).to.not.include('en');
    expect(renders.at(-1)).to.deep.equal({ lang: 'ja', title: CATALOGS.ja.title });
  });
});
