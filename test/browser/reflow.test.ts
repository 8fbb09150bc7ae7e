/**
 * Reflow (WCAG 1.4.10) and text resize (1.4.4): at 320 CSS px wide with the text at 200 %
 * (the element's CSS is in rem, so doubling the root font size doubles everything), no view
 * state needs sideways scrolling or cuts anything off. And the spinner stops for people who
 * ask for reduced motion (2.3.3).
 */
import { expect } from '@open-wc/testing';
import { cdp, page } from 'vitest/browser';
import { afterAll, afterEach, beforeAll, describe, it } from 'vitest';
import type { EsimRenewalWizard } from '../../src/element/esim-renewal-wizard.js';
import { LOCALES } from '../../src/i18n/locales.js';
import { VIEW_STATES, createProvider, type ViewStateEntry } from '../../src/testing/view-states.js';
import { mount, root, state, waitForLocale } from './helpers.js';

const WIDTH = 320;

const describeNode = (n: Element) => `${n.tagName.toLowerCase()}${n.id ? `#${n.id}` : ''}${n.className && typeof n.className === 'string' ? `.${n.className.trim().split(/\s+/).join('.')}` : ''} "${(n.textContent ?? '').trim().slice(0, 40)}"`;

async function reach(entry: ViewStateEntry): Promise<EsimRenewalWizard> {
  const provider = createProvider(entry);
  const { el, clock } = await mount({ provider, ...(entry.setup?.channel ? { channel: entry.setup.channel } : {}) });
  await entry.setup?.configure?.(el, { clock, provider });
  await entry.reach(el, { clock, provider });
  await el.updateComplete;
  return el;
}

/** Nothing sticks out sideways or is clipped. */
function expectReflows(el: EsimRenewalWizard, where: string): void {
  const base = root(el).querySelector<HTMLElement>('.base')!;
  const box = base.getBoundingClientRect();
  expect(parseFloat(getComputedStyle(base).fontSize), `${where}: the text is doubled`).to.equal(32);
  expect(box.right, `${where}: the wizard fits the viewport`).to.be.at.most(WIDTH + 0.5);

  const sticking: string[] = [];
  const clipped: string[] = [];
  for (const node of root(el).querySelectorAll<HTMLElement>('.base *')) {
    if (node.closest('.visually-hidden')) continue;
    const r = node.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    // Every control, every piece of text: inside the wizard's box.
    if (r.right > box.right + 0.5 || r.left < box.left - 0.5) sticking.push(`${describeNode(node)} [${Math.round(r.left)}–${Math.round(r.right)}]`);
    // A text field scrolls what is typed into it: that is how a one-line field works, not clipping.
    if (node instanceof HTMLInputElement || node instanceof HTMLTextAreaElement || node instanceof HTMLSelectElement) continue;
    const cs = getComputedStyle(node);
    const hidesX = cs.overflowX === 'hidden' || cs.overflowX === 'clip';
    const hidesY = cs.overflowY === 'hidden' || cs.overflowY === 'clip';
    if (hidesX && node.scrollWidth > node.clientWidth + 1) clipped.push(`${describeNode(node)} (x: ${node.scrollWidth} > ${node.clientWidth})`);
    if (hidesY && node.scrollHeight > node.clientHeight + 1) clipped.push(`${describeNode(node)} (y: ${node.scrollHeight} > ${node.clientHeight})`);
  }
  expect(sticking.join('\n'), `${where}: elements past the wizard's edge`).to.equal('');
  expect(clipped.join('\n'), `${where}: clipped content`).to.equal('');
  expect(base.scrollWidth, `${where}: content wider than the wizard`).to.be.at.most(base.clientWidth);
  expect(document.documentElement.scrollWidth, `${where}: the page does not scroll sideways`).to.be.at.most(WIDTH);
}

