/**
 * Every view state in every language (and in the dark palette), how the element picks its
 * language, switching it at run time, the language switcher, and locale-aware formatting.
 *
 * The registry drives by English labels, so each entry is reached once in English and then
 * switched through the other locales on the same element: a switch must keep the step and
 * the data, still match the entry's locale-neutral selectors, translate the heading, and pass axe.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { SimulatedClock } from 'xstate';
import { userEvent } from 'vitest/browser';
import { CAN_EMULATE_MEDIA, NEEDS_MEDIA_EMULATION, emulateMedia } from './engines.js';
import { afterAll, afterEach, beforeAll, describe, it } from 'vitest';
import '../../src/define.js';
import type { EsimRenewalWizard } from '../../src/element/esim-renewal-wizard.js';
import { LOCALES, type Locale } from '../../src/i18n/locales.js';
import { formatDateTime } from '../../src/i18n/format.js';
import { ONLINE_PLANS } from '../../src/providers/catalogue.js';
import type { AccountStatus } from '../../src/domain/types.js';
import { VIEW_STATES, createProvider, type ViewStateEntry } from '../../src/testing/view-states.js';
import {
  CARD_OK,
  choose,
  enter,
  enteredData,
  fill,
  heading,
  mountDemo,
  q,
  renderedLang,
  root,
  spy,
  state,
  toLogin,
  toPlans,
  toReview,
  waitForLocale,
  waitForState,
} from './flows-helpers.js';
import { DEMO_PASSWORD } from '../../src/domain/test-accounts.js';

const OTHERS = LOCALES.filter((l): l is Exclude<Locale, 'en'> => l !== 'en');

const matches = (expected: ViewStateEntry['state'], actual: string) => (typeof expected === 'string' ? expected === actual : expected.test(actual));

/** The entry's selectors, still true whatever the language. */
function expectSelectors(el: EsimRenewalWizard, entry: ViewStateEntry, where: string): void {
  for (const s of entry.shows ?? []) expect(root(el).querySelector(s), `${where}: shows ${s}`).to.not.equal(null);
  for (const s of entry.hides ?? []) expect(root(el).querySelector(s), `${where}: hides ${s}`).to.equal(null);
}

// ---------------------------------------------------------------------------------------------
// Every view state × every language, and the dark palette
// ---------------------------------------------------------------------------------------------

describe('every view state in every language', () => {
  // One element per entry, reached once (in English) and shared by its tests, so the elements are
  // mounted here rather than with fixture(), which removes them after each test.
  const container = document.createElement('div');
  beforeAll(() => {
    document.body.append(container);
  });
  afterAll(async () => {
    container.remove();
    await emulateMedia([]);
  });

  for (const entry of VIEW_STATES) {
    describe(entry.id, () => {
      let el: EsimRenewalWizard;
      let english: { state: string; step: string; heading: string; data: Record<string, string | boolean> };

      beforeAll(async () => {
        const provider = createProvider(entry);
        const clock = new SimulatedClock();
        el = document.createElement('esim-renewal-wizard');
        el.provider = provider;
        el.clock = clock;
        if (entry.setup?.channel) el.channel = entry.setup.channel;
        await entry.setup?.configure?.(el, { clock, provider });
        container.append(el);
        await waitForLocale(el, 'en');
        await entry.reach(el, { clock, provider });
        await el.updateComplete;
        expect(matches(entry.state, state(el)), `reached ${state(el)}`).to.equal(true);
        english = {
          state: state(el),
          step: q(el, 'section.step')!.dataset.step!,
          heading: heading(el),
          data: enteredData(el),
        };
      });
      afterAll(() => el?.remove());

      for (const locale of OTHERS) {
        it(locale, async () => {
          el.setAttribute('lang', locale);
          await waitForLocale(el, locale);
          expect(state(el), 'the state is kept').to.equal(english.state);
          expect(q(el, 'section.step')!.dataset.step).to.equal(english.step);
          // The prepared support message is the wizard's copy, not the person's: it follows the
          // language (its own test below); everything else entered is kept as it was.
          const { 'support-message': prepared, ...data } = enteredData(el);
          const { 'support-message': preparedInEnglish, ...englishData } = english.data;
          expect(data, 'what was entered is kept').to.deep.equal(englishData);
          if (preparedInEnglish !== undefined) {
            expect(prepared, 'the prepared message follows the language').to.not.equal(preparedInEnglish);
            expect(prepared, 'the prepared message is not empty').to.not.equal('');
          }
          expectSelectors(el, entry, locale);
          const h = root(el).querySelectorAll('h2#step-heading');
          expect(h.length, 'one step heading').to.equal(1);
          expect(heading(el), 'heading').to.not.equal('');
          expect(heading(el), `the heading is translated into ${locale}`).to.not.equal(english.heading);
          await expect(el).to.be.accessible();
        });
      }

      it('theme="dark" (English)', async () => {
        el.setAttribute('lang', 'en');
        el.setAttribute('theme', 'dark');
        await waitForLocale(el, 'en');
        expect(heading(el), 'back in English').to.equal(english.heading);
        expect(state(el)).to.equal(english.state);
        expect(getComputedStyle(q(el, '.base')!).colorScheme, 'the dark palette applies').to.equal('dark');
        await expect(el).to.be.accessible();
      });

      it.skipIf(!CAN_EMULATE_MEDIA)(`system dark mode, theme="auto" (English)${NEEDS_MEDIA_EMULATION}`, async () => {
        el.setAttribute('lang', 'en');
        el.setAttribute('theme', 'auto');
        await emulateMedia([{ name: 'prefers-color-scheme', value: 'dark' }]);
        try {
          await waitForLocale(el, 'en');
          expect(matchMedia('(prefers-color-scheme: dark)').matches, 'emulated').to.equal(true);
          expect(getComputedStyle(q(el, '.base')!).colorScheme, 'the dark palette applies').to.equal('dark');
          expectSelectors(el, entry, 'dark');
          await expect(el).to.be.accessible();
        } finally {
          await emulateMedia([]);
        }
      });
    });
  }
});

