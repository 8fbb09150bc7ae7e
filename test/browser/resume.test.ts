/**
 * Nothing lost: progress is saved as each state settles, and a reload (here: the element goes
 * and a new one comes, over the same backend and the same storage, as after a real reload)
 * returns to the same step with the same non-secret data. A payment whose answer was lost is
 * reconciled with the provider, never paid again; activation polling and the wait for a cash
 * payment go on. Saved progress from another version is dropped with a notice. Offline is said
 * plainly and the wizard goes on by itself once the network is back.
 */
import { expect } from '@open-wc/testing';
import { describe, it } from 'vitest';
import { SAVE_VERSION } from '../../src/element/saved-progress.js';
import type { Provider } from '../../src/providers/contract.js';
import type { DemoProvider } from '../../src/providers/demo.js';
import { ScriptedProvider } from '../../src/testing/scripted-provider.js';
import {
  CARD_OK,
  DEMO_PASSWORD,
  alertText,
  answerValidity,
  checked,
  choose,
  click,
  demo,
  enter,
  idle,
  mountWith,
  orders,
  payByCard,
  payWith,
  pickPlan,
  q,
  shownReference,
  signIn,
  spy,
  state,
  text,
  textField,
  toLogin,
  waitForState,
  waitUntil,
  laterLoaded,
  type MountedAny,
} from './flows-helpers.js';

/** A reload: this element goes; a new one comes over the same backend, storage and clock. */
async function reload<P extends Provider>(m: MountedAny<P>): Promise<MountedAny<P>> {
  // As the page goes: what was entered since the last step is saved then.
  dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
  m.el.remove();
  // Long enough for the old element's actor to stop: its calls in flight are abandoned.
  await new Promise((r) => setTimeout(r, 10));
  const next = await mountWith(m.provider);
  // The first step shows at once; the saved step comes back with the later chunk, which reads it.
  await laterLoaded(next.el);
  await idle(next.el);
  return next;
}

/**
 * After a reload the demo's session is gone (it lives in memory, as a session token must: never
 * in storage), so the first call asks to sign in again; the wizard then goes on where it was.
 * (Over HTTP the session is an HttpOnly cookie, and no sign-in is needed.)
 */
async function signInAgain(m: MountedAny<Provider>): Promise<void> {
  await waitForState(m.el, 'login.form');
  await signIn(m.el, 'demo@example.com');
}

/** "I already paid: check my order", once the rest of the wizard (whose words it uses) is in. */
async function lookUp(el: MountedAny<Provider>['el']): Promise<void> {
  await waitUntil(el, () => [...el.shadowRoot!.querySelectorAll('button')].some((b) => b.textContent.trim() === 'I already paid: check my order'));
  await click(el, 'I already paid: check my order');
  await waitForState(el, 'login.form');
}

/** Signed in to the demo account, the 7-day plan chosen: on the confirmation screen. */
async function toConfirmation(el: MountedAny<Provider>['el']): Promise<void> {
  await toLogin(el, 'online');
  await signIn(el, 'demo@example.com');
  await pickPlan(el, /^7 days · 3 GB/);
}

/** The saved progress in storage (one wizard on the page: one entry). */
function saved(): string {
  const keys = Object.keys(localStorage).filter((k) => k.startsWith('esim-renewal-wizard:'));
  expect(keys).to.have.length(1);
  return localStorage.getItem(keys[0]!)!;
}

/** A provider whose answer to one call is lost (the call itself is carried out, as a server would). */
function answerLost<P extends Provider>(provider: P, method: 'pay' | 'createOrder'): P {
  const original = (provider[method] as (...a: unknown[]) => Promise<unknown>).bind(provider);
  (provider as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
    void original(...args);
    return new Promise(() => {});
  };
  return provider;
}

