/**
 * Dates for tests, chosen on purpose rather than taken from the day the tests run. Not part of
 * the package.
 */
import type { DateParts } from '../domain/validation.js';

/**
 * The browser tests' "now" (test/browser/setup.ts fixes `Date` there, and the test command fixes
 * the time zone): 29 December 2027 at noon in Japan. Two days before a year's end, so the dates
 * the tests type around it have two-digit months and days and cross into the next year.
 */
export const FIXED_NOW = Date.parse('2027-12-29T03:00:00Z');

/**
 * Expiry dates that are widest or trickiest to show and to count: two-digit months and days at
 * a year's end, a leap day, one-digit month and day.
 */
export const EDGE_DATES = ['2027-12-31', '2028-02-29', '2028-01-01', '2027-12-30'] as const;

/** `YYYY-MM-DD` (or any text with dashes) split into the three date fields, as a person types them. */
export function datePartsOf(date: string): DateParts {
  const [year = '', month = '', day = ''] = date.split('-');
  return { year, month, day };
}
