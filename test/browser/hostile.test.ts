/**
 * Hostile input: every entry of the corpus (src/testing/hostile-corpus.ts) typed into every text
 * input of the wizard, and returned by the provider in every string it supplies
 * (src/testing/hostile-provider.ts). Each must render as text and never as HTML (no element,
 * event-handler attribute or `javascript:` link appears, and no payload runs), be rejected with
 * the catalog's message where it is invalid (`aria-invalid="true"`, tied to the field), stay in
 * the field as typed, and cause no console error, `error` or `unhandledrejection`.
 *
 * Entries are batched per screen: one wizard per input screen takes the whole corpus, cycling
 * through the languages so every catalog's field errors are checked. The provider strings need
 * one provider per entry: three short walks each.
 */
import { expect, fixtureCleanup } from '@open-wc/testing';
import { afterAll, afterEach, beforeEach, describe, it } from 'vitest';
import type { EsimRenewalWizard } from '../../src/element/esim-renewal-wizard.js';
import { LOCALES, type Locale } from '../../src/i18n/locales.js';
import { localToday } from '../../src/i18n/today.js';
import { validateCardCvc, validateCardExpiry, validateCardNumber } from '../../src/domain/card-validation.js';
import {
  EMPTY_DATE,
  normalizeTyped,
  validateDateParts,
  validateDaysLeft,
  validateEmail,
  validateIccid,
  validateOrderNumber,
  validateRequiredText,
  type FieldError,
} from '../../src/domain/validation.js';
import type { ProviderProfile } from '../../src/providers/contract.js';
import { DemoProvider } from '../../src/providers/demo.js';
import { CATALOGS } from '../../src/testing/catalogs.js';
import { SUPPORT_MESSAGE_MAX } from '../../src/element/views/troubleshooting.js';
import { HOSTILE_CORPUS, PWNED_FLAG, type HostileEntry, type HostileFieldId } from '../../src/testing/hostile-corpus.js';
import { HOSTILE_PROVIDER_STRINGS, HostileProvider, hostileProfile, type HostileOptions } from '../../src/testing/hostile-provider.js';
import { VIEW_STATES, createProvider } from '../../src/testing/view-states.js';
import {
  answerValidity,
  choose,
  click,
  mount,
  payByCard,
  payWith,
  q,
  root,
  signIn,
  spy,
  state,
  waitForLocale,
  waitForState,
  waitUntil,
} from './flows-helpers.js';

const en = CATALOGS.en;

// ---------------------------------------------------------------------------------------------
// What every case checks: no error anywhere, nothing injected, no payload run
// ---------------------------------------------------------------------------------------------

let problems: string[] = [];
let stopWatching = (): void => {};

beforeEach(() => {
  problems = [];
  const original = console.error;
  console.error = (...args: unknown[]) => {
    problems.push(`console.error: ${args.map(String).join(' ')}`);
    original.apply(console, args);
  };
  const onError = (e: ErrorEvent) => problems.push(`error: ${e.message}`);
  const onRejection = (e: PromiseRejectionEvent) => problems.push(`unhandledrejection: ${String(e.reason)}`);
  addEventListener('error', onError);
  addEventListener('unhandledrejection', onRejection);
  stopWatching = () => {
    console.error = original;
    removeEventListener('error', onError);
    removeEventListener('unhandledrejection', onRejection);
  };
});

afterEach(() => {
  stopWatching();
  fixtureCleanup();
});

/** Elements that only an injection could have put in the shadow root (the brand logo is the wizard's own). */
const FOREIGN = 'script, iframe, frame, object, embed, svg, math, img:not(.brand-logo), style, link, base, meta, video, audio, template';
const URL_ATTRIBUTES = /^(href|src|action|formaction|xlink:href|poster|data)$/i;

