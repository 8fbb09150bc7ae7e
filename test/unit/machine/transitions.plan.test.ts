import { describe, expect, it } from 'vitest';
import { PLANS, account, atChoosing, atPlanLoading, capabilities, err, fillAccount, inDays, order } from './harness.js';

const next = { type: 'user.next' } as const;
const back = { type: 'user.back' } as const;
const window = (daysBeforeExpiry: number | null, graceDaysAfterExpiry: number) =>
  capabilities({ topUpWindow: { daysBeforeExpiry, graceDaysAfterExpiry, inJapanOnly: false } });

describe('plan: loading', () => {
  it('loads the account while busy', () => {
    const w = atPlanLoading();
    expect(w.hasTag('busy')).toBe(true);
    expect(w.running).toEqual(['loadAccount']);
    expect(w.spawned('loadAccount')).toHaveLength(1);
  });

  it('an eligible account shows the plans', () => {
    const acc = account();
    const w = atPlanLoading().send({ type: 'provider.accountLoaded', account: acc, plans: PLANS });
    expect(w.state).toBe('plan.choosing');
    expect(w.ctx.account).toEqual(acc);
    expect(w.ctx.plans).toEqual(PLANS);
    expect(w.ctx.selectedPlanId).toBeNull();
  });

  it.each([
    ['not rechargeable', account({ capabilities: capabilities({ rechargeable: false }) })],
    ['expired past grace', account({ expiresAt: inDays(-3), capabilities: window(null, 2) })],
    ['expired without grace', account({ expiresAt: inDays(-0.1), capabilities: window(null, 0) })],
    ['too early', account({ expiresAt: inDays(20), capabilities: window(7, 0) })],
  ])('%s → ineligible, with no way to a plan', (_, acc) => {
    const w = atPlanLoading().send({ type: 'provider.accountLoaded', account: acc, plans: PLANS });
    expect(w.state).toBe('plan.ineligible');
    expect(w.can({ type: 'user.plan.select', planId: 'week-3gb' })).toBe(false);
    expect(w.send({ type: 'user.plan.select', planId: 'week-3gb' }).send(next).state).toBe('plan.ineligible');
    expect(w.send(back).state).toBe('login.form');
  });

  it('expired but within the grace days may still renew', () => {
    const w = atPlanLoading().send({
      type: 'provider.accountLoaded',
      account: account({ expiresAt: inDays(-1), capabilities: window(null, 2) }),
      plans: PLANS,
    });
    expect(w.state).toBe('plan.choosing');
  });

  it('an error offers a retry that loads again', () => {
    const w = atPlanLoading().send(err('server', true));
    expect(w.state).toBe('plan.error');
    expect(w.hasTag('error')).toBe(true);
    expect(w.ctx.error).toEqual({ code: 'server', retryable: true });
    w.send({ type: 'user.retry' });
    expect(w.state).toBe('plan.loading');
    expect(w.ctx.error).toBeNull();
    expect(w.spawned('loadAccount')).toHaveLength(1);
    expect(w.send({ type: 'provider.accountLoaded', account: account(), plans: PLANS }).state).toBe('plan.choosing');
  });

  it('Back from loading returns to the sign-in form', () => {
    expect(atPlanLoading().send(back).state).toBe('login.form');
  });
});

describe('plan: choosing', () => {
  it('needs a plan that is on offer before going on', () => {
    const w = atChoosing();
    expect(w.can(next)).toBe(false);
    expect(w.can({ type: 'user.plan.select', planId: 'nope' })).toBe(false);
    w.send({ type: 'user.plan.select', planId: 'nope' });
    expect(w.ctx.selectedPlanId).toBeNull();
    expect(w.send(next).state).toBe('plan.choosing');
    w.send({ type: 'user.plan.select', planId: 'week-3gb' });
    expect(w.ctx.selectedPlanId).toBe('week-3gb');
    w.send({ type: 'user.plan.select', planId: 'day-1gb' });
    expect(w.ctx.selectedPlanId).toBe('day-1gb');
    expect(w.send(next).state).toBe('payment.ordering');
  });

  it('keeps the recommender answers one at a time', () => {
    const w = atChoosing().send({ type: 'user.plan.recommender', stay: 'week' });
    expect(w.ctx.recommender).toEqual({ stay: 'week', usage: null });
    w.send({ type: 'user.plan.recommender', usage: 'heavy' });
    expect(w.ctx.recommender).toEqual({ stay: 'week', usage: 'heavy' });
    w.send({ type: 'user.plan.recommender', stay: 'month-plus' });
    expect(w.ctx.recommender).toEqual({ stay: 'month-plus', usage: 'heavy' });
  });

  it('Back from payment returns to the list with the choice kept', () => {
    const w = atChoosing().send({ type: 'user.plan.select', planId: 'week-3gb' }).send(next).send(back);
    expect(w.state).toBe('plan.choosing');
    expect(w.ctx.selectedPlanId).toBe('week-3gb');
    expect(w.can(next)).toBe(true);
  });

  it('Back to sign-in and on again keeps the choice while the plan is still offered', () => {
    const w = atChoosing().send({ type: 'user.plan.select', planId: 'week-3gb' }).send(back);
    expect(w.state).toBe('login.form');
    fillAccount(w).send(next).send({ type: 'provider.identified' }).send({ type: 'provider.accountLoaded', account: account(), plans: PLANS });
    expect(w.ctx.selectedPlanId).toBe('week-3gb');
  });

  it('drops the choice when the plan is no longer offered', () => {
    const w = atChoosing().send({ type: 'user.plan.select', planId: 'week-3gb' }).send(back);
    fillAccount(w)
      .send(next)
      .send({ type: 'provider.identified' })
      .send({ type: 'provider.accountLoaded', account: account(), plans: PLANS.filter((p) => p.id !== 'week-3gb') });
    expect(w.state).toBe('plan.choosing');
    expect(w.ctx.selectedPlanId).toBeNull();
    expect(w.can(next)).toBe(false);
  });

  it('a stale order for a plan no longer chosen is not reused', () => {
    const w = atChoosing()
      .send({ type: 'user.plan.select', planId: 'week-3gb' })
      .send(next)
      .send({ type: 'provider.orderCreated', order: order('week-3gb') })
      .send(back)
      .send({ type: 'user.plan.select', planId: 'month-10gb' })
      .send(next);
    expect(w.state).toBe('payment.ordering');
  });
});