describe('reloading returns to the same step with the same data', () => {
  it('at each step up to the confirmation screen; the password and the card are asked again', async () => {
    const provider = demo();
    const made = orders(provider);
    let m = await mountWith(provider);
    await answerValidity(m.el, '4');
    m = await reload(m);
    expect(state(m.el)).to.equal('channel');
    await click(m.el, 'Back');
    expect(checked(m.el, 'I know how many days are left')).to.equal(true);
    expect(textField(m.el, 'Days left').value).to.equal('4');

    await click(m.el, 'Continue');
    await choose(m.el, /^Online, from an eSIM provider/);
    m = await reload(m);
    expect(checked(m.el, /^Online, from an eSIM provider/)).to.equal(true);

    await click(m.el, 'Continue');
    await enter(m.el, 'User name or e-mail', 'demo@example.com');
    await enter(m.el, 'Password', DEMO_PASSWORD);
    m = await reload(m);
    expect(state(m.el)).to.equal('login.form');
    expect(textField(m.el, 'User name or e-mail').value).to.equal('demo@example.com');
    // Never saved: typed again.
    expect(textField(m.el, 'Password').value).to.equal('');
    await signIn(m.el, 'demo@example.com');

    await waitForState(m.el, 'plan.choosing');
    await choose(m.el, /^7 days · 3 GB/);
    m = await reload(m);
    expect(state(m.el)).to.equal('plan.choosing');
    expect(checked(m.el, /^7 days · 3 GB/)).to.equal(true);

    await click(m.el, 'Continue');
    // The demo's session did not survive the reload: sign in again, and on to the order.
    await signInAgain(m);
    await waitForState(m.el, 'payment.review');
    await choose(m.el, 'Credit or debit card');
    await enter(m.el, 'Card number', CARD_OK);
    await choose(m.el, /^I have checked/);
    const reference = m.el.shadowRoot!.querySelector('#order-heading')?.textContent;
    m = await reload(m);
    expect(state(m.el)).to.equal('payment.review');
    expect(m.el.shadowRoot!.querySelector('#order-heading')?.textContent).to.equal(reference);
    expect(checked(m.el, 'Credit or debit card')).to.equal(true);
    expect(checked(m.el, /^I have checked/)).to.equal(true);
    expect(textField(m.el, 'Card number').value).to.equal('');
    expect(saved()).to.not.contain('4242');

    await payByCard(m.el, CARD_OK);
    // Paying needs the session the reload took: sign in, back on this screen, and pay.
    await signInAgain(m);
    await waitForState(m.el, 'payment.review');
    await payByCard(m.el, CARD_OK);
    await waitForState(m.el, 'done');
    expect(made).to.have.length(1);
    expect(provider.chargeCount(made[0]!.orderId)).to.equal(1);
  });
});

describe('a reload during payment never pays twice', () => {
  it('a card payment whose answer was lost: the provider’s record is shown, and nothing is charged again', async () => {
    const provider = answerLost(demo(), 'pay');
    const made = orders(provider);
    const pays = spy(provider, 'pay');
    let m = await mountWith(provider);
    await toConfirmation(m.el);
    await payByCard(m.el, CARD_OK);
    await waitForState(m.el, 'payment.paying');
    expect(saved()).to.contain('paying');
    m = await reload(m);
    await signInAgain(m);
    await waitForState(m.el, 'done');
    expect(pays.calls).to.have.length(1);
    expect(made).to.have.length(1);
    expect(provider.chargeCount(made[0]!.orderId)).to.equal(1);
    expect(m.events.completes).to.have.length(1);
    expect(m.events.completes[0]!.orderReference).to.equal(made[0]!.reference);
  });

  it('the payment never reached the provider: the order is kept and can be paid, once', async () => {
    const scripted = new ScriptedProvider(demo(), { hold: ['pay'] });
    const made = orders(scripted);
    let m = await mountWith(scripted);
    await toConfirmation(m.el);
    await payByCard(m.el, CARD_OK);
    await waitForState(m.el, 'payment.paying');
    scripted.script = { ...scripted.script, hold: [] };
    m = await reload(m);
    await signInAgain(m);
    // Nothing on record: back to the plans with the same plan chosen, then the same order.
    await waitForState(m.el, 'plan.choosing');
    expect(checked(m.el, /^7 days · 3 GB/)).to.equal(true);
    await click(m.el, 'Continue');
    await waitForState(m.el, 'payment.review');
    await payByCard(m.el, CARD_OK);
    await waitForState(m.el, 'done');
    expect(made).to.have.length(1);
    expect((scripted.base as DemoProvider).chargeCount(made[0]!.orderId)).to.equal(1);
  });

  it('a cash voucher: after a reload the wizard keeps waiting for it, and goes on once it is paid', async () => {
    let m = await mountWith(demo());
    await toConfirmation(m.el);
    await payWith(m.el, 'Cash at a convenience store');
    await waitForState(m.el, 'payment.awaitingCash');
    const voucher = q(m.el, '#voucher-number')!.textContent;
    m = await reload(m);
    await signInAgain(m);
    // It checked at once (its timer was not kept), and waits on with the same voucher.
    await waitForState(m.el, 'payment.awaitingCash');
    expect(q(m.el, '#voucher-number')!.textContent).to.equal(voucher);
    // The demo counts a voucher as paid at its second check.
    for (let i = 0; i < 3 && state(m.el) === 'payment.awaitingCash'; i++) {
      await click(m.el, /^I.ve paid/);
      await idle(m.el);
    }
    await waitForState(m.el, /^(activation\..*|done)$/);
  });
});