/** What an injection left in the wizard: foreign elements, handler attributes, script URLs. */
function injected(el: EsimRenewalWizard): string[] {
  const found = [...root(el).querySelectorAll(FOREIGN)].map((n) => `<${n.localName}>`);
  for (const n of root(el).querySelectorAll('*')) {
    for (const a of n.attributes) {
      if (/^on/i.test(a.name) || a.name === 'srcdoc') found.push(`${n.localName}[${a.name}]`);
      // As the URL parser reads it: leading controls and spaces, tabs and newlines do not count.
      // eslint-disable-next-line no-control-regex -- the C0 controls are the point
      if (URL_ATTRIBUTES.test(a.name) && /^javascript:/i.test(a.value.replace(/[\u0000-\u0020]/g, '')))
        found.push(`${n.localName}[${a.name}="${a.value.slice(0, 60)}"]`);
    }
  }
  // Nothing may leak into the host page's light DOM either (the wizard has no light-DOM content here).
  for (const n of el.children) found.push(`light DOM <${n.localName}>`);
  return found;
}

/** The checks every case ends with. */
function clean(el: EsimRenewalWizard, where: string): void {
  expect(problems.splice(0), `${where}: console errors, errors, rejections`).to.deep.equal([]);
  expect((window as unknown as Record<string, unknown>)[PWNED_FLAG], `${where}: a payload ran`).to.equal(undefined);
  expect(injected(el), `${where}: injected into the wizard`).to.deep.equal([]);
}

