/**
 * The whole wizard on the demo provider: a playground with Controls, and one story per demo
 * scenario whose play function walks there as a person would. The docs page (autodocs) lists
 * the public contract from custom-elements.json.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, type Mock } from 'storybook/test';
import { SimulatedClock } from 'xstate';
import { DemoProvider } from '../src/providers/demo.js';
import type { ActivationScenario } from '../src/domain/codes.js';
import { mounted, renderWizard, wizardArgs, wizardArgTypes, type WizardArgs } from './support/wizard.js';
import {
  CARD_DECLINED,
  CARD_OK,
  answerValidity,
  choose,
  chooseChannel,
  click,
  fill,
  find,
  heading,
  idle,
  payByCard,
  payWith,
  pickPlan,
  runActivation,
  toSignedIn,
  state,
  text,
  waitForState,
} from './support/walk.js';
import { DEMO_PASSWORD } from '../src/domain/test-accounts.js';

const meta = {
  title: 'Wizard',
  component: 'esim-renewal-wizard',
  tags: ['autodocs'],
  render: renderWizard(),
  args: wizardArgs(),
  argTypes: wizardArgTypes,
} satisfies Meta<WizardArgs>;

export default meta;
type Story = StoryObj<WizardArgs>;

/** A 0-latency demo provider with the given activation scenario, and a clock the play function advances. */
const demo = (scenario: ActivationScenario = 'immediate') =>
  renderWizard({ tools: () => ({ provider: new DemoProvider({ latencyMs: 0, scenario }), clock: new SimulatedClock() }) });

/** Same, on the real clock (for flows without timers). */
const demoRealTime = (scenario: ActivationScenario = 'immediate') =>
  renderWizard({ tools: () => ({ provider: new DemoProvider({ latencyMs: 0, scenario }) }) });

const calls = <T>(spy: unknown): T[] => (spy as Mock).mock.calls.map(([detail]) => detail as T);

/**
 * The element as a host page gets it: the built-in demo provider (with its network latency) and
 * real timers. Use Controls to try the attributes, the Actions panel to watch the events, and the
 * demo inputs from the README (`demo@example.com` / `demo1234`, card `4242 4242 4242 4242`).
 */
export const Playground: Story = {
  play: async ({ canvasElement }) => {
    const { el } = await mounted(canvasElement);
    await expect(state(el)).toBe('validity');
    await expect(find(el, 'p.notice')).not.toBeNull();
  },
};

/** Online account `demo@example.com`, the 7-day plan, card 4242 → the plan is active; charged once, `esim-renewal-complete` once. */
export const HappyPath: Story = {
  name: 'Happy path',
  render: demoRealTime(),
  play: async ({ canvasElement, args, step }) => {
    const { el } = await mounted(canvasElement);
    await step('Two days left', () => answerValidity(el));
    await step('Bought online from an eSIM provider', () => chooseChannel(el, 'online'));
    await step('Sign in as demo@example.com', async () => {
      await waitForState(el, 'login.form');
      await fill(el, 'User name or e-mail', 'demo@example.com');
      await fill(el, 'Password', DEMO_PASSWORD);
      await click(el, 'Sign in');
    });
    await step('Choose 7 days · 3 GB', () => pickPlan(el));
    await expect(text(el)).toContain('¥1,480');
    await step('Pay with card 4242 4242 4242 4242', () => payByCard(el, CARD_OK));
    await waitForState(el, 'done');
    await expect(heading(el)).toBe('Your plan is active');
    await expect(text(el)).toContain('Visa ending in 4242');
    await expect(args.onEsimRenewalComplete).toHaveBeenCalledTimes(1);
    await expect(args.onEsimRenewalComplete).toHaveBeenCalledWith(expect.objectContaining({ planId: 'online-7d-3gb', currency: 'JPY', demo: true }));
    await expect(calls<{ to: string }>(args.onEsimStepChange).map((d) => d.to)).toEqual(['channel', 'login', 'plan', 'payment', 'activation', 'done']);
  },
};

/** Card `4000 0000 0000 0002` is declined: back at the confirmation with the reason, everything kept; then 4242 succeeds. */
export const DeclinedCard: Story = {
  name: 'Declined card, then success',
  render: demoRealTime(),
  play: async ({ canvasElement, args, step }) => {
    const { el } = await mounted(canvasElement);
    await step('Sign in and choose a plan', async () => {
      await toSignedIn(el, 'demo@example.com');
      await pickPlan(el);
    });
    await step('Pay with the declined test card', async () => {
      await payByCard(el, CARD_DECLINED);
      await waitForState(el, 'payment.review');
      await idle(el);
    });
    await expect(find(el, '.panel.error[role="alert"]')).not.toBeNull();
    await expect(args.onEsimRenewalComplete).not.toHaveBeenCalled();
    await step('Try again with card 4242', () => payByCard(el, CARD_OK));
    await waitForState(el, 'done');
    await expect(args.onEsimRenewalComplete).toHaveBeenCalledTimes(1);
  },
};

