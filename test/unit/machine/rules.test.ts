import { describe, expect, it } from 'vitest';
import { calendarDaysLeft, topUpEligibility, urgencyOf } from '../../../src/domain/rules.js';
import {
  LARGE_PLAN_MB,
  PLAN_GROUPS,
  RECOMMENDATION_RULES,
  STAY_LENGTHS,
  USAGE_LEVELS,
  groupPlans,
  planEffect,
  planGroup,
  recommendPlan,
  type StayLength,
  type Usage,
} from '../../../src/domain/plan-rules.js';
import { daysBetween } from '../../../src/domain/validation.js';
import type { Plan } from '../../../src/domain/types.js';
import { NOW, TODAY, account, capabilities, inDays, plan } from './harness.js';

const DAY = 86_400_000;

describe('urgencyOf', () => {
  it.each([
    [-30, 'expired'],
    [-1, 'expired'],
    [0, 'few-days'],
    [3, 'few-days'],
    [4, 'within-month'],
    [30, 'within-month'],
    [31, 'plenty'],
    [3650, 'plenty'],
    [null, 'unknown'],
  ] as const)('%s days left → %s', (days, urgency) => {
    expect(urgencyOf(days)).toBe(urgency);
  });

  it('follows the calendar days from a typed expiry date', () => {
    expect(urgencyOf(daysBetween(TODAY, '2026-11-25'))).toBe('expired');
    expect(urgencyOf(daysBetween(TODAY, TODAY))).toBe('few-days');
    expect(urgencyOf(daysBetween(TODAY, '2026-11-29'))).toBe('few-days');
    expect(urgencyOf(daysBetween(TODAY, '2026-11-30'))).toBe('within-month');
    expect(urgencyOf(daysBetween(TODAY, '2026-12-26'))).toBe('within-month');
    expect(urgencyOf(daysBetween(TODAY, '2026-12-27'))).toBe('plenty');
  });
});

describe('calendarDaysLeft: days on the person’s calendar', () => {
  /** An instant's calendar day (`YYYY-MM-DD`) in a time zone. */
  const dayIn =
    (timeZone: string) =>
    (epochMs: number): string =>
      new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(epochMs);
  const tokyo = dayIn('Asia/Tokyo');
  const losAngeles = dayIn('America/Los_Angeles');

  it('an account that expired 10 days ago (and a few seconds) expired 10 days ago; yesterday is 1, not 2', () => {
    const asOf = '2026-12-07T03:00:05.000Z';
    expect(calendarDaysLeft('2026-11-27T03:00:00.000Z', asOf, tokyo)).toEqual({ days: -10, expired: true });
    expect(calendarDaysLeft('2026-12-06T03:00:00.000Z', asOf, tokyo)).toEqual({ days: -1, expired: true });
    expect(calendarDaysLeft('2026-12-09T03:00:00.000Z', asOf, tokyo)).toEqual({ days: 2, expired: false });
  });

  it('counts across midnight: an expiry in the small hours of tomorrow is 1 day left, whatever the hours between', () => {
    // 23:30 and 00:30 in Tokyo: one hour apart, one calendar day.
    expect(calendarDaysLeft('2026-12-07T15:30:00.000Z', '2026-12-07T14:30:00.000Z', tokyo)).toEqual({ days: 1, expired: false });
    // 00:30 and 23:30 the same day: 23 hours, still today.
    expect(calendarDaysLeft('2026-12-07T14:30:00.000Z', '2026-12-06T15:30:00.000Z', tokyo)).toEqual({ days: 0, expired: false });
  });

  it('depends on the person’s time zone: the same two instants are today in Tokyo and tomorrow in Los Angeles', () => {
    const asOf = '2026-12-07T07:00:00.000Z'; // 16:00 in Tokyo, 23:00 on the 6th in Los Angeles
    const expiresAt = '2026-12-07T09:00:00.000Z'; // 18:00 in Tokyo, 01:00 on the 7th in Los Angeles
    expect(calendarDaysLeft(expiresAt, asOf, tokyo)).toEqual({ days: 0, expired: false });
    expect(calendarDaysLeft(expiresAt, asOf, losAngeles)).toEqual({ days: 1, expired: false });
  });

  it('says expired when the instant passed earlier today (0 days), and the urgency follows', () => {
    const left = calendarDaysLeft('2026-12-07T01:00:00.000Z', '2026-12-07T05:00:00.000Z', tokyo);
    expect(left).toEqual({ days: 0, expired: true });
    expect(urgencyOf(left.days, left.expired)).toBe('expired');
    expect(urgencyOf(0)).toBe('few-days');
  });
});

