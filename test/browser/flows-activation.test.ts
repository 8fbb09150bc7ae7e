/** Activation on the SimulatedClock, troubleshooting and escalation to support. */
import { expect } from '@open-wc/testing';
import { describe, it } from 'vitest';
import { CATALOGS } from '../../src/testing/catalogs.js';
import { TROUBLE_CHECKS } from '../../src/domain/troubleshooting-checks.js';
import type { ActivationScenario } from '../../src/domain/codes.js';
import {
  CARD_OK,
  click,
  hasButton,
  heading,
  idle,
  mountDemo,
  orders,
  payByCard,
  pickPlan,
  q,
  root,
  runActivation,
  shownReference,
  signIn,
  spy,
  state,
  text,
  textField,
  toLogin,
  waitForState,
  waitUntil,
} from './flows-helpers.js';

const { en, ja } = CATALOGS;

const WARNING = 'Don’t delete or reinstall your eSIM: most eSIMs can’t be installed again.';

/** Pays for the 7-day plan by card with the given activation scenario; stops on entering activation. */
async function paid(scenario: ActivationScenario) {
  const m = await mountDemo({ scenario });
  const created = orders(m.provider);
  const activationStatus = spy(m.provider, 'activationStatus');
  await toLogin(m.el, 'online');
  await signIn(m.el, 'demo@example.com');
  await pickPlan(m.el, /^7 days · 3 GB/);
  await payByCard(m.el, CARD_OK);
  // A failed activation passes through activation to troubleshooting within a task or two.
  await waitForState(m.el, /^(activation\.|done$|troubleshooting\.)/);
  return { ...m, created, activationStatus };
}

const checkTitle = (el: Parameters<typeof heading>[0]) => q(el, '#check-heading')!.textContent.trim();

describe('activation', () => {
  it('delayed: shows activation while pending; advancing the clock polls at 2 s, 4 s → done', async () => {
    const m = await paid('delayed');
    await waitForState(m.el, 'activation.waiting');
    expect(heading(m.el)).to.equal('Activating your plan');
    expect(text(m.el)).to.contain('Checked 1 time so far.');
    expect(m.events.completes).to.have.length(0);
    expect(m.activationStatus.calls).to.have.length(1);

    m.clock.increment(1_999);
    await m.el.updateComplete;
    expect(m.activationStatus.calls).to.have.length(1);
    m.clock.increment(1);
    await idle(m.el);
    expect(state(m.el)).to.equal('activation.waiting');
    expect(m.activationStatus.calls).to.have.length(2);
    expect(text(m.el)).to.contain('Checked 2 times so far.');
    // The wait doubles: 4 s now.
    m.clock.increment(3_999);
    await m.el.updateComplete;
    expect(m.activationStatus.calls).to.have.length(2);
    m.clock.increment(1);
    await waitForState(m.el, 'done');
    expect(m.activationStatus.calls).to.have.length(3);
    expect(m.events.completes).to.have.length(1);
    expect(m.events.completes[0]!.orderReference).to.equal(m.created[0]!.reference);
    expect(m.provider.chargeCount(m.created[0]!.orderId)).to.equal(1);
  });

  it('never: past 10 minutes of clock → troubleshooting with the timeout reason and the warning; "That fixed it" → done', async () => {
    const m = await paid('never');
    const spent = await runActivation(m.el, m.clock);
    expect(state(m.el)).to.equal('troubleshooting.check');
    // It waited the whole budget, not less.
    expect(spent).to.equal(10 * 60_000);
    expect(m.events.steps.at(-1)).to.deep.equal({ from: 'activation', to: 'troubleshooting' });
    expect(heading(m.el)).to.equal('Let’s get you connected');
    expect(text(m.el)).to.contain('Your plan hasn’t come alive after 10 minutes.');
    const warning = q(m.el, 'section.step .warning')!;
    expect(warning.textContent).to.contain(WARNING);
    expect(warning.getAttribute('role')).to.equal('note');
    expect(checkTitle(m.el)).to.equal(en.trouble.checks.coverage.title);
    expect(m.events.completes).to.have.length(0);

    await click(m.el, 'That fixed it');
    await waitForState(m.el, 'done');
    // The fix is verified with a re-check, not assumed.
    expect((m.activationStatus.calls.at(-1)![1] as { recheck: boolean }).recheck).to.equal(true);
    expect(m.events.completes).to.have.length(1);
    expect(shownReference(m.el)).to.equal(m.created[0]!.reference);
  });

  it('failed: the provider reports failure → troubleshooting with that reason', async () => {
    const m = await paid('failed');
    await waitForState(m.el, 'troubleshooting.check');
    expect(text(m.el)).to.contain('Your provider reports that activation failed.');
    expect(text(m.el)).to.contain(WARNING);
    // "That fixed it" asks again; the provider still says no, so the wizard says so and stays.
    await click(m.el, 'That fixed it');
    await waitForState(m.el, 'troubleshooting.check');
    await m.el.updateComplete;
    expect(text(m.el)).to.contain('Your provider still sees the plan as inactive.');
    expect(m.events.completes).to.have.length(0);
  });
});