describe('activation after a reload', () => {
  it('polling resumes, and the renewal completes once', async () => {
    let m = await mountWith(demo('delayed'));
    const status = spy(m.provider, 'activationStatus');
    await toConfirmation(m.el);
    await payByCard(m.el, CARD_OK);
    await waitForState(m.el, 'activation.waiting');
    const before = status.calls.length;
    m = await reload(m);
    await signInAgain(m);
    await idle(m.el);
    expect(status.calls.length).to.equal(before + 1);
    expect(state(m.el)).to.match(/^activation\./);
    for (let i = 0; i < 10 && state(m.el) !== 'done'; i++) {
      m.clock.increment(30_000);
      await idle(m.el);
    }
    expect(state(m.el)).to.equal('done');
    expect(m.events.completes).to.have.length(1);
  });
});

describe('saved progress that cannot be used', () => {
  const key = () => `esim-renewal-wizard:${location.pathname}#0`;

  it('from another version: dropped with a notice, the wizard starts afresh, no error', async () => {
    localStorage.setItem(key(), JSON.stringify({ v: 0, savedAt: Date.now(), snapshot: { value: 'nowhere', context: {} } }));
    const errors: unknown[] = [];
    const onError = (e: ErrorEvent) => errors.push(e.error);
    addEventListener('error', onError);
    const m = await mountWith(demo());
    await laterLoaded(m.el);
    removeEventListener('error', onError);
    expect(state(m.el)).to.equal('validity');
    expect(q(m.el, '.notice[role="status"]')!.textContent).to.contain('starts afresh');
    // The old entry is gone; what is saved now is this fresh start.
    expect(localStorage.getItem(key())).to.not.contain('nowhere');
    expect(errors).to.deep.equal([]);
  });

  it('garbage, or a state this version does not have: the same', async () => {
    for (const junk of ['{not json', JSON.stringify({ v: SAVE_VERSION, savedAt: Date.now(), snapshot: { value: { payment: 'teleporting' }, context: {} } })]) {
      localStorage.setItem(key(), junk);
      const m = await mountWith(demo());
      await laterLoaded(m.el);
      expect(state(m.el)).to.equal('validity');
      expect(q(m.el, '.notice[role="status"]')).to.not.equal(null);
      m.el.remove();
    }
  });

  it('older than a day: forgotten quietly', async () => {
    let m = await mountWith(demo());
    await answerValidity(m.el);
    const entry = JSON.parse(saved()) as { savedAt: number };
    m.el.remove();
    localStorage.setItem(key(), JSON.stringify({ ...entry, savedAt: Date.now() - 25 * 3600_000 }));
    m = await mountWith(demo());
    await laterLoaded(m.el);
    expect(state(m.el)).to.equal('validity');
    expect(q(m.el, '.notice[role="status"]')).to.equal(null);
  });
});

describe('reset() and saved progress', () => {
  it('a reload after reset() starts afresh, not where the person was before it', async () => {
    const m = await mountWith(demo());
    await toLogin(m.el, 'online');
    const step = () => (JSON.parse(saved()) as { snapshot: { value: unknown } }).snapshot.value;
    expect(step()).to.deep.equal({ login: 'form' });
    m.el.reset();
    await idle(m.el);
    // Gone, or the fresh start (once anything changes).
    expect(Object.keys(localStorage).some((k) => k.startsWith('esim-renewal-wizard:') && localStorage.getItem(k)!.includes('"login":"form"'))).to.equal(false);
    const next = await reload(m);
    expect(state(next.el)).to.equal('validity');
    // Nothing answered: not even the first step's answer from before the reset.
    expect([...next.el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name="validity-mode"]')].some((r) => r.checked)).to.equal(false);
  });

  it('reset() before the rest of the wizard (which reads saved progress) has loaded: that progress is not taken up', async () => {
    const m = await mountWith(demo());
    await toLogin(m.el, 'online');
    const progress = saved();
    m.el.remove();
    await new Promise((r) => setTimeout(r, 10));
    localStorage.setItem(`esim-renewal-wizard:${location.pathname}#0`, progress);
    // Reset at once, in the task that connects it: before its first render, so before its later chunk.
    const el = document.createElement('esim-renewal-wizard');
    el.provider = demo();
    document.body.append(el);
    el.reset();
    try {
      await laterLoaded(el);
      await idle(el);
      expect(state(el)).to.equal('validity');
      // What is saved now is the fresh start.
      expect((JSON.parse(saved()) as { snapshot: { value: unknown } }).snapshot.value).to.equal('validity');
    } finally {
      el.remove();
    }
  });
});

describe('where progress is kept', () => {
  it('no-persist saves nothing; persist-key names the entry; two wizards on a page keep apart', async () => {
    const m = await mountWith(demo());
    m.el.noPersist = true;
    await answerValidity(m.el);
    expect(Object.keys(localStorage)).to.deep.equal([]);
    m.el.noPersist = false;
    m.el.persistKey = 'shop:renewal';
    await click(m.el, 'Back');
    expect(localStorage.getItem('shop:renewal')).to.contain('validity');

    const second = await mountWith(demo());
    await answerValidity(second.el, '9');
    const keys = Object.keys(localStorage).filter((k) => k.startsWith('esim-renewal-wizard:'));
    expect(keys).to.have.length(1);
    expect(keys[0]).to.match(/#1$/);
    expect(localStorage.getItem('shop:renewal')).to.not.contain('"9"');
  });

  it('where storage is off limits (it throws), the wizard works on without resume', async () => {
    const original = Object.getOwnPropertyDescriptor(window, 'localStorage')!;
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('denied', 'SecurityError');
      },
    });
    try {
      const m = await mountWith(demo());
      await answerValidity(m.el);
      expect(state(m.el)).to.equal('channel');
    } finally {
      Object.defineProperty(window, 'localStorage', original);
    }
  });
});

