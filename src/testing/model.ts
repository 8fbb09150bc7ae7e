/**
 * The abstract model of the flow, for model-based tests: a small XState machine with no
 * `invoke` and no `after` (which `xstate/graph` cannot traverse), whose states are what a person
 * sees and whose events are what a person does together with what the provider answers.
 *
 * - Its top-level states are the wizard's step ids (STEP_IDS); each leaf names the production
 *   state the element must show (`meta.view`, the element's `data-state`) and, like the
 *   view-state registry, CSS selectors that tell it apart from its neighbours.
 * - Leaves are split wherever the production machine's context would make the same action lead
 *   to different places (the channel the eSIM was bought through, where troubleshooting started,
 *   a session lost in a reload), so every path through the model is a real path of the element.
 * - Each event has an executor that drives the real element through its shadow DOM the way a
 *   person would (the driver's helpers), on a 0-latency demo provider wrapped in a
 *   {@link ScriptedProvider}: provider failures are injected, and calls the model shows as
 *   "in flight" are held until the outcome event releases them.
 *
 * {@link planPaths} picks paths with `xstate/graph` that together take every transition of the
 * model at least once (a greedy transition tour), and {@link modelCoverage} measures what a set
 * of steps covered, from the model's own definition. Framework-neutral: no test runner, no
 * assertion library (the tests bring those). Not part of the package.
 */
import { initialTransition, setup, transition, type AnyStateNode, type SimulatedClock, type SnapshotFrom } from 'xstate';
import { getAdjacencyMap, getShortestPaths, getStateNodes } from 'xstate/graph';
import type { EsimRenewalWizard } from '../element/esim-renewal-wizard.js';
import { localToday } from '../i18n/today.js';
import { wizardMachine } from '../machine/machine.js';
import { statePath } from '../machine/selectors.js';
import { DEMO_ICCID, DEMO_PASSWORD as PASSWORD } from '../domain/test-accounts.js';
import type { DemoProvider } from '../providers/demo.js';
import type { ActivationScenario, ErrorCode } from '../domain/codes.js';
import type { Order } from '../domain/types.js';
import { choose, click, fill, fillDate, input, laterLoaded, root, settled, state, waitForState, waitUntil } from './driver.js';
import type { ProviderMethod, ScriptedProvider } from './scripted-provider.js';

// ---------------------------------------------------------------------------------------------
// The model
// ---------------------------------------------------------------------------------------------

/** What a model state promises about the real element. */
export interface ModelStateMeta {
  /** The production state the element shows (its `data-state`). */
  readonly view: string;
  readonly description: string;
  /** CSS selectors (in the shadow root) that must match. */
  readonly shows?: readonly string[];
  /** CSS selectors that must not match. */
  readonly hides?: readonly string[];
  /** Provider calls held while the element is in this state (it shows them in flight). */
  readonly holds?: readonly ProviderMethod[];
}

const busy = 'section.step[aria-busy="true"]';
const alert = '.panel.error[role="alert"]';

/**
 * A state of the model: the production state the element shows, what a person sees there, and
 * where each event leads (targets by the model state's dotted path).
 */
const leaf = (
  view: string,
  description: string,
  on: Partial<Record<ModelEventType, string>>,
  promises: Pick<ModelStateMeta, 'shows' | 'hides' | 'holds'> = {},
) => ({
  meta: { view, description, ...promises } satisfies ModelStateMeta,
  on: Object.fromEntries(Object.entries(on).map(([event, target]) => [event, `#model.${target}`])) as Partial<Record<ModelEventType, string>>,
});

/** Signing in again after the session was lost (a reload, an expiry): the message says so, then on to where it stopped. */
const signInAgainTo = (target: string, description: string) => leaf('login.form', description, { SIGN_IN_AGAIN: target }, { shows: [alert] });

