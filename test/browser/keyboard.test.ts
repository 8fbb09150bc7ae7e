/**
 * The whole wizard with the keyboard only: Tab, Shift+Tab, Space, Enter, the arrow keys and
 * typing, sent as real key presses. No `.click()`, no writes to `input.value`.
 *
 * At every step: focus lands on the new step's heading (never on document.body), the focused
 * control shows a focus ring (`:focus-visible`) and is on screen, and Tab goes through every
 * control of the step in order and out of the wizard (no keyboard trap), Shift+Tab back again.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { SimulatedClock } from 'xstate';
import { userEvent } from 'vitest/browser';
import { describe, it } from 'vitest';
import '../../src/define.js';
import type { EsimRenewalWizard } from '../../src/element/esim-renewal-wizard.js';
import type { ActivationScenario } from '../../src/domain/codes.js';
import { CARD_DECLINED, CARD_OK, DEMO_PASSWORD, demo, q, root, state, waitForState } from './flows-helpers.js';
import { ENGINE } from './engines.js';

interface Kb {
  el: EsimRenewalWizard;
  before: HTMLButtonElement;
  after: HTMLButtonElement;
}

/** The wizard between two focusable buttons, to see focus go in and come out. */
async function mountKb(scenario: ActivationScenario = 'immediate'): Promise<Kb> {
  const provider = demo(scenario);
  const clock = new SimulatedClock();
  const wrapper = await fixture<HTMLElement>(html`<div>
    <button id="before">before</button>
    <esim-renewal-wizard .provider=${provider} .clock=${clock}></esim-renewal-wizard>
    <button id="after">after</button>
  </div>`);
  const el = wrapper.querySelector<EsimRenewalWizard>('esim-renewal-wizard')!;
  await el.updateComplete;
  expect(q(el, 'section.step'), 'rendered').to.not.equal(null);
  return { el, before: wrapper.querySelector('#before')!, after: wrapper.querySelector('#after')! };
}

/** The element that has focus, looking into the wizard's shadow root. */
function focused(kb: Kb): Element | null {
  const a = document.activeElement;
  return a === kb.el ? kb.el.shadowRoot!.activeElement : a;
}

const describeNode = (n: Element | null) =>
  n
    ? `${n.tagName.toLowerCase()}${n.id ? `#${n.id}` : ''}${(n as HTMLInputElement).name ? `[name=${(n as HTMLInputElement).name}]` : ''}${(n as HTMLInputElement).type === 'radio' ? `[value=${(n as HTMLInputElement).value}]` : ''} "${(n.textContent ?? '').trim().slice(0, 30)}"`
    : 'null';

/** Keys pressed for real; then the engine's next frame, when WebKit has brought the focused element into view. */
async function press(kb: Kb, keys: string): Promise<void> {
  await userEvent.keyboard(keys);
  await kb.el.updateComplete;
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
}

/** Focus is in the wizard, shows a focus ring, and is on screen. */
function expectFocusVisible(kb: Kb, where: string): HTMLElement {
  expect(document.activeElement, `${where}: focus is in the wizard, not on ${document.activeElement?.tagName}`).to.equal(kb.el);
  const a = kb.el.shadowRoot!.activeElement as HTMLElement | null;
  expect(a, `${where}: a focused element in the shadow root`).to.not.equal(null);
  // (WebKit does not match :focus-visible after the arrow keys move through a radio group; the
  // stylesheet gives radios their ring on :focus, which every engine matches.)
  expect(a!.matches(':focus-visible') || a!.matches("input[type='radio']:focus"), `${where}: ${describeNode(a)} matches :focus-visible`).to.equal(true);
  const cs = getComputedStyle(a!);
  const ring = (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0) || cs.boxShadow !== 'none';
  expect(ring, `${where}: ${describeNode(a)} has a focus ring (outline ${cs.outlineStyle} ${cs.outlineWidth}, box-shadow ${cs.boxShadow})`).to.equal(true);
  const r = a!.getBoundingClientRect();
  expect(r.width > 0 && r.height > 0, `${where}: ${describeNode(a)} has a size`).to.equal(true);
  expect(
    r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth,
    `${where}: ${describeNode(a)} is on screen (${JSON.stringify(r)} in ${innerWidth}×${innerHeight})`,
  ).to.equal(true);
  return a!;
}

/** After a step change: focus is on the new step's heading. */
function expectHeadingFocused(kb: Kb, where: string): void {
  const a = expectFocusVisible(kb, where);
  expect(a.id, `${where}: focus on the step heading, not ${describeNode(a)}`).to.equal('step-heading');
  expect(a.textContent.trim()).to.not.equal('');
}