describe('offline', () => {
  it('says so plainly, keeps what was entered, and goes on by itself when the network is back', async () => {
    const scripted = new ScriptedProvider(demo(), { fail: { identify: { code: 'network', times: 1, retryable: true } } });
    const m = await mountWith(scripted);
    await toLogin(m.el, 'online');
    const onLine = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine')!;
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    try {
      dispatchEvent(new Event('offline'));
      await m.el.updateComplete;
      // Said at once, before anything fails.
      expect(q(m.el, '#offline-notice[role="status"]')!.textContent).to.contain('You’re offline');
      await signIn(m.el, 'demo@example.com');
      await waitForState(m.el, 'login.form');
      expect(alertText(m.el)).to.contain('You’re offline');
      expect(textField(m.el, 'User name or e-mail').value).to.equal('demo@example.com');
    } finally {
      Object.defineProperty(navigator, 'onLine', onLine);
      delete (navigator as unknown as Record<string, unknown>).onLine;
    }
    // Back online: the failed call is tried again without a tap. (The password, kept in memory, goes with it.)
    dispatchEvent(new Event('online'));
    await waitForState(m.el, 'plan.choosing');
    expect(text(m.el)).to.not.contain('offline');
    expect(q(m.el, '#offline-notice')).to.equal(null);
  });
});

describe('"I already paid: check my order"', () => {
  it('a person who lost the tab finds the paid order by its reference and e-mail, and sees it done', async () => {
    const provider = demo();
    const made = orders(provider);
    let m = await mountWith(provider);
    await toConfirmation(m.el);
    await payByCard(m.el, CARD_OK);
    await waitForState(m.el, 'done');
    const reference = shownReference(m.el);
    // The tab is lost; a new one, with nothing saved.
    m.el.remove();
    localStorage.clear();
    m = await mountWith(provider);
    await idle(m.el);
    await lookUp(m.el);
    await waitForState(m.el, 'login.form');
    await enter(m.el, 'Order number', reference.toLowerCase());
    await enter(m.el, 'E-mail used for the purchase', 'demo@example.com');
    await click(m.el, /^Find/);
    await waitForState(m.el, 'done');
    expect(shownReference(m.el)).to.equal(reference);
    expect(made).to.have.length(1);
    expect(provider.chargeCount(made[0]!.orderId)).to.equal(1);
  });

  it('by the eSIM’s ICCID: a cash voucher still open is shown again, to pay at the shop', async () => {
    const provider = demo();
    let m = await mountWith(provider);
    await toConfirmation(m.el);
    await payWith(m.el, 'Cash at a convenience store');
    await waitForState(m.el, 'payment.awaitingCash');
    const voucher = q(m.el, '#voucher-number')!.textContent;
    m.el.remove();
    localStorage.clear();
    m = await mountWith(provider);
    await idle(m.el);
    await lookUp(m.el);
    await choose(m.el, /^ICCID/);
    await enter(m.el, 'ICCID', '8981 0000 0000 0001 233');
    await enter(m.el, 'E-mail used for the purchase', 'demo@example.com');
    await click(m.el, /^Find/);
    await waitForState(m.el, 'payment.awaitingCash');
    expect(q(m.el, '#voucher-number')!.textContent).to.equal(voucher);
  });

  it('nothing on record: said plainly, and Back leads to the start', async () => {
    const m = await mountWith(demo());
    await idle(m.el);
    await lookUp(m.el);
    await enter(m.el, 'Order number', 'NRT-240001');
    await enter(m.el, 'E-mail used for the purchase', 'traveler@example.com');
    await click(m.el, /^Find/);
    await waitForState(m.el, 'payment.reconcileError');
    expect(alertText(m.el)).to.contain('no renewal order');
    await click(m.el, 'Back');
    expect(state(m.el)).to.equal('validity');
  });
});
