/**
 * A tiny driver over XState's pure `initialTransition` / `transition`: no timers, no DOM, and the
 * provider actors are never started (pure transitions only describe spawning them). A test
 * answers for the running provider actor with a {@link ProviderAnswer}, which the driver turns
 * into XState's done or error event of that actor, as the real one would finish.
 */
import { getInitialMicrosteps, getMicrosteps, initialTransition, transition, type SnapshotFrom, type StateValue } from 'xstate';
import { PROVIDER_CALLS, type ProviderCallName, type WizardContext, type WizardEvent, type WizardInput } from '../../../src/machine/context.js';
import { wizardMachine } from '../../../src/machine/machine.js';
import { initialContext } from '../../../src/machine/setup.js';
import type {
  AccountStatus,
  ActivationStatus,
  Capabilities,
  CardToken,
  Channel,
  Order,
  OrderStatus,
  PaymentMethod,
  PaymentOutcome,
  Plan,
  StepId,
  SupportTicket,
  WizardError,
} from '../../../src/domain/types.js';

export const TODAY = '2026-11-26';
export const NOW = `${TODAY}T03:00:00.000Z`;
const DAY = 86_400_000;
/** An ISO instant `days` days (may be fractional or negative) after {@link NOW}. */
export const inDays = (days: number): string => new Date(Date.parse(NOW) + days * DAY).toISOString();

/** Valid ICCIDs (19 and 20 digits, Luhn-checked, starting with 89). */
export const ICCID_19 = '8981100000000000002';
export const ICCID_20 = '89811000000000000012';

export type Snap = SnapshotFrom<typeof wizardMachine>;

/** A provider actor's answer, as the tests write it: which call it answers, and with what. */
export type ProviderAnswer =
  | { type: 'provider.identified' }
  | { type: 'provider.accountLoaded'; account: AccountStatus; plans: readonly Plan[] }
  | { type: 'provider.orderCreated'; order: Order }
  | { type: 'provider.cardTokenized'; card: CardToken }
  | { type: 'provider.payment'; outcome: PaymentOutcome }
  | { type: 'provider.activation'; status: ActivationStatus }
  | { type: 'provider.supportSent'; ticket: SupportTicket }
  | { type: 'provider.orderStatus'; status: OrderStatus }
  /** Any running provider call fails. */
  | { type: 'provider.error'; error: WizardError };
export type TestEvent = WizardEvent | ProviderAnswer;

/** Which calls each answer can finish, and the output it finishes them with. */
const ANSWERS: { [T in ProviderAnswer['type']]: { calls: readonly ProviderCallName[]; output: (a: Extract<ProviderAnswer, { type: T }>) => unknown } } = {
  'provider.identified': { calls: ['identify'], output: () => undefined },
  'provider.accountLoaded': { calls: ['loadAccount'], output: (a) => ({ account: a.account, plans: a.plans }) },
  'provider.orderCreated': { calls: ['createOrder'], output: (a) => a.order },
  'provider.cardTokenized': { calls: ['tokenizeCard'], output: (a) => a.card },
  'provider.payment': { calls: ['pay', 'authenticate', 'paymentStatus'], output: (a) => a.outcome },
  'provider.activation': { calls: ['activationStatus'], output: (a) => a.status },
  'provider.supportSent': { calls: ['supportRequest'], output: (a) => a.ticket },
  'provider.orderStatus': { calls: ['findOrder'], output: (a) => a.status },
  'provider.error': { calls: PROVIDER_CALLS, output: () => undefined },
};
const isAnswer = (event: TestEvent): event is ProviderAnswer => event.type in ANSWERS;

/**
 * The event XState sends the machine when the running provider actor that `answer` is for
 * finishes; an answer no running actor is waiting for is an event the machine ignores.
 */
export function finished(snap: Snap, answer: ProviderAnswer): { type: string; output?: unknown; error?: unknown } {
  const spec = ANSWERS[answer.type] as { calls: readonly string[]; output: (a: ProviderAnswer) => unknown };
  const children = snap.children as Record<string, { src: unknown } | undefined>;
  const id = Object.keys(children).find((key) => spec.calls.includes(String(children[key]?.src)));
  if (id === undefined) return { type: 'test.unanswered' };
  return answer.type === 'provider.error'
    ? { type: `xstate.error.actor.${id}`, error: answer.error }
    : { type: `xstate.done.actor.${id}`, output: spec.output(answer) };
}