export const modelMachine = setup({
  types: { events: {} as { type: ModelEventType } },
}).createMachine({
  id: 'model',
  initial: 'validity',
  states: {
    validity: leaf(
      'validity',
      'How much time is left',
      { ANSWER_DAYS: 'channel', ANSWER_DATE: 'channel', ANSWER_UNKNOWN: 'channel', CHECK_ORDER: 'login.lookup' },
      { shows: ['fieldset[data-field="validity-mode"]'] },
    ),
    channel: leaf(
      'channel',
      'Where the eSIM was bought',
      { ONLINE: 'login.account', SHOP_ONLINE: 'login.carrier', SHOP_VISIT: 'shop-visit', AIRPORT: 'login.airport', BACK: 'validity' },
      { shows: ['fieldset[data-field="channel"]'] },
    ),
    'shop-visit': leaf(
      'shop-visit',
      'What to bring to the shop and what to say',
      { BACK: 'channel', GOTO_VALIDITY: 'validity' },
      { shows: ['.phrase[lang="ja"]'] },
    ),
    login: {
      initial: 'account',
      states: {
        account: leaf(
          'login.form',
          'Sign-in to an online provider account',
          {
            SIGN_IN: 'plan.choosing',
            SIGN_IN_SLOW: 'login.submitting',
            WRONG_PASSWORD: 'login.account',
            LOCKED: 'login.account',
            IDENTIFY_NETWORK_ERROR: 'login.account',
            SESSION_EXPIRES: 'login.account',
            TOO_MANY_ATTEMPTS: 'login.cooldown',
            NOT_RECHARGEABLE: 'plan.ineligible',
            EXPIRED_PAST_GRACE: 'plan.ineligible',
            TOO_EARLY: 'plan.ineligible',
            ACCOUNT_LOAD_FAILS: 'plan.error',
            BACK: 'channel',
          },
          { shows: ['#username', '#password'], hides: ['#iccid'] },
        ),
        carrier: leaf(
          'login.form',
          'Sign-in to a carrier account (a shop eSIM renewed online)',
          { SIGN_IN_CARRIER: 'plan.carrier', BACK: 'channel' },
          { shows: ['#username', '#password'] },
        ),
        airport: leaf(
          'login.form',
          'An airport eSIM, found by ICCID or order number and e-mail',
          { FIND_BY_ICCID: 'plan.airport', FIND_BY_ORDER: 'plan.airport', NOT_FOUND: 'login.airport', BACK: 'channel' },
          { shows: ['#email'], hides: ['#password'] },
        ),
        lookup: leaf(
          'login.form',
          '“I already paid: check my order”',
          { FIND_PAID_ORDER: 'activation.checking', FIND_UNPAID_ORDER: 'plan.choosing', FIND_NO_ORDER: 'payment.lookupError', BACK: 'validity' },
          { shows: ['#order-number', '#email'], hides: ['#password', '#username'] },
        ),
        submitting: leaf(
          'login.submitting',
          'Signing in, the provider not answered yet',
          { IDENTIFIED: 'plan.loading', BACK: 'channel' },
          { shows: [busy], holds: ['identify'] },
        ),
        cooldown: leaf('login.cooldown', 'Too many wrong passwords: a 30-second pause', { WAIT_PAUSE: 'login.afterPause' }, { shows: ['[role="timer"]'] }),
        afterPause: leaf(
          'login.form',
          'The pause is over; one more wrong password pauses again',
          { SIGN_IN: 'plan.choosing', WRONG_PASSWORD: 'login.cooldown' },
          { shows: ['#password'], hides: ['[role="timer"]'] },
        ),
        again: leaf(
          'login.form',
          'Sign-in again, after going back from the plans',
          { SIGN_IN_AGAIN: 'plan.choosing', BACK: 'channel' },
          { shows: ['form button[type="submit"]'] },
        ),
        resumeReconcile: signInAgainTo('plan.choosing', 'After a reload mid-payment: sign in again to find out what became of it'),
        resumePayment: signInAgainTo('payment.review', 'The session expired while paying: sign in again'),
        resumeCash: signInAgainTo('payment.awaitingCash', 'After a reload while a cash voucher is open: sign in again'),
        resumeActivation: signInAgainTo('activation.checking', 'After a reload while activating: sign in again'),
        resumeTroubleshooting: signInAgainTo('troubleshooting.check', 'After a reload in troubleshooting: sign in again to re-check'),
      },
    },
    plan: {
      initial: 'choosing',
      states: {
        loading: leaf(
          'plan.loading',
          'Loading the account and its plans',
          { ACCOUNT_LOADED: 'plan.choosing', BACK: 'login.again' },
          { shows: [busy], holds: ['accountStatus'] },
        ),
        choosing: leaf(
          'plan.choosing',
          'The online account’s plans (top-ups extend the expiry)',
          { CHOOSE_PLAN: 'payment.review', ORDER_FAILS: 'payment.orderError', USE_HELPER: 'plan.choosing', BACK: 'login.again', GOTO_VALIDITY: 'validity' },
          { shows: ['#account-heading', 'input[name="plan"][value^="online-"]'] },
        ),
        carrier: leaf(
          'plan.choosing',
          'A carrier account’s plans (the new month queues)',
          { CHOOSE_PLAN: 'payment.carrierReview', BACK: 'login.carrier' },
          { shows: ['input[name="plan"][value^="shop-"]'] },
        ),
        airport: leaf(
          'plan.choosing',
          'An airport eSIM in its grace days (packs stack)',
          { CHOOSE_PLAN: 'payment.airportReview', BACK: 'login.airport' },
          { shows: ['input[name="plan"][value^="airport-"]', '[data-urgency="expired"]'] },
        ),
        // Back to the online sign-in form (signing in again as the same person would end here again).
        ineligible: leaf(
          'plan.ineligible',
          'The account cannot top up, with the way out',
          { BACK: 'login.account', START_OVER: 'validity' },
          { shows: ['[data-reason]'] },
        ),
        error: leaf('plan.error', 'The account could not be loaded', { RETRY: 'plan.choosing', BACK: 'login.again' }, { shows: [alert] }),
      },
    },
    payment: {
      initial: 'review',
      states: {
        review: leaf(
          'payment.review',
          'The final confirmation screen of an online account (card, PayPal, cash)',
          {
            PAY_CARD: 'activation.checking',
            PAY_CARD_SLOW: 'payment.tokenizing',
            CARD_DECLINED: 'payment.review',
            CARD_NO_FUNDS: 'payment.review',
            CARD_3DS: 'payment.authenticating',
            PAY_PAYPAL: 'payment.authenticating',
            PAY_PAYPAL_SLOW: 'payment.paying',
            PAY_CASH: 'payment.awaitingCash',
            PAY_NETWORK_ERROR: 'payment.payError',
            PAY_SESSION_EXPIRES: 'login.resumePayment',
            BACK: 'plan.choosing',
            GOTO_LOGIN: 'login.again',
          },
          { shows: ['#order-heading', 'input[name="method"][value="paypal"]'] },
        ),
        carrierReview: leaf(
          'payment.review',
          'The confirmation screen of a carrier account (card or cash)',
          { PAY_CARD: 'activation.checking', BACK: 'plan.carrier' },
          { shows: ['#order-heading'], hides: ['input[name="method"][value="paypal"]'] },
        ),
        airportReview: leaf(
          'payment.review',
          'The confirmation screen of an airport eSIM (card or cash)',
          { PAY_CARD: 'activation.checking', PAY_CASH: 'payment.awaitingCash', BACK: 'plan.airport' },
          { shows: ['#order-heading'], hides: ['input[name="method"][value="paypal"]'] },
        ),
        // Nothing is charged yet, so the progress list may still leave (the view offers no Back here).
        tokenizing: leaf(
          'payment.tokenizing',
          'The card is with the payment processor',
          { TOKENIZED: 'activation.checking', GOTO_PLAN: 'plan.choosing' },
          { shows: [busy], holds: ['tokenizeCard'] },
        ),
        paying: leaf(
          'payment.paying',
          'Paying: no way back until the outcome is known',
          { PAID: 'payment.authenticating', RELOAD: 'login.resumeReconcile' },
          { shows: [busy], hides: ['nav .step-link'], holds: ['pay'] },
        ),
        authenticating: leaf(
          'payment.authenticating',
          'Approve the payment (3-D Secure or PayPal)',
          { APPROVE: 'activation.checking', CANCEL: 'payment.review', APPROVE_FAILS: 'payment.authError' },
          { shows: ['#order-heading'] },
        ),
        authError: leaf('payment.authError', 'Completing the approved payment failed: safe to retry', { RETRY: 'activation.checking' }, { shows: [alert] }),
        payError: leaf('payment.payError', 'The payment’s outcome is unknown: safe to retry', { RETRY: 'activation.checking' }, { shows: [alert] }),
        orderError: leaf('payment.orderError', 'The order could not be created', { RETRY: 'payment.review' }, { shows: [alert] }),
        awaitingCash: leaf(
          'payment.awaitingCash',
          'Cash at a convenience store: the voucher',
          { CASH_PAID: 'activation.checking', CASH_CHECK_FAILS: 'payment.awaitingCash', RELOAD: 'login.resumeCash' },
          { shows: ['#voucher-number'] },
        ),
        lookupError: leaf(
          'payment.reconcileError',
          'No order found for what was entered',
          { RETRY_LOOKUP: 'payment.lookupError', BACK: 'validity' },
          { shows: [alert] },
        ),
      },
    },
    activation: {
      initial: 'checking',
      states: {
        checking: leaf(
          'activation.checking',
          'Asking the provider whether the plan is live',
          {
            ACTIVE: 'done',
            PENDING: 'activation.waiting',
            FAILED: 'troubleshooting.check',
            CHECK_FAILS: 'activation.error',
            NOT_WORKING: 'troubleshooting.check',
          },
          { shows: [busy, 'progress'], holds: ['activationStatus'] },
        ),
        waiting: leaf(
          'activation.waiting',
          'Not live yet: waiting for the next check',
          { POLL: 'activation.checking', TIMEOUT: 'troubleshooting.check', NOT_WORKING: 'troubleshooting.check', RELOAD: 'login.resumeActivation' },
          { shows: ['progress'] },
        ),
        error: leaf('activation.error', 'The activation check failed', { RETRY: 'activation.checking' }, { shows: [alert] }),
      },
    },
    done: leaf('done', 'The plan is active', { NOT_WORKING: 'troubleshooting.fromDone', START_OVER: 'validity' }, { shows: ['.panel.success', '.reference'] }),
    troubleshooting: {
      initial: 'check',
      states: {
        check: leaf(
          'troubleshooting.check',
          'The first check, troubleshooting opened from activation',
          {
            FIXED: 'troubleshooting.verifying',
            NOT_FIXED: 'troubleshooting.next',
            ESCALATE: 'troubleshooting.escalate',
            BACK: 'activation.checking',
            RELOAD: 'troubleshooting.reloaded',
          },
          { shows: ['[data-check="coverage"]', '.panel.warning[role="note"]'] },
        ),
        next: leaf('troubleshooting.check', 'The second check', { BACK: 'troubleshooting.check' }, { shows: ['[data-check="line-on"]'] }),
        fromDone: leaf('troubleshooting.check', 'The first check, opened from done', { FIXED: 'done', BACK: 'done' }, { shows: ['[data-check="coverage"]'] }),
        reloaded: leaf(
          'troubleshooting.check',
          'The first check after a reload (the session is gone)',
          { FIXED: 'login.resumeTroubleshooting' },
          { shows: ['[data-check="coverage"]'] },
        ),
        verifying: leaf(
          'troubleshooting.verifying',
          '“That fixed it”: asking the provider again',
          { VERIFIED_ACTIVE: 'done', STILL_INACTIVE: 'troubleshooting.check', VERIFY_FAILS: 'troubleshooting.verifyError', BACK: 'troubleshooting.check' },
          { shows: [busy], holds: ['activationStatus'] },
        ),
        verifyError: leaf(
          'troubleshooting.verifyError',
          'The re-check failed',
          { RETRY: 'troubleshooting.verifying', BACK: 'troubleshooting.check' },
          { shows: [alert] },
        ),
        escalate: leaf(
          'troubleshooting.escalate',
          'The prepared message to support',
          { SEND: 'troubleshooting.sending', BACK: 'troubleshooting.check' },
          { shows: ['#support-message'] },
        ),
        sending: leaf(
          'troubleshooting.sending',
          'Sending the message',
          { SENT: 'troubleshooting.sent', SEND_FAILS: 'troubleshooting.sendError', BACK: 'troubleshooting.escalate' },
          { shows: [busy, '#support-message'], holds: ['supportRequest'] },
        ),
        sendError: leaf(
          'troubleshooting.sendError',
          'The message could not be sent',
          { RETRY: 'troubleshooting.sending', BACK: 'troubleshooting.escalate' },
          { shows: [alert, '#support-message'] },
        ),
        sent: leaf(
          'troubleshooting.sent',
          'Support has the message',
          { BACK: 'troubleshooting.check', START_OVER: 'validity' },
          { shows: ['.panel.success[role="status"]'] },
        ),
      },
    },
  },
});