const sectionText = (el: EsimRenewalWizard): string => q(el, 'section.step')!.textContent;
const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** What a control of this kind holds once `value` is set (the browser's value sanitization: newlines, dates, e-mail). */
function held(control: HTMLInputElement | HTMLTextAreaElement, value: string): string {
  const probe = document.createElement(control.localName) as HTMLInputElement | HTMLTextAreaElement;
  if (probe instanceof HTMLInputElement) probe.type = (control as HTMLInputElement).type;
  probe.value = value;
  return probe.value;
}

// ---------------------------------------------------------------------------------------------
// Driving by id and by role, in any language
// ---------------------------------------------------------------------------------------------

const control = (el: EsimRenewalWizard, id: HostileFieldId) => {
  const c = root(el).getElementById(id) as HTMLInputElement | HTMLTextAreaElement | null;
  if (!c) throw new Error(`no #${id} in ${state(el)}`);
  return c;
};

/** Puts a value in a field as pasting would (no maxlength cut: the validators see all of it). */
async function setValue(el: EsimRenewalWizard, id: HostileFieldId, value: string): Promise<void> {
  const c = control(el, id);
  c.value = value;
  c.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

/** Presses the step's primary action (Continue, Sign in, Pay, Send), whatever the language. */
async function submit(el: EsimRenewalWizard): Promise<void> {
  q<HTMLButtonElement>(el, 'section.step button.primary')!.click();
  await el.updateComplete;
}

/** Entry `i` is checked in the i-th language, round robin: every catalog gets its turn. */
async function speak(el: EsimRenewalWizard, i: number): Promise<Locale> {
  const locale = LOCALES[i % LOCALES.length]!;
  if (el.getAttribute('lang') !== locale) {
    el.setAttribute('lang', locale);
    await waitForLocale(el, locale);
  }
  return locale;
}

/** A fresh wizard driven to a view of the registry by the entry's own `reach`. */
async function reachView(id: string) {
  const entry = VIEW_STATES.find((e) => e.id === id);
  if (!entry) throw new Error(`no view state ${id}`);
  const provider = createProvider(entry);
  const { el, clock } = await mount({ provider, ...(entry.setup?.channel ? { channel: entry.setup.channel } : {}) });
  await entry.setup?.configure?.(el, { clock, provider });
  await entry.reach(el, { clock, provider });
  await el.updateComplete;
  return { el, provider };
}

// ---------------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------------

/** What the wizard must say for a value each field holds; pins in the corpus take precedence. */
const VERDICT: Record<HostileFieldId, (value: string) => FieldError | null> = {
  // While one of the date fields is tested the other two are empty.
  'expiry-date-year': (v) => validateDateParts({ ...EMPTY_DATE, year: v }, localToday()),
  'expiry-date-month': (v) => validateDateParts({ ...EMPTY_DATE, month: v }, localToday()),
  'expiry-date-day': (v) => validateDateParts({ ...EMPTY_DATE, day: v }, localToday()),
  'days-left': validateDaysLeft,
  username: (v) => validateRequiredText(v),
  password: (v) => (v.length > 0 ? null : 'required'),
  iccid: validateIccid,
  'order-number': validateOrderNumber,
  email: validateEmail,
  'cc-number': validateCardNumber,
  'cc-exp': (v) => validateCardExpiry(v, localToday()),
  // The number is left empty meanwhile: an unknown brand's code has 3 digits.
  'cc-csc': (v) => validateCardCvc(v, 'unknown'),
  // Not blank, and within the contract's 5,000 characters.
  'support-message': (v) => validateRequiredText(v, SUPPORT_MESSAGE_MAX),
};

const DATE_FIELDS: readonly HostileFieldId[] = ['expiry-date-year', 'expiry-date-month', 'expiry-date-day'];

/** The date's three fields share one error, under their legend. */
const errorIdOf = (id: HostileFieldId): string => (DATE_FIELDS.includes(id) ? 'expiry-date-error' : `${id}-error`);

/** The field holds what was typed, and says exactly the catalog's message when it is invalid. */
function checkField(el: EsimRenewalWizard, id: HostileFieldId, entry: HostileEntry, locale: Locale): void {
  const where = `${entry.name} in #${id} (${locale})`;
  const c = control(el, id);
  const value = held(c, entry.value);
  expect(c.value, `${where}: kept as typed`).to.equal(value);
  const pinned = entry.expect?.[id];
  const expected = pinned !== undefined ? pinned : VERDICT[id](value);
  const error = root(el).getElementById(errorIdOf(id));
  if (expected) {
    // An incomplete date marks the fields still empty, not the one that was filled in.
    const marked = expected !== 'date-incomplete' || normalizeTyped(value) === '';
    expect(c.getAttribute('aria-invalid'), `${where}: aria-invalid`).to.equal(String(marked));
    expect(error?.textContent, `${where}: the ${expected} message`).to.equal(CATALOGS[locale].fieldErrors[expected]);
    expect(c.getAttribute('aria-describedby')?.split(' '), `${where}: error tied to the field`).to.include(errorIdOf(id));
  } else {
    expect(c.getAttribute('aria-invalid'), `${where}: accepted`).to.not.equal('true');
    expect(error, `${where}: no error`).to.equal(null);
  }
}

interface InputScreen {
  readonly name: string;
  /** The view-state registry entry that reaches the screen. */
  readonly view: string;
  readonly prepare?: (el: EsimRenewalWizard) => Promise<void>;
  /** Its text fields. While one is tested the others are empty, so the step never goes on. */
  readonly fields: readonly HostileFieldId[];
}

const INPUT_SCREENS: readonly InputScreen[] = [
  { name: 'time left: expiry date', view: 'validity.date.expired', fields: ['expiry-date-year', 'expiry-date-month', 'expiry-date-day'] },
  { name: 'time left: days left', view: 'validity.days.few', fields: ['days-left'] },
  { name: 'sign-in: account', view: 'login.form.account', fields: ['username', 'password'] },
  { name: 'sign-in: airport eSIM by ICCID', view: 'login.form.iccid', fields: ['iccid', 'email'] },
  { name: 'sign-in: airport eSIM by order number', view: 'login.form.order', fields: ['order-number', 'email'] },
  { name: 'I already paid: find my order', view: 'login.form.lookup', fields: ['order-number', 'email'] },
  { name: 'payment: card form', view: 'payment.review', prepare: (el) => choose(el, 'Credit or debit card'), fields: ['cc-number', 'cc-exp', 'cc-csc'] },
];

/** The support message (troubleshooting) is the one more text input: it is sent, not validated. */
const INPUT_COUNT = INPUT_SCREENS.reduce((n, s) => n + s.fields.length, 0) + 1;
const PROVIDER_STRING_COUNT = Object.keys(HOSTILE_PROVIDER_STRINGS).length;

afterAll(() => {
  const n = HOSTILE_CORPUS.length;
  console.log(
    `hostile input: ${n} corpus entries; ${n * INPUT_COUNT} entry × input cases (${n} × ${INPUT_COUNT} inputs); ` +
      `${n * PROVIDER_STRING_COUNT} entry × provider-string cases (${n} × ${PROVIDER_STRING_COUNT} strings)`,
  );
});

describe('hostile input typed into every field', () => {
  it('the corpus has unique names and the entries the issue asks for', () => {
    const names = HOSTILE_CORPUS.map((e) => e.name);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).to.deep.equal([]);
    const values = HOSTILE_CORPUS.map((e) => e.value);
    expect(values).to.include.members(['4242 4242 4242 4242', '4242-4242-4242-4242', '01/20', '2026-02-30', '2026-13-01', `'; DROP TABLE orders; --`]);
    expect(values.some((v) => v.length === 10_000)).to.equal(true);
    for (const c of ['\u202E', '\u200B', '\uFEFF', '\u200D'])
      expect(
        values.some((v) => v.includes(c)),
        `an entry with U+${c.codePointAt(0)!.toString(16)}`,
      ).to.equal(true);
  });

  for (const screen of INPUT_SCREENS) {
    it(`${screen.name}: ${screen.fields.map((f) => `#${f}`).join(', ')}`, async () => {
      const { el } = await reachView(screen.view);
      await screen.prepare?.(el);
      const at = state(el);
      // A value that is valid must not take the wizard away: the host vetoes every step change.
      el.addEventListener('esim-before-step-change', (e) => e.preventDefault());
      for (const [i, entry] of HOSTILE_CORPUS.entries()) {
        const locale = await speak(el, i);
        for (const id of screen.fields) {
          for (const other of screen.fields) if (other !== id) await setValue(el, other, '');
          await setValue(el, id, entry.value);
          await submit(el);
          expect(state(el), `${entry.name} in #${id}`).to.equal(at);
          checkField(el, id, entry, locale);
          clean(el, `${entry.name} in #${id}`);
        }
      }
    });
  }

  it('time left: a date typed into its three fields is read as the calendar and the keyboard have it', async () => {
    const { el } = await reachView('validity.date.expired');
    el.addEventListener('esim-before-step-change', (e) => e.preventDefault());
    const cases: readonly { typed: [year: string, month: string, day: string]; error: FieldError | null; why: string }[] = [
      { typed: ['2026', '02', '30'], error: 'date-invalid', why: '30 February' },
      { typed: ['2027', '2', '29'], error: 'date-invalid', why: '29 February in a common year' },
      { typed: ['２０２８', '２', '２９'], error: null, why: 'a leap day in full-width digits (a Japanese keyboard)' },
      { typed: ['28', '12', '31'], error: null, why: 'a two-digit year, as phones show it' },
      { typed: [' 2028 ', '1', '1'], error: null, why: 'spaces around the year, one-digit month and day' },
      { typed: ['10000', '1', '1'], error: 'date-invalid', why: 'a five-digit year' },
      { typed: ['2028', '13', '1'], error: 'date-invalid', why: 'month 13' },
      { typed: ['2028', '', ''], error: 'date-incomplete', why: 'the year alone' },
    ];
    for (const { typed, error, why } of cases) {
      const [year, month, day] = typed;
      await setValue(el, 'expiry-date-year', year);
      await setValue(el, 'expiry-date-month', month);
      await setValue(el, 'expiry-date-day', day);
      await submit(el);
      expect(state(el), why).to.equal('validity');
      expect(root(el).getElementById('expiry-date-error')?.textContent ?? null, why).to.equal(error ? en.fieldErrors[error] : null);
      for (const [i, id] of DATE_FIELDS.entries()) {
        const marked = error !== null && (error !== 'date-incomplete' || typed[i] === '');
        expect(control(el, id).getAttribute('aria-invalid'), `${why}: #${id}`).to.equal(String(marked));
        expect(control(el, id).value, `${why}: #${id} kept as typed`).to.equal(typed[i]);
      }
      clean(el, why);
    }
  });

  it('troubleshooting: the support message is kept, refused when blank or too long, sent exactly as typed, and kept after sending', async () => {
    const { el, provider } = await reachView('troubleshooting.escalate');
    const sent = spy(provider.base, 'supportRequest');
    let refused = 0;
    for (const [i, entry] of HOSTILE_CORPUS.entries()) {
      const locale = await speak(el, i);
      const m = CATALOGS[locale];
      await setValue(el, 'support-message', entry.value);
      const typed = control(el, 'support-message').value;
      if (VERDICT['support-message'](typed)) {
        // Not fit to send: said at the field once Send is pressed; nothing is sent, nothing lost.
        const calls = sent.calls.length;
        await submit(el);
        checkField(el, 'support-message', entry, locale);
        expect(state(el), `${entry.name}: not sent`).to.equal('troubleshooting.escalate');
        expect(sent.calls, `${entry.name}: no request`).to.have.length(calls);
        clean(el, `${entry.name} refused`);
        refused++;
        continue;
      }
      checkField(el, 'support-message', entry, locale);
      await submit(el);
      await waitForState(el, 'troubleshooting.sent');
      expect((sent.calls.at(-1)![1] as { message: string }).message, `${entry.name}: sent as typed`).to.equal(typed);
      clean(el, `${entry.name} sent`);
      // Back to the checks and to support again: the message is still the person's.
      await click(el, m.nav.back);
      await click(el, m.trouble.skipToSupport);
      await waitForState(el, 'troubleshooting.escalate');
      expect(control(el, 'support-message').value, `${entry.name}: kept after sending`).to.equal(typed);
      clean(el, `${entry.name} back in the form`);
    }
    expect(refused, 'blank and too-long entries refused').to.be.greaterThan(2);
    expect(sent.calls).to.have.length(HOSTILE_CORPUS.length - refused);
  });
});

