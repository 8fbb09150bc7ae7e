import { describe, expect, it } from 'vitest';
import { TROUBLE_CHECKS } from '../../../src/domain/troubleshooting-checks.js';
import { ICCID_19, account, activationEvent, atChoosing, atTroubleshooting, err, inDays, order, readyToPay } from './harness.js';

const back = { type: 'user.back' } as const;
const fixed = { type: 'user.trouble.fixed' } as const;
const notFixed = { type: 'user.trouble.notFixed' } as const;
const escalate = { type: 'user.trouble.escalate' } as const;
const send = { type: 'user.trouble.send', ok: true } as const;
const retry = { type: 'user.retry' } as const;

describe('troubleshooting: checks', () => {
  it('starts at the first check', () => {
    const w = atTroubleshooting();
    expect(w.ctx.trouble.index).toBe(0);
    expect(TROUBLE_CHECKS[0]).toBe('coverage');
  });

  it('"that fixed it" asks the provider again → active → done', () => {
    const w = atTroubleshooting().send(fixed);
    expect(w.state).toBe('troubleshooting.verifying');
    expect(w.hasTag('busy')).toBe(true);
    expect(w.spawnedInput('activationStatus')).toEqual({ orderId: 'ord-week-3gb', recheck: true });
    w.send(activationEvent('active', inDays(12)));
    expect(w.state).toBe('done');
    expect(w.ctx.activation.expiresAt).toBe(inDays(12));
  });

  it('"that fixed it" but still not active → back on the same check, saying so', () => {
    const w = atTroubleshooting().send(notFixed).send(notFixed).send(fixed).send(activationEvent('pending'));
    expect(w.state).toBe('troubleshooting.check');
    expect(w.ctx.trouble).toMatchObject({ index: 2, stillInactive: true });
    w.send(fixed).send(activationEvent('failed'));
    expect(w.ctx.trouble).toMatchObject({ index: 2, stillInactive: true });
    w.send(notFixed);
    expect(w.ctx.trouble).toMatchObject({ index: 3, stillInactive: false });
  });

  it('verification errors offer a retry or Back; Back while verifying too', () => {
    const w = atTroubleshooting().send(fixed).send(err('timeout', true));
    expect(w.state).toBe('troubleshooting.verifyError');
    expect(w.hasTag('error')).toBe(true);
    w.send(retry);
    expect(w.state).toBe('troubleshooting.verifying');
    expect(w.spawnedInput('activationStatus')).toEqual({ orderId: 'ord-week-3gb', recheck: true });
    w.send(back);
    expect(w.state).toBe('troubleshooting.check');
    expect(w.running).toEqual([]);
    expect(w.send(fixed).send(err('network', true)).send(back).state).toBe('troubleshooting.check');
  });

  it('"not fixed" walks every check in order, then escalates with all of them tried', () => {
    const w = atTroubleshooting();
    const seen: number[] = [w.ctx.trouble.index];
    for (let i = 0; i < TROUBLE_CHECKS.length - 1; i++) {
      w.send(notFixed);
      expect(w.state).toBe('troubleshooting.check');
      seen.push(w.ctx.trouble.index);
      expect(w.ctx.trouble.tried).toEqual(TROUBLE_CHECKS.slice(0, i + 1));
    }
    expect(seen).toEqual(TROUBLE_CHECKS.map((_, i) => i));
    w.send(notFixed);
    expect(w.state).toBe('troubleshooting.escalate');
    expect(w.ctx.trouble.tried).toEqual([...TROUBLE_CHECKS]);
  });

  it('Back walks back through the checks and out to activation', () => {
    const w = atTroubleshooting().send(notFixed).send(notFixed);
    expect(w.ctx.trouble.index).toBe(2);
    w.send(back);
    expect(w.ctx.trouble.index).toBe(1);
    w.send(back);
    expect(w.state).toBe('troubleshooting.check');
    expect(w.ctx.trouble.index).toBe(0);
    w.send(back);
    expect(w.state).toBe('activation.checking');
  });

  it('Back from the first check returns to done when it came from done', () => {
    expect(atTroubleshooting('done').send(back).state).toBe('done');
  });

  it('going back and on again does not list a check twice', () => {
    const w = atTroubleshooting().send(notFixed).send(notFixed).send(back).send(back).send(notFixed).send(notFixed).send(notFixed);
    expect(w.ctx.trouble.index).toBe(3);
    expect(w.ctx.trouble.tried).toEqual(['coverage', 'line-on', 'data-line']);
  });

  it('a new round of troubleshooting starts over', () => {
    const w = atTroubleshooting().send(notFixed).send(notFixed).send(fixed).send(activationEvent('active'));
    expect(w.state).toBe('done');
    w.send({ type: 'user.activation.notWorking' });
    expect(w.ctx.trouble).toEqual({ reason: 'user', from: 'done', index: 0, tried: [], stillInactive: false, ticket: null });
  });
});

