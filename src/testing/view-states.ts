/**
 * The view-state registry: every view the wizard can show, named once, with how to reach it
 * through the DOM the way a person would (labels and button names, never the machine).
 *
 * One list for everything that needs "all the screens": the accessibility check, Storybook
 * stories, per-locale checks and model-based tests. It is framework-neutral on purpose: no test
 * runner, no assertion library. `state` is what the element's `data-state` must say once
 * `reach` has resolved; `shows` / `hides` are CSS selectors (inside the shadow root) that tell
 * this entry apart from its neighbours without depending on the copy's language.
 *
 * Each entry runs on a fresh element with its own provider from {@link createProvider}, and an
 * XState `SimulatedClock` for the timers (activation polling, sign-in pause, cash checks).
 * Not part of the package.
 */
import type { SimulatedClock } from 'xstate';
import type { EsimRenewalWizard } from '../element/esim-renewal-wizard.js';
import { localToday } from '../i18n/today.js';
import type { ActivationRequest, ProviderProfile } from '../providers/contract.js';
import { DemoProvider } from '../providers/demo.js';
import type { ActivationScenario } from '../domain/codes.js';
import type { Channel, StepId } from '../domain/types.js';
import { choose, click, comeBack, fill, fillDate, input, payByCard, root, state, toReview, waitForState, waitUntil } from './driver.js';
import { ScriptedProvider, type Script } from './scripted-provider.js';
import { DEMO_PASSWORD, DEMO_USER_ICCID } from '../domain/test-accounts.js';

export interface ReachTools {
  /** Advances XState's delays (activation polling, the sign-in pause, cash checks). */
  clock: SimulatedClock;
  /** The entry's provider; `release()` lets held calls go on. */
  provider: ScriptedProvider;
}

export interface ViewStateEntry {
  /** Unique, dotted, starting with the step, e.g. `login.error.locked`. */
  readonly id: string;
  readonly step: StepId;
  /** One line: what a person sees. */
  readonly description: string;
  /** The element's `data-state` once reached. */
  readonly state: string | RegExp;
  /** How the element is set up: demo activation scenario, preset `channel`, provider script. */
  readonly setup?: {
    readonly scenario?: ActivationScenario;
    readonly channel?: Channel;
    readonly script?: Script;
    /**
     * Anything else a host would configure (`profile`, `plansFilter`, `session`, slotted
     * content), through the element's public API. Runs once the element has its provider and
     * clock and before `reach`; runners call it before connecting the element where they can.
     */
    readonly configure?: (el: EsimRenewalWizard, tools: ReachTools) => void | Promise<void>;
  };
  /** CSS selectors that must match inside the shadow root once reached. */
  readonly shows?: readonly string[];
  /** CSS selectors that must not match once reached. */
  readonly hides?: readonly string[];
  /** Drives a freshly mounted element to this view. */
  readonly reach: (el: EsimRenewalWizard, tools: ReachTools) => Promise<void>;
}

/** The provider an entry runs on: a 0-latency demo provider, scripted as the entry says. */
export function createProvider(entry: Pick<ViewStateEntry, 'setup'>): ScriptedProvider {
  return new ScriptedProvider(new DemoProvider({ latencyMs: 0, scenario: entry.setup?.scenario ?? 'immediate' }), entry.setup?.script ?? {});
}

// ---------------------------------------------------------------------------------------------
// Paths, built from the driver's helpers
// ---------------------------------------------------------------------------------------------

const TRAVELER = 'traveler@example.com';
const ICCID = '8981100000000000002';
const CARD_OK = '4242 4242 4242 4242';
const CARD_DECLINED = '4000 0000 0000 0002';
const CARD_3DS = '4000 0027 6000 3184';

/** Only the activation re-check ("That fixed it"), or only the regular polling. */
const recheck = (_session: unknown, request: unknown) => (request as ActivationRequest).recheck;
const polling = (_session: unknown, request: unknown) => !(request as ActivationRequest).recheck;

/** A calendar day `offset` days from today, as a date input takes it. */
function dayFromToday(offset: number): string {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return localToday(d.getTime());
}

/**
 * Fills the text field whose own `<label for>` says exactly `label`. Unlike the driver's `fill`,
 * it skips radio labels that read the same (the airport form has an "Order number" radio and an
 * "Order number" field).
 */