/** A state value as a dotted path, e.g. `payment.review`. */
export function pathOf(value: StateValue): string {
  if (typeof value === 'string') return value;
  const [key, child] = Object.entries(value)[0]!;
  return child === undefined || (typeof child === 'object' && Object.keys(child).length === 0) ? key : `${key}.${pathOf(child)}`;
}

interface ActionLike {
  type: string;
  params?: unknown;
}
interface SpawnParams {
  src: unknown;
  input?: unknown;
}
interface RaiseParams {
  event: { type: string };
  delay?: number;
  id?: string;
}

export class Wizard {
  snap: Snap;
  /** The actions of the last step, not executed: spawns, stops, delayed raises. */
  actions: ActionLike[];
  /** Every state path this driver has settled in, in order. */
  readonly history: string[] = [];
  /** Every state path passed through, including transient ones left by `always` at once. */
  readonly visited = new Set<string>();

  constructor(input: WizardInput = { today: TODAY }) {
    const [snap, actions] = initialTransition(wizardMachine, input);
    this.snap = snap;
    this.actions = actions;
    this.history.push(this.state);
    for (const [s] of getInitialMicrosteps(wizardMachine, input)) this.visited.add(pathOf(s.value));
  }

  send(event: TestEvent): this {
    return this.raw(isAnswer(event) ? finished(this.snap, event) : event);
  }

  /** Any event, e.g. the `xstate.after.*` events delayed transitions listen for. */
  raw(event: { type: string }): this {
    for (const [s] of getMicrosteps(wizardMachine, this.snap, event as WizardEvent)) this.visited.add(pathOf(s.value));
    const [snap, actions] = transition(wizardMachine, this.snap, event as WizardEvent);
    this.snap = snap;
    this.actions = actions;
    this.history.push(this.state);
    return this;
  }

  get state(): string {
    return pathOf(this.snap.value);
  }

  get ctx(): WizardContext {
    return this.snap.context;
  }

  can(event: TestEvent): boolean {
    return this.snap.can((isAnswer(event) ? finished(this.snap, event) : event) as WizardEvent);
  }

  hasTag(tag: 'busy' | 'error' | 'charging'): boolean {
    return this.snap.hasTag(tag);
  }

  /** Inputs of the provider actors the last step started, by actor name. */
  spawned(src: string): unknown[] {
    return this.actions.filter((a) => a.type === 'xstate.spawnChild' && (a.params as SpawnParams).src === src).map((a) => (a.params as SpawnParams).input);
  }

  /** The input of the one provider actor of that name the last step started. */
  spawnedInput<T = Record<string, unknown>>(src: string): T {
    const inputs = this.spawned(src);
    if (inputs.length !== 1) throw new Error(`expected one "${src}" actor to start, got ${inputs.length} (${this.actions.map((a) => a.type).join(', ')})`);
    return inputs[0] as T;
  }

  /** Names of the actors currently running (invoked by active states). */
  get running(): string[] {
    return Object.values(this.snap.children as Record<string, { src: unknown } | undefined>)
      .map((c) => (c ? String(c.src) : ''))
      .filter(Boolean);
  }

  /** Delayed events the last step scheduled: their type and delay in ms. */
  scheduled(): { type: string; delay: number }[] {
    return this.actions
      .filter((a) => a.type === 'xstate.raise' && typeof (a.params as RaiseParams).delay === 'number')
      .map((a) => ({ type: (a.params as RaiseParams).event.type, delay: (a.params as RaiseParams).delay! }));
  }

  /** Fires the one delayed event the last step scheduled, as the clock would; returns its delay. */
  elapse(): number {
    const s = this.scheduled();
    if (s.length !== 1) throw new Error(`expected one scheduled event in ${this.state}, got ${JSON.stringify(s)}`);
    this.raw({ type: s[0]!.type });
    return s[0]!.delay;
  }
}

// ---------------------------------------------------------------- fixtures

export function capabilities(over: Partial<Capabilities> = {}): Capabilities {
  return {
    rechargeable: true,
    topUpWindow: { daysBeforeExpiry: null, graceDaysAfterExpiry: 0, inJapanOnly: false },
    topUpMode: 'extend',
    validityStarts: 'install',
    paymentMethods: ['card', 'paypal', 'konbini'],
    identifyMethods: ['account'],
    links: { buyNew: 'https://provider.test/buy', terms: 'https://provider.test/terms', support: 'https://provider.test/help' },
    ...over,
  };
}

export function account(over: Partial<AccountStatus> = {}): AccountStatus {
  return {
    accountId: 'acc-1',
    channel: 'online',
    iccid: ICCID_19,
    planName: 'Japan 3 GB / 7 days',
    expiresAt: inDays(3),
    dataLeftMb: 300,
    asOf: NOW,
    capabilities: capabilities(),
    ...over,
  };
}