describe('theme', () => {
  afterEach(() => emulateMedia([]));

  it('light by default, dark with theme="dark"', async () => {
    const m = await mountDemo();
    const scheme = () => getComputedStyle(q(m.el, '.base')!).colorScheme;
    const background = () => getComputedStyle(q(m.el, '.base')!).backgroundColor;
    expect(m.el.getAttribute('theme'), 'reflected').to.equal('auto');
    expect(scheme()).to.equal('light');
    const light = background();
    m.el.theme = 'dark';
    await m.el.updateComplete;
    expect(scheme()).to.equal('dark');
    expect(background()).to.not.equal(light);
    m.el.theme = 'light';
    await m.el.updateComplete;
    expect(scheme()).to.equal('light');
    expect(background()).to.equal(light);
  });

  it.skipIf(!CAN_EMULATE_MEDIA)(`theme="light" wins over a dark system; "auto" follows it${NEEDS_MEDIA_EMULATION}`, async () => {
    const m = await mountDemo();
    const scheme = () => getComputedStyle(q(m.el, '.base')!).colorScheme;
    await emulateMedia([{ name: 'prefers-color-scheme', value: 'dark' }]);
    m.el.theme = 'light';
    await m.el.updateComplete;
    expect(scheme()).to.equal('light');
    m.el.theme = 'auto';
    await m.el.updateComplete;
    expect(scheme()).to.equal('dark');
  });
});

// ---------------------------------------------------------------------------------------------
// Which language the element speaks
// ---------------------------------------------------------------------------------------------

/** A wizard on the 0-latency demo provider, in a template the test gives (the wizard is found inside). */
async function mountIn(template: ReturnType<typeof html>): Promise<{ wrapper: HTMLElement; el: EsimRenewalWizard }> {
  const wrapper = await fixture<HTMLElement>(template);
  const el = (wrapper.matches('esim-renewal-wizard') ? wrapper : wrapper.querySelector('esim-renewal-wizard')) as EsimRenewalWizard;
  return { wrapper, el };
}