// ---------------------------------------------------------------------------------------------
// Provider strings
// ---------------------------------------------------------------------------------------------

/** A wizard on a 0-latency demo provider whose every string is `s`, for an online eSIM (no channel question). */
async function mountHostile(s: string, profile: ProviderProfile | null, options: HostileOptions = {}) {
  // One wizard at a time, each from the start (no progress saved by the previous one).
  fixtureCleanup();
  localStorage.clear();
  const provider = new HostileProvider(new DemoProvider({ latencyMs: 0 }), s, options);
  const { el } = await mount({ provider, channel: 'online' });
  if (profile) el.profile = profile;
  await el.updateComplete;
  return { el, provider };
}

/** Time left, then the sign-in form (the channel is preset). */
async function toSignIn(el: EsimRenewalWizard): Promise<void> {
  await answerValidity(el);
  await waitForState(el, 'login.form');
}

const chooseFirstPlan = async (el: EsimRenewalWizard): Promise<void> => {
  q<HTMLInputElement>(el, 'input[name="plan"]')!.click();
  await el.updateComplete;
  await submit(el);
};

/** The provider failed with `s` as its message: the wizard says the catalog's words instead. */
function saysCatalogError(el: EsimRenewalWizard, s: string, where: string): void {
  expect(squash(q(el, '.panel.error[role="alert"]')!.textContent), `${where}: the catalog's message`).to.equal(en.errors.server);
  if (s.trim().length >= 3) expect(sectionText(el), `${where}: the provider's message is not shown`).to.not.include(s);
  clean(el, where);
}