/**
 * What Tab should visit in the wizard, in order: visible controls, one stop per radio group (the
 * checked radio, or the first), the header's language switcher included.
 */
/**
 * Native radio groups differ by engine, and the wizard keeps the engine's own behaviour: WebKit
 * enters a group with nothing checked at its last radio when going backwards (Shift+Tab), where
 * Chromium and Firefox enter at the first, and its arrow keys stop at the ends of a group
 * instead of wrapping round.
 */
const WEBKIT_RADIOS = ENGINE === 'webkit';

function tabbables(kb: Kb, direction: 'forward' | 'backward' = 'forward'): Element[] {
  const all = [...root(kb.el).querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])')].filter(
    (n) => !(n as HTMLButtonElement).disabled && n.checkVisibility({ visibilityProperty: true }),
  );
  const seen = new Set<string>();
  return all.filter((n) => {
    if (!(n instanceof HTMLInputElement) || n.type !== 'radio') return true;
    if (seen.has(n.name)) return false;
    const group = all.filter((x): x is HTMLInputElement => x instanceof HTMLInputElement && x.name === n.name);
    const stop = group.find((x) => x.checked) ?? (direction === 'backward' && WEBKIT_RADIOS ? group.at(-1) : group[0]);
    if (stop !== n) return false;
    seen.add(n.name);
    return true;
  });
}

/**
 * From the heading, Tab visits every control of the step in order and leaves the wizard; then
 * Shift+Tab walks back through all of them (and the header) and out before it. Ends on `before`.
 */
async function expectNoTrap(kb: Kb, where: string): Promise<void> {
  const expected = tabbables(kb);
  const heading = q(kb.el, '#step-heading')!;
  // The step's controls follow its heading; the header's switcher comes before it.
  const afterHeading = expected.filter((n) => heading.compareDocumentPosition(n) & Node.DOCUMENT_POSITION_FOLLOWING);
  expect(afterHeading.length, `${where}: the step has controls`).to.be.greaterThan(0);
  const forward: Element[] = [];
  for (let i = 0; i <= expected.length + 2; i++) {
    await press(kb, '{Tab}');
    if (focused(kb) === kb.after) break;
    forward.push(expectFocusVisible(kb, `${where}, Tab ${i + 1}`));
  }
  expect(focused(kb), `${where}: Tab leaves the wizard after its last control`).to.equal(kb.after);
  expect(forward.map(describeNode), `${where}: Tab order`).to.deep.equal(afterHeading.map(describeNode));
  const backward: Element[] = [];
  for (let i = 0; i <= expected.length + 2; i++) {
    await press(kb, '{Shift>}{Tab}{/Shift}');
    if (focused(kb) === kb.before) break;
    backward.push(expectFocusVisible(kb, `${where}, Shift+Tab ${i + 1}`));
  }
  expect(focused(kb), `${where}: Shift+Tab leaves the wizard before its first control`).to.equal(kb.before);
  expect(backward.map(describeNode), `${where}: Shift+Tab order`).to.deep.equal([...tabbables(kb, 'backward')].reverse().map(describeNode));
}

/** Tabs forward until `match` has focus, checking the focus ring on the way. */
async function tabTo(kb: Kb, match: (n: Element) => boolean, what: string): Promise<HTMLElement> {
  for (let i = 0; i < 40; i++) {
    await press(kb, '{Tab}');
    if (focused(kb) === kb.after) throw new Error(`Tabbed out of the wizard without reaching ${what} (in ${state(kb.el)})`);
    const a = expectFocusVisible(kb, `tabbing to ${what}`);
    if (match(a)) return a;
  }
  throw new Error(`${what} never got focus (in ${state(kb.el)})`);
}

const byText = (text: string | RegExp) => (n: Element) =>
  (n.tagName === 'BUTTON' || n.tagName === 'A' || n.tagName === 'SUMMARY') &&
  (typeof text === 'string' ? n.textContent.trim() === text : text.test(n.textContent.trim()));
const radioOf = (name: string) => (n: Element) => n instanceof HTMLInputElement && n.type === 'radio' && n.name === name;
const byId = (id: string) => (n: Element) => n.id === id;

const checkedValue = (kb: Kb, name: string) => q<HTMLInputElement>(kb.el, `input[name="${name}"]:checked`)?.value ?? null;

/** A new step: its heading has focus; Tab and Shift+Tab get through it and out. Ends on `before`. */
async function arrive(kb: Kb, expectedState: string | RegExp, where: string): Promise<void> {
  await waitForState(kb.el, expectedState);
  expectHeadingFocused(kb, where);
  await expectNoTrap(kb, where);
}

