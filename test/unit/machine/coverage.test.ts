/**
 * Every state of the chart is reachable: a few journeys that together pass through all of them,
 * checked against the chart's own list of states, so a new state without a path fails here.
 */
import { describe, expect, it } from 'vitest';
import type { AnyStateNode } from 'xstate';
import { wizardMachine } from '../../../src/machine/machine.js';
import {
  TODAY,
  Wizard,
  activationEvent,
  atActivation,
  atChoosing,
  atPlanLoading,
  atReview,
  atTroubleshooting,
  capabilities,
  account,
  err,
  fillAccount,
  atLogin,
  outcome,
  readyToPay,
  order,
  CARD,
} from './harness.js';

function allStatePaths(node: AnyStateNode, prefix = ''): string[] {
  return Object.entries(node.states as Record<string, AnyStateNode>).flatMap(([key, child]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return [path, ...allStatePaths(child, path)];
  });
}

const journeys: (() => Wizard)[] = [
  // validity → channel → shop-visit and back
  () =>
    new Wizard()
      .send({ type: 'user.validity.set', mode: 'unknown', today: TODAY })
      .send({ type: 'user.next' })
      .send({ type: 'user.channel.select', channel: 'shop' })
      .send({ type: 'user.channel.shopPath', path: 'visit' })
      .send({ type: 'user.next' })
      .send({ type: 'user.back' }),
  // login: form → submitting → cooldown
  () => {
    const w = fillAccount(atLogin());
    for (let i = 0; i < 5; i++) w.send({ type: 'user.next' }).send(err('invalid-credentials'));
    return w;
  },
  // plan: loading → error; loading → ready → ineligible
  () => atPlanLoading().send(err('server', true)),
  () => atPlanLoading().send({ type: 'provider.accountLoaded', account: account({ capabilities: capabilities({ rechargeable: false }) }), plans: [] }),
  // login: a session from the host that expires: plan.loading → awaitingHost → resuming → plan.loading
  () =>
    new Wizard({ today: TODAY, channel: 'online', hostSession: true })
      .send({ type: 'user.validity.set', mode: 'unknown', today: TODAY })
      .send({ type: 'user.next' })
      .send(err('session-expired'))
      .send({ type: 'host.session' }),
  // payment: review → verifyingHostPayment (the host's own payment UI paid)
  () => readyToPay(atReview(), 'paypal').send({ type: 'host.payment.reported', paymentId: 'host-1' }),
  // payment: start → ordering → orderError; start → review → tokenizing → paying → payError
  () => atChoosing().send({ type: 'user.plan.select', planId: 'day-1gb' }).send({ type: 'user.next' }).send(err('server', true)),
  () => readyToPay(atReview(), 'card').send({ type: 'user.payment.pay' }).send({ type: 'provider.cardTokenized', card: CARD }).send(err('network', true)),
  // a reload mid-payment: paying → reconciling → reconcileError → reconciling → (its outcome) activation
  () =>
    readyToPay(atReview(), 'konbini')
      .send({ type: 'user.payment.pay' })
      .send({ type: 'host.resumed' })
      .send(err('network', true))
      .send({ type: 'user.retry' })
      .send({
        type: 'provider.orderStatus',
        status: { order: order('day-1gb'), payment: { status: 'succeeded', paymentId: 'p' }, activation: { state: 'pending' } },
      }),
  // authenticating → confirmingAuth → authError
  () =>
    readyToPay(atReview(), 'paypal')
      .send({ type: 'user.payment.pay' })
      .send(outcome({ status: 'requires-action', paymentId: 'p', action: 'paypal-approval' }))
      .send({ type: 'user.payment.authenticate', approved: true })
      .send(err('server', true)),
  // awaitingCash → checkingCash
  () =>
    readyToPay(atReview(), 'konbini')
      .send({ type: 'user.payment.pay' })
      .send(outcome({ status: 'pending-cash', paymentId: 'p', voucher: { number: '1', payBy: TODAY, total: { amount: 1, currency: 'JPY' } } }))
      .send({ type: 'user.payment.checkCash' }),
  // activation: checking → waiting → checking → error; → done
  () => {
    const w = atActivation().send(activationEvent('pending'));
    w.elapse();
    return w.send(err('network', true));
  },
  () => atActivation().send(activationEvent('active')),
  // troubleshooting: verifying → verifyError; escalate → sending → sendError → sending → sent
  () => atTroubleshooting().send({ type: 'user.trouble.fixed' }).send(err('server', true)),
  () =>
    atTroubleshooting()
      .send({ type: 'user.trouble.escalate' })
      .send({ type: 'user.trouble.send', ok: true })
      .send(err('server', true))
      .send({ type: 'user.retry' })
      .send({ type: 'provider.supportSent', ticket: { ticketId: 'T-1' } }),
];

describe('coverage of the chart', () => {
  it('the journeys pass through every state', () => {
    const visited = new Set<string>();
    for (const journey of journeys) {
      for (const path of journey().visited) {
        const parts = path.split('.');
        parts.forEach((_, i) => visited.add(parts.slice(0, i + 1).join('.')));
      }
    }
    const all = allStatePaths(wizardMachine.root);
    expect(all.length).toBeGreaterThan(30);
    expect(all.filter((p) => !visited.has(p))).toEqual([]);
  });

  it('transient states are passed through, never settled in', () => {
    const w = atReview();
    expect(w.visited.has('plan.ready')).toBe(true);
    expect(w.visited.has('payment.start')).toBe(true);
    expect(w.visited.has('login.resuming')).toBe(true);
    expect(w.history).not.toContain('plan.ready');
    expect(w.history).not.toContain('payment.start');
    expect(w.history).not.toContain('login.resuming');
  });
});
