/**
 * Reflow (WCAG 1.4.10) and text resize (1.4.4): at 320 CSS px wide with the text at 200 %
 * (the element's CSS is in rem, so doubling the root font size doubles everything), no view
 * state needs sideways scrolling or cuts anything off. And the spinner stops for people who
 * ask for reduced motion (2.3.3).
 */
import { expect } from '@open-wc/testing';
import { page } from 'vitest/browser';
import { CAN_EMULATE_MEDIA, NEEDS_MEDIA_EMULATION, emulateMedia } from './engines.js';
import { afterAll, afterEach, beforeAll, describe, it } from 'vitest';
import { SimulatedClock } from 'xstate';
import type { EsimRenewalWizard } from '../../src/element/esim-renewal-wizard.js';
import { LOCALES } from '../../src/i18n/locales.js';
import { localToday } from '../../src/i18n/today.js';
import { EDGE_DATES, FIXED_NOW } from '../../src/testing/dates.js';
import { VIEW_STATES, createProvider, type ViewStateEntry } from '../../src/testing/view-states.js';
import { fillDate, mount, root, state, waitForLocale } from './helpers.js';

const WIDTH = 320;

const describeNode = (n: Element) =>
  `${n.localName}${n.id ? `#${n.id}` : ''}${n.className && typeof n.className === 'string' ? `.${n.className.trim().split(/\s+/).join('.')}` : ''} "${(n.textContent ?? '').trim().slice(0, 40)}"`;

/**
 * A page a wizard is seen on, 320 CSS px wide with its root font at 200 %. The test page is
 * this document; the others are real pages in a 320 px frame, so their own margins and styles
 * count: the standalone page (index.html, as `npm start` and `npm run dev` serve it) and a host
 * page that is the README's one-script snippet and nothing else.
 */
interface HostPage {
  readonly name: string;
  readonly document: Document;
  /** A fresh wizard where the page has its own, configured for the entry. */
  mount(entry: ViewStateEntry): Promise<{ el: EsimRenewalWizard; clock: SimulatedClock }>;
  close(): void;
}

/** A fresh wizard in this document, configured for the entry. */
async function mountHere(entry: ViewStateEntry): Promise<{ el: EsimRenewalWizard; clock: SimulatedClock }> {
  const { el, clock } = await mount({ provider: createProvider(entry), ...(entry.setup?.channel ? { channel: entry.setup.channel } : {}) });
  return { el, clock };
}

const testPage = async (): Promise<HostPage> => {
  const viewport: [number, number] = [innerWidth, innerHeight];
  const fontSize = document.documentElement.style.fontSize;
  await page.viewport(WIDTH, 640);
  document.documentElement.style.fontSize = '200%';
  return {
    name: 'the test page',
    document,
    mount: mountHere,
    close: () => {
      document.documentElement.style.fontSize = fontSize;
      void page.viewport(...viewport);
    },
  };
};

const framedPage = (name: string, url: string) => async (): Promise<HostPage> => {
  const frame = document.createElement('iframe');
  frame.title = name;
  frame.src = url;
  // Tall enough never to scroll: a scroll bar would take width from the page.
  Object.assign(frame.style, { display: 'block', border: '0', width: `${WIDTH}px`, height: '6000px' });
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  // Its clock is the tests' fixed one (vite.config.ts, framedTestPages), so its wizard's "today" is theirs.
  const win = frame.contentWindow!;
  await win.customElements.whenDefined('esim-renewal-wizard');
  const doc = frame.contentDocument!;
  doc.documentElement.style.fontSize = '200%';
  // The page's own wizard, as the page configures it: each test's wizard takes its place.
  const attributes = [...doc.querySelector('esim-renewal-wizard')!.attributes].map(({ name: attribute, value }) => [attribute, value] as const);
  return {
    name,
    document: doc,
    mount: async (entry) => {
      const old = doc.querySelector('esim-renewal-wizard')!;
      const el = doc.createElement('esim-renewal-wizard');
      const clock = new SimulatedClock();
      for (const [attribute, value] of attributes) el.setAttribute(attribute, value);
      el.setAttribute('no-persist', '');
      if (entry.setup?.channel) el.setAttribute('channel', entry.setup.channel);
      el.provider = createProvider(entry);
      el.clock = clock;
      old.replaceWith(el);
      await el.updateComplete;
      return { el, clock };
    },
    close: () => frame.remove(),
  };
};

const PAGES = [
  ['the test page', testPage],
  ['the standalone page', framedPage('the standalone page', '/index.html?lang=en')],
  ['a plain host page', framedPage('a plain host page', '/test/browser/pages/plain-host.html')],
] as const;

async function reach(host: Pick<HostPage, 'mount'>, entry: ViewStateEntry): Promise<EsimRenewalWizard> {
  const { el, clock } = await host.mount(entry);
  const provider = el.provider as ReturnType<typeof createProvider>;
  await entry.setup?.configure?.(el, { clock, provider });
  await entry.reach(el, { clock, provider });
  await el.updateComplete;
  return el;
}