export type ModelSnapshot = SnapshotFrom<typeof modelMachine>;

/** A model state's dotted path, e.g. `login.account`. */
export const modelPath = (snapshot: Pick<ModelSnapshot, 'value'>): string => statePath(snapshot as never);

/** The promises of the model state at that dotted path. */
export function modelMeta(path: string): ModelStateMeta {
  return modelMachine.getStateNodeById(`model.${path}`).meta as ModelStateMeta;
}

// ---------------------------------------------------------------------------------------------
// The events: what a person does, and what the provider answers
// ---------------------------------------------------------------------------------------------

const DEMO_USER = 'demo@example.com';
const TRAVELER = 'traveler@example.com';
/** Stripe's test cards, as the demo provider treats them (README, "Demo inputs"). */
const CARDS = { ok: '4242 4242 4242 4242', declined: '4000 0000 0000 0002', noFunds: '4000 0000 0000 9995', authenticate: '4000 0027 6000 3184' };
const DAY = 86_400_000;

const CHANNEL_LABEL = {
  online: /^Online, from an eSIM provider/,
  shop: /^At a carrier shop in Japan/,
  airport: /^At an airport counter/,
} as const;

/** What an event's executor drives: the element (replaced by a reload), its clock and provider. */
export class ModelDriver {
  /**
   * The production states the element showed: its `data-state`, read after every action and
   * whenever it renders a new one (a call that answers within the action still shows its state).
   */
  readonly seen = new Set<string>();
  el!: EsimRenewalWizard;
  clock!: SimulatedClock;
  #watch: MutationObserver | undefined;
  /** Holds of the state being entered: kept across releases. */
  #holds: readonly ProviderMethod[] = [];

