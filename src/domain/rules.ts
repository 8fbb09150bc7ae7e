/**
 * The wizard's domain rules the statechart needs, as pure functions: urgency and top-up
 * eligibility. The plan rules are in plan-rules.ts.
 */
import type { AccountStatus, Urgency } from './types.js';

const DAY = 86_400_000;

/** Urgency in words, from the days left (negative: expired). */
export function urgencyOf(daysLeft: number | null): Urgency {
  if (daysLeft === null) return 'unknown';
  if (daysLeft < 0) return 'expired';
  if (daysLeft <= 3) return 'few-days';
  if (daysLeft <= 30) return 'within-month';
  return 'plenty';
}

/** Days left from `asOf` until `expiresAt` (both ISO instants); negative once expired. */
export function daysLeftAt(expiresAt: string, asOf: string): number {
  const ms = Date.parse(expiresAt) - Date.parse(asOf);
  // A part of a day still left counts as a day left (40 hours: "2 days"); once past, a part counts as a day gone.
  return ms >= 0 ? Math.ceil(ms / DAY) : Math.floor(ms / DAY);
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