describe('at 320 CSS px with the text at 200 %', () => {
  let viewport: [number, number];
  let fontSize: string;
  beforeAll(async () => {
    viewport = [innerWidth, innerHeight];
    fontSize = document.documentElement.style.fontSize;
    await page.viewport(WIDTH, 640);
    document.documentElement.style.fontSize = '200%';
  });
  afterAll(async () => {
    document.documentElement.style.fontSize = fontSize;
    await page.viewport(...viewport);
  });

  it('is set up: the viewport is 320 px and the root font doubled', () => {
    expect(innerWidth).to.equal(WIDTH);
    expect(parseFloat(getComputedStyle(document.documentElement).fontSize)).to.equal(32);
  });

  describe('every view state, in English', () => {
    for (const entry of VIEW_STATES) {
      it(entry.id, async () => {
        const el = await reach(entry);
        expect(state(el)).to.match(typeof entry.state === 'string' ? new RegExp(`^${entry.state.replace(/\./g, '\\.')}$`) : entry.state);
        expectReflows(el, entry.id);
      });
    }
  });

  describe('text-heavy views in the other languages', () => {
    const heavy = ['validity.android', 'shop-visit', 'login.error.invalid-credentials', 'plan.choosing.recommender', 'payment.review.card', 'payment.awaitingCash', 'done', 'troubleshooting.check.user', 'troubleshooting.escalate'];
    for (const id of heavy) {
      it(id, async () => {
        const entry = VIEW_STATES.find((e) => e.id === id)!;
        expect(entry, id).to.not.equal(undefined);
        const el = await reach(entry);
        for (const locale of LOCALES.filter((l) => l !== 'en')) {
          el.setAttribute('lang', locale);
          await waitForLocale(el, locale);
          expectReflows(el, `${id} in ${locale}`);
        }
      });
    }
  });
});

describe('summaries follow the wizard’s width', () => {
  it('side by side when there is room; stacked at 320 px with the text doubled', async () => {
    const entry = VIEW_STATES.find((e) => e.id === 'payment.review')!;
    const el = await reach(entry);
    const pair = () => {
      const dt = root(el).querySelector('dl.summary dt')!.getBoundingClientRect();
      const dd = root(el).querySelector('dl.summary dd')!.getBoundingClientRect();
      return { sideBySide: dd.left >= dt.right && Math.abs(dd.top - dt.top) < 2, stacked: dd.top >= dt.bottom - 0.5 };
    };
    const viewport: [number, number] = [innerWidth, innerHeight];
    await page.viewport(1024, 768);
    try {
      expect(root(el).querySelector('.base')!.getBoundingClientRect().width, 'the wizard keeps its width').to.be.greaterThan(600);
      expect(pair().sideBySide, 'wide: label and value side by side').to.equal(true);
      await page.viewport(WIDTH, 640);
      document.documentElement.style.fontSize = '200%';
      expect(pair().stacked, 'narrow, large text: the value under its label').to.equal(true);
    } finally {
      document.documentElement.style.fontSize = '';
      await page.viewport(...viewport);
    }
  });
});

describe('reduced motion', () => {
  afterEach(async () => {
    await cdp().send('Emulation.setEmulatedMedia', { features: [] });
  });

  it('the spinner turns normally and stands still with prefers-reduced-motion: reduce', async () => {
    const el = await reach(VIEW_STATES.find((e) => e.id === 'login.submitting')!);
    const spinner = root(el).querySelector<HTMLElement>('.spinner')!;
    expect(spinner, 'a spinner while signing in').to.not.equal(null);
    expect(getComputedStyle(spinner).animationName).to.equal('spin');
    expect(getComputedStyle(spinner).animationIterationCount).to.equal('infinite');
    await cdp().send('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-reduced-motion', value: 'reduce' }] });
    expect(matchMedia('(prefers-reduced-motion: reduce)').matches, 'emulated').to.equal(true);
    expect(getComputedStyle(spinner).animationName).to.equal('none');
    expect(spinner.getAnimations(), 'no running animation').to.have.length(0);
    // The busy state is still said in words.
    expect(spinner.closest('[role="status"]')!.textContent!.trim()).to.not.equal('');
  });

  it('the stylesheet has a prefers-reduced-motion: reduce rule that sets animation: none on .spinner', async () => {
    const el = await reach(VIEW_STATES.find((e) => e.id === 'validity.empty')!);
    const rules = el.shadowRoot!.adoptedStyleSheets.flatMap((s) => [...s.cssRules]);
    const media = rules.filter((r): r is CSSMediaRule => r instanceof CSSMediaRule && /prefers-reduced-motion:\s*reduce/.test(r.conditionText));
    expect(media.length, 'a reduced-motion rule').to.be.greaterThan(0);
    const spinnerRules = media.flatMap((m) => [...m.cssRules]).filter((r): r is CSSStyleRule => r instanceof CSSStyleRule && /(^|[\s,])\.spinner\b/.test(r.selectorText));
    expect(spinnerRules.map((r) => r.style.animationName), '.spinner { animation: none }').to.include('none');
  });
});
