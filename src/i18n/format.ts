/** Intl-based formatting for one locale. Nothing here parses dates by hand. */
import type { Money } from '../domain/types.js';

export const JAPAN_TIME_ZONE = 'Asia/Tokyo';

export function formatMoney(locale: string, money: Money): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency }).format(money.amount);
}

/** Data in MB as people read it: "500 MB", "3 GB", "1.5 GB". */
export function formatData(locale: string, mb: number): string {
  if (mb < 1024) return new Intl.NumberFormat(locale, { style: 'unit', unit: 'megabyte' }).format(mb);
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'gigabyte', maximumFractionDigits: 1 }).format(mb / 1024);
}

/** An instant as date and time, in the person's time zone or the one given. */
export function formatDateTime(locale: string, iso: string, timeZone?: string): string {
  // dateStyle/timeStyle cannot carry a zone name, so the parts are spelled out.
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    ...(timeZone ? { timeZone, timeZoneName: 'short' } : {}),
  }).format(new Date(iso));
}

export function formatDate(locale: string, iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', ...(timeZone ? { timeZone } : {}) }).format(new Date(iso));
}

/** Whether the person's own clock shows a different wall time than Japan's for this instant. */
export function differsFromJapanTime(iso: string, localTimeZone = Intl.DateTimeFormat().resolvedOptions().timeZone): boolean {
  const wall = (timeZone: string) => new Intl.DateTimeFormat('en-GB', { timeZone, dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
  return wall(localTimeZone) !== wall(JAPAN_TIME_ZONE);
}