describe('troubleshooting: support', () => {
  it('can escalate early; Back returns to the check', () => {
    const w = atTroubleshooting().send(notFixed).send(escalate);
    expect(w.state).toBe('troubleshooting.escalate');
    expect(w.ctx.trouble.tried).toEqual(['coverage']);
    w.send(back);
    expect(w.state).toBe('troubleshooting.check');
    expect(w.ctx.trouble.index).toBe(1);
  });

  it('escalate → sending (order reference, ICCID, checks tried) → sent with the ticket', () => {
    const w = atTroubleshooting();
    for (let i = 0; i < TROUBLE_CHECKS.length; i++) w.send(notFixed);
    w.send(send);
    expect(w.state).toBe('troubleshooting.sending');
    expect(w.hasTag('busy')).toBe(true);
    expect(w.spawnedInput('supportRequest')).toEqual({ orderReference: 'REF-ord-week-3gb', iccid: ICCID_19, triedChecks: [...TROUBLE_CHECKS] });
    w.send({ type: 'provider.supportSent', ticket: { ticketId: 'T-42' } });
    expect(w.state).toBe('troubleshooting.sent');
    expect(w.ctx.trouble.ticket).toEqual({ ticketId: 'T-42' });
    w.send(back);
    expect(w.state).toBe('troubleshooting.check');
    expect(w.ctx.trouble.ticket).toEqual({ ticketId: 'T-42' });
  });

  it('a support message not fit to send (blank, too long: the view says which) is not sent, in escalate nor after a send error', () => {
    const w = atTroubleshooting().send(escalate);
    const unfit = { type: 'user.trouble.send', ok: false } as const;
    expect(w.can(unfit)).toBe(false);
    expect(w.send(unfit).state).toBe('troubleshooting.escalate');
    w.send(send).send(err('server', true));
    expect(w.state).toBe('troubleshooting.sendError');
    expect(w.can(unfit)).toBe(false);
    expect(w.send(send).state).toBe('troubleshooting.sending');
  });

  it('uses the typed ICCID when the account does not know it', () => {
    const acc = account({ iccid: undefined });
    const w = atChoosing(acc)
      .send({ type: 'user.plan.select', planId: 'week-3gb' })
      .send({ type: 'user.next' })
      .send({ type: 'provider.orderCreated', order: order('week-3gb') });
    readyToPay(w, 'paypal')
      .send({ type: 'user.payment.pay' })
      .send({ type: 'provider.payment', outcome: { status: 'succeeded', paymentId: 'p' } })
      .send(activationEvent('failed'))
      .send(escalate)
      .send(send);
    expect(w.spawnedInput('supportRequest')).toEqual({ orderReference: 'REF-ord-week-3gb', triedChecks: [] });
  });

  it('a send error offers a retry, and Back', () => {
    const w = atTroubleshooting().send(escalate).send(send).send(err('server', true));
    expect(w.state).toBe('troubleshooting.sendError');
    expect(w.hasTag('error')).toBe(true);
    expect(w.ctx.error?.code).toBe('server');
    w.send(retry);
    expect(w.state).toBe('troubleshooting.sending');
    expect(w.ctx.error).toBeNull();
    expect(w.spawned('supportRequest')).toHaveLength(1);
    w.send(err('network', true)).send(back);
    expect(w.state).toBe('troubleshooting.escalate');
  });

  it('Back while sending returns to the escalation page and stops the request', () => {
    const w = atTroubleshooting().send(escalate).send(send).send(back);
    expect(w.state).toBe('troubleshooting.escalate');
    expect(w.running).toEqual([]);
  });
});