  constructor(
    readonly provider: ScriptedProvider,
    /** Mounts a new element on this provider and a fresh clock, with the test's persist key. */
    private readonly mount: (provider: ScriptedProvider) => Promise<{ el: EsimRenewalWizard; clock: SimulatedClock }>,
  ) {}

  get demo(): DemoProvider {
    return this.provider.base as DemoProvider;
  }

  async start(): Promise<void> {
    ({ el: this.el, clock: this.clock } = await this.mount(this.provider));
    // Saved progress is read with the later chunk: until then there is no step to show.
    await waitUntil(this.el, () => root(this.el).querySelector('section.step') !== null);
    this.#watch?.disconnect();
    this.#watch = new MutationObserver((records) => {
      for (const r of records) if (r.attributeName === 'data-state' && r.oldValue) this.seen.add(r.oldValue);
      this.record();
    });
    this.#watch.observe(root(this.el), { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'], attributeOldValue: true });
    this.record();
  }

  /** Stops watching the element. */
  stop(): void {
    this.#watch?.disconnect();
  }

  /** Reads the element's `data-state`. */
  record(): void {
    const s = root(this.el).querySelector<HTMLElement>('section.step')?.dataset.state;
    if (s) this.seen.add(s);
  }

  /** A new step: only the holds of the state it enters, nothing failing. */
  script(holds: readonly ProviderMethod[]): void {
    this.#holds = holds;
    this.provider.script = { hold: [...holds] };
  }

  /** The provider answers: held calls go on (the entered state's holds still apply to new calls). */
  release(): void {
    this.provider.release();
    this.provider.script = { ...this.provider.script, hold: [...this.#holds] };
  }

  /** Calls of `method` fail with `code` (for this step only). */
  fail(method: ProviderMethod, code: ErrorCode, retryable?: boolean): void {
    this.provider.script = {
      ...this.provider.script,
      fail: { ...this.provider.script.fail, [method]: { code, ...(retryable === undefined ? {} : { retryable }) } },
    };
  }

  /** How the demo provider answers activation checks from now on. */
  scenario(s: ActivationScenario): void {
    this.demo.scenario = s;
  }

  async click(name: string | RegExp): Promise<void> {
    await click(this.el, name);
    this.record();
  }

  async choose(label: string | RegExp): Promise<void> {
    await choose(this.el, label);
    this.record();
  }

  /** Ticks a radio or checkbox unless it is ticked already (a click would untick a checkbox). */
  async ensureChecked(label: string | RegExp): Promise<void> {
    if (!(input(this.el, label) as HTMLInputElement).checked) await this.choose(label);
  }

  async fill(label: string | RegExp, value: string): Promise<void> {
    await fill(this.el, label, value);
    this.record();
  }

  async fillDate(legend: string, date: string): Promise<void> {
    await fillDate(this.el, legend, date);
    this.record();
  }

  async waitFor(expected: string | RegExp): Promise<void> {
    await waitForState(this.el, expected);
    this.record();
  }

  /** A step in the progress list, by its name. */
  async goto(step: RegExp): Promise<void> {
    const link = [...root(this.el).querySelectorAll<HTMLButtonElement>('nav .step-link')].find((b) => step.test(b.textContent.trim()));
    if (!link) throw new Error(`no progress-list link ${step} in ${state(this.el)}`);
    link.click();
    await settled(this.el);
    this.record();
  }

  /**
   * A reload: the page (and the element with its in-memory session) goes away, calls in flight
   * are aborted, and a new element on the same saved progress comes back.
   */
  async reload(): Promise<void> {
    this.el.remove();
    // The actor is parked and stopped on the next task: its calls are aborted then.
    await new Promise((r) => setTimeout(r, 20));
    await this.start();
    // The saved step comes back once the later chunk (which reads it) is in.
    await laterLoaded(this.el);
    this.record();
  }
}

export interface ModelEventDef {
  /** What the person does, and what the provider answers. */
  readonly does: string;
  /** Selectors that must match once the event's target is reached (its visible outcome). */
  readonly shows?: readonly string[];
  readonly run: (d: ModelDriver) => Promise<void>;
}

async function answer(d: ModelDriver, mode: 'days' | 'date' | 'unknown'): Promise<void> {
  if (mode === 'days') {
    await d.choose('I know how many days are left');
    await d.fill('Days left', '2');
  } else if (mode === 'date') {
    await d.choose('I know the expiry date');
    await d.fillDate('Expiry date', localToday(Date.now() + 20 * DAY));
  } else {
    await d.choose('I don’t know');
  }
  await d.click('Continue');
}

async function pickChannel(
  d: ModelDriver,
  channel: keyof typeof CHANNEL_LABEL,
  shopPath?: 'Online, with my carrier account' | 'I’ll go to a shop',
): Promise<void> {
  await d.choose(CHANNEL_LABEL[channel]);
  if (shopPath) await d.choose(shopPath);
  await d.click('Continue');
}

async function signIn(d: ModelDriver, user: string, password = PASSWORD): Promise<void> {
  await d.fill('User name or e-mail', user);
  await d.fill('Password', password);
  await d.click('Sign in');
}

/** Sign-in again on whatever form is shown: what was entered is kept, only the password is asked again. */
async function signInAgain(d: ModelDriver): Promise<void> {
  if (root(d.el).querySelector('#password')) {
    if ((input(d.el, 'User name or e-mail', 'text') as HTMLInputElement).value === '') throw new Error('the user name was not kept');
    await d.fill('Password', PASSWORD);
    await d.click('Sign in');
  } else {
    await d.click('Find my eSIM');
  }
}

async function findTravelEsim(d: ModelDriver, by: 'iccid' | 'order', value: string): Promise<void> {
  if (by === 'iccid') {
    await d.choose('ICCID (number on the package)');
    await d.fill('ICCID', value);
  } else {
    await d.choose('Order number');
    await d.fill('Order number', value);
  }
  await d.fill('E-mail used for the purchase', TRAVELER);
  await d.click('Find my eSIM');
}

async function choosePlan(d: ModelDriver, plan: RegExp = /^7(-day pass| days) · 3 GB/): Promise<void> {
  await d.choose(plan);
  await d.click('Continue');
}

async function payByCard(d: ModelDriver, number: string): Promise<void> {
  await d.choose('Credit or debit card');
  await d.fill('Card number', number);
  await d.fill('Expiry date (MM/YY)', '12/34');
  await d.fill('Security code', '123');
  await d.ensureChecked(/^I have checked/);
  await d.click(/^Pay /);
}

async function payWith(d: ModelDriver, method: 'PayPal' | 'Cash at a convenience store'): Promise<void> {
  await d.choose(method);
  await d.ensureChecked(/^I have checked/);
  await d.click(/^Pay /);
}

/**
 * The person paid in another tab (or on another device): an order made with the demo provider
 * directly. With `pay`, paid by card; otherwise left unpaid.
 */
async function orderInAnotherTab(d: ModelDriver, pay: boolean): Promise<Order> {
  const signal = new AbortController().signal;
  const demo = d.demo;
  const session = await demo.identify({ method: 'account', channel: 'online', username: DEMO_USER, password: PASSWORD }, signal);
  const order = await demo.createOrder(session, { planId: 'online-7d-3gb', quantity: 1 }, signal);
  if (pay) {
    const card = await demo.tokenizeCard({ number: CARDS.ok, expiry: '12/34', cvc: '123' }, signal);
    await demo.pay(session, { orderId: order.orderId, method: 'card', cardToken: card.token, idempotencyKey: `${order.orderId}:other-tab` }, signal);
  }
  return order;
}

async function lookUp(d: ModelDriver, orderNumber: string, email: string): Promise<void> {
  await d.fill('Order number', orderNumber);
  await d.fill('E-mail used for the purchase', email);
  await d.click('Find my eSIM');
}

const released =
  (prepare: (d: ModelDriver) => void = () => {}) =>
  (d: ModelDriver): Promise<void> => {
    prepare(d);
    d.release();
    return Promise.resolve();
  };

/** Every event of the model, with its executor. */
export const MODEL_EVENTS = {
  // validity
  ANSWER_DAYS: { does: 'Two days left, Continue', run: (d) => answer(d, 'days') },
  ANSWER_DATE: { does: 'An expiry date in 20 days, Continue', run: (d) => answer(d, 'date') },
  ANSWER_UNKNOWN: { does: '“I don’t know”, Continue', run: (d) => answer(d, 'unknown') },
  CHECK_ORDER: {
    does: '“I already paid: check my order”',
    run: async (d) => {
      await waitUntil(d.el, () => [...root(d.el).querySelectorAll('button')].some((b) => /^I already paid/.test(b.textContent.trim())));
      await d.click(/^I already paid/);
    },
  },
  // channel
  ONLINE: { does: 'Bought online, Continue', run: (d) => pickChannel(d, 'online') },
  SHOP_ONLINE: { does: 'Bought at a shop, renew online, Continue', run: (d) => pickChannel(d, 'shop', 'Online, with my carrier account') },
  SHOP_VISIT: { does: 'Bought at a shop, will visit one, Continue', run: (d) => pickChannel(d, 'shop', 'I’ll go to a shop') },
  AIRPORT: { does: 'Bought at an airport counter, Continue', run: (d) => pickChannel(d, 'airport') },
  // sign-in
  SIGN_IN: { does: 'Signs in with the demo account', run: (d) => signIn(d, DEMO_USER) },
  SIGN_IN_SLOW: { does: 'Signs in; the provider takes its time', run: (d) => signIn(d, DEMO_USER) },
  IDENTIFIED: { does: 'The provider accepts the sign-in (the account is then loading)', run: released() },
  WRONG_PASSWORD: { does: 'A wrong password: invalid credentials', shows: [alert], run: (d) => signIn(d, DEMO_USER, 'wrong-password') },
  LOCKED: { does: 'A locked account', shows: [`${alert} a`], run: (d) => signIn(d, 'locked@example.com') },
  IDENTIFY_NETWORK_ERROR: {
    does: 'Signs in; the provider cannot be reached',
    shows: [alert],
    run: async (d) => {
      d.fail('identify', 'network');
      await signIn(d, DEMO_USER);
    },
  },
  SESSION_EXPIRES: {
    does: 'Signs in; the session expires while the account loads',
    shows: [alert],
    run: async (d) => {
      d.fail('accountStatus', 'session-expired', false);
      await signIn(d, DEMO_USER);
    },
  },
  TOO_MANY_ATTEMPTS: {
    does: 'Wrong passwords until sign-in pauses',
    run: async (d) => {
      for (let attempt = 0; attempt < 5 && state(d.el) !== 'login.cooldown'; attempt++) {
        await signIn(d, DEMO_USER, 'wrong-password');
        await d.waitFor(/^login\.(form|cooldown)$/);
      }
    },
  },
  WAIT_PAUSE: {
    does: 'Waits out the 30-second pause',
    run: async (d) => {
      for (let s = 0; s < 35 && state(d.el) === 'login.cooldown'; s++) {
        d.clock.increment(1_000);
        await settled(d.el);
        d.record();
      }
    },
  },
  NOT_RECHARGEABLE: {
    does: 'Signs in to an eSIM that cannot be recharged',
    shows: ['[data-reason="not-rechargeable"]'],
    run: (d) => signIn(d, 'norecharge@example.com'),
  },
  EXPIRED_PAST_GRACE: {
    does: 'Signs in to an eSIM expired past its grace days',
    shows: ['[data-reason="expired-past-grace"]'],
    run: (d) => signIn(d, 'expired@example.com'),
  },
  TOO_EARLY: { does: 'Signs in to an eSIM too early to top up', shows: ['[data-reason="too-early"]'], run: (d) => signIn(d, 'early@example.com') },
  ACCOUNT_LOAD_FAILS: {
    does: 'Signs in; the account cannot be loaded (server error)',
    run: async (d) => {
      d.fail('accountStatus', 'server');
      await signIn(d, DEMO_USER);
    },
  },
  ACCOUNT_LOADED: { does: 'The provider answers with the account and its plans', run: released() },
  SIGN_IN_CARRIER: { does: 'Signs in with the carrier account', run: (d) => signIn(d, 'carrier@example.com') },
  FIND_BY_ICCID: { does: 'Finds the airport eSIM by its ICCID', run: (d) => findTravelEsim(d, 'iccid', DEMO_ICCID) },
  FIND_BY_ORDER: { does: 'Finds the airport eSIM by its order number', run: (d) => findTravelEsim(d, 'order', 'NRT-240001') },
  NOT_FOUND: { does: 'An order number that does not exist', shows: [alert], run: (d) => findTravelEsim(d, 'order', 'NRT-999999') },
  SIGN_IN_AGAIN: { does: 'Signs in again; only the password is asked again', run: signInAgain },
  // "I already paid: check my order"
  FIND_PAID_ORDER: {
    does: 'Looks up an order paid in another tab: on to activation',
    run: async (d) => {
      const order = await orderInAnotherTab(d, true);
      await lookUp(d, order.reference, DEMO_USER);
    },
  },
  FIND_UNPAID_ORDER: {
    does: 'Looks up an order left unpaid in another tab: the plans again',
    run: async (d) => {
      const order = await orderInAnotherTab(d, false);
      await lookUp(d, order.reference, DEMO_USER);
    },
  },
  FIND_NO_ORDER: {
    does: 'Looks up an eSIM with no renewal order',
    run: async (d) => {
      d.fail('lookupOrder', 'not-found', false);
      await lookUp(d, 'NRT-240001', TRAVELER);
    },
  },
  RETRY_LOOKUP: {
    does: 'Try again: still no order',
    run: async (d) => {
      d.fail('lookupOrder', 'not-found', false);
      await d.click('Try again');
    },
  },
  // plans
  CHOOSE_PLAN: { does: 'Chooses the 7-day plan, Continue', run: (d) => choosePlan(d) },
  ORDER_FAILS: {
    does: 'Chooses the 15-day plan; the order cannot be created (network)',
    run: async (d) => {
      d.fail('createOrder', 'network');
      await choosePlan(d, /^15 days · 10 GB/);
    },
  },
  USE_HELPER: {
    does: 'The plan helper: about a week, moderate use; chooses its suggestion',
    shows: ['details.panel[open]', '.badge'],
    run: async (d) => {
      const summary = [...root(d.el).querySelectorAll('summary')].find((s) => /^Not sure which plan/.test(s.textContent.trim()));
      if (!summary) throw new Error('no plan helper');
      if (!(summary.parentElement as HTMLDetailsElement).open) summary.click();
      await d.choose('About a week');
      await d.choose(/^Moderately/);
      if ([...root(d.el).querySelectorAll('details button')].length > 0) await d.click('Choose this plan');
    },
  },
  // payment
  PAY_CARD: { does: 'Pays by card (4242)', run: (d) => payByCard(d, CARDS.ok) },
  PAY_CARD_SLOW: { does: 'Pays by card; the processor takes its time', run: (d) => payByCard(d, CARDS.ok) },
  TOKENIZED: { does: 'The processor answers: the payment goes through', run: released() },
  CARD_DECLINED: { does: 'A declined card', shows: [alert, '#cc-number'], run: (d) => payByCard(d, CARDS.declined) },
  CARD_NO_FUNDS: { does: 'A card with insufficient funds', shows: [alert], run: (d) => payByCard(d, CARDS.noFunds) },
  CARD_3DS: { does: 'A card that asks for authentication', run: (d) => payByCard(d, CARDS.authenticate) },
  PAY_PAYPAL: { does: 'Pays with PayPal (asks for approval)', run: (d) => payWith(d, 'PayPal') },
  PAY_PAYPAL_SLOW: { does: 'Pays with PayPal; the provider takes its time', run: (d) => payWith(d, 'PayPal') },
  PAID: { does: 'The provider answers: PayPal asks for approval', run: released() },
  PAY_CASH: { does: 'Pays cash at a convenience store: a voucher', run: (d) => payWith(d, 'Cash at a convenience store') },
  PAY_NETWORK_ERROR: {
    does: 'Pays by card; the answer is lost (network)',
    run: async (d) => {
      d.fail('pay', 'network');
      await payByCard(d, CARDS.ok);
    },
  },
  PAY_SESSION_EXPIRES: {
    does: 'Pays by card; the session has expired',
    run: async (d) => {
      d.fail('pay', 'session-expired', false);
      await payByCard(d, CARDS.ok);
    },
  },
  APPROVE: { does: 'Approves the payment', run: (d) => d.click('Approve') },
  CANCEL: { does: 'Cancels the approval: nothing charged', shows: [alert], run: (d) => d.click('Cancel') },
  APPROVE_FAILS: {
    does: 'Approves; completing the payment times out',
    run: async (d) => {
      d.fail('authenticatePayment', 'timeout');
      await d.click('Approve');
    },
  },
  CASH_PAID: {
    does: 'Pays the voucher at the store; “I’ve paid: check now” until it arrives',
    run: async (d) => {
      for (let check = 0; check < 4 && /^payment\./.test(state(d.el)); check++) {
        await d.click(/^I.ve paid/);
        await d.waitFor(/^(payment\.awaitingCash|activation\.checking)$/);
      }
    },
  },
  CASH_CHECK_FAILS: {
    does: '“I’ve paid: check now”; the check fails (network): still waiting',
    shows: [alert],
    run: async (d) => {
      d.fail('paymentStatus', 'network');
      await d.click(/^I.ve paid/);
      await waitUntil(d.el, () => root(d.el).querySelector(alert) !== null && state(d.el) === 'payment.awaitingCash');
    },
  },
  GOTO_LOGIN: { does: '“Sign in” in the progress list', run: (d) => d.goto(/^Sign in/) },
  GOTO_VALIDITY: { does: '“Time left” in the progress list', run: (d) => d.goto(/^Time left/) },
  GOTO_PLAN: { does: '“Choose a plan” in the progress list', run: (d) => d.goto(/^Choose a plan/) },
  // activation
  ACTIVE: {
    does: 'The provider says the plan is live',
    run: released((d) => d.scenario('immediate')),
  },
  PENDING: { does: 'The provider says not yet', run: released((d) => d.scenario('never')) },
  FAILED: { does: 'The provider says activation failed', run: released((d) => d.scenario('failed')) },
  CHECK_FAILS: { does: 'The activation check fails (network)', run: released((d) => d.fail('activationStatus', 'network')) },
  POLL: {
    does: 'The next check is due',
    run: async (d) => {
      d.clock.increment(30_000);
      await settled(d.el);
    },
  },
  TIMEOUT: {
    does: 'Ten minutes pass and the plan is still not live',
    run: async (d) => {
      d.scenario('never');
      // Each wait is at most 30 s: about two dozen checks in 10 minutes.
      for (let i = 0; i < 300 && state(d.el) !== 'troubleshooting.check'; i++) {
        if (state(d.el) === 'activation.waiting') d.clock.increment(30_000);
        await new Promise((r) => setTimeout(r, 2));
        await settled(d.el);
        d.record();
      }
    },
  },
  NOT_WORKING: { does: '“It’s still not working”', run: (d) => d.click('It’s still not working') },
  START_OVER: { does: '“Start over”', run: (d) => d.click('Start over') },
  // troubleshooting
  FIXED: { does: '“That fixed it”', run: (d) => d.click('That fixed it') },
  NOT_FIXED: { does: '“Still not working”: the next check', run: (d) => d.click('Still not working') },
  ESCALATE: { does: '“Contact support instead”', run: (d) => d.click('Contact support instead') },
  VERIFIED_ACTIVE: { does: 'The re-check finds the plan live', run: released((d) => d.scenario('never')) },
  STILL_INACTIVE: {
    does: 'The re-check still finds the plan inactive',
    shows: [alert],
    run: released((d) => d.scenario('failed')),
  },
  VERIFY_FAILS: { does: 'The re-check fails (network)', run: released((d) => d.fail('activationStatus', 'network')) },
  SEND: { does: '“Send to support”; the provider takes its time', run: (d) => d.click('Send to support') },
  SENT: { does: 'Support has the message', run: released() },
  SEND_FAILS: { does: 'Sending fails (server error)', run: released((d) => d.fail('supportRequest', 'server')) },
  // everywhere
  BACK: { does: 'Back', run: (d) => d.click('Back') },
  RETRY: { does: 'Try again', run: (d) => d.click('Try again') },
  RELOAD: { does: 'The page reloads (the session is lost; saved progress is not)', run: (d) => d.reload() },
} satisfies Record<string, ModelEventDef>;

export type ModelEventType = keyof typeof MODEL_EVENTS;

// ---------------------------------------------------------------------------------------------
// Paths: a transition cover, with xstate/graph
// ---------------------------------------------------------------------------------------------

export interface ModelStep {
  /** The model state the event is taken in (dotted path). */
  readonly from: string;
  readonly event: ModelEventType;
  /** The model state it leads to. */
  readonly to: string;
}

export interface ModelPath {
  readonly steps: readonly ModelStep[];
}

const serialize = (snapshot: ModelSnapshot): string => JSON.stringify(snapshot.value);
const next = (snapshot: ModelSnapshot, type: ModelEventType): ModelSnapshot => transition(modelMachine, snapshot, { type })[0];

/**
 * Paths from the first state that together take every transition of the model at least once:
 * from wherever a path stands, on to the nearest state with a transition not yet taken (by the
 * shortest path `xstate/graph` finds), then that transition; a path ends after `maxSteps` (each
 * path is one fresh element in the tests), and the next one starts from the beginning.
 */
export function planPaths(maxSteps = 24): ModelPath[] {
  // Every state reachable from the first one, with the events it takes.
  const uncovered = new Map<string, Set<ModelEventType>>();
  for (const { state: s, transitions } of Object.values(getAdjacencyMap(modelMachine, {}))) {
    // (xstate/graph types the transitions loosely, and the lint's type program differently from tsc's.)
    // eslint-disable-next-line @typescript-eslint/no-unsafe-argument
    const taken = Object.values<{ event: { type: ModelEventType } }>(transitions);
    uncovered.set(serialize(s as ModelSnapshot), new Set(taken.map((t) => t.event.type)));
  }
  const left = () => [...uncovered.values()].reduce((n, s) => n + s.size, 0);
  const [initial] = initialTransition(modelMachine);
  const paths: ModelPath[] = [];

  while (left() > 0) {
    let at = initial;
    const steps: ModelStep[] = [];
    const take = (event: ModelEventType) => {
      const after = next(at, event);
      uncovered.get(serialize(at))?.delete(event);
      steps.push({ from: modelPath(at), event, to: modelPath(after) });
      at = after;
    };
    while (steps.length < maxSteps && left() > 0) {
      const open = [...uncovered.get(serialize(at))!];
      if (open.length === 0) {
        // The nearest state (fewest steps) with a transition still to take.
        const route = getShortestPaths(modelMachine, { fromState: at })
          .filter((p) => (uncovered.get(serialize(p.state))?.size ?? 0) > 0)
          .sort((a, b) => a.weight - b.weight)[0];
        if (!route || steps.length + route.weight >= maxSteps) break;
        for (const step of route.steps.slice(1)) take(step.event.type);
        continue;
      }
      // Loops first (they keep the path where it is), then in the model's order.
      take(open.find((e) => serialize(next(at, e)) === serialize(at)) ?? open[0]!);
    }
    if (steps.length === 0) throw new Error('the transitions left cannot be reached from the first state');
    paths.push({ steps });
  }
  return paths;
}

// ---------------------------------------------------------------------------------------------
// Coverage, from the model's definition
// ---------------------------------------------------------------------------------------------

const nodePath = (node: AnyStateNode): string => node.path.join('.');

/** Every transition the model defines, as `source --EVENT--> target`. */
export function modelTransitions(): string[] {
  return getStateNodes(modelMachine.root).flatMap((node) =>
    [...(node.transitions as Map<string, readonly { target?: readonly AnyStateNode[] }[]>).entries()].flatMap(([event, defs]) =>
      defs.map((t) => `${nodePath(node)} --${event}--> ${(t.target ?? []).map(nodePath).join(',')}`),
    ),
  );
}

/** Every state of the model (compound ones too), by dotted path. */
export const modelStates = (): string[] => getStateNodes(modelMachine.root).map(nodePath);

/** The model's snapshot at a dotted path. */
function snapshotAt(path: string): ModelSnapshot {
  const value = path
    .split('.')
    .reverse()
    .reduce<unknown>((child, key) => (child === undefined ? key : { [key]: child }), undefined);
  return modelMachine.resolveState({ value: value as never, context: {} });
}

export interface Coverage {
  readonly states: { readonly covered: number; readonly total: number; readonly missing: readonly string[] };
  readonly transitions: { readonly covered: number; readonly total: number; readonly missing: readonly string[] };
}

/**
 * What these steps cover of the model: the states they pass through (with their ancestors, and
 * the first state), and the transitions they take, as the model's own definition names them.
 */
export function modelCoverage(steps: readonly ModelStep[]): Coverage {
  const allStates = modelStates();
  const allTransitions = modelTransitions();
  const visited = new Set<string>();
  const visit = (path: string) => path.split('.').forEach((_, i, parts) => visited.add(parts.slice(0, i + 1).join('.')));
  visit(modelPath(initialTransition(modelMachine)[0]));
  const taken = new Set<string>();
  for (const step of steps) {
    const from = snapshotAt(step.from);
    for (const t of modelMachine.getTransitionData(from, { type: step.event })) {
      taken.add(`${nodePath(t.source)} --${t.eventType}--> ${(t.target ?? []).map(nodePath).join(',')}`);
    }
    visit(step.from);
    visit(step.to);
  }
  const missingStates = allStates.filter((s) => !visited.has(s));
  const missingTransitions = allTransitions.filter((t) => !taken.has(t));
  return {
    states: { covered: allStates.length - missingStates.length, total: allStates.length, missing: missingStates },
    transitions: { covered: allTransitions.length - missingTransitions.length, total: allTransitions.length, missing: missingTransitions },
  };
}

const percent = (covered: number, total: number) => `${((100 * covered) / total).toFixed(total === covered ? 0 : 1)}%`;

/** `model coverage: states 23/23 (100%), transitions 41/41 (100%), paths 12` */
export function formatModelCoverage(c: Coverage, paths: number): string {
  return `model coverage: states ${c.states.covered}/${c.states.total} (${percent(c.states.covered, c.states.total)}), transitions ${c.transitions.covered}/${c.transitions.total} (${percent(c.transitions.covered, c.transitions.total)}), paths ${paths}`;
}

// ---------------------------------------------------------------------------------------------
// The production machine's states
// ---------------------------------------------------------------------------------------------

/**
 * The production machine's leaf states, from its definition: those the element can show, and
 * the transient ones it leaves at once by an unguarded `always` (never rendered).
 */
export function productionStates(): { readonly shown: readonly string[]; readonly transient: readonly string[] } {
  const leaves = getStateNodes(wizardMachine.root).filter((n) => Object.keys(n.states).length === 0);
  const isTransient = (n: AnyStateNode) => (n.always ?? []).some((t) => !t.guard);
  return { shown: leaves.filter((n) => !isTransient(n)).map(nodePath), transient: leaves.filter(isTransient).map(nodePath) };
}

/** `production states visited: 58/64 (90.6%)` */
export function formatProductionCoverage(visited: ReadonlySet<string>): string {
  const { shown } = productionStates();
  const covered = shown.filter((s) => visited.has(s)).length;
  return `production states visited: ${covered}/${shown.length} (${percent(covered, shown.length)})`;
}

// ---------------------------------------------------------------------------------------------
// Running a step
// ---------------------------------------------------------------------------------------------

/**
 * Takes one step of a path on the real element: the entered state's holds are set, the event's
 * executor runs, then the element must show the target's view with its selectors.
 */
export async function runStep(d: ModelDriver, step: ModelStep): Promise<void> {
  const target = modelMeta(step.to);
  d.script(target.holds ?? []);
  const where = `${step.from} --${step.event}--> ${step.to} (${MODEL_EVENTS[step.event].does})`;
  try {
    await MODEL_EVENTS[step.event].run(d);
    await d.waitFor(target.view);
  } catch (e) {
    throw new Error(`${where}: ${(e as Error).message}`, { cause: e });
  }
  checkView(d.el, step.to, (MODEL_EVENTS[step.event] as ModelEventDef).shows ?? [], where);
}

/** The element shows the model state's view: its `data-state`, and what must and must not be there. */
export function checkView(el: EsimRenewalWizard, path: string, extraShows: readonly string[] = [], where = path): void {
  const meta = modelMeta(path);
  if (state(el) !== meta.view) throw new Error(`${where}: data-state is ${state(el)}, expected ${meta.view}`);
  for (const s of [...(meta.shows ?? []), ...extraShows]) if (!root(el).querySelector(s)) throw new Error(`${where}: expected ${s} in ${meta.view}`);
  for (const s of meta.hides ?? []) if (root(el).querySelector(s)) throw new Error(`${where}: did not expect ${s} in ${meta.view}`);
}
