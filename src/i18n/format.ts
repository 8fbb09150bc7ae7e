/** Intl-based formatting for one locale. Nothing here parses dates by hand. */
import type { Money } from '../domain/types.js';

export const JAPAN_TIME_ZONE = 'Asia/Tokyo';

/**
 * Money as sites in each language write it, every price being tax-included: Intl's currency
 * name in Japanese (`1,480円`, with （税込）), Intl's narrow symbol in Chinese (`¥1,480`, not
 * `JP¥1,480`), and `1,480엔` in Korean, which Intl cannot give (its name is `일본 엔화`). Other
 * currencies, and English: Intl's symbol.
 */
export function formatMoney(locale: string, money: Money): string {
  const currency = (currencyDisplay: 'symbol' | 'narrowSymbol' | 'name') =>
    new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency, currencyDisplay }).format(money.amount);
  if (money.currency !== 'JPY') return currency('symbol');
  if (locale === 'ja') return `${currency('name')}（税込）`;
  if (locale === 'ko') return `${new Intl.NumberFormat('ko').format(money.amount)}엔`;
  if (locale.startsWith('zh')) return currency('narrowSymbol');
  return currency('symbol');
}

/** Data in MB as people read it: "500 MB", "3 GB", "1.5 GB"; in Japanese, as Japanese sites write it, "3GB". */
export function formatData(locale: string, mb: number): string {
  const data =
    mb < 1024
      ? new Intl.NumberFormat(locale, { style: 'unit', unit: 'megabyte' }).format(mb)
      : new Intl.NumberFormat(locale, { style: 'unit', unit: 'gigabyte', maximumFractionDigits: 1 }).format(mb / 1024);
  return locale === 'ja' ? data.replace(/\s/g, '') : data;
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