export function plan(id: string, dataMb: number | null, days: number, amount: number, over: Partial<Plan> = {}): Plan {
  return { id, name: id, dataMb, days, price: { amount, currency: 'JPY' }, ...over };
}

export const PLANS: readonly Plan[] = [
  plan('day-1gb', 1024, 1, 500),
  plan('week-3gb', 3 * 1024, 7, 1500),
  plan('month-10gb', 10 * 1024, 30, 3500),
  plan('month-unlimited', null, 30, 6000),
];

export function order(planId: string, orderId = `ord-${planId}`): Order {
  return {
    orderId,
    reference: `REF-${orderId}`,
    planId,
    planName: planId,
    quantity: 1,
    total: { amount: 1500, currency: 'JPY' },
    newExpiresAt: inDays(10),
  };
}

export const CARD: CardToken = { brand: 'visa', last4: '4242', token: 'tok_visa' };

export const err = (code: WizardError['code'], retryable = false): ProviderAnswer => ({ type: 'provider.error', error: { code, retryable } });
/** A provider call's failure as the machine receives it (XState's error event of an invoked actor). */
export const failure = (code: WizardError['code'], retryable = false) => ({ type: 'xstate.error.actor.test', error: { code, retryable } }) as const;
export const outcome = (o: PaymentOutcome): ProviderAnswer => ({ type: 'provider.payment', outcome: o });
export const activationEvent = (state: 'pending' | 'active' | 'failed', expiresAt?: string): ProviderAnswer => ({
  type: 'provider.activation',
  status: expiresAt ? { state, expiresAt } : { state },
});

/** A context with overrides, for the guards. */
export function ctxWith(over: Partial<WizardContext> = {}, input: WizardInput = { today: TODAY }): WizardContext {
  return { ...initialContext(input), ...over };
}

// ---------------------------------------------------------------- journeys

export function atLogin(channel: Channel = 'online', input: Partial<WizardInput> = {}): Wizard {
  const w = new Wizard({ today: TODAY, ...input });
  w.send({ type: 'user.validity.set', mode: 'days', daysLeft: '3', today: TODAY }).send({ type: 'user.next' });
  if (w.state === 'channel') {
    if (w.ctx.presetChannel === null) w.send({ type: 'user.channel.select', channel });
    if (w.ctx.channel === 'shop') w.send({ type: 'user.channel.shopPath', path: 'online' });
    w.send({ type: 'user.next' });
  }
  if (w.state !== 'login.form') throw new Error(`not at login: ${w.state}`);
  return w;
}

export function fillAccount(w: Wizard, username = 'mika'): Wizard {
  return w.send({ type: 'user.login.field', field: 'username', value: username }).send({ type: 'user.login.password', filled: true });
}

export function atPlanLoading(): Wizard {
  const w = fillAccount(atLogin()).send({ type: 'user.next' }).send({ type: 'provider.identified' });
  if (w.state !== 'plan.loading') throw new Error(`not loading plans: ${w.state}`);
  return w;
}

export function atChoosing(acc: AccountStatus = account(), plans: readonly Plan[] = PLANS): Wizard {
  const w = atPlanLoading().send({ type: 'provider.accountLoaded', account: acc, plans });
  if (w.state !== 'plan.choosing') throw new Error(`not choosing: ${w.state}`);
  return w;
}

export function atReview(planId = 'week-3gb', acc: AccountStatus = account()): Wizard {
  const w = atChoosing(acc)
    .send({ type: 'user.plan.select', planId })
    .send({ type: 'user.next' })
    .send({ type: 'provider.orderCreated', order: order(planId) });
  if (w.state !== 'payment.review') throw new Error(`not at review: ${w.state}`);
  return w;
}

export function readyToPay(w: Wizard, method: PaymentMethod): Wizard {
  w.send({ type: 'user.payment.method', method });
  if (method === 'card') w.send({ type: 'user.payment.card', valid: true });
  return w.send({ type: 'user.payment.confirm', confirmed: true });
}

export function atActivation(): Wizard {
  const w = readyToPay(atReview(), 'paypal')
    .send({ type: 'user.payment.pay' })
    .send(outcome({ status: 'succeeded', paymentId: 'pay-1' }));
  if (w.state !== 'activation.checking') throw new Error(`not activating: ${w.state}`);
  return w;
}