describe('topUpEligibility', () => {
  const window = (daysBeforeExpiry: number | null, graceDaysAfterExpiry = 0) =>
    capabilities({ topUpWindow: { daysBeforeExpiry, graceDaysAfterExpiry, inJapanOnly: false } });

  it('refuses an eSIM that is not rechargeable, whatever its dates', () => {
    expect(topUpEligibility(account({ capabilities: capabilities({ rechargeable: false }) }))).toEqual({ ok: false, reason: 'not-rechargeable' });
    expect(topUpEligibility(account({ expiresAt: inDays(-1), capabilities: { ...window(null, 5), rechargeable: false } }))).toEqual({
      ok: false,
      reason: 'not-rechargeable',
    });
  });

  it('allows an active plan with no window any time', () => {
    expect(topUpEligibility(account({ expiresAt: inDays(300), capabilities: window(null) }))).toEqual({ ok: true, inGrace: false });
  });

  it('allows it at the very moment of expiry', () => {
    expect(topUpEligibility(account({ expiresAt: NOW, capabilities: window(null, 0) }))).toEqual({ ok: true, inGrace: false });
  });

  it('refuses an expired plan without grace', () => {
    expect(topUpEligibility(account({ expiresAt: inDays(-0.001), capabilities: window(null, 0) }))).toEqual({ ok: false, reason: 'expired-past-grace' });
  });

  it('allows an expired plan within its grace days, saying when the grace ends', () => {
    const expiresAt = inDays(-1);
    expect(topUpEligibility(account({ expiresAt, capabilities: window(null, 2) }))).toEqual({
      ok: true,
      inGrace: true,
      graceEndsAt: new Date(Date.parse(expiresAt) + 2 * DAY).toISOString(),
    });
    // the last moment of grace still counts
    expect(topUpEligibility(account({ expiresAt: inDays(-2), capabilities: window(null, 2) }))).toMatchObject({ ok: true, inGrace: true });
  });

  it('refuses an expired plan past its grace', () => {
    expect(topUpEligibility(account({ expiresAt: inDays(-2.001), capabilities: window(null, 2) }))).toEqual({ ok: false, reason: 'expired-past-grace' });
  });

  it('refuses too early, saying when the window opens', () => {
    const expiresAt = inDays(10);
    expect(topUpEligibility(account({ expiresAt, capabilities: window(7) }))).toEqual({
      ok: false,
      reason: 'too-early',
      opensAt: new Date(Date.parse(expiresAt) - 7 * DAY).toISOString(),
    });
  });

  it('opens exactly daysBeforeExpiry days before the end', () => {
    expect(topUpEligibility(account({ expiresAt: inDays(7), capabilities: window(7) }))).toEqual({ ok: true, inGrace: false });
    expect(topUpEligibility(account({ expiresAt: inDays(1), capabilities: window(7) }))).toEqual({ ok: true, inGrace: false });
  });

  // Fixed examples at each edge, a millisecond either side: a window moved by a day (or by any
  // amount) fails one of them, every run.
  it('the window’s opening, to the millisecond: closed just before, open at the moment', () => {
    const edge = Date.parse(NOW) + 30 * DAY;
    const at = (ms: number) => topUpEligibility(account({ expiresAt: new Date(ms).toISOString(), capabilities: window(30) }));
    expect(at(edge)).toEqual({ ok: true, inGrace: false });
    expect(at(edge - 1)).toEqual({ ok: true, inGrace: false });
    expect(at(edge + 1)).toEqual({ ok: false, reason: 'too-early', opensAt: new Date(Date.parse(NOW) + 1).toISOString() });
    expect(at(edge + DAY)).toMatchObject({ ok: false, reason: 'too-early' });
  });

  it('the grace’s end, to the millisecond: open at the moment, closed just after', () => {
    const edge = Date.parse(NOW) - 2 * DAY;
    const at = (ms: number) => topUpEligibility(account({ expiresAt: new Date(ms).toISOString(), capabilities: window(null, 2) }));
    expect(at(edge)).toEqual({ ok: true, inGrace: true, graceEndsAt: NOW });
    expect(at(edge + 1)).toMatchObject({ ok: true, inGrace: true });
    expect(at(edge - 1)).toEqual({ ok: false, reason: 'expired-past-grace' });
    expect(at(edge - DAY)).toEqual({ ok: false, reason: 'expired-past-grace' });
    // The moment of expiry itself is not yet grace.
    expect(at(Date.parse(NOW))).toEqual({ ok: true, inGrace: false });
    expect(at(Date.parse(NOW) - 1)).toMatchObject({ ok: true, inGrace: true });
  });
});

