import { describe, expect, it } from 'vitest';
import { POLL_BUDGET_MS } from '../../../src/machine/guards.js';
import { POLL_MAX_MS, POLL_START_MS } from '../../../src/machine/setup.js';
import { Wizard, activationEvent, atActivation, atDone, err, inDays } from './harness.js';

const pending = activationEvent('pending');
const notWorking = { type: 'user.activation.notWorking' } as const;

/** Answers "pending" and lets the scheduled wait pass, until the machine stops waiting. */
function pollWhilePending(w: Wizard): number[] {
  const waits: number[] = [];
  for (;;) {
    w.send(pending);
    if (w.state !== 'activation.waiting') return waits;
    waits.push(w.elapse());
    expect(w.state).toBe('activation.checking');
  }
}

describe('activation', () => {
  it('checks the order right after payment, busy, from a fresh poll budget', () => {
    const w = atActivation();
    expect(w.hasTag('busy')).toBe(true);
    expect(w.spawnedInput('activationStatus')).toEqual({ orderId: 'ord-week-3gb', recheck: false });
    expect(w.ctx.activation).toEqual({ delayMs: POLL_START_MS, elapsedMs: 0, polls: 0, expiresAt: null });
  });

  it('active → done, with the new expiry from the provider', () => {
    const w = atActivation().send(activationEvent('active', inDays(40)));
    expect(w.state).toBe('done');
    expect(w.ctx.activation).toMatchObject({ expiresAt: inDays(40), polls: 1 });
    expect(w.running).toEqual([]);
  });

  it('active without an expiry falls back to the order', () => {
    const w = atActivation().send(activationEvent('active'));
    expect(w.ctx.activation.expiresAt).toBe(inDays(10));
  });

  it('failed → troubleshooting (reason failed)', () => {
    const w = atActivation().send(activationEvent('failed'));
    expect(w.state).toBe('troubleshooting.check');
    expect(w.ctx.trouble).toEqual({ reason: 'failed', from: 'activation', index: 0, tried: [], stillInactive: false, ticket: null });
  });

  it('pending → waiting, then checks again', () => {
    const w = atActivation().send(pending);
    expect(w.state).toBe('activation.waiting');
    expect(w.hasTag('busy')).toBe(false);
    expect(w.ctx.activation.polls).toBe(1);
    expect(w.scheduled()).toEqual([{ type: 'xstate.after.pollDelay.wizard.activation.waiting', delay: 2_000 }]);
    w.elapse();
    expect(w.state).toBe('activation.checking');
    expect(w.spawnedInput('activationStatus')).toEqual({ orderId: 'ord-week-3gb', recheck: false });
    expect(w.ctx.activation).toMatchObject({ elapsedMs: 2_000, delayMs: 4_000 });
  });

  it('waits 2, 4, 8, 16, then 30 s between checks', () => {
    const w = atActivation();
    const waits = pollWhilePending(w);
    expect(waits.slice(0, 8)).toEqual([2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000, 30_000]);
    expect(Math.max(...waits)).toBe(POLL_MAX_MS);
  });

  it('gives up after 10 minutes of waiting → troubleshooting (reason timeout)', () => {
    const w = atActivation();
    const waits = pollWhilePending(w);
    const total = waits.reduce((a, b) => a + b, 0);
    expect(total).toBe(POLL_BUDGET_MS);
    expect(waits).toHaveLength(4 + 19); // 2+4+8+16 = 30 s, then 19 × 30 s
    expect(w.state).toBe('troubleshooting.check');
    expect(w.ctx.trouble).toMatchObject({ reason: 'timeout', from: 'activation', index: 0 });
    expect(w.ctx.activation.elapsedMs).toBe(POLL_BUDGET_MS);
  });

  it('becoming active on the last check still counts', () => {
    const w = atActivation();
    for (let i = 0; i < 23; i++) w.send(pending).elapse();
    expect(w.ctx.activation.elapsedMs).toBe(POLL_BUDGET_MS);
    expect(w.send(activationEvent('active')).state).toBe('done');
  });

  it('an error offers a retry', () => {
    const w = atActivation().send(pending);
    w.elapse();
    w.send(err('network', true));
    expect(w.state).toBe('activation.error');
    expect(w.hasTag('error')).toBe(true);
    expect(w.ctx.error?.code).toBe('network');
    w.send({ type: 'user.retry' });
    expect(w.state).toBe('activation.checking');
    expect(w.ctx.error).toBeNull();
    expect(w.spawned('activationStatus')).toHaveLength(1);
    // the backoff carries on where it was
    expect(w.ctx.activation.delayMs).toBe(4_000);
  });

  it.each([
    ['checking', (w: Wizard) => w],
    ['waiting', (w: Wizard) => w.send(pending)],
    ['error', (w: Wizard) => w.send(err('server', true))],
  ])('"not working" while %s → troubleshooting (reason user)', (_, to) => {
    const w = to(atActivation()).send(notWorking);
    expect(w.state).toBe('troubleshooting.check');
    expect(w.ctx.trouble).toMatchObject({ reason: 'user', from: 'activation', index: 0 });
    expect(w.running).toEqual([]);
  });

  it('"not working" after done → troubleshooting, coming from done', () => {
    const w = atDone().send(notWorking);
    expect(w.state).toBe('troubleshooting.check');
    expect(w.ctx.trouble).toMatchObject({ reason: 'user', from: 'done' });
  });

  it('coming back to activation starts a fresh poll budget', () => {
    const w = atActivation();
    for (let i = 0; i < 5; i++) w.send(pending).elapse();
    expect(w.ctx.activation.elapsedMs).toBeGreaterThan(0);
    w.send(notWorking).send({ type: 'user.back' });
    expect(w.state).toBe('activation.checking');
    expect(w.ctx.activation).toMatchObject({ delayMs: POLL_START_MS, elapsedMs: 0, polls: 0 });
  });
});