/** Online account, card, done, troubleshooting, support: names, references, card, ticket, the host profile. */
async function renewByCard(s: string): Promise<void> {
  const { el, provider } = await mountHostile(s, hostileProfile(s));
  await toSignIn(el);
  clean(el, 'sign-in (register and reset links)');
  await signIn(el, 'demo@example.com');
  await waitForState(el, 'plan.choosing');
  expect(q(el, 'section[aria-labelledby="account-heading"] dd')!.textContent, 'current plan name').to.equal(s);
  const titles = [...root(el).querySelectorAll('fieldset[data-field="plan"] .choice-title')].map((t) => t.textContent);
  expect(titles.length, 'plans listed').to.be.greaterThan(0);
  for (const t of titles) expect(t.startsWith(s), `plan name "${t.slice(0, 40)}"`).to.equal(true);
  expect(q(el, '.plan-meta')!.textContent, 'plan speed').to.include(en.plan.throttle(s));
  q(el, 'details.panel summary')!.click();
  await choose(el, en.plan.stay.week);
  await choose(el, /^Moderately/);
  expect(q(el, 'details.panel [role="status"]')!.textContent, 'recommended plan').to.include(en.plan.recommendedIs(s));
  clean(el, 'plan list');

  await chooseFirstPlan(el);
  await waitForState(el, 'payment.review');
  expect(q(el, 'section[aria-labelledby="order-heading"] dd')!.textContent, 'ordered plan').to.equal(s);
  expect(q(el, '.brand span')!.textContent, 'brand name').to.equal(s);
  clean(el, 'confirmation (terms link, brand, logo, profile links)');

  await payByCard(el, '4242-4242-4242-4242');
  await waitForState(el, 'done');
  expect(q(el, '.reference')!.textContent, 'order reference').to.equal(s);
  expect(q(el, 'dl.summary dd')!.textContent, 'receipt: plan').to.equal(s);
  expect(sectionText(el), 'receipt: card').to.include(en.done.card(s, s));
  expect(q(el, '#support-heading')!.textContent, 'support title').to.include(en.profile.supportTitle(s));
  const support = q(el, 'ul.support')!.textContent;
  expect(support, 'support e-mail, phone and chat')
    .to.include(`${en.profile.email}: ${s}`)
    .and.include(`${en.profile.phone}: ${s}`)
    .and.include(en.profile.chat(s));
  clean(el, 'done (support channels, profile links)');

  await click(el, en.done.notWorking);
  await waitForState(el, 'troubleshooting.check');
  await click(el, en.trouble.skipToSupport);
  await waitForState(el, 'troubleshooting.escalate');
  // In English, then (once its catalog is in) the same in Japanese for a desk in Japan: text both.
  const message = held(control(el, 'support-message'), en.trouble.message(s, s, []));
  expect(control(el, 'support-message').value.slice(0, message.length), 'prepared message: reference and ICCID').to.equal(message);
  clean(el, 'support form (support link)');

  await waitUntil(el, () => control(el, 'support-message').value.length > message.length);
  let expected = control(el, 'support-message').value;
  if (expected.length > SUPPORT_MESSAGE_MAX) {
    // Built from what the provider said, the message is longer than a provider takes: the field
    // says so when Send is pressed, and the person shortens it.
    await submit(el);
    expect(root(el).getElementById('support-message-error')?.textContent, 'too long').to.equal(en.fieldErrors['too-long']);
    expect(state(el)).to.equal('troubleshooting.escalate');
    expected = 'My plan is not active yet.';
    await setValue(el, 'support-message', expected);
  }
  await submit(el);
  await waitForState(el, 'troubleshooting.sent');
  expect(provider.supportRequests.at(-1)?.message, 'the message support gets').to.equal(expected);
  expect(q(el, '.panel.success')!.textContent, 'ticket number').to.include(en.trouble.sent(s));
  clean(el, 'support ticket');
}