describe('the reminder', () => {
  it('"Add a reminder to my calendar" downloads a calendar file with the order and the new expiry', async () => {
    const m = await paid('immediate');
    await waitForState(m.el, 'done');
    const files: Blob[] = [];
    const names: string[] = [];
    // Saved to put the originals back after the stubs below.
    // eslint-disable-next-line @typescript-eslint/unbound-method
    const create = URL.createObjectURL;
    // eslint-disable-next-line @typescript-eslint/unbound-method
    const clickAnchor = HTMLAnchorElement.prototype.click;
    URL.createObjectURL = (b: Blob | MediaSource) => (files.push(b as Blob), 'blob:reminder');
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      names.push(this.download);
    };
    try {
      await click(m.el, 'Add a reminder to my calendar');
      // The calendar writer loads on demand.
      for (let i = 0; i < 200 && names.length === 0; i++) await new Promise((r) => setTimeout(r, 5));
    } finally {
      URL.createObjectURL = create;
      HTMLAnchorElement.prototype.click = clickAnchor;
    }
    expect(names).to.deep.equal(['esim-renewal-reminder.ics']);
    expect(files[0]!.type).to.equal('text/calendar');
    const ics = await files[0]!.text();
    expect(ics).to.match(/^BEGIN:VCALENDAR/);
    expect(ics).to.contain(shownReference(m.el));
    expect(ics).to.contain('BEGIN:VALARM');
  });
});