/** Cash at a convenience store: a payment number and a pay-by date; "I’ve paid: check now" twice → paid → active. */
export const CashVoucher: Story = {
  name: 'Cash voucher (konbini)',
  render: demo(),
  play: async ({ canvasElement, args, step }) => {
    const { el } = await mounted(canvasElement);
    await step('Sign in and choose a plan', async () => {
      await toSignedIn(el, 'demo@example.com');
      await pickPlan(el);
    });
    await step('Pay cash at a convenience store', () => payWith(el, 'Cash at a convenience store'));
    await waitForState(el, 'payment.awaitingCash');
    await expect(heading(el)).toBe('Pay at a convenience store');
    await expect(find(el, '#voucher-number')?.textContent?.trim()).toMatch(/^\d{12}$/);
    await step('“I’ve paid”: not arrived yet', async () => {
      await click(el, /check now$/);
      await waitForState(el, 'payment.awaitingCash');
      await idle(el);
    });
    await step('“I’ve paid” again: paid', () => click(el, /check now$/));
    await waitForState(el, 'done');
    await expect(text(el)).toContain('Cash at a convenience store');
    await expect(args.onEsimRenewalComplete).toHaveBeenCalledTimes(1);
  },
};

/** Activation pending for two checks: the wizard polls after 2 s, then 4 s (on a simulated clock), then the plan is active. */
export const ActivationDelayed: Story = {
  name: 'Activation delayed',
  args: { 'demo-scenario': 'delayed' },
  render: demo('delayed'),
  play: async ({ canvasElement, step }) => {
    const { el, tools } = await mounted<{ clock: SimulatedClock }>(canvasElement);
    await step('Sign in, choose a plan and pay', async () => {
      await toSignedIn(el, 'demo@example.com');
      await pickPlan(el);
      await payByCard(el, CARD_OK);
    });
    await waitForState(el, 'activation.waiting');
    await expect(heading(el)).toBe('Activating your plan');
    await step('2 s later: still pending', async () => {
      tools.clock.increment(2_000);
      await idle(el);
    });
    await expect(state(el)).toBe('activation.waiting');
    await expect(text(el)).toContain('Checked 2 times so far.');
    await step('4 s later: active', () => tools.clock.increment(4_000));
    await waitForState(el, 'done');
  },
};

/**
 * Activation never comes on its own: after 10 minutes of polling (simulated) troubleshooting takes
 * over, one check at a time; "That fixed it" asks the provider again, and the plan is active.
 */
export const ActivationNever: Story = {
  name: 'Activation never → troubleshooting',
  args: { 'demo-scenario': 'never' },
  render: demo('never'),
  play: async ({ canvasElement, args, step }) => {
    const { el, tools } = await mounted<{ clock: SimulatedClock }>(canvasElement);
    await step('Sign in, choose a plan and pay', async () => {
      await toSignedIn(el, 'demo@example.com');
      await pickPlan(el);
      await payByCard(el, CARD_OK);
    });
    await step('Ten minutes of polling (simulated clock)', async () => {
      await runActivation(el, tools.clock, { stepMs: 30_000 });
    });
    await expect(state(el)).toBe('troubleshooting.check');
    await expect(text(el)).toContain('Your plan hasn’t come alive after 10 minutes.');
    await expect(find(el, '[data-check="coverage"]')).not.toBeNull();
    await expect(find(el, '.panel.warning[role="note"]')).not.toBeNull();
    await step('The first check did not help: “Still not working”', () => click(el, 'Still not working'));
    await expect(find(el, '[data-check="line-on"]')).not.toBeNull();
    await step('The second one did: “That fixed it”', () => click(el, 'That fixed it'));
    await waitForState(el, 'done');
    await expect(args.onEsimRenewalComplete).toHaveBeenCalledTimes(1);
  },
};

/** `expired@example.com` expired 10 days ago, past its 2 grace days: no payment, the way out is a new eSIM. */
export const ExpiredAccount: Story = {
  name: 'Expired account',
  render: demoRealTime(),
  play: async ({ canvasElement }) => {
    const { el } = await mounted(canvasElement);
    await toSignedIn(el, 'expired@example.com');
    await waitForState(el, 'plan.ineligible');
    await expect(find(el, '[data-reason="expired-past-grace"]')).not.toBeNull();
    await expect(find(el, 'a.button')).not.toBeNull();
  },
};

/** `norecharge@example.com` cannot be recharged: told so before any payment, with a link to get a new eSIM. */
export const NotRechargeable: Story = {
  name: 'Not rechargeable',
  render: demoRealTime(),
  play: async ({ canvasElement }) => {
    const { el } = await mounted(canvasElement);
    await toSignedIn(el, 'norecharge@example.com');
    await waitForState(el, 'plan.ineligible');
    await expect(find(el, '[data-reason="not-rechargeable"]')).not.toBeNull();
    await expect(find(el, 'a.button')).not.toBeNull();
  },
};

/** Bought at a carrier shop and renewing in person: what to bring, and phrases in Japanese to show the staff. */
export const ShopVisit: Story = {
  name: 'Shop visit',
  render: demoRealTime(),
  play: async ({ canvasElement, step }) => {
    const { el } = await mounted(canvasElement);
    await step('Two days left', () => answerValidity(el));
    await step('Bought at a carrier shop; renewing in person', async () => {
      await choose(el, /^At a carrier shop in Japan/);
      await choose(el, 'I’ll go to a shop');
      await click(el, 'Continue');
    });
    await waitForState(el, 'shop-visit');
    await expect(find(el, '.phrase[lang="ja"]')).not.toBeNull();
  },
};
