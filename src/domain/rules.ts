/**
 * The wizard's domain rules the statechart needs, as pure functions: urgency and top-up
 * eligibility. The plan rules are in plan-rules.ts.
 */
import type { AccountStatus, Urgency } from './types.js';
import { daysBetween } from './validation.js';

const DAY = 86_400_000;

/** Urgency in words, from the days left (negative: expired; 0 and `expired`: it ended earlier today). */
export function urgencyOf(daysLeft: number | null, expired = daysLeft !== null && daysLeft < 0): Urgency {
  if (daysLeft === null) return 'unknown';
  if (expired) return 'expired';
  if (daysLeft <= 3) return 'few-days';
  if (daysLeft <= 30) return 'within-month';
  return 'plenty';
}

/**
 * Days left from `asOf` until `expiresAt` (both ISO instants) on the person's calendar: the days
 * between the two calendar days `dayOf` names (`YYYY-MM-DD` of an instant in the person's time
 * zone). 0 on the last day (or the day it ended: see `expired`), -1 when it ended yesterday,
 * whatever the hour: a plan that ended 10 days and a few seconds ago ended 10 days ago.
 */
export function calendarDaysLeft(expiresAt: string, asOf: string, dayOf: (epochMs: number) => string): { days: number; expired: boolean } {
  return { days: daysBetween(dayOf(Date.parse(asOf)), dayOf(Date.parse(expiresAt))), expired: Date.parse(expiresAt) < Date.parse(asOf) };
}

export type Eligibility =
  | { readonly ok: true; readonly inGrace: boolean; readonly graceEndsAt?: string }
  | { readonly ok: false; readonly reason: 'not-rechargeable' | 'expired-past-grace' }
  | { readonly ok: false; readonly reason: 'too-early'; readonly opensAt: string };

/** Whether this account may top up now, following its provider's window. */
export function topUpEligibility(account: AccountStatus): Eligibility {
  const caps = account.capabilities;
  if (!caps.rechargeable) return { ok: false, reason: 'not-rechargeable' };
  const expires = Date.parse(account.expiresAt);
  const now = Date.parse(account.asOf);
  if (now > expires) {
    const graceEnds = expires + caps.topUpWindow.graceDaysAfterExpiry * DAY;
    if (now > graceEnds) return { ok: false, reason: 'expired-past-grace' };
    return { ok: true, inGrace: true, graceEndsAt: new Date(graceEnds).toISOString() };
  }
  const before = caps.topUpWindow.daysBeforeExpiry;
  if (before !== null && expires - now > before * DAY) {
    return { ok: false, reason: 'too-early', opensAt: new Date(expires - before * DAY).toISOString() };
  }
  return { ok: true, inGrace: false };
}