/** Nothing sticks out sideways or is clipped. */
function expectReflows(el: EsimRenewalWizard, where: string): void {
  const doc = el.ownerDocument;
  const win = doc.defaultView!;
  const base = root(el).querySelector<HTMLElement>('.base')!;
  const box = base.getBoundingClientRect();
  expect(win.innerWidth, `${where}: the page is 320 px wide`).to.equal(WIDTH);
  expect(parseFloat(win.getComputedStyle(base).fontSize), `${where}: the text is doubled`).to.equal(32);
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
    if (['input', 'textarea', 'select'].includes(node.localName)) continue;
    const cs = win.getComputedStyle(node);
    const hidesX = cs.overflowX === 'hidden' || cs.overflowX === 'clip';
    const hidesY = cs.overflowY === 'hidden' || cs.overflowY === 'clip';
    if (hidesX && node.scrollWidth > node.clientWidth + 1) clipped.push(`${describeNode(node)} (x: ${node.scrollWidth} > ${node.clientWidth})`);
    if (hidesY && node.scrollHeight > node.clientHeight + 1) clipped.push(`${describeNode(node)} (y: ${node.scrollHeight} > ${node.clientHeight})`);
  }
  expect(sticking.join('\n'), `${where}: elements past the wizard's edge`).to.equal('');
  expect(clipped.join('\n'), `${where}: clipped content`).to.equal('');
  expect(base.scrollWidth, `${where}: content wider than the wizard`).to.be.at.most(base.clientWidth);
  expect(doc.documentElement.scrollWidth, `${where}: the page does not scroll sideways`).to.be.at.most(WIDTH);
}

for (const [pageName, open] of PAGES) {
  describe(`on ${pageName}, at 320 CSS px with the text at 200 %`, () => {
    let host: HostPage;
    beforeAll(async () => {
      host = await open();
    });
    afterAll(() => host.close());

    it('is set up: 320 px wide, the root font doubled, and the tests’ own day', () => {
      const win = host.document.defaultView!;
      expect(win.innerWidth).to.equal(WIDTH);
      expect(parseFloat(win.getComputedStyle(host.document.documentElement).fontSize)).to.equal(32);
      expect(localToday(new win.Date().getTime())).to.equal(localToday(FIXED_NOW));
    });

    describe('every view state, in English', () => {
      for (const entry of VIEW_STATES) {
        it(entry.id, async () => {
          const el = await reach(host, entry);
          expect(state(el)).to.match(typeof entry.state === 'string' ? new RegExp(`^${entry.state.replace(/\./g, '\\.')}$`) : entry.state);
          expectReflows(el, entry.id);
        });
      }
    });

    it('the expiry date fields, holding the widest dates, in every language', async () => {
      const el = await reach(
        host,
        VIEW_STATES.find((e) => e.id === 'validity.date.expired')!,
      );
      for (const locale of LOCALES) {
        el.setAttribute('lang', locale);
        await waitForLocale(el, locale);
        const legend = root(el).querySelector('fieldset.date legend')!.textContent.trim();
        for (const date of EDGE_DATES) {
          await fillDate(el, legend, date);
          expectReflows(el, `${date} in ${locale}`);
        }
      }
    });

    describe('text-heavy views in the other languages', () => {
      const heavy = [
        'validity.android',
        'shop-visit',
        'login.error.invalid-credentials',
        'plan.choosing.recommender',
        'payment.review.card',
        'payment.awaitingCash',
        'done',
        'troubleshooting.check.user',
        'troubleshooting.escalate',
      ];
      for (const id of heavy) {
        it(id, async () => {
          const entry = VIEW_STATES.find((e) => e.id === id)!;
          expect(entry, id).to.not.equal(undefined);
          const el = await reach(host, entry);
          for (const locale of LOCALES.filter((l) => l !== 'en')) {
            el.setAttribute('lang', locale);
            await waitForLocale(el, locale);
            expectReflows(el, `${id} in ${locale}`);
          }
        });
      }
    });
  });
}

describe('summaries follow the wizard’s width', () => {
  it('side by side when there is room; stacked at 320 px with the text doubled', async () => {
    const entry = VIEW_STATES.find((e) => e.id === 'payment.review')!;
    const el = await reach({ mount: mountHere }, entry);
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
    await emulateMedia([]);
  });

  it.skipIf(!CAN_EMULATE_MEDIA)(`the spinner turns normally and stands still with prefers-reduced-motion: reduce${NEEDS_MEDIA_EMULATION}`, async () => {
    const el = await reach(
      { mount: mountHere },
      VIEW_STATES.find((e) => e.id === 'login.submitting')!,
    );
    const spinner = root(el).querySelector<HTMLElement>('.spinner')!;
    expect(spinner, 'a spinner while signing in').to.not.equal(null);
    expect(getComputedStyle(spinner).animationName).to.equal('spin');
    expect(getComputedStyle(spinner).animationIterationCount).to.equal('infinite');
    await emulateMedia([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
    expect(matchMedia('(prefers-reduced-motion: reduce)').matches, 'emulated').to.equal(true);
    expect(getComputedStyle(spinner).animationName).to.equal('none');
    expect(spinner.getAnimations(), 'no running animation').to.have.length(0);
    // The busy state is still said in words.
    expect(spinner.closest('[role="status"]')!.textContent.trim()).to.not.equal('');
  });

  it('the stylesheet has a prefers-reduced-motion: reduce rule that sets animation: none on .spinner', async () => {
    const el = await reach(
      { mount: mountHere },
      VIEW_STATES.find((e) => e.id === 'validity.empty')!,
    );
    const rules = el.shadowRoot!.adoptedStyleSheets.flatMap((s) => [...s.cssRules]);
    const media = rules.filter((r): r is CSSMediaRule => r instanceof CSSMediaRule && /prefers-reduced-motion:\s*reduce/.test(r.conditionText));
    expect(media.length, 'a reduced-motion rule').to.be.greaterThan(0);
    const spinnerRules = media
      .flatMap((m) => [...m.cssRules])
      .filter((r): r is CSSStyleRule => r instanceof CSSStyleRule && /(^|[\s,])\.spinner\b/.test(r.selectorText));
    expect(
      spinnerRules.map((r) => r.style.animationName),
      '.spinner { animation: none }',
    ).to.include('none');
  });
});