export function atDone(): Wizard {
  const w = atActivation().send(activationEvent('active', inDays(10)));
  if (w.state !== 'done') throw new Error(`not done: ${w.state}`);
  return w;
}

export function atTroubleshooting(from: 'activation' | 'done' = 'activation'): Wizard {
  const w = (from === 'done' ? atDone() : atActivation()).send({ type: 'user.activation.notWorking' });
  if (w.state !== 'troubleshooting.check') throw new Error(`not troubleshooting: ${w.state}`);
  return w;
}

// ---------------------------------------------------------------- journeys for any host set-up

/**
 * From validity, channel or sign-in, on to the plans as this set-up goes: the channel question
 * only when it is asked (answered with `chosen`, or online for a preset shop), sign-in only
 * without a host session (account credentials, or ICCID and e-mail for an airport eSIM).
 */
export function driveToPlan(w: Wizard, chosen: Channel = 'online'): Wizard {
  if (w.state === 'validity') {
    if (w.ctx.validity.mode === null) w.send({ type: 'user.validity.set', mode: 'days', daysLeft: '3', today: TODAY });
    w.send({ type: 'user.next' });
  }
  if (w.state === 'channel') {
    if (w.ctx.presetChannel === null && w.ctx.channel === null) w.send({ type: 'user.channel.select', channel: chosen });
    if (w.ctx.channel === 'shop') w.send({ type: 'user.channel.shopPath', path: 'online' });
    w.send({ type: 'user.next' });
  }
  if (w.state === 'login.form') {
    if (w.ctx.login.method === 'account') fillAccount(w);
    else w.send({ type: 'user.login.field', field: 'iccid', value: ICCID_19 }).send({ type: 'user.login.field', field: 'email', value: 'mika@example.jp' });
    w.send({ type: 'user.next' }).send({ type: 'provider.identified' });
  }
  if (w.state !== 'plan.loading') throw new Error(`not loading plans: ${w.state}`);
  return w;
}

/** A new wizard started with `input`, driven to the plans being loaded. */
export function toPlan(input: Partial<WizardInput> = {}, chosen: Channel = 'online'): Wizard {
  return driveToPlan(new Wizard({ today: TODAY, ...input }), chosen);
}

/** {@link toPlan}, then the plans are in. */
export function toChoosing(input: Partial<WizardInput> = {}, chosen: Channel = 'online'): Wizard {
  const w = toPlan(input, chosen).send({ type: 'provider.accountLoaded', account: account(), plans: PLANS });
  if (w.state !== 'plan.choosing') throw new Error(`not choosing: ${w.state}`);
  return w;
}

/** {@link toChoosing}, then a plan chosen and its order created: the confirmation screen. */
export function toReview(input: Partial<WizardInput> = {}, planId = 'week-3gb', chosen: Channel = 'online'): Wizard {
  const w = toChoosing(input, chosen)
    .send({ type: 'user.plan.select', planId })
    .send({ type: 'user.next' })
    .send({ type: 'provider.orderCreated', order: order(planId) });
  if (w.state !== 'payment.review') throw new Error(`not at review: ${w.state}`);
  return w;
}

/** The steps a wizard settled in, in order, each once per stay (`login.form` and `login.submitting` are one `login`). */
export function stepTrail(w: Wizard, from = 0): string[] {
  const steps = w.history.slice(from).map((p) => p.split('.')[0]!);
  return steps.filter((s, i) => i === 0 || steps[i - 1] !== s);
}

/**
 * The host set-ups: a preset channel or none, a host session or not, and the steps before
 * payment each one goes through. Online and airport presets skip the channel question; a preset
 * shop still asks online-or-visit; a host session skips sign-in.
 */
export const ROUTES: readonly (readonly [name: string, input: Partial<WizardInput>, steps: readonly StepId[]])[] = [
  ['no preset, the person signs in', {}, ['validity', 'channel', 'login', 'plan']],
  ['no preset, host session', { hostSession: true }, ['validity', 'channel', 'plan']],
  ['preset online, the person signs in', { channel: 'online' }, ['validity', 'login', 'plan']],
  ['preset online, host session', { channel: 'online', hostSession: true }, ['validity', 'plan']],
  ['preset airport, the person signs in', { channel: 'airport' }, ['validity', 'login', 'plan']],
  ['preset airport, host session', { channel: 'airport', hostSession: true }, ['validity', 'plan']],
  ['preset shop, the person signs in', { channel: 'shop' }, ['validity', 'channel', 'login', 'plan']],
  ['preset shop, host session', { channel: 'shop', hostSession: true }, ['validity', 'channel', 'plan']],
];