describe('planEffect', () => {
  const p = plan('week', 3072, 7, 1500);
  it('extend and queue start when the current plan ends', () => {
    const acc = account({ expiresAt: inDays(3) });
    for (const mode of ['extend', 'queue'] as const) {
      expect(planEffect(mode, acc, p)).toEqual({ startsAt: inDays(3), endsAt: inDays(10) });
    }
  });
  it('stack starts now', () => {
    expect(planEffect('stack', account({ expiresAt: inDays(3) }), p)).toEqual({ startsAt: NOW, endsAt: inDays(7) });
  });
  it('starts now for every mode once the plan has expired', () => {
    const acc = account({ expiresAt: inDays(-2) });
    for (const mode of ['extend', 'queue', 'stack'] as const) {
      expect(planEffect(mode, acc, p)).toEqual({ startsAt: NOW, endsAt: inDays(7) });
    }
  });
});

describe('planGroup', () => {
  it.each([
    [plan('u1', null, 1, 900), 'unlimited'],
    [plan('u30', null, 30, 7000), 'unlimited'],
    [plan('l', LARGE_PLAN_MB, 7, 4000), 'large'],
    [plan('l30', 50 * 1024, 30, 6000), 'large'],
    [plan('m', LARGE_PLAN_MB - 1, 30, 3000), 'monthly'],
    [plan('m28', 5 * 1024, 28, 2500), 'monthly'],
    [plan('s27', 5 * 1024, 27, 2500), 'short'],
    [plan('s1', 1024, 1, 500), 'short'],
  ] as const)('%o → %s', (p, group) => {
    expect(planGroup(p)).toBe(group);
  });
});

describe('groupPlans', () => {
  const plans: Plan[] = [
    plan('unl-30', null, 30, 7000),
    plan('week-b', 3072, 7, 1500),
    plan('large-30', 30 * 1024, 30, 5000),
    plan('week-a', 3072, 7, 1500),
    plan('day', 1024, 1, 500),
    plan('month', 10 * 1024, 30, 3500),
    plan('week-cheap', 2048, 7, 1200),
    plan('unl-1', null, 1, 900),
    plan('large-15', 25 * 1024, 15, 4500),
  ];

  it('groups in display order and sorts each group by days, then price, then id', () => {
    expect(groupPlans(plans).map((g) => [g.group, g.plans.map((p) => p.id)])).toEqual([
      ['short', ['day', 'week-cheap', 'week-a', 'week-b']],
      ['monthly', ['month']],
      ['large', ['large-15', 'large-30']],
      ['unlimited', ['unl-1', 'unl-30']],
    ]);
  });

  it('leaves out empty groups, and an empty list gives no groups', () => {
    expect(groupPlans([plan('unl', null, 7, 3000), plan('day', 1024, 1, 500)]).map((g) => g.group)).toEqual(['short', 'unlimited']);
    expect(groupPlans([])).toEqual([]);
  });

  it('does not reorder the input', () => {
    const before = plans.map((p) => p.id);
    groupPlans(plans);
    expect(plans.map((p) => p.id)).toEqual(before);
  });

  it('knows the four groups', () => {
    expect(PLAN_GROUPS).toEqual(['short', 'monthly', 'large', 'unlimited']);
  });
});