/** Failures with `s` as their message at sign-in, account and order; then cash: the voucher number, the provider's name. */
async function failThenPayCash(s: string): Promise<void> {
  const { el } = await mountHostile(s, { brandName: '', logoUrl: s, support: { email: s } }, { failFirst: ['identify', 'accountStatus', 'createOrder'] });
  await toSignIn(el);
  await signIn(el, 'demo@example.com');
  await waitUntil(el, () => q(el, '.panel.error[role="alert"]') !== null);
  saysCatalogError(el, s, 'sign-in failed');
  await click(el, en.login.submit);
  await waitForState(el, 'plan.error');
  saysCatalogError(el, s, 'account failed');
  await click(el, en.nav.retry);
  await waitForState(el, 'plan.choosing');
  await chooseFirstPlan(el);
  await waitForState(el, 'payment.orderError');
  saysCatalogError(el, s, 'order failed');
  await click(el, en.nav.retry);
  await waitForState(el, 'payment.review');
  expect(q(el, '.brand span')!.textContent, "the provider's name beside the logo").to.equal(s);
  clean(el, 'confirmation (provider name, logo)');
  await payWith(el, 'Cash at a convenience store');
  await waitForState(el, 'payment.awaitingCash');
  expect(q(el, '#voucher-number')!.textContent, 'voucher number').to.equal(s);
  clean(el, 'cash voucher');
}

/** An account that cannot top up: its plan name and the "buy a new eSIM" link. */
async function cannotTopUp(s: string): Promise<void> {
  const { el } = await mountHostile(s, null);
  await toSignIn(el);
  await signIn(el, 'norecharge@example.com');
  await waitForState(el, 'plan.ineligible');
  expect(q(el, 'section[aria-labelledby="account-heading"] dd')!.textContent, 'current plan name').to.equal(s);
  clean(el, 'not rechargeable (buy-new link)');
}

describe('hostile strings from the provider', () => {
  for (const entry of HOSTILE_CORPUS) {
    it(entry.name, async () => {
      await renewByCard(entry.value);
      await failThenPayCash(entry.value);
      await cannotTopUp(entry.value);
    });
  }
});