describe('locale resolution', () => {
  const cases: [string, Locale][] = [
    ['ja', 'ja'],
    ['ja-JP', 'ja'],
    ['ko-KR', 'ko'],
    ['zh-CN', 'zh-Hans'],
    ['zh', 'zh-Hans'],
    ['zh-SG', 'zh-Hans'],
    ['zh-TW', 'zh-Hant'],
    ['zh-HK', 'zh-Hant'],
    ['zh-Hant-CN', 'zh-Hant'],
    ['en-GB', 'en'],
    ['fr', 'en'],
  ];
  for (const [tag, locale] of cases) {
    it(`the element's own lang="${tag}" → ${locale}`, async () => {
      const { el } = await mountIn(html`<esim-renewal-wizard lang=${tag}></esim-renewal-wizard>`);
      await waitForLocale(el, locale);
      expect(renderedLang(el)).to.equal(locale);
    });
  }

  it('the closest ancestor’s lang: <div lang="zh-TW"> → zh-Hant; the element’s own lang wins', async () => {
    const { wrapper } = await mountIn(html`<div lang="zh-TW">
      <section><esim-renewal-wizard id="a"></esim-renewal-wizard></section>
      <esim-renewal-wizard id="b" lang="ko"></esim-renewal-wizard>
    </div>`);
    const a = wrapper.querySelector<EsimRenewalWizard>('#a')!;
    const b = wrapper.querySelector<EsimRenewalWizard>('#b')!;
    await waitForLocale(a, 'zh-Hant');
    await waitForLocale(b, 'ko');
  });

  it('an ancestor across a shadow root: the host’s lang="ko"', async () => {
    const host = await fixture<HTMLElement>(html`<div lang="ko"></div>`);
    const shadow = host.attachShadow({ mode: 'open' });
    const inner = document.createElement('div');
    const el = document.createElement('esim-renewal-wizard');
    inner.append(el);
    shadow.append(inner);
    await waitForLocale(el, 'ko');
    // And a change of the host's lang, outside the shadow root, is followed.
    host.setAttribute('lang', 'zh-Hans');
    await waitForLocale(el, 'zh-Hans');
  });

  it('a wizard moved to another part of the page (no new render) follows the lang of its new ancestors', async () => {
    // The same language on both sides, so the move itself causes no render.
    const page = await fixture<HTMLElement>(html`<div><div id="from" lang="ja"></div><div id="to" lang="ja"></div></div>`);
    const el = document.createElement('esim-renewal-wizard');
    page.querySelector('#from')!.append(el);
    await waitForLocale(el, 'ja');
    // Once the later chunk is in (its "check my order" button shows; it refreshes the language as
    // it joins) and the first connection's observers are set up: move it (disconnect + connect in one task).
    await waitUntil(() => root(el).querySelector('section.step button.secondary') !== null, 'the later chunk is in', { timeout: 3000 });
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 0));
    page.querySelector('#to')!.append(el);
    await new Promise((r) => setTimeout(r, 0));
    // Only an observer set up on the new connection sees this.
    page.querySelector('#to')!.setAttribute('lang', 'zh-Hans');
    await waitForLocale(el, 'zh-Hans');
  });

  it('a wizard taken out of the page leaves no listener behind, also when it renders after that', async () => {
    // Each languagechange listener's last operation: it must end removed.
    const last = new Map<unknown, 'added' | 'removed'>();
    // Saved to put the originals back after the stubs below, and called with `this`.
    // eslint-disable-next-line @typescript-eslint/unbound-method
    const add = window.addEventListener;
    // eslint-disable-next-line @typescript-eslint/unbound-method
    const remove = window.removeEventListener;
    window.addEventListener = function (this: Window, type: string, listener: unknown, ...rest: unknown[]) {
      if (type === 'languagechange') last.set(listener, 'added');
      return (add as (...a: unknown[]) => void).call(this, type, listener, ...rest);
    } as typeof window.addEventListener;
    window.removeEventListener = function (this: Window, type: string, listener: unknown, ...rest: unknown[]) {
      if (type === 'languagechange') last.set(listener, 'removed');
      return (remove as (...a: unknown[]) => void).call(this, type, listener, ...rest);
    } as typeof window.removeEventListener;
    try {
      const el = document.createElement('esim-renewal-wizard');
      document.body.append(el);
      await el.updateComplete;
      el.remove();
      // Rendering while out of the page (the later chunk arriving does this too).
      el.requestUpdate();
      await el.updateComplete;
      await new Promise((r) => setTimeout(r, 20));
      expect(last.size).to.be.greaterThan(0);
      expect([...last.values()]).to.not.include('added');
    } finally {
      window.addEventListener = add;
      window.removeEventListener = remove;
    }
  });

  it('an empty lang="" (as frameworks render an unset binding) is skipped, also at the top of a shadow root', async () => {
    const { el } = await mountIn(html`<div lang="ja"><esim-renewal-wizard lang=""></esim-renewal-wizard></div>`);
    await waitForLocale(el, 'ja');
    const host = await fixture<HTMLElement>(html`<div lang="ko"></div>`);
    const shadow = host.attachShadow({ mode: 'open' });
    const inner = document.createElement('esim-renewal-wizard');
    inner.setAttribute('lang', '');
    shadow.append(inner);
    await waitForLocale(inner, 'ko');
  });

  describe('with no lang on the page: navigator.languages', () => {
    let htmlLang: string | null;
    beforeAll(() => {
      htmlLang = document.documentElement.getAttribute('lang');
      document.documentElement.removeAttribute('lang');
    });
    afterAll(() => {
      if (htmlLang !== null) document.documentElement.setAttribute('lang', htmlLang);
    });
    afterEach(() => {
      // Back to the prototype's getter.
      delete (navigator as unknown as Record<string, unknown>).languages;
    });
    const languages = (list: string[]) => Object.defineProperty(navigator, 'languages', { configurable: true, get: () => list });

    const cases: [string[], Locale][] = [
      [['zh-HK', 'en'], 'zh-Hant'],
      [['zh-CN', 'en'], 'zh-Hans'],
      [['fr-FR', 'ja-JP', 'en'], 'ja'],
      [['fr', 'de'], 'en'],
    ];
    for (const [list, locale] of cases) {
      it(`[${list.join(', ')}] → ${locale}`, async () => {
        languages(list);
        expect(navigator.languages).to.deep.equal(list);
        const { el } = await mountIn(html`<esim-renewal-wizard></esim-renewal-wizard>`);
        await waitForLocale(el, locale);
      });
    }

    it('restores: the override is gone after the test', () => {
      expect(Object.getOwnPropertyDescriptor(navigator, 'languages')).to.equal(undefined);
      expect(navigator.languages.length).to.be.greaterThan(0);
    });

    it('follows a languagechange event', async () => {
      languages(['en']);
      const { el } = await mountIn(html`<esim-renewal-wizard></esim-renewal-wizard>`);
      await waitForLocale(el, 'en');
      languages(['ko']);
      window.dispatchEvent(new Event('languagechange'));
      await waitForLocale(el, 'ko');
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Switching at run time
// ---------------------------------------------------------------------------------------------

describe('changing the language at run time', () => {
  it('on the sign-in form: re-renders in the new language, same step, user name and password kept', async () => {
    const m = await mountDemo();
    await toLogin(m.el, 'online');
    await enter(m.el, 'User name or e-mail', 'demo@example.com');
    await enter(m.el, 'Password', DEMO_PASSWORD);
    const englishHeading = heading(m.el);
    for (const locale of [...OTHERS, 'en'] as const) {
      m.el.setAttribute('lang', locale);
      await waitForLocale(m.el, locale);
      expect(state(m.el), locale).to.equal('login.form');
      expect(q<HTMLInputElement>(m.el, '#username')!.value, locale).to.equal('demo@example.com');
      expect(q<HTMLInputElement>(m.el, '#password')!.value, locale).to.equal(DEMO_PASSWORD);
      if (locale !== 'en') expect(heading(m.el), `${locale} heading`).to.not.equal(englishHeading);
    }
    expect(heading(m.el)).to.equal(englishHeading);
    // The data really is the machine's: signing in still works after the switches.
    q<HTMLButtonElement>(m.el, 'form button.primary')!.click();
    await waitForState(m.el, 'plan.choosing');
  });

  it('on the card form: card number, expiry, code, method and confirmation kept', async () => {
    const m = await mountDemo();
    await toPlans(m.el);
    await toReview(m.el);
    await choose(m.el, 'Credit or debit card');
    await fill(m.el, 'Card number', CARD_OK);
    await fill(m.el, 'Expiry date (MM/YY)', '12/34');
    await fill(m.el, 'Security code', '123');
    await choose(m.el, /^I have checked/);
    const before = enteredData(m.el);
    expect(before).to.include({ 'cc-number': CARD_OK, 'cc-exp': '12/34', 'cc-csc': '123', confirm: true, 'method=card': true });
    for (const locale of OTHERS) {
      m.el.setAttribute('lang', locale);
      await waitForLocale(m.el, locale);
      expect(state(m.el), locale).to.equal('payment.review');
      expect(enteredData(m.el), locale).to.deep.equal(before);
    }
    q<HTMLButtonElement>(m.el, 'form button.primary')!.click();
    await waitForState(m.el, /^(activation\.|done)/);
  });

  it('an ancestor’s lang changing re-renders an element without its own lang; not one with its own', async () => {
    const { wrapper } = await mountIn(html`<div lang="en">
      <esim-renewal-wizard id="a" .provider=${createProvider({})}></esim-renewal-wizard>
      <esim-renewal-wizard id="b" lang="ja" .provider=${createProvider({})}></esim-renewal-wizard>
    </div>`);
    const a = wrapper.querySelector<EsimRenewalWizard>('#a')!;
    const b = wrapper.querySelector<EsimRenewalWizard>('#b')!;
    await waitForLocale(a, 'en');
    await waitForLocale(b, 'ja');
    await toLogin(a, 'online');
    await enter(a, 'User name or e-mail', 'demo@example.com');
    wrapper.setAttribute('lang', 'zh-TW');
    await waitForLocale(a, 'zh-Hant');
    expect(state(a)).to.equal('login.form');
    expect(q<HTMLInputElement>(a, '#username')!.value).to.equal('demo@example.com');
    await new Promise((r) => setTimeout(r, 20));
    expect(renderedLang(b), 'its own lang wins').to.equal('ja');
    // Removing the element's own lang hands it back to the ancestor.
    b.removeAttribute('lang');
    await waitForLocale(b, 'zh-Hant');
  });

  it('two wizards on one page render independently in different languages', async () => {
    const { wrapper } = await mountIn(html`<div>
      <esim-renewal-wizard id="a" lang="ja" .provider=${createProvider({})}></esim-renewal-wizard>
      <esim-renewal-wizard id="b" lang="ko" .provider=${createProvider({})}></esim-renewal-wizard>
    </div>`);
    const a = wrapper.querySelector<EsimRenewalWizard>('#a')!;
    const b = wrapper.querySelector<EsimRenewalWizard>('#b')!;
    await waitForLocale(a, 'ja');
    await waitForLocale(b, 'ko');
    a.setAttribute('lang', 'zh-Hans');
    await waitForLocale(a, 'zh-Hans');
    await new Promise((r) => setTimeout(r, 20));
    expect(renderedLang(b)).to.equal('ko');
    expect(q<HTMLSelectElement>(b, 'header select')!.value).to.equal('ko');
    expect(q<HTMLSelectElement>(a, 'header select')!.value).to.equal('zh-Hans');
    // Each keeps its own flow.
    a.setAttribute('lang', 'en');
    await waitForLocale(a, 'en');
    await toLogin(a, 'online');
    expect(state(b)).to.equal('validity');
    expect(renderedLang(b)).to.equal('ko');
  });
});

// ---------------------------------------------------------------------------------------------
// The language switcher
// ---------------------------------------------------------------------------------------------

describe('the language switcher', () => {
  const NAMES = { en: 'English', ja: '日本語', 'zh-Hans': '简体中文', 'zh-Hant': '繁體中文', ko: '한국어' };

  it('is in the header by default and lists the five languages, each in its own name and lang', async () => {
    const m = await mountDemo();
    const select = q<HTMLSelectElement>(m.el, 'header select')!;
    expect(select, 'a select in the header').to.not.equal(null);
    const options = [...select.options];
    expect(options.map((o) => o.value)).to.deep.equal(['en', 'ja', 'zh-Hans', 'zh-Hant', 'ko']);
    expect(options.map((o) => o.textContent.trim())).to.deep.equal(Object.values(NAMES));
    for (const o of options) expect(o.getAttribute('lang'), o.value).to.equal(o.value);
    expect(select.value, 'the current language is selected').to.equal('en');
    // It has an accessible name through its label.
    expect(select.closest('label')!.textContent.trim()).to.not.equal('');
    await expect(m.el).to.be.accessible();
  });

  it('choosing a language switches the element, keeps the step and the data, and follows later changes', async () => {
    const m = await mountDemo();
    await toLogin(m.el, 'online');
    await enter(m.el, 'User name or e-mail', 'demo@example.com');
    const select = () => q<HTMLSelectElement>(m.el, 'header select')!;
    await userEvent.selectOptions(select(), 'ko');
    await waitForLocale(m.el, 'ko');
    expect(m.el.getAttribute('lang'), 'the choice becomes the element’s lang').to.equal('ko');
    expect(state(m.el)).to.equal('login.form');
    expect(q<HTMLInputElement>(m.el, '#username')!.value).to.equal('demo@example.com');
    expect(select().value).to.equal('ko');
    // The host changes the language afterwards: the switcher follows, both ways.
    m.el.setAttribute('lang', 'ja');
    await waitForLocale(m.el, 'ja');
    expect(select().value, 'after the host chose ja').to.equal('ja');
    m.el.setAttribute('lang', 'ko');
    await waitForLocale(m.el, 'ko');
    expect(select().value, 'after the host chose ko again').to.equal('ko');
    await userEvent.selectOptions(select(), 'en');
    await waitForLocale(m.el, 'en');
    expect(select().value).to.equal('en');
  });

  it('is absent with hide-language-switcher', async () => {
    const { el } = await mountIn(html`<esim-renewal-wizard hide-language-switcher .provider=${createProvider({})}></esim-renewal-wizard>`);
    await waitForLocale(el, 'en');
    expect(q(el, 'header')).to.not.equal(null);
    expect(q(el, 'select')).to.equal(null);
    el.hideLanguageSwitcher = false;
    await el.updateComplete;
    expect(q(el, 'header select')).to.not.equal(null);
  });
});

// ---------------------------------------------------------------------------------------------
// What the rendered content says about its language, and locale-aware content
// ---------------------------------------------------------------------------------------------

describe('language of the content', () => {
  it('.base carries the active lang; the Japanese shop phrases keep lang="ja" in every locale', async () => {
    const entry = VIEW_STATES.find((e) => e.id === 'shop-visit')!;
    const m = await mountDemo();
    await entry.reach(m.el, { clock: m.clock, provider: createProvider(entry) });
    expect(state(m.el)).to.equal('shop-visit');
    for (const locale of LOCALES) {
      m.el.setAttribute('lang', locale);
      await waitForLocale(m.el, locale);
      expect(q(m.el, '.base')!.getAttribute('lang'), locale).to.equal(locale);
      const phrases = [...root(m.el).querySelectorAll<HTMLElement>('.phrase')];
      expect(phrases, `${locale}: phrases`).to.have.length(2);
      for (const p of phrases) {
        expect(p.getAttribute('lang'), `${locale}: phrase lang`).to.equal('ja');
        expect(p.textContent.trim()).to.match(/[\u3040-\u30ff]/); // kana: it is Japanese
      }
      // Nothing else in the content claims another language than the active one (the switcher's options aside).
      const others = [...root(m.el).querySelectorAll('section.step [lang]')].filter((n) => !n.classList.contains('phrase'));
      expect(
        others.map((n) => n.outerHTML.slice(0, 60)),
        locale,
      ).to.deep.equal([]);
    }
  });

  it('the live region speaks the active language after a switch', async () => {
    const { ja } = await import('../../src/i18n/ja.js');
    const m = await mountDemo();
    await toLogin(m.el, 'online');
    const announcer = () => q(m.el, '#announcer')!.textContent.trim();
    expect(announcer()).to.not.equal('');
    m.el.setAttribute('lang', 'ja');
    await waitForLocale(m.el, 'ja');
    expect(announcer(), 'the announcement is not left in English').to.equal(ja.stepOf(3, 7, ja.steps.login));
    m.el.setAttribute('lang', 'en');
    await waitForLocale(m.el, 'en');
    expect(announcer()).to.equal('Step 3 of 7: Sign in');
  });

  it('the prepared support message follows the language until the person edits it; an edit is kept', async () => {
    const { ko, ja } = (await import('../../src/testing/catalogs.js')).CATALOGS;
    const entry = VIEW_STATES.find((e) => e.id === 'troubleshooting.escalate')!;
    const m = await mountDemo();
    await entry.reach(m.el, { clock: m.clock, provider: createProvider(entry) });
    expect(state(m.el)).to.equal('troubleshooting.escalate');
    const message = () => q<HTMLTextAreaElement>(m.el, '#support-message')!.value;
    const english = message();
    const reference = /Order reference: (\S+)/.exec(english)?.[1];
    const iccid = /ICCID: (\d+)/.exec(english)?.[1];
    expect(reference, 'the English message names the order').to.be.a('string');
    expect(iccid, 'and the ICCID').to.be.a('string');
    m.el.setAttribute('lang', 'ko');
    await waitForLocale(m.el, 'ko');
    // In Korean, with the copy in Japanese beneath it for a support desk in Japan.
    await waitUntil(() => message().includes(ja.trouble.copyHeading), 'the Japanese copy is in', { timeout: 3000 });
    expect(message(), 'prepared in Korean').to.equal(
      `${ko.trouble.message(reference!, iccid!, [])}\n\n${ja.trouble.copyHeading}\n${ja.trouble.message(reference!, iccid!, [])}`,
    );
    // Edited: the person's words are kept whatever the language.
    await enter(m.el, ko.trouble.messageLabel, 'My own words');
    m.el.setAttribute('lang', 'ja');
    await waitForLocale(m.el, 'ja');
    expect(message()).to.equal('My own words');
  });
});

describe('phone labels from each locale’s glossary (validity step, iPhone)', () => {
  const PINNED: Record<Exclude<Locale, 'en'>, [string, string]> = {
    ja: ['設定', 'モバイル通信'],
    ko: ['설정', '셀룰러'],
    'zh-Hans': ['设置', '蜂窝网络'],
    'zh-Hant': ['設定', '行動服務'],
  };
  for (const locale of OTHERS) {
    it(`${locale}: ${PINNED[locale].join(' → ')}`, async () => {
      const { el } = await mountIn(html`<esim-renewal-wizard lang=${locale} .provider=${createProvider({})}></esim-renewal-wizard>`);
      await waitForLocale(el, locale);
      expect(q(el, 'input[name="platform"][value="ios"]:checked'), 'iPhone chosen').to.not.equal(null);
      const steps = [...root(el).querySelectorAll('.paths ol.path')[0]!.querySelectorAll('li')].map((li) => li.textContent.trim());
      expect(steps.slice(0, 2)).to.deep.equal(PINNED[locale]);
    });
  }
});

describe('dates and money through Intl in the locale', () => {
  it('ja: plan prices as Japanese sites write yen (1,480円（税込）), plan names in Japanese, the expiry as Intl.DateTimeFormat("ja")', async () => {
    const m = await mountDemo();
    const accounts = spy(m.provider, 'accountStatus');
    await toPlans(m.el);
    const plan = ONLINE_PLANS.find((p) => p.id === 'online-7d-3gb')!;
    const price = () => q(m.el, `#plan-${plan.id}-meta .price`)!.textContent.trim();
    expect(price()).to.equal(new Intl.NumberFormat('en', { style: 'currency', currency: plan.price.currency }).format(plan.price.amount));
    m.el.setAttribute('lang', 'ja');
    await waitForLocale(m.el, 'ja');
    expect(price()).to.equal('1,480円（税込）');
    // Every plan on the list is formatted so, and named in Japanese from its days and data.
    for (const p of ONLINE_PLANS) {
      expect(q(m.el, `#plan-${p.id}-meta .price`)!.textContent.trim(), p.id).to.equal(`${new Intl.NumberFormat('ja').format(p.price.amount)}円（税込）`);
    }
    expect(q(m.el, `label:has(#plan-${plan.id}-meta) .choice-title`)!.textContent).to.contain('7日間・3GB');
    expect(q(m.el, `label:has(#plan-${plan.id}-meta) .choice-title`)!.textContent).not.to.contain('7 days');
    const account = accounts.results.at(-1) as AccountStatus;
    const expiry = q(m.el, '#account-heading')!.closest('section')!.querySelector('dd:nth-of-type(2)')!.textContent;
    expect(expiry).to.contain(formatDateTime('ja', account.expiresAt));
    expect(expiry).to.contain(
      new Intl.DateTimeFormat('ja', { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }).format(
        new Date(account.expiresAt),
      ),
    );
  });

  /** ¥1,480 as sites in each language write it (every price is tax-included); no `JP¥`, no `(JPY)`. */
  const TOTAL: Record<(typeof OTHERS)[number], string> = { ja: '1,480円（税込）', ko: '1,480엔', 'zh-Hans': '¥1,480', 'zh-Hant': '¥1,480' };
  for (const locale of OTHERS) {
    it(`${locale}: the order total on the confirmation screen, and the plan named in ${locale}`, async () => {
      const m = await mountDemo();
      await toPlans(m.el);
      await toReview(m.el);
      m.el.setAttribute('lang', locale);
      await waitForLocale(m.el, locale);
      const summary = q(m.el, '#order-heading')!.closest('section')!;
      expect(summary.querySelector('strong.price')!.textContent.trim()).to.equal(TOTAL[locale]);
      expect(summary.textContent).not.to.contain('(JPY)');
      expect(summary.textContent).not.to.contain('7 days · 3 GB');
    });
  }
});