/** Moves the selection in a radio group with the arrow key until `value` is checked. */
async function arrowTo(kb: Kb, name: string, value: string): Promise<void> {
  for (let i = 0; i < 12 && checkedValue(kb, name) !== value; i++) {
    await press(kb, '{ArrowDown}');
    const a = expectFocusVisible(kb, `arrowing to ${value}`);
    expect(radioOf(name)(a), 'the arrow keys stay in the group').to.equal(true);
    expect((a as HTMLInputElement).checked, 'the focused radio is the selected one').to.equal(true);
  }
  expect(checkedValue(kb, name)).to.equal(value);
}

/** Time left (2 days), by keyboard, then Continue. */
async function validityByKeyboard(kb: Kb): Promise<void> {
  kb.before.focus();
  await tabTo(kb, radioOf('validity-mode'), 'the time-left choices');
  expect(checkedValue(kb, 'validity-mode'), 'nothing chosen yet').to.equal(null);
  await press(kb, ' ');
  expect(checkedValue(kb, 'validity-mode'), 'Space selects the focused option').to.equal('date');
  await arrowTo(kb, 'validity-mode', 'days');
  expect(checkedValue(kb, 'platform'), 'another group is untouched').to.equal('ios');
  await tabTo(kb, byId('days-left'), 'Days left');
  await press(kb, '2');
  expect(q<HTMLInputElement>(kb.el, '#days-left')!.value).to.equal('2');
  await tabTo(kb, byText('Continue'), 'Continue');
  await press(kb, '{Enter}');
}

/** Where it was bought: online, by keyboard, then Continue. */
async function channelOnlineByKeyboard(kb: Kb): Promise<void> {
  await tabTo(kb, radioOf('channel'), 'the channel choices');
  await press(kb, ' ');
  expect(checkedValue(kb, 'channel')).to.equal('online');
  await tabTo(kb, byText('Continue'), 'Continue');
  await press(kb, '{Enter}');
}

async function signInByKeyboard(kb: Kb): Promise<void> {
  await tabTo(kb, byId('username'), 'User name');
  await press(kb, 'demo@example.com');
  await press(kb, '{Tab}');
  expect(expectFocusVisible(kb, 'password').id).to.equal('password');
  await press(kb, DEMO_PASSWORD);
  expect(q<HTMLInputElement>(kb.el, '#username')!.value).to.equal('demo@example.com');
  expect(q<HTMLInputElement>(kb.el, '#password')!.value).to.equal(DEMO_PASSWORD);
  // Enter in a field submits the form.
  await press(kb, '{Enter}');
}

async function planByKeyboard(kb: Kb, planId = 'online-7d-3gb'): Promise<void> {
  await tabTo(kb, radioOf('plan'), 'the plan list');
  await press(kb, ' ');
  expect(checkedValue(kb, 'plan'), 'Space selects the first plan').to.not.equal(null);
  await arrowTo(kb, 'plan', planId);
  await tabTo(kb, byText('Continue'), 'Continue');
  await press(kb, '{Enter}');
}

/** On the confirmation screen: card, the card details typed, confirmed, then Pay. */
async function payByKeyboard(kb: Kb, card: string): Promise<void> {
  await tabTo(kb, radioOf('method'), 'the ways to pay');
  if (checkedValue(kb, 'method') !== 'card') {
    await press(kb, ' ');
    await arrowTo(kb, 'method', 'card');
  }
  await tabTo(kb, byId('cc-number'), 'Card number');
  await press(kb, '{Control>}a{/Control}');
  await press(kb, card);
  await press(kb, '{Tab}');
  expect(expectFocusVisible(kb, 'expiry').id).to.equal('cc-exp');
  await press(kb, '{Control>}a{/Control}12/34');
  await press(kb, '{Tab}');
  expect(expectFocusVisible(kb, 'code').id).to.equal('cc-csc');
  await press(kb, '{Control>}a{/Control}123');
  expect(q<HTMLInputElement>(kb.el, '#cc-number')!.value).to.equal(card);
  expect(q<HTMLInputElement>(kb.el, '#cc-exp')!.value).to.equal('12/34');
  await tabTo(kb, byId('confirm'), 'the confirmation');
  if (!q<HTMLInputElement>(kb.el, '#confirm')!.checked) await press(kb, ' ');
  expect(q<HTMLInputElement>(kb.el, '#confirm')!.checked, 'Space ticks the box').to.equal(true);
  await tabTo(kb, byText(/^Pay /), 'Pay');
  await press(kb, '{Enter}');
}

