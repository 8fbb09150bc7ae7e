import { describe, expect, it } from 'vitest';
import type { Channel } from '../../../src/domain/types.js';
import { initialContext } from '../../../src/machine/setup.js';
import {
  TODAY,
  Wizard,
  activationEvent,
  atActivation,
  atChoosing,
  atDone,
  atLogin,
  atPlanLoading,
  atReview,
  atTroubleshooting,
  err,
  fillAccount,
  outcome,
  readyToPay,
} from './harness.js';

const restart = { type: 'user.restart' } as const;

const places: [string, () => Wizard][] = [
  ['validity', () => new Wizard().send({ type: 'user.validity.set', mode: 'days', daysLeft: '9', today: TODAY })],
  ['channel', () => new Wizard().send({ type: 'user.validity.set', mode: 'unknown', today: TODAY }).send({ type: 'user.next' })],
  [
    'shop-visit',
    () =>
      new Wizard()
        .send({ type: 'user.validity.set', mode: 'unknown', today: TODAY })
        .send({ type: 'user.next' })
        .send({ type: 'user.channel.select', channel: 'shop' })
        .send({ type: 'user.channel.shopPath', path: 'visit' })
        .send({ type: 'user.next' }),
  ],
  ['login.form', () => fillAccount(atLogin())],
  ['login.submitting', () => fillAccount(atLogin()).send({ type: 'user.next' })],
  [
    'login.cooldown',
    () => {
      const w = fillAccount(atLogin());
      for (let i = 0; i < 5; i++) w.send({ type: 'user.next' }).send(err('invalid-credentials'));
      return w;
    },
  ],
  ['plan.loading', () => atPlanLoading()],
  ['plan.choosing', () => atChoosing().send({ type: 'user.plan.select', planId: 'week-3gb' }).send({ type: 'user.plan.recommender', stay: 'week' })],
  ['payment.review', () => readyToPay(atReview(), 'card')],
  ['activation.waiting', () => atActivation().send(activationEvent('pending'))],
  ['done', () => atDone()],
  ['troubleshooting.check', () => atTroubleshooting().send({ type: 'user.trouble.notFixed' })],
  ['troubleshooting.sending', () => atTroubleshooting().send({ type: 'user.trouble.escalate' }).send({ type: 'user.trouble.send', ok: true })],
];

/** While money may be in flight, Start over is refused: it would drop an order whose payment can still complete. */
const moneyInFlight: [string, () => Wizard][] = [
  ['payment.paying', () => readyToPay(atReview(), 'paypal').send({ type: 'user.payment.pay' })],
  [
    'payment.awaitingCash',
    () =>
      readyToPay(atReview(), 'konbini')
        .send({ type: 'user.payment.pay' })
        .send(outcome({ status: 'pending-cash', paymentId: 'p', voucher: { number: '1', payBy: TODAY, total: { amount: 1, currency: 'JPY' } } })),
  ],
];

describe('restart', () => {
  it.each(moneyInFlight)('is refused in %s', (state, build) => {
    const w = build();
    expect(w.state).toBe(state);
    expect(w.snap.can(restart)).toBe(false);
    w.send(restart);
    expect(w.state).toBe(state);
    expect(w.ctx.order).not.toBeNull();
  });

  it.each(places)('from %s goes to validity with everything entered cleared', (state, build) => {
    const w = build().send({ type: 'user.platform', platform: 'android' });
    expect(w.state).toBe(state);
    w.send(restart);
    expect(w.state).toBe('validity');
    expect(w.ctx).toEqual(initialContext({ today: TODAY, platform: 'android' }));
    expect(w.running).toEqual([]);
  });

  it.each(['online', 'shop', 'airport'] as const satisfies readonly Channel[])('keeps a preset %s channel', (channel) => {
    const w = new Wizard({ today: TODAY, channel, platform: 'android' }).send({ type: 'user.validity.set', mode: 'days', daysLeft: '2', today: TODAY });
    w.send({ type: 'user.next' });
    expect(w.state).not.toBe('validity');
    w.send(restart);
    expect(w.state).toBe('validity');
    expect(w.ctx).toEqual(initialContext({ today: TODAY, channel, platform: 'android' }));
    expect(w.ctx.presetChannel).toBe(channel);
    expect(w.ctx.login.method).toBe(channel === 'airport' ? 'iccid' : 'account');
  });

  it('keeps the latest calendar day the person gave', () => {
    const w = new Wizard().send({ type: 'user.validity.set', mode: 'unknown', today: '2026-11-27' }).send(restart);
    expect(w.ctx.validity.today).toBe('2026-11-27');
    expect(w.ctx.validity.mode).toBeNull();
  });

  it('a chosen (not preset) channel is forgotten', () => {
    const w = atLogin('airport').send(restart);
    expect(w.ctx.channel).toBeNull();
    expect(w.ctx.login.method).toBe('account');
  });
});