async function fillField(el: EsimRenewalWizard, label: string, value: string): Promise<void> {
  const r = root(el);
  const l = [...r.querySelectorAll('label[for]')].find((x) => x.textContent.trim() === label) as HTMLLabelElement | undefined;
  const control = l && (r.getElementById(l.htmlFor) as HTMLInputElement | null);
  if (!control) throw new Error(`no text field labelled "${label}" in ${state(el)}`);
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

/** Opens a disclosure (`<details>`) by its summary text, as a click on it would. */
async function expand(el: EsimRenewalWizard, summary: RegExp): Promise<void> {
  const s = [...root(el).querySelectorAll('summary')].find((x) => summary.test(x.textContent.trim()));
  if (!s) throw new Error(`no disclosure "${summary}" in ${state(el)}`);
  if (!(s.parentElement as HTMLDetailsElement).open) s.click();
  await el.updateComplete;
}

async function answerDays(el: EsimRenewalWizard, days = '2'): Promise<void> {
  await choose(el, 'I know how many days are left');
  await fill(el, 'Days left', days);
  await click(el, 'Continue');
}

const CHANNEL_LABEL: Record<Channel, RegExp> = {
  online: /^Online, from an eSIM provider/,
  shop: /^At a carrier shop in Japan/,
  airport: /^At an airport counter/,
};

/** From the first step to the sign-in form for the channel (a shop renews online). */
async function toLogin(el: EsimRenewalWizard, channel: Channel = 'online'): Promise<void> {
  await answerDays(el);
  if (state(el) === 'channel') {
    if (!(input(el, CHANNEL_LABEL[channel]) as HTMLInputElement).checked) await choose(el, CHANNEL_LABEL[channel]);
    if (channel === 'shop') await choose(el, 'Online, with my carrier account');
    await click(el, 'Continue');
  }
  await waitForState(el, 'login.form');
}

/** Signs in with an account; leaves the element wherever the provider's answer takes it. */
async function signIn(el: EsimRenewalWizard, user: string, password = DEMO_PASSWORD, channel: Channel = 'online'): Promise<void> {
  await toLogin(el, channel);
  await fill(el, 'User name or e-mail', user);
  await fill(el, 'Password', password);
  await click(el, 'Sign in');
}

/** Identifies an airport eSIM by ICCID or order number with its e-mail. */
async function findTravelEsim(el: EsimRenewalWizard, by: { iccid: string } | { order: string }, email = TRAVELER): Promise<void> {
  await toLogin(el, 'airport');
  if ('order' in by) {
    await choose(el, 'Order number');
    await fillField(el, 'Order number', by.order);
  } else {
    await fillField(el, 'ICCID', by.iccid);
  }
  await fill(el, 'E-mail used for the purchase', email);
  await click(el, 'Find my eSIM');
}

async function toChoosing(el: EsimRenewalWizard, user = 'demo@example.com', channel: Channel = 'online'): Promise<void> {
  await signIn(el, user, DEMO_PASSWORD, channel);
  await waitForState(el, 'plan.choosing');
}

async function toPaymentReview(el: EsimRenewalWizard): Promise<void> {
  await toChoosing(el);
  await toReview(el);
}

/** From the first step, "I already paid: check my order" (offered once the rest of the wizard is in). */
async function toLookup(el: EsimRenewalWizard): Promise<void> {
  await waitUntil(el, () => [...root(el).querySelectorAll('button')].some((b) => /^I already paid/.test(b.textContent.trim())));
  await click(el, /^I already paid/);
  await waitForState(el, 'login.form');
}

/** The airport demo eSIM's order number and e-mail, then Find. */
async function findOrder(el: EsimRenewalWizard): Promise<void> {
  await fill(el, 'Order number', 'NRT-240001');
  await fill(el, 'E-mail used for the purchase', 'traveler@example.com');
  await click(el, /^Find|^Sign in/);
}

/** Chooses a method other than card, confirms and pays. */
async function payWith(el: EsimRenewalWizard, method: 'PayPal' | 'Cash at a convenience store'): Promise<void> {
  await choose(el, method);
  await choose(el, /^I have checked/);
  await click(el, /^Pay /);
}

/** A successful card payment: on to activation (where the scenario takes over). */
async function toActivation(el: EsimRenewalWizard): Promise<void> {
  await toPaymentReview(el);
  await payByCard(el, CARD_OK);
}

async function toDone(el: EsimRenewalWizard): Promise<void> {
  await toActivation(el);
  await waitForState(el, 'done');
}

/** The first troubleshooting check, reached from the done screen. */
async function toCheckFromDone(el: EsimRenewalWizard): Promise<void> {
  await toDone(el);
  await click(el, 'It’s still not working');
  await waitForState(el, 'troubleshooting.check');
}

/** With scenario `failed`: the provider says activation failed, so troubleshooting opens itself. */
async function toCheckAfterFailure(el: EsimRenewalWizard): Promise<void> {
  await toActivation(el);
  await waitForState(el, 'troubleshooting.check');
}

async function toEscalate(el: EsimRenewalWizard): Promise<void> {
  await toCheckFromDone(el);
  await click(el, 'Contact support instead');
  await waitForState(el, 'troubleshooting.escalate');
}

// ---------------------------------------------------------------------------------------------
// Host configuration (for `setup.configure`)
// ---------------------------------------------------------------------------------------------

/** A profile with every part filled in, including a link that must be dropped. */
export const FULL_PROFILE: ProviderProfile = {
  brandName: 'Sakura Mobile',
  logoUrl: '/favicon.svg',
  support: {
    email: 'help@sakura-mobile.example',
    phone: '+81 3-1234-5678',
    chats: [
      { app: 'LINE', url: 'https://line.me/R/ti/p/@sakura-mobile' },
      { app: 'KakaoTalk', url: 'https://pf.kakao.com/_sakura' },
      { app: 'Evil', url: 'javascript:alert(1)' },
    ],
  },
  links: {
    terms: 'https://sakura-mobile.example/terms',
    refunds: 'https://sakura-mobile.example/refunds',
    privacy: 'https://sakura-mobile.example/privacy',
  },
};

/** The payment id the host's own payment UI reports in the registry. */
export const HOST_PAYMENT_ID = 'host_pay_registry';

/**
 * Puts a host payment UI into the `payment` slot, as a page with its own processor would: a
 * light-DOM button that reports its payment through `reportPayment()`.
 */
export function addHostPaymentSlot(el: EsimRenewalWizard, paymentId = HOST_PAYMENT_ID): HTMLElement {
  const slotted = el.ownerDocument.createElement('div');
  slotted.slot = 'payment';
  slotted.className = 'host-payment';
  const pay = el.ownerDocument.createElement('button');
  pay.type = 'button';
  pay.textContent = 'Pay with ExamplePay';
  pay.addEventListener('click', () => el.reportPayment(paymentId));
  slotted.append(pay);
  el.append(slotted);
  return slotted;
}

/** Signs the person in as the host would, before the wizard starts: the wizard gets the session. */
async function hostSignIn(el: EsimRenewalWizard, { provider }: ReachTools): Promise<void> {
  el.session = await provider.identify(
    { method: 'account', channel: 'online', username: 'demo@example.com', password: DEMO_PASSWORD },
    new AbortController().signal,
  );
}

// ---------------------------------------------------------------------------------------------
// The registry
// ---------------------------------------------------------------------------------------------

export const VIEW_STATES: readonly ViewStateEntry[] = [
  // --- validity ------------------------------------------------------------------------------
  {
    id: 'validity.empty',
    step: 'validity',
    description: 'The first question, nothing answered yet; the demo notice is shown.',
    state: 'validity',
    shows: ['p.notice', 'fieldset[data-field="validity-mode"]'],
    hides: ['[aria-invalid="true"]', '[data-urgency]'],
    reach: async () => {},
  },
  {
    id: 'validity.invalid.nothing-chosen',
    step: 'validity',
    description: 'Continue pressed without choosing an answer: the choice is marked and explained.',
    state: 'validity',
    shows: ['fieldset[aria-invalid="true"]', '#validity-mode-error'],
    reach: async (el) => {
      await click(el, 'Continue');
    },
  },
  {
    id: 'validity.invalid.days',
    step: 'validity',
    description: 'Days left is not a number and Continue was pressed: the field shows its error.',
    state: 'validity',
    shows: ['#days-left[aria-invalid="true"]', '#days-left-error'],
    reach: async (el) => {
      await choose(el, 'I know how many days are left');
      await fill(el, 'Days left', 'soon');
      await click(el, 'Continue');
    },
  },
  {
    id: 'validity.date.expired',
    step: 'validity',
    description: 'An expiry date in the past: the plan expired, with the "let’s check" warning.',
    state: 'validity',
    shows: ['#expiry-date-year', '#expiry-date-month', '#expiry-date-day', '[data-urgency="expired"]'],
    reach: async (el) => {
      await choose(el, 'I know the expiry date');
      await fillDate(el, 'Expiry date', dayFromToday(-3));
    },
  },
  {
    id: 'validity.days.few',
    step: 'validity',
    description: 'Two days left: renew today.',
    state: 'validity',
    shows: ['[data-urgency="few-days"]'],
    reach: async (el) => {
      await choose(el, 'I know how many days are left');
      await fill(el, 'Days left', '2');
    },
  },
  {
    id: 'validity.days.within-month',
    step: 'validity',
    description: 'Twenty days left: a good time to renew.',
    state: 'validity',
    shows: ['[data-urgency="within-month"]'],
    reach: async (el) => {
      await choose(el, 'I know how many days are left');
      await fill(el, 'Days left', '20');
    },
  },
  {
    id: 'validity.days.plenty',
    step: 'validity',
    description: 'Sixty days left: no rush.',
    state: 'validity',
    shows: ['[data-urgency="plenty"]'],
    reach: async (el) => {
      await choose(el, 'I know how many days are left');
      await fill(el, 'Days left', '60');
    },
  },
  {
    id: 'validity.unknown',
    step: 'validity',
    description: '“I don’t know”: the exact time is checked after sign-in.',
    state: 'validity',
    shows: ['[data-urgency="unknown"]'],
    reach: async (el) => {
      await choose(el, 'I don’t know');
    },
  },
  {
    id: 'validity.android',
    step: 'validity',
    description: 'The Android phone chosen: the settings paths for Android and the Samsung note.',
    state: 'validity',
    shows: ['input[name="platform"][value="android"]:checked'],
    reach: async (el) => {
      await choose(el, 'Android');
    },
  },
  {
    id: 'validity.real-provider',
    step: 'validity',
    description: 'A real (non-demo) provider: no "no real payment" notice.',
    state: 'validity',
    setup: { script: { info: { demo: false, name: 'Real eSIM' } } },
    hides: ['p.notice'],
    reach: async () => {},
  },

  // --- channel -------------------------------------------------------------------------------
  {
    id: 'channel.plain',
    step: 'channel',
    description: 'Where the eSIM was bought: online, shop or airport.',
    state: 'channel',
    shows: ['fieldset[data-field="channel"]'],
    hides: ['fieldset[data-field="shop-path"]'],
    reach: async (el) => {
      await answerDays(el);
    },
  },
  {
    id: 'channel.invalid',
    step: 'channel',
    description: 'Continue pressed without choosing: the question shows its error.',
    state: 'channel',
    shows: ['fieldset[data-field="channel"][aria-invalid="true"]'],
    reach: async (el) => {
      await answerDays(el);
      await click(el, 'Continue');
    },
  },
  {
    id: 'channel.shop',
    step: 'channel',
    description: 'A carrier shop chosen: renew online with the carrier account, or visit a shop.',
    state: 'channel',
    shows: ['fieldset[data-field="shop-path"]'],
    reach: async (el) => {
      await answerDays(el);
      await choose(el, CHANNEL_LABEL.shop);
    },
  },
  {
    id: 'channel.preset-shop',
    step: 'channel',
    description: 'The host fixed the channel to shop: only "online or visit a shop" is asked.',
    state: 'channel',
    setup: { channel: 'shop' },
    shows: ['fieldset[data-field="shop-path"]'],
    hides: ['fieldset[data-field="channel"]'],
    reach: async (el) => {
      await answerDays(el);
    },
  },

  // --- shop visit ----------------------------------------------------------------------------
  {
    id: 'shop-visit',
    step: 'shop-visit',
    description: 'What to bring to the shop and what to say, in Japanese.',
    state: 'shop-visit',
    shows: ['.phrase[lang="ja"]'],
    reach: async (el) => {
      await answerDays(el);
      await choose(el, CHANNEL_LABEL.shop);
      await choose(el, 'I’ll go to a shop');
      await click(el, 'Continue');
      await waitForState(el, 'shop-visit');
    },
  },

  // --- login ---------------------------------------------------------------------------------
  {
    id: 'login.form.account',
    step: 'login',
    description: 'Sign-in with user name and password, with register and reset links.',
    state: 'login.form',
    shows: ['#username', '#password'],
    hides: ['[role="alert"]'],
    reach: async (el) => {
      await toLogin(el);
    },
  },
  {
    id: 'login.form.preset-online',
    step: 'login',
    description: 'The host fixed the channel to online: the channel question is skipped.',
    state: 'login.form',
    setup: { channel: 'online' },
    shows: ['#username'],
    reach: async (el) => {
      await answerDays(el);
      await waitForState(el, 'login.form');
    },
  },
  {
    id: 'login.form.iccid',
    step: 'login',
    description: 'An airport eSIM: found by its ICCID and the purchase e-mail.',
    state: 'login.form',
    shows: ['#iccid', '#email'],
    hides: ['#password'],
    reach: async (el) => {
      await toLogin(el, 'airport');
    },
  },
  {
    id: 'login.form.order',
    step: 'login',
    description: 'An airport eSIM: found by its order number and the purchase e-mail.',
    state: 'login.form',
    shows: ['#order-number', '#email'],
    hides: ['#iccid'],
    reach: async (el) => {
      await toLogin(el, 'airport');
      await choose(el, 'Order number');
    },
  },
  {
    id: 'login.invalid',
    step: 'login',
    description: 'Sign in pressed with nothing filled: both fields show their errors.',
    state: 'login.form',
    shows: ['#username[aria-invalid="true"]', '#password[aria-invalid="true"]'],
    reach: async (el) => {
      await toLogin(el);
      await click(el, 'Sign in');
    },
  },
  {
    id: 'login.submitting',
    step: 'login',
    description: 'Signing in: the provider has not answered yet.',
    state: 'login.submitting',
    setup: { script: { hold: ['identify'] } },
    shows: ['section.step[aria-busy="true"]', '.busy[role="status"]'],
    reach: async (el) => {
      await signIn(el, 'demo@example.com');
      await waitForState(el, 'login.submitting');
    },
  },
  {
    id: 'login.error.invalid-credentials',
    step: 'login',
    description: 'A wrong password: the error, and how many attempts are left.',
    state: 'login.form',
    shows: ['.panel.error[role="alert"]'],
    reach: async (el) => {
      await signIn(el, 'demo@example.com', 'wrong-password');
      await waitForState(el, 'login.form');
    },
  },
  {
    id: 'login.error.locked',
    step: 'login',
    description: 'A locked account: the error with the reset-password link.',
    state: 'login.form',
    shows: ['.panel.error[role="alert"] a'],
    reach: async (el) => {
      await signIn(el, 'locked@example.com');
      await waitForState(el, 'login.form');
    },
  },
  {
    id: 'login.error.network',
    step: 'login',
    description: 'The provider could not be reached: the network error, the form kept.',
    state: 'login.form',
    setup: { script: { fail: { identify: { code: 'network' } } } },
    shows: ['.panel.error[role="alert"]', '#username'],
    reach: async (el) => {
      await signIn(el, 'demo@example.com');
      await waitForState(el, 'login.form');
    },
  },
  {
    id: 'login.error.rate-limited',
    step: 'login',
    description: 'The provider asked to wait two minutes (`Retry-After`): the error says how long, the form kept.',
    state: 'login.form',
    setup: { script: { fail: { identify: { code: 'rate-limited', retryAfterMs: 120_000 } } } },
    shows: ['.panel.error[role="alert"] [data-retry-after="120"]', '#username'],
    reach: async (el) => {
      await signIn(el, 'demo@example.com');
      await waitForState(el, 'login.form');
    },
  },
  {
    id: 'login.error.not-found',
    step: 'login',
    description: 'An airport order number that does not exist with that e-mail.',
    state: 'login.form',
    shows: ['.panel.error[role="alert"]', '#order-number'],
    reach: async (el) => {
      await findTravelEsim(el, { order: 'NRT-999999' });
      await waitForState(el, 'login.form');
    },
  },
  {
    id: 'login.cooldown',
    step: 'login',
    description: 'Five wrong passwords in a row: sign-in pauses for 30 seconds.',
    state: 'login.cooldown',
    shows: ['[role="timer"]'],
    reach: async (el) => {
      await signIn(el, 'demo@example.com', 'wrong-password');
      for (let attempt = 2; attempt <= 5; attempt++) {
        await waitForState(el, 'login.form');
        await click(el, 'Sign in');
      }
      await waitForState(el, 'login.cooldown');
    },
  },
  {
    id: 'login.awaitingHost',
    step: 'login',
    description: 'The host’s session expired: the host has been told and the wizard waits for a new one.',
    state: 'login.awaitingHost',
    setup: {
      channel: 'online',
      script: { fail: { accountStatus: { code: 'session-expired', times: 1, retryable: false } } },
      configure: hostSignIn,
    },
    shows: ['.panel[role="status"]', '.busy[role="status"]'],
    hides: ['#username', '#password', '[role="alert"]'],
    reach: async (el) => {
      // The host signed the person in: no channel question (preset), no sign-in form.
      await answerDays(el);
      await waitForState(el, 'login.awaitingHost');
    },
  },

  // --- plan ----------------------------------------------------------------------------------
  {
    id: 'plan.loading',
    step: 'plan',
    description: 'Loading the account and its plans.',
    state: 'plan.loading',
    setup: { script: { hold: ['accountStatus'] } },
    shows: ['section.step[aria-busy="true"]', '.busy[role="status"]'],
    reach: async (el) => {
      await signIn(el, 'demo@example.com');
      await waitForState(el, 'plan.loading');
    },
  },
  {
    id: 'plan.error',
    step: 'plan',
    description: 'The account could not be loaded: the error and Try again.',
    state: 'plan.error',
    setup: { script: { fail: { accountStatus: { code: 'server' } } } },
    shows: ['.panel.error[role="alert"]'],
    reach: async (el) => {
      await signIn(el, 'demo@example.com');
      await waitForState(el, 'plan.error');
    },
  },
  {
    id: 'plan.choosing',
    step: 'plan',
    description: 'The account summary and the plans, grouped; nothing chosen yet (extend mode).',
    state: 'plan.choosing',
    shows: ['#account-heading', 'input[name="plan"]', 'details.panel:not([open])'],
    hides: ['input[name="plan"]:checked'],
    reach: async (el) => {
      await toChoosing(el);
    },
  },
  {
    id: 'plan.choosing.invalid',
    step: 'plan',
    description: 'Continue pressed with no plan chosen: the list shows its error.',
    state: 'plan.choosing',
    shows: ['fieldset[data-field="plan"][aria-invalid="true"]', '#plan-error'],
    reach: async (el) => {
      await toChoosing(el);
      await click(el, 'Continue');
    },
  },
  {
    id: 'plan.choosing.recommender',
    step: 'plan',
    description: 'The plan helper filled in: a recommended plan and a button to choose it.',
    state: 'plan.choosing',
    shows: ['details.panel[open]', '.badge', 'details [role="status"] button'],
    reach: async (el) => {
      await toChoosing(el);
      await expand(el, /^Not sure which plan/);
      await choose(el, 'About a week');
      await choose(el, /^Moderately/);
    },
  },
  {
    id: 'plan.choosing.airport-grace',
    step: 'plan',
    description: 'An airport eSIM expired a day ago but still in grace: packs that stack.',
    state: 'plan.choosing',
    shows: ['#account-heading', '[data-urgency="expired"]'],
    reach: async (el) => {
      await findTravelEsim(el, { iccid: ICCID });
      await waitForState(el, 'plan.choosing');
    },
  },
  {
    id: 'plan.choosing.shop-queue',
    step: 'plan',
    description: 'A carrier account renewed online: the new month queues after the current one.',
    state: 'plan.choosing',
    shows: ['input[name="plan"][value="shop-30d-5gb"]'],
    reach: async (el) => {
      await toChoosing(el, 'carrier@example.com', 'shop');
    },
  },
  {
    id: 'plan.ineligible.not-rechargeable',
    step: 'plan',
    description: 'The eSIM cannot be recharged: get a new one.',
    state: 'plan.ineligible',
    shows: ['[data-reason="not-rechargeable"]', 'a.button'],
    reach: async (el) => {
      await signIn(el, 'norecharge@example.com');
      await waitForState(el, 'plan.ineligible');
    },
  },
  {
    id: 'plan.ineligible.expired-past-grace',
    step: 'plan',
    description: 'Expired past the grace period: get a new eSIM.',
    state: 'plan.ineligible',
    shows: ['[data-reason="expired-past-grace"]', 'a.button'],
    reach: async (el) => {
      await signIn(el, 'expired@example.com');
      await waitForState(el, 'plan.ineligible');
    },
  },
  {
    id: 'plan.ineligible.too-early',
    step: 'plan',
    description: 'Too early to renew: when renewal opens, no "get a new eSIM".',
    state: 'plan.ineligible',
    shows: ['[data-reason="too-early"]'],
    hides: ['a.button'],
    reach: async (el) => {
      await signIn(el, 'early@example.com');
      await waitForState(el, 'plan.ineligible');
    },
  },
  {
    id: 'plan.no-plans',
    step: 'plan',
    description: 'The host’s plans-filter leaves no plan for this account: no list, the way out.',
    state: 'plan.choosing',
    setup: { configure: (el) => el.setAttribute('plans-filter', 'no-such-plan') },
    shows: ['#account-heading', '.panel.warning'],
    hides: ['input[name="plan"]', 'fieldset[data-field="plan"]'],
    reach: async (el) => {
      await toChoosing(el);
    },
  },

  // --- payment -------------------------------------------------------------------------------
  {
    id: 'payment.ordering',
    step: 'payment',
    description: 'Preparing the order.',
    state: 'payment.ordering',
    setup: { script: { hold: ['createOrder'] } },
    shows: ['section.step[aria-busy="true"]', '.busy[role="status"]'],
    reach: async (el) => {
      await toChoosing(el);
      await choose(el, /^7 days · 3 GB/);
      await click(el, 'Continue');
      await waitForState(el, 'payment.ordering');
    },
  },
  {
    id: 'payment.orderError',
    step: 'payment',
    description: 'The order could not be created: the error and Try again.',
    state: 'payment.orderError',
    setup: { script: { fail: { createOrder: { code: 'network' } } } },
    shows: ['.panel.error[role="alert"]'],
    reach: async (el) => {
      await toChoosing(el);
      await choose(el, /^7 days · 3 GB/);
      await click(el, 'Continue');
      await waitForState(el, 'payment.orderError');
    },
  },
  {
    id: 'payment.review',
    step: 'payment',
    description: 'The order summary and the ways to pay, before choosing one.',
    state: 'payment.review',
    shows: ['#order-heading', 'fieldset[data-field="method"]'],
    hides: ['#cc-number', '[role="alert"]'],
    reach: async (el) => {
      await toPaymentReview(el);
    },
  },
  {
    id: 'payment.review.card',
    step: 'payment',
    description: 'Card chosen: the card form, details filled in and confirmed, ready to pay.',
    state: 'payment.review',
    shows: ['#cc-number', '#cc-exp', '#cc-csc', '#confirm:checked'],
    hides: ['[aria-invalid="true"]'],
    reach: async (el) => {
      await toPaymentReview(el);
      await choose(el, 'Credit or debit card');
      await fill(el, 'Card number', CARD_OK);
      await fill(el, 'Expiry date (MM/YY)', '12/34');
      await fill(el, 'Security code', '123');
      await choose(el, /^I have checked/);
    },
  },
  {
    id: 'payment.review.invalid.nothing',
    step: 'payment',
    description: 'Pay pressed with no way to pay chosen and nothing confirmed: the errors show.',
    state: 'payment.review',
    shows: ['fieldset[data-field="method"][aria-invalid="true"]', '#confirm[aria-invalid="true"]'],
    reach: async (el) => {
      await toPaymentReview(el);
      await click(el, /^Pay /);
    },
  },
  {
    id: 'payment.review.invalid.card',
    step: 'payment',
    description: 'Card chosen, Pay pressed with the card form empty: every card field shows its error.',
    state: 'payment.review',
    shows: ['#cc-number[aria-invalid="true"]', '#cc-exp[aria-invalid="true"]', '#cc-csc[aria-invalid="true"]', '#confirm-error'],
    reach: async (el) => {
      await toPaymentReview(el);
      await choose(el, 'Credit or debit card');
      await click(el, /^Pay /);
    },
  },
  {
    id: 'payment.review.declined',
    step: 'payment',
    description: 'The card was declined: back at the confirmation screen with the reason.',
    state: 'payment.review',
    shows: ['.panel.error[role="alert"]', 'fieldset[data-field="method"]'],
    reach: async (el) => {
      await toPaymentReview(el);
      await payByCard(el, CARD_DECLINED);
      await waitForState(el, 'payment.review');
      await waitFor(el, '.panel.error[role="alert"]');
    },
  },
  {
    id: 'payment.review.auth-cancelled',
    step: 'payment',
    description: 'Card authentication cancelled: nothing charged, back to the confirmation screen.',
    state: 'payment.review',
    shows: ['.panel.error[role="alert"]'],
    reach: async (el) => {
      await toPaymentReview(el);
      await payByCard(el, CARD_3DS);
      await waitForState(el, 'payment.authenticating');
      await click(el, 'Cancel');
      await waitForState(el, 'payment.review');
    },
  },
  {
    id: 'payment.review.host-slot',
    step: 'payment',
    description: 'The host’s own payment UI in the payment slot replaces the built-in methods.',
    state: 'payment.review',
    setup: { configure: (el) => void addHostPaymentSlot(el) },
    shows: ['#order-heading', '#confirm', 'slot[name="payment"]:not([hidden])'],
    hides: ['fieldset[data-field="method"]', '#cc-number', 'button[type="submit"]'],
    reach: async (el) => {
      await toPaymentReview(el);
    },
  },
  {
    id: 'payment.verifyingHostPayment',
    step: 'payment',
    description: 'The host reported its payment: the provider is asked to confirm it.',
    state: 'payment.verifyingHostPayment',
    setup: { script: { hold: ['paymentStatus'] }, configure: (el) => void addHostPaymentSlot(el) },
    shows: ['section.step[aria-busy="true"]', '#order-heading', '.busy[role="status"]'],
    hides: ['#confirm'],
    reach: async (el) => {
      await toPaymentReview(el);
      await choose(el, /^I have checked/);
      el.querySelector<HTMLButtonElement>('[slot="payment"] button')!.click();
      await waitForState(el, 'payment.verifyingHostPayment');
    },
  },
  {
    id: 'payment.tokenizing',
    step: 'payment',
    description: 'The card is being checked by the payment processor.',
    state: 'payment.tokenizing',
    setup: { script: { hold: ['tokenizeCard'] } },
    // Nothing is charged yet: Back is offered.
    shows: ['section.step[aria-busy="true"]', '#order-heading', 'button.secondary[part="secondary-button"]'],
    reach: async (el) => {
      await toPaymentReview(el);
      await payByCard(el, CARD_OK);
      await waitForState(el, 'payment.tokenizing');
    },
  },
  {
    id: 'payment.paying',
    step: 'payment',
    description: 'Paying: keep this page open.',
    state: 'payment.paying',
    setup: { script: { hold: ['pay'] } },
    shows: ['section.step[aria-busy="true"]', '.busy[role="status"]'],
    reach: async (el) => {
      await toPaymentReview(el);
      await payByCard(el, CARD_OK);
      await waitForState(el, 'payment.paying');
    },
  },
  {
    id: 'payment.payError',
    step: 'payment',
    description: 'The payment’s outcome is unknown (network): trying again is safe.',
    state: 'payment.payError',
    setup: { script: { fail: { pay: { code: 'network' } } } },
    shows: ['.panel.error[role="alert"]'],
    reach: async (el) => {
      await toPaymentReview(el);
      await payByCard(el, CARD_OK);
      await waitForState(el, 'payment.payError');
    },
  },
  {
    id: 'payment.reconciling',
    step: 'payment',
    description: 'Back after a reload mid-payment: asking the provider what became of the order, never paying again.',
    state: 'payment.reconciling',
    setup: { script: { hold: ['pay', 'orderStatus'] } },
    shows: ['section.step[aria-busy="true"]', '#order-heading'],
    reach: async (el) => {
      await toPaymentReview(el);
      await payWith(el, 'PayPal');
      await waitForState(el, 'payment.paying');
      await comeBack(el);
      await waitForState(el, 'payment.reconciling');
    },
  },
  {
    id: 'payment.reconcileError',
    step: 'payment',
    description: 'What became of the payment could not be found out (offline): said, with Try again; no way to pay twice.',
    state: 'payment.reconcileError',
    setup: { script: { hold: ['pay'], fail: { orderStatus: { code: 'network' } } } },
    shows: ['.panel.error[role="alert"]'],
    reach: async (el) => {
      await toPaymentReview(el);
      await payWith(el, 'PayPal');
      await waitForState(el, 'payment.paying');
      await comeBack(el);
      await waitForState(el, 'payment.reconcileError');
    },
  },
  {
    id: 'login.form.lookup',
    step: 'login',
    description: '“I already paid: check my order”: find an order by its reference (or the ICCID) and e-mail.',
    state: 'login.form',
    shows: ['#order-number', '#email'],
    hides: ['#password'],
    reach: async (el) => {
      await toLookup(el);
    },
  },
  {
    id: 'payment.reconciling.lookup',
    step: 'payment',
    description: 'Looking up the order of a person who lost the tab.',
    state: 'payment.reconciling',
    setup: { script: { hold: ['lookupOrder'] } },
    shows: ['section.step[aria-busy="true"]'],
    reach: async (el) => {
      await toLookup(el);
      await findOrder(el);
      await waitForState(el, 'payment.reconciling');
    },
  },
  {
    id: 'payment.reconcileError.lookup',
    step: 'payment',
    description: 'No order found for what was entered: said, with Back to renew from the start.',
    state: 'payment.reconcileError',
    shows: ['.panel.error[role="alert"]'],
    reach: async (el) => {
      await toLookup(el);
      await findOrder(el);
      await waitForState(el, 'payment.reconcileError');
    },
  },
  {
    id: 'plan.choosing.found-unpaid',
    step: 'plan',
    description: 'A looked-up order that was never paid: said (nothing was charged), with that order’s plan chosen to pay it.',
    state: 'plan.choosing',
    shows: ['p.panel.warning[role="status"]', 'input[name="plan"]:checked'],
    reach: async (el) => {
      // An order made and left unpaid, then found again from the start by the eSIM's ICCID.
      await toPaymentReview(el);
      el.reset();
      await toLookup(el);
      await choose(el, /^ICCID/);
      await fillField(el, 'ICCID', DEMO_USER_ICCID);
      await fill(el, 'E-mail used for the purchase', 'demo@example.com');
      await click(el, /^Find/);
      await waitForState(el, 'plan.choosing');
    },
  },
  {
    id: 'payment.authenticating.card',
    step: 'payment',
    description: 'The bank asks to approve the card payment (3-D Secure).',
    state: 'payment.authenticating',
    shows: ['#order-heading'],
    reach: async (el) => {
      await toPaymentReview(el);
      await payByCard(el, CARD_3DS);
      await waitForState(el, 'payment.authenticating');
    },
  },
  {
    id: 'payment.authenticating.paypal',
    step: 'payment',
    description: 'Approve the payment with PayPal.',
    state: 'payment.authenticating',
    shows: ['#order-heading'],
    reach: async (el) => {
      await toPaymentReview(el);
      await payWith(el, 'PayPal');
      await waitForState(el, 'payment.authenticating');
    },
  },
  {
    id: 'payment.confirmingAuth',
    step: 'payment',
    description: 'Approved: the payment is being completed.',
    state: 'payment.confirmingAuth',
    setup: { script: { hold: ['authenticatePayment'] } },
    shows: ['section.step[aria-busy="true"]', '.busy[role="status"]'],
    reach: async (el) => {
      await toPaymentReview(el);
      await payByCard(el, CARD_3DS);
      await waitForState(el, 'payment.authenticating');
      await click(el, 'Approve');
      await waitForState(el, 'payment.confirmingAuth');
    },
  },
  {
    id: 'payment.authError',
    step: 'payment',
    description: 'Completing the approved payment failed: unknown outcome, trying again is safe.',
    state: 'payment.authError',
    setup: { script: { fail: { authenticatePayment: { code: 'timeout' } } } },
    shows: ['.panel.error[role="alert"]'],
    reach: async (el) => {
      await toPaymentReview(el);
      await payByCard(el, CARD_3DS);
      await waitForState(el, 'payment.authenticating');
      await click(el, 'Approve');
      await waitForState(el, 'payment.authError');
    },
  },
  {
    id: 'payment.awaitingCash',
    step: 'payment',
    description: 'Cash at a convenience store: the payment number to pay by.',
    state: 'payment.awaitingCash',
    shows: ['#voucher-number'],
    reach: async (el) => {
      await toPaymentReview(el);
      await payWith(el, 'Cash at a convenience store');
      await waitForState(el, 'payment.awaitingCash');
    },
  },
  {
    id: 'payment.checkingCash',
    step: 'payment',
    description: '“I’ve paid”: checking whether the cash payment has arrived.',
    state: 'payment.checkingCash',
    setup: { script: { hold: ['paymentStatus'] } },
    shows: ['#voucher-number', 'section.step[aria-busy="true"]'],
    reach: async (el) => {
      await toPaymentReview(el);
      await payWith(el, 'Cash at a convenience store');
      await waitForState(el, 'payment.awaitingCash');
      await click(el, /^I.ve paid/);
      await waitForState(el, 'payment.checkingCash');
    },
  },
  {
    id: 'payment.awaitingCash.check-failed',
    step: 'payment',
    description: 'The automatic cash check failed: still waiting, with the error said.',
    state: 'payment.awaitingCash',
    setup: { script: { fail: { paymentStatus: { code: 'network' } } } },
    shows: ['#voucher-number', '.panel.error[role="alert"]'],
    reach: async (el, { clock }) => {
      await toPaymentReview(el);
      await payWith(el, 'Cash at a convenience store');
      await waitForState(el, 'payment.awaitingCash');
      clock.increment(15_000);
      await el.updateComplete;
      await waitFor(el, '.panel.error[role="alert"]');
      await waitForState(el, 'payment.awaitingCash');
    },
  },

  // --- activation ----------------------------------------------------------------------------
  {
    id: 'activation.checking',
    step: 'activation',
    description: 'Paid: asking the provider whether the plan is live.',
    state: 'activation.checking',
    setup: { script: { hold: ['activationStatus'], when: { activationStatus: polling } } },
    shows: ['section.step[aria-busy="true"]', 'progress'],
    reach: async (el) => {
      await toActivation(el);
      await waitForState(el, 'activation.checking');
    },
  },
  {
    id: 'activation.waiting',
    step: 'activation',
    description: 'Not live yet: waiting before the next check, with the time spent so far.',
    state: 'activation.waiting',
    setup: { scenario: 'delayed' },
    shows: ['progress'],
    reach: async (el, { clock, provider }) => {
      await toActivation(el);
      await waitForState(el, 'activation.waiting');
      // One more round: the progress has moved.
      clock.increment(2_000);
      await el.updateComplete;
      await waitForState(el, 'activation.waiting');
      if (provider.calls.activationStatus !== 2) throw new Error(`expected 2 activation checks, got ${provider.calls.activationStatus}`);
    },
  },
  {
    id: 'activation.error',
    step: 'activation',
    description: 'The activation check failed: the error and Try again.',
    state: 'activation.error',
    setup: { script: { fail: { activationStatus: { code: 'network' } } } },
    shows: ['.panel.error[role="alert"]'],
    reach: async (el) => {
      await toActivation(el);
      await waitForState(el, 'activation.error');
    },
  },

  // --- done ----------------------------------------------------------------------------------
  {
    id: 'done',
    step: 'done',
    description: 'The plan is active: new expiry, order reference, receipt and reminder.',
    state: 'done',
    shows: ['.panel.success', '.reference', '#reminder-hint'],
    reach: async (el) => {
      await toDone(el);
    },
  },
  {
    id: 'done.profile',
    step: 'done',
    description: 'Done, with the host’s profile: how to reach its support and its terms, refunds and privacy.',
    state: 'done',
    setup: { configure: (el) => void (el.profile = FULL_PROFILE) },
    shows: ['#support-heading', 'a[href^="mailto:"]', 'a[href^="tel:"]', 'a[href^="https://line.me/"]', '.profile-links a'],
    hides: ['a[href^="javascript:"]'],
    reach: async (el) => {
      await toDone(el);
    },
  },

  // --- troubleshooting -----------------------------------------------------------------------
  {
    id: 'troubleshooting.check.user',
    step: 'troubleshooting',
    description: '“It’s still not working” after done: the first check, with the standing warning.',
    state: 'troubleshooting.check',
    shows: ['[data-check="coverage"]', '.panel.warning[role="note"]'],
    reach: async (el) => {
      await toCheckFromDone(el);
    },
  },
  {
    id: 'troubleshooting.check.while-waiting',
    step: 'troubleshooting',
    description: '“It’s still not working” while activation is still being checked.',
    state: 'troubleshooting.check',
    setup: { scenario: 'delayed' },
    shows: ['[data-check="coverage"]'],
    reach: async (el) => {
      await toActivation(el);
      await waitForState(el, 'activation.waiting');
      await click(el, 'It’s still not working');
      await waitForState(el, 'troubleshooting.check');
    },
  },
  {
    id: 'troubleshooting.check.next',
    step: 'troubleshooting',
    description: 'The second check, after “Still not working” on the first.',
    state: 'troubleshooting.check',
    shows: ['[data-check="line-on"]'],
    reach: async (el) => {
      await toCheckFromDone(el);
      await click(el, 'Still not working');
    },
  },
  {
    id: 'troubleshooting.check.failed',
    step: 'troubleshooting',
    description: 'The provider reports activation failed: troubleshooting opens with that reason.',
    state: 'troubleshooting.check',
    setup: { scenario: 'failed' },
    shows: ['[data-check="coverage"]'],
    hides: ['.panel.error[role="alert"]'],
    reach: async (el) => {
      await toCheckAfterFailure(el);
    },
  },
  {
    id: 'troubleshooting.check.still-inactive',
    step: 'troubleshooting',
    description: '“That fixed it”, but the provider still sees the plan inactive.',
    state: 'troubleshooting.check',
    setup: { scenario: 'failed' },
    shows: ['.panel.error[role="alert"]'],
    reach: async (el) => {
      await toCheckAfterFailure(el);
      await click(el, 'That fixed it');
      // The re-check passes through `verifying` within a task or two; wait for its verdict.
      await waitUntil(el, () => root(el).querySelector('.panel.error[role="alert"]') !== null);
      await waitForState(el, 'troubleshooting.check');
    },
  },
  {
    id: 'troubleshooting.check.timeout',
    step: 'troubleshooting',
    description: 'Ten minutes of polling and the plan is not live: troubleshooting takes over.',
    state: 'troubleshooting.check',
    setup: { scenario: 'never' },
    shows: ['[data-check="coverage"]'],
    reach: async (el, { clock }) => {
      await toActivation(el);
      // Each wait is at most 30 s; 10 minutes take about two dozen polls.
      for (let polls = 0; polls < 60; polls++) {
        await waitForState(el, /^(activation\.waiting|troubleshooting\.check)$/);
        if (state(el) === 'troubleshooting.check') return;
        clock.increment(30_000);
        await el.updateComplete;
      }
      throw new Error(`still polling after 60 waits: ${state(el)}`);
    },
  },
  {
    id: 'troubleshooting.verifying',
    step: 'troubleshooting',
    description: '“That fixed it”: asking the provider to check again.',
    state: 'troubleshooting.verifying',
    setup: { scenario: 'failed', script: { hold: ['activationStatus'], when: { activationStatus: recheck } } },
    shows: ['section.step[aria-busy="true"]', '.busy[role="status"]'],
    reach: async (el) => {
      await toCheckAfterFailure(el);
      await click(el, 'That fixed it');
      await waitForState(el, 'troubleshooting.verifying');
    },
  },
  {
    id: 'troubleshooting.verifyError',
    step: 'troubleshooting',
    description: 'The re-check failed: the error and Try again.',
    state: 'troubleshooting.verifyError',
    setup: { scenario: 'failed', script: { fail: { activationStatus: { code: 'network' } }, when: { activationStatus: recheck } } },
    shows: ['.panel.error[role="alert"]'],
    reach: async (el) => {
      await toCheckAfterFailure(el);
      await click(el, 'That fixed it');
      await waitForState(el, 'troubleshooting.verifyError');
    },
  },
  {
    id: 'troubleshooting.escalate',
    step: 'troubleshooting',
    description: 'Contact support: the prepared message, editable, to send or copy.',
    state: 'troubleshooting.escalate',
    shows: ['#support-message'],
    reach: async (el) => {
      await toEscalate(el);
    },
  },
  {
    id: 'troubleshooting.escalate.profile',
    step: 'troubleshooting',
    description: 'Contact support, with the host’s own support channels (e-mail, phone, chat apps).',
    state: 'troubleshooting.escalate',
    setup: { configure: (el) => void (el.profile = FULL_PROFILE) },
    shows: ['#support-message', '#support-heading', 'a[href^="mailto:"]', 'a[href^="tel:"]', 'a[href^="https://line.me/"]'],
    hides: ['a[href^="javascript:"]'],
    reach: async (el) => {
      await toEscalate(el);
    },
  },
  {
    id: 'troubleshooting.escalate.all-tried',
    step: 'troubleshooting',
    description: 'Every check tried without luck: support, with the tried checks in the message.',
    state: 'troubleshooting.escalate',
    shows: ['#support-message'],
    reach: async (el) => {
      await toCheckFromDone(el);
      while (state(el) === 'troubleshooting.check') await click(el, 'Still not working');
      await waitForState(el, 'troubleshooting.escalate');
    },
  },
  {
    id: 'troubleshooting.sending',
    step: 'troubleshooting',
    description: 'Sending the message to support.',
    state: 'troubleshooting.sending',
    setup: { script: { hold: ['supportRequest'] } },
    shows: ['section.step[aria-busy="true"]', '.busy[role="status"]'],
    reach: async (el) => {
      await toEscalate(el);
      await click(el, 'Send to support');
      await waitForState(el, 'troubleshooting.sending');
    },
  },
  {
    id: 'troubleshooting.sendError',
    step: 'troubleshooting',
    description: 'The message could not be sent: the error, the message kept, Try again.',
    state: 'troubleshooting.sendError',
    setup: { script: { fail: { supportRequest: { code: 'server' } } } },
    shows: ['.panel.error[role="alert"]', '#support-message'],
    reach: async (el) => {
      await toEscalate(el);
      await click(el, 'Send to support');
      await waitForState(el, 'troubleshooting.sendError');
    },
  },
  {
    id: 'troubleshooting.sent',
    step: 'troubleshooting',
    description: 'Support has the message: the ticket number.',
    state: 'troubleshooting.sent',
    shows: ['.panel.success[role="status"]'],
    reach: async (el) => {
      await toEscalate(el);
      await click(el, 'Send to support');
      await waitForState(el, 'troubleshooting.sent');
    },
  },
];

/** Waits until `selector` matches in the shadow root (an outcome that lands a task later). */
async function waitFor(el: EsimRenewalWizard, selector: string, timeoutMs = 3000): Promise<void> {
  const start = performance.now();
  while (!root(el).querySelector(selector)) {
    if (performance.now() - start > timeoutMs) throw new Error(`"${selector}" never appeared in ${state(el)}`);
    await new Promise((r) => setTimeout(r, 5));
    await el.updateComplete;
  }
}