describe('troubleshooting → support', () => {
  it('"Still not working" walks all 10 checks in order, then a prepared message with the reference and checks; Send → ticket', async () => {
    const m = await paid('immediate');
    await waitForState(m.el, 'done');
    const support = spy(m.provider, 'supportRequest');
    await click(m.el, 'It’s still not working');
    expect(state(m.el)).to.equal('troubleshooting.check');
    expect(text(m.el)).to.contain('These checks fix most cases. Try them one at a time.');

    const titles: string[] = [];
    for (let i = 0; i < TROUBLE_CHECKS.length; i++) {
      expect(state(m.el)).to.equal('troubleshooting.check');
      expect(text(m.el)).to.contain(`Check ${i + 1} of 10`);
      expect(q(m.el, '[data-check]')!.dataset.check).to.equal(TROUBLE_CHECKS[i]);
      titles.push(checkTitle(m.el));
      expect(text(m.el)).to.contain(WARNING);
      await click(m.el, 'Still not working');
    }
    expect(titles).to.deep.equal(TROUBLE_CHECKS.map((id) => en.trouble.checks[id].title));
    expect(state(m.el)).to.equal('troubleshooting.escalate');
    expect(heading(m.el)).to.equal('Contact support');
    expect(text(m.el)).to.contain(WARNING);

    const reference = m.created[0]!.reference;
    // In English, then a copy in Japanese for a support desk in Japan (its catalog comes with the first check).
    await waitUntil(m.el, () => textField(m.el, 'Message to support').value.includes(ja.trouble.copyHeading));
    const message = textField(m.el, 'Message to support').value;
    const [english, japanese] = message.split(`\n\n${ja.trouble.copyHeading}\n`);
    expect(english).to.contain(`Order reference: ${reference}`);
    expect(english).to.contain(`I have already tried: ${titles.join('; ')}.`);
    expect(english).to.contain('ICCID: 8981000000000001233');
    expect(japanese).to.equal(
      ja.trouble.message(
        reference,
        '8981000000000001233',
        TROUBLE_CHECKS.map((id) => ja.trouble.checks[id].title),
      ),
    );

    // Back from escalate returns to the last check; on again comes back to the message.
    await click(m.el, 'Back');
    expect(state(m.el)).to.equal('troubleshooting.check');
    expect(checkTitle(m.el)).to.equal(en.trouble.checks['wait-and-retry'].title);
    await click(m.el, 'Still not working');
    expect(state(m.el)).to.equal('troubleshooting.escalate');
    expect(textField(m.el, 'Message to support').value).to.equal(message);

    await click(m.el, 'Send to support');
    await waitForState(m.el, 'troubleshooting.sent');
    expect(heading(m.el)).to.equal('Message sent');
    const ticket = (support.results[0] as { ticketId: string }).ticketId;
    expect(ticket).to.match(/^SUP-\d+$/);
    expect(q(m.el, 'section.step [role="status"]')!.textContent).to.contain(`Your ticket number is ${ticket};`);
    const request = support.calls[0]![1] as { orderReference: string; triedChecks: string[]; message: string };
    expect(request.orderReference).to.equal(reference);
    expect(request.triedChecks).to.deep.equal([...TROUBLE_CHECKS]);
    expect(request.message).to.equal(message);
  });

  it('the person can edit the support message before sending; the edit is what is sent', async () => {
    const m = await paid('immediate');
    await waitForState(m.el, 'done');
    const support = spy(m.provider, 'supportRequest');
    await click(m.el, 'It’s still not working');
    await click(m.el, 'Contact support instead');
    expect(state(m.el)).to.equal('troubleshooting.escalate');
    const box = textField(m.el, 'Message to support');
    expect(box.value).to.not.contain('I have already tried');
    box.value += '\nMy phone is a Pixel 8.';
    box.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await click(m.el, 'Send to support');
    await waitForState(m.el, 'troubleshooting.sent');
    expect((support.calls[0]![1] as { message: string }).message).to.contain('My phone is a Pixel 8.');
  });

  it('the person’s edits to the support message survive going Back and returning', async () => {
    const m = await paid('immediate');
    await waitForState(m.el, 'done');
    await click(m.el, 'It’s still not working');
    await click(m.el, 'Contact support instead');
    const box = textField(m.el, 'Message to support');
    box.value += '\nMy phone is a Pixel 8.';
    box.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await click(m.el, 'Back');
    expect(state(m.el)).to.equal('troubleshooting.check');
    await click(m.el, 'Contact support instead');
    expect(textField(m.el, 'Message to support').value).to.contain('My phone is a Pixel 8.');
  });

  it('Back from the first check returns to where troubleshooting started', async () => {
    const m = await paid('immediate');
    await waitForState(m.el, 'done');
    await click(m.el, 'It’s still not working');
    await click(m.el, 'Still not working');
    expect(checkTitle(m.el)).to.equal(en.trouble.checks['line-on'].title);
    await click(m.el, 'Back');
    expect(checkTitle(m.el)).to.equal(en.trouble.checks.coverage.title);
    await click(m.el, 'Back');
    expect(state(m.el)).to.equal('done');
    expect(hasButton(m.el, 'Start over')).to.equal(true);
    // Done is reached once: coming back does not announce a second renewal.
    expect(m.events.completes).to.have.length(1);
    expect(root(m.el).querySelector('.reference')!.textContent).to.equal(m.created[0]!.reference);
  });

  it('from done, "It’s still not working" then "That fixed it" returns to done without a second completion', async () => {
    const m = await paid('immediate');
    await waitForState(m.el, 'done');
    await click(m.el, 'It’s still not working');
    await click(m.el, 'That fixed it');
    await waitForState(m.el, 'done');
    expect(m.events.steps.slice(-2)).to.deep.equal([
      { from: 'done', to: 'troubleshooting' },
      { from: 'troubleshooting', to: 'done' },
    ]);
    expect(m.events.completes).to.have.length(1);
    expect(shownReference(m.el)).to.equal(m.created[0]!.reference);
  });

  it('"Start over" after done begins a new renewal with nothing carried over; it completes on its own', async () => {
    const m = await paid('immediate');
    await waitForState(m.el, 'done');
    await click(m.el, 'Start over');
    expect(state(m.el)).to.equal('validity');
    expect(m.events.steps.at(-1)).to.deep.equal({ from: 'done', to: 'validity' });
    expect(q(m.el, '#announcer')!.textContent).to.equal('Step 1 of 7: Time left');
    expect(root(m.el).querySelectorAll('input[name="validity-mode"]:checked')).to.have.length(0);
    await toLogin(m.el, 'online');
    expect(textField(m.el, 'User name or e-mail').value).to.equal('');
    await signIn(m.el, 'demo@example.com');
    await pickPlan(m.el, /^30 days · 20 GB/);
    await payByCard(m.el, CARD_OK);
    await waitForState(m.el, 'done');
    expect(m.created).to.have.length(2);
    expect(m.events.completes.map((c) => c.planId)).to.deep.equal(['online-7d-3gb', 'online-30d-20gb']);
    expect(m.provider.chargeCount(m.created[1]!.orderId)).to.equal(1);
  });
});

describe('the support message for a desk in Japan', () => {
  it('in Japanese, it has no second copy: the desk reads it as it is', async () => {
    const m = await paid('immediate');
    await waitForState(m.el, 'done');
    m.el.setAttribute('lang', 'ja');
    await waitForState(m.el, 'done');
    await m.el.updateComplete;
    await click(m.el, ja.done.notWorking);
    await click(m.el, ja.trouble.skipToSupport);
    expect(state(m.el)).to.equal('troubleshooting.escalate');
    const message = textField(m.el, ja.trouble.messageLabel).value;
    expect(message).to.contain(ja.trouble.message(m.created[0]!.reference, '8981000000000001233', []).split('\n')[0]!);
    expect(message).not.to.contain(ja.trouble.copyHeading);
  });
});