describe('recommendPlan', () => {
  const catalogue: readonly Plan[] = [
    plan('day-1gb', 1024, 1, 500), // short
    plan('day-unl', null, 1, 900), // unlimited (a 24-hour pack)
    plan('week-3gb', 3 * 1024, 7, 1500), // short
    plan('week-10gb', 10 * 1024, 7, 2500), // short
    plan('fortnight-15gb', 15 * 1024, 15, 3000), // short
    plan('month-5gb', 5 * 1024, 30, 2500), // monthly
    plan('month-20gb', 20 * 1024, 30, 4000), // large
    plan('month-50gb', 50 * 1024, 30, 6000), // large
    plan('week-unl', null, 7, 3000), // unlimited
    plan('month-unl', null, 30, 7000), // unlimited
  ];

  // stay × usage → the plan the guide's table recommends from the catalogue above.
  const table: Record<StayLength, Record<Usage, string>> = {
    // A short heavy stay gets the unlimited pack that lasts it, not a 30-day plan.
    day: { light: 'day-1gb', moderate: 'day-1gb', heavy: 'day-unl' },
    week: { light: 'week-3gb', moderate: 'week-10gb', heavy: 'week-unl' },
    // The cheapest plan that fits wins across the rule's groups: a month of 5 GB beats 15 days of 15 GB.
    fortnight: { light: 'month-5gb', moderate: 'fortnight-15gb', heavy: 'month-50gb' },
    'month-plus': { light: 'month-5gb', moderate: 'month-20gb', heavy: 'month-50gb' },
  };
  const cases = STAY_LENGTHS.flatMap((stay) => USAGE_LEVELS.map((usage) => [stay, usage, table[stay][usage]] as const));

  it('the table has a row for every stay × usage', () => {
    expect(cases).toHaveLength(12);
    for (const [stay, usage] of cases) {
      expect(RECOMMENDATION_RULES.some((r) => (r.stay === '*' || r.stay === stay) && (r.usage === '*' || r.usage === usage))).toBe(true);
    }
  });

  it.each(cases)('stay %s, usage %s → %s', (stay, usage, expected) => {
    expect(recommendPlan(catalogue, stay, usage)?.id).toBe(expected);
  });

  it('a long stay with heavy use gets unlimited or large, never a small plan', () => {
    const onlyLarge = catalogue.filter((p) => p.dataMb !== null);
    expect(recommendPlan(onlyLarge, 'month-plus', 'heavy')?.id).toBe('month-50gb');
  });

  it('the recommended plan lasts the stay and carries enough data per day', () => {
    const perDay: Record<Usage, number> = { light: 150, moderate: 500, heavy: 1500 };
    const days: Record<StayLength, number> = { day: 1, week: 7, fortnight: 15, 'month-plus': 30 };
    for (const [stay, usage] of cases) {
      const p = recommendPlan(catalogue, stay, usage)!;
      expect(p.days).toBeGreaterThanOrEqual(days[stay]);
      if (p.dataMb !== null) expect(p.dataMb).toBeGreaterThanOrEqual(perDay[usage] * days[stay]);
    }
  });

  it('falls back to the cheapest fitting plan outside the preferred groups', () => {
    // light use prefers short, then monthly: neither exists here
    const plans = [plan('big', 30 * 1024, 30, 4000), plan('unl-day', null, 1, 900)];
    expect(recommendPlan(plans, 'day', 'light')?.id).toBe('unl-day');
  });

  it('falls back to the longest plan (then the most data) when nothing fits', () => {
    expect(recommendPlan([plan('day', 1024, 1, 500), plan('week', 2048, 7, 1500)], 'month-plus', 'light')?.id).toBe('week');
    expect(recommendPlan([plan('day', 1024, 1, 500), plan('day-unl', null, 1, 900), plan('day-2', 2048, 1, 700)], 'week', 'heavy')?.id).toBe('day-unl');
  });

  it('breaks a price tie with the shorter plan', () => {
    const plans = [plan('long', 2048, 14, 1500), plan('short', 2048, 7, 1500)];
    expect(recommendPlan(plans, 'week', 'light')?.id).toBe('short');
  });

  it('returns null without plans, and leaves the list as it was', () => {
    expect(recommendPlan([], 'week', 'light')).toBeNull();
    const ids = catalogue.map((p) => p.id);
    recommendPlan(catalogue, 'week', 'moderate');
    expect(catalogue.map((p) => p.id)).toEqual(ids);
  });
});
