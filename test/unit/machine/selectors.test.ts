import { describe, expect, it } from 'vitest';
import type { WizardContext } from '../../../src/machine/context.js';
import { daysLeft, eligibility, progressOf, selectedPlan, statePath, stepAfter, stepOf, urgency } from '../../../src/machine/selectors.js';
import { recommendation } from '../../../src/domain/plan-rules.js';
import { MAIN_STEPS } from '../../../src/domain/types.js';
import { NOW, PLANS, TODAY, account, atChoosing, atReview, atTroubleshooting, capabilities, ctxWith, inDays, Wizard } from './harness.js';
import { datePartsOf } from '../../../src/testing/dates.js';

const said = (v: Partial<WizardContext['validity']>): WizardContext => {
  const c = ctxWith();
  return { ...c, validity: { ...c.validity, ...v } };
};

describe('time left and urgency from what the person said', () => {
  it.each([
    ['2026-11-25', -1, 'expired'],
    [TODAY, 0, 'few-days'],
    ['2026-11-29', 3, 'few-days'],
    ['2026-11-30', 4, 'within-month'],
    ['2026-12-26', 30, 'within-month'],
    ['2026-12-27', 31, 'plenty'],
  ] as const)('date %s → %i days, %s', (date, days, u) => {
    const c = said({ mode: 'date', date: datePartsOf(date) });
    expect(daysLeft(c)).toEqual({ days, expired: days < 0, source: 'person' });
    expect(urgency(c)).toBe(u);
  });

  it.each([
    ['0', 'few-days'],
    ['3', 'few-days'],
    ['4', 'within-month'],
    ['30', 'within-month'],
    ['31', 'plenty'],
  ] as const)('days %s → %s', (d, u) => {
    const c = said({ mode: 'days', daysLeft: ` ${d} ` });
    expect(daysLeft(c)).toEqual({ days: Number(d), expired: false, source: 'person' });
    expect(urgency(c)).toBe(u);
  });

  it('unknown, nothing yet or unreadable input → unknown', () => {
    expect(urgency(said({ mode: 'unknown', date: datePartsOf('2026-11-25'), daysLeft: '1' }))).toBe('unknown');
    expect(urgency(said({ mode: null }))).toBe('unknown');
    expect(urgency(said({ mode: 'days', daysLeft: 'soon' }))).toBe('unknown');
    expect(urgency(said({ mode: 'date', date: datePartsOf('soon') }))).toBe('unknown');
    expect(daysLeft(said({ mode: 'date', date: datePartsOf('') }))).toEqual({ days: null, expired: false, source: 'person' });
  });

  it('the provider knows better once signed in, counted on the person’s calendar (Tokyo here)', () => {
    const tokyo = (epochMs: number) =>
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(epochMs);
    // NOW is 12:00 in Tokyo: half a day ago was midnight, today; 0.6 days ago, yesterday evening.
    const endedToday = { ...said({ mode: 'days', daysLeft: '30' }), account: account({ expiresAt: inDays(-0.5), asOf: NOW }) };
    expect(daysLeft(endedToday, tokyo)).toEqual({ days: 0, expired: true, source: 'provider' });
    expect(urgency(endedToday, tokyo)).toBe('expired');
    const endedYesterday = { ...endedToday, account: account({ expiresAt: inDays(-0.6), asOf: NOW }) };
    expect(daysLeft(endedYesterday, tokyo)).toEqual({ days: -1, expired: true, source: 'provider' });
  });
});

describe('where the person is', () => {
  it('statePath and stepOf', () => {
    expect(statePath(new Wizard().snap)).toBe('validity');
    const review = atReview();
    expect(statePath(review.snap)).toBe('payment.review');
    expect(stepOf(review.snap)).toBe('payment');
    expect(stepOf(atTroubleshooting().snap)).toBe('troubleshooting');
  });

  it("stepAfter says where an event would lead, by the machine's guards, without taking it", () => {
    const review = atReview();
    expect(stepAfter(review.snap, { type: 'user.back' })).toBe('plan');
    expect(statePath(review.snap)).toBe('payment.review');
    // Not allowed (nothing answered yet): it leads nowhere, so the step stays.
    expect(stepAfter(new Wizard().snap, { type: 'user.next' })).toBe('validity');
    // A step the progress list may go back to.
    expect(stepAfter(review.snap, { type: 'user.goto', step: 'validity' })).toBe('validity');
  });

  it('progressOf counts branch steps as the step they branch from', () => {
    expect(progressOf('validity')).toEqual({ index: 0, count: MAIN_STEPS.length });
    expect(progressOf('done')).toEqual({ index: 6, count: 7 });
    expect(progressOf('troubleshooting')).toEqual(progressOf('activation'));
    expect(progressOf('shop-visit')).toEqual(progressOf('channel'));
  });
});

describe('plan selectors', () => {
  it('eligibility only once the account is known', () => {
    expect(eligibility(ctxWith())).toBeNull();
    expect(eligibility(ctxWith({ account: account({ capabilities: capabilities({ rechargeable: false }) }) }))).toEqual({
      ok: false,
      reason: 'not-rechargeable',
    });
  });

  it('selectedPlan follows the selection', () => {
    const w = atChoosing();
    expect(selectedPlan(w.ctx)).toBeNull();
    w.send({ type: 'user.plan.select', planId: 'month-10gb' });
    expect(selectedPlan(w.ctx)).toEqual(PLANS.find((p) => p.id === 'month-10gb'));
  });

  it('recommendation needs both answers', () => {
    const w = atChoosing().send({ type: 'user.plan.recommender', stay: 'week' });
    expect(recommendation(w.ctx)).toBeNull();
    w.send({ type: 'user.plan.recommender', usage: 'light' });
    expect(recommendation(w.ctx)?.id).toBe('week-3gb');
    w.send({ type: 'user.plan.recommender', stay: 'month-plus', usage: 'heavy' });
    expect(recommendation(w.ctx)?.id).toBe('month-unlimited');
  });
});