/** From the start to the confirmation screen, checking every step on the way. */
async function toReviewByKeyboard(kb: Kb): Promise<void> {
  expect(state(kb.el)).to.equal('validity');
  // The first step, before anything was done: no trap either.
  kb.before.focus();
  await press(kb, '{Tab}');
  expectFocusVisible(kb, 'first Tab');
  await validityByKeyboard(kb);
  await arrive(kb, 'channel', 'channel');
  await channelOnlineByKeyboard(kb);
  await arrive(kb, 'login.form', 'sign-in');
  await signInByKeyboard(kb);
  await arrive(kb, 'plan.choosing', 'plans');
  await planByKeyboard(kb);
  await arrive(kb, 'payment.review', 'confirmation');
}

describe('keyboard only', () => {
  it('the happy path: time left, online, sign in, a plan, card, confirm, pay → done', async () => {
    const kb = await mountKb();
    await toReviewByKeyboard(kb);
    await payByKeyboard(kb, CARD_OK);
    await arrive(kb, 'done', 'done');
    expect(q(kb.el, '.reference')!.textContent.trim()).to.not.equal('');
  });

  it('a declined card, then a good one: the error is shown, focus stays in the wizard, the retry succeeds', async () => {
    const kb = await mountKb();
    await toReviewByKeyboard(kb);
    await payByKeyboard(kb, CARD_DECLINED);
    await waitForState(kb.el, 'payment.review');
    for (let i = 0; i < 100 && !q(kb.el, '.panel.error[role="alert"]'); i++) await new Promise((r) => setTimeout(r, 5));
    expect(q(kb.el, '.panel.error[role="alert"]'), 'the decline is said').to.not.equal(null);
    expectFocusVisible(kb, 'after the decline');
    // What was typed is still there, but for a new card number.
    expect(q<HTMLInputElement>(kb.el, '#cc-number')!.value).to.equal(CARD_DECLINED);
    await expectNoTrap(kb, 'confirmation after a decline');
    await payByKeyboard(kb, CARD_OK);
    await arrive(kb, 'done', 'done after the retry');
  });

  it('troubleshooting (delayed): “It’s still not working”, “That fixed it” twice → done', async () => {
    const kb = await mountKb('delayed');
    await toReviewByKeyboard(kb);
    await payByKeyboard(kb, CARD_OK);
    await arrive(kb, 'activation.waiting', 'activation');
    await tabTo(kb, byText('It’s still not working'), 'It’s still not working');
    await press(kb, '{Enter}');
    await arrive(kb, 'troubleshooting.check', 'first check');
    // The platform switch is a radio group too: the arrows move the selection.
    await tabTo(kb, radioOf('platform'), 'the platform switch');
    await arrowTo(kb, 'platform', 'android');
    expect(q(kb.el, '.paths')!.textContent).to.contain('Network & internet');
    const fixed = await tabTo(kb, byText('That fixed it'), 'That fixed it');
    await press(kb, '{Enter}');
    await waitForState(kb.el, 'troubleshooting.check');
    for (let i = 0; i < 100 && !q(kb.el, '.panel.error[role="alert"]'); i++) await new Promise((r) => setTimeout(r, 5));
    expect(q(kb.el, '.panel.error[role="alert"]'), 'still inactive').to.not.equal(null);
    expect(focused(kb), 'focus stays on the button').to.equal(fixed);
    expectFocusVisible(kb, 'after still inactive');
    await press(kb, '{Enter}');
    await arrive(kb, 'done', 'done after the fix');
  });

  it('troubleshooting (failed): checks, “Contact support instead”, send → sent', async () => {
    const kb = await mountKb('failed');
    await toReviewByKeyboard(kb);
    await payByKeyboard(kb, CARD_OK);
    await arrive(kb, 'troubleshooting.check', 'troubleshooting opened by the failure');
    expect(q(kb.el, '[data-check="coverage"]')).to.not.equal(null);
    const notFixed = await tabTo(kb, byText('Still not working'), 'Still not working');
    await press(kb, '{Enter}');
    expect(q(kb.el, '[data-check="line-on"]'), 'the next check').to.not.equal(null);
    expect(focused(kb), 'focus stays on the button for the next check').to.equal(notFixed);
    expectFocusVisible(kb, 'second check');
    await tabTo(kb, byText('Contact support instead'), 'Contact support instead');
    await press(kb, '{Enter}');
    await arrive(kb, 'troubleshooting.escalate', 'contact support');
    await tabTo(kb, byId('support-message'), 'the message');
    await press(kb, '{Control>}{End}{/Control}{Enter}Thanks.');
    expect(q<HTMLTextAreaElement>(kb.el, '#support-message')!.value).to.match(/\nThanks\.$/);
    await tabTo(kb, byText('Send to support'), 'Send to support');
    await press(kb, '{Enter}');
    await waitForState(kb.el, 'troubleshooting.sent');
    expectHeadingFocused(kb, 'sent');
    await expectNoTrap(kb, 'sent');
  });

  it('the shop visit: channel → shop → visit → the checklist → Back keeps the answers', async () => {
    const kb = await mountKb();
    kb.before.focus();
    await validityByKeyboard(kb);
    await arrive(kb, 'channel', 'channel');
    await tabTo(kb, radioOf('channel'), 'the channel choices');
    await press(kb, ' ');
    await arrowTo(kb, 'channel', 'shop');
    expect(q(kb.el, 'fieldset[data-field="shop-path"]'), 'the shop question appears').to.not.equal(null);
    await tabTo(kb, radioOf('shop-path'), 'online or a shop visit');
    await press(kb, ' ');
    await arrowTo(kb, 'shop-path', 'visit');
    expect(checkedValue(kb, 'channel'), 'the first group kept its answer').to.equal('shop');
    await tabTo(kb, byText('Continue'), 'Continue');
    await press(kb, '{Enter}');
    await arrive(kb, 'shop-visit', 'shop visit');
    expect(root(kb.el).querySelectorAll('section.step ul li').length, 'the checklist').to.be.greaterThan(0);
    expect(root(kb.el).querySelectorAll('.phrase[lang="ja"]').length).to.equal(2);
    await tabTo(kb, byText('Back'), 'Back');
    await press(kb, '{Enter}');
    await arrive(kb, 'channel', 'back on channel');
    expect(checkedValue(kb, 'channel')).to.equal('shop');
    expect(checkedValue(kb, 'shop-path')).to.equal('visit');
  });

  it('radio groups: the arrows cycle within a group both ways, Space selects, Tab leaves the group', async () => {
    const kb = await mountKb();
    kb.before.focus();
    await tabTo(kb, radioOf('validity-mode'), 'the time-left choices');
    await press(kb, ' ');
    const seen: string[] = [checkedValue(kb, 'validity-mode')!];
    for (let i = 0; i < 3; i++) {
      await press(kb, '{ArrowDown}');
      const a = expectFocusVisible(kb, `ArrowDown ${i + 1}`) as HTMLInputElement;
      expect(a.name).to.equal('validity-mode');
      expect(a.checked).to.equal(true);
      seen.push(a.value);
    }
    if (WEBKIT_RADIOS) {
      expect(seen, 'down, stopping at the last').to.deep.equal(['date', 'days', 'unknown', 'unknown']);
      await press(kb, '{ArrowUp}');
      expect(checkedValue(kb, 'validity-mode'), 'up').to.equal('days');
      await press(kb, '{ArrowRight}');
      expect(checkedValue(kb, 'validity-mode')).to.equal('unknown');
    } else {
      expect(seen, 'down, wrapping to the first').to.deep.equal(['date', 'days', 'unknown', 'date']);
      await press(kb, '{ArrowUp}');
      expect(checkedValue(kb, 'validity-mode'), 'up wraps to the last').to.equal('unknown');
      await press(kb, '{ArrowRight}');
      expect(checkedValue(kb, 'validity-mode')).to.equal('date');
      await press(kb, '{ArrowLeft}');
    }
    expect(checkedValue(kb, 'platform'), 'the other group did not move').to.equal('ios');
    // The urgency for “I don’t know” came with the selection: the machine followed the keys.
    expect(q(kb.el, '[data-urgency="unknown"]')).to.not.equal(null);
    await press(kb, '{Tab}');
    const next = expectFocusVisible(kb, 'Tab out of the group');
    expect(radioOf('validity-mode')(next), 'one Tab leaves the group').to.equal(false);
  });

  it('Continue with nothing chosen (Enter) moves focus to the first invalid option, with a focus ring', async () => {
    const kb = await mountKb();
    kb.before.focus();
    await tabTo(kb, byText('Continue'), 'Continue');
    await press(kb, '{Enter}');
    expect(state(kb.el)).to.equal('validity');
    const a = expectFocusVisible(kb, 'after an invalid Continue');
    expect(radioOf('validity-mode')(a), `focus on the first option, not ${describeNode(a)}`).to.equal(true);
    expect(q(kb.el, 'fieldset[data-field="validity-mode"][aria-invalid="true"]')).to.not.equal(null);
  });
});
