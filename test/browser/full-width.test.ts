/**
 * What a Japanese keyboard types: full-width digits and letters, full-width signs and the IME's
 * dashes. Every numeric and identifier field takes them, checks them folded to ASCII, and sends
 * the folded value (the provider never sees `４２４２`); the expiry is tidied to `MM/YY` once left.
 */
import { expect } from '@open-wc/testing';
import { describe, it } from 'vitest';
import type { Credentials } from '../../src/providers/contract.js';
import { DEMO_ICCID } from '../../src/domain/test-accounts.js';
import { answerValidity, choose, click, fill, input, mountDemo, signIn, spy, state, toLogin, waitForState } from './flows-helpers.js';

/** The full-width form of an ASCII string (`A` → `Ａ`, `1` → `１`, `-` → `－`). */
const fullWidth = (ascii: string): string => [...ascii].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');

/** From the first step (days left typed as `days`) to the card form of the confirmation screen. */
async function toCardForm(el: Parameters<typeof answerValidity>[0], days: string): Promise<void> {
  await answerValidity(el, days);
  await waitForState(el, 'channel');
  await choose(el, /^Online, from an eSIM provider/);
  await click(el, 'Continue');
  await waitForState(el, 'login.form');
  await signIn(el, 'demo@example.com');
  await waitForState(el, 'plan.choosing');
  await choose(el, /^7 days · 3 GB/);
  await click(el, 'Continue');
  await waitForState(el, 'payment.review');
  await choose(el, 'Credit or debit card');
}

/** Leaves the expiry field (its `change`), and answers what it then shows. */
async function leaveExpiry(el: Parameters<typeof answerValidity>[0]): Promise<string> {
  const expiry = input(el, 'Expiry date (MM/YY)', 'text');
  expiry.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await el.updateComplete;
  return expiry.value;
}

describe('full-width input', () => {
  it('days left, card number, expiry and security code typed full-width: checked, tidied and sent as ASCII', async () => {
    const m = await mountDemo();
    const tokenize = spy(m.provider, 'tokenizeCard');
    await toCardForm(m.el, '２');

    await fill(m.el, 'Card number', `${fullWidth('4242')}\u3000${fullWidth('4242')} ${fullWidth('4242-4242')}`);
    await fill(m.el, 'Expiry date (MM/YY)', fullWidth('1230'));
    expect(await leaveExpiry(m.el)).to.equal('12/30');
    await fill(m.el, 'Security code', fullWidth('123'));
    await choose(m.el, /^I have checked/);
    await click(m.el, /^Pay /);
    await waitForState(m.el, /^(activation\.|done)/);
    expect(tokenize.calls[0]![0]).to.deep.equal({ number: '4242424242424242', expiry: '12/30', cvc: '123' });
  });

  it('a card expiry typed 12-30 or 1230 reads as 12/30 once the field is left', async () => {
    const m = await mountDemo();
    await toCardForm(m.el, '2');
    for (const typed of ['12-30', '1230', '12 / 30']) {
      await fill(m.el, 'Expiry date (MM/YY)', typed);
      expect(await leaveExpiry(m.el), typed).to.equal('12/30');
    }
  });

  it('an airport eSIM found by a full-width ICCID and e-mail, and by ＮＲＴ－２４０００１', async () => {
    for (const by of ['iccid', 'order'] as const) {
      const m = await mountDemo();
      const identify = spy(m.provider, 'identify');
      await toLogin(m.el, 'airport', '２');
      if (by === 'order') {
        await choose(m.el, 'Order number');
        await fill(m.el, /^Order number$/, fullWidth('NRT-240001'));
      } else {
        await fill(m.el, 'ICCID', fullWidth(DEMO_ICCID));
      }
      await fill(m.el, 'E-mail used for the purchase', fullWidth('traveler@example.com'));
      await click(m.el, 'Find my eSIM');
      await waitForState(m.el, /^plan\./);
      expect(state(m.el), by).to.match(/^plan\.(choosing|ineligible)$/);
      const sent = identify.calls[0]![0] as Credentials;
      expect(sent, by).to.deep.include(
        by === 'order' ? { orderNumber: 'NRT-240001', email: 'traveler@example.com' } : { iccid: DEMO_ICCID, email: 'traveler@example.com' },
      );
    }
  });
});
