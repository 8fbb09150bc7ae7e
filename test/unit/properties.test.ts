/**
 * Property-based tests (fast-check) of what people type and what providers send: Luhn and the
 * numbers it guards (ICCIDs, cards), calendar dates and day counts, days left, the top-up rules,
 * and money. Each property is checked against an independent statement of the rule (a reference
 * check digit, the Gregorian calendar by arithmetic, the contract's Money schema), not against
 * the code's own formula. fast-check prints the seed and the shrunk counterexample on failure.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cardBrand, validateCardNumber } from '../../src/domain/card-validation.js';
import type { AccountStatus } from '../../src/domain/types.js';
import { calendarDaysLeft, topUpEligibility, urgencyOf, type Eligibility } from '../../src/domain/rules.js';
import {
  MAX_DAYS,
  dateFromParts,
  daysBetween,
  digitsOnly,
  foldTyped,
  isCalendarDate,
  luhnValid,
  validateDaysLeft,
  validateExpiryDate,
  validateIccid,
} from '../../src/domain/validation.js';
import { formatMoney } from '../../src/i18n/format.js';
import { LOCALES } from '../../src/i18n/locales.js';
import { ProviderError } from '../../src/providers/errors.js';
import { money } from '../../src/providers/http-validate.js';

const DAY = 86_400_000;

// ---------------------------------------------------------------------------------------------
// References, written independently of the code under test
// ---------------------------------------------------------------------------------------------

/** The Luhn check digit for a body: double every second digit from the right, starting with the body's last. */
function checkDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = body.charCodeAt(body.length - 1 - i) - 48;
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

const isLeap = (y: number) => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
const daysInMonth = (y: number, m: number) => [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;

/** Days since 1970-01-01 of a proleptic Gregorian date, by arithmetic alone (no Date). */
function dayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const ymd = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;

// ---------------------------------------------------------------------------------------------
// Arbitraries
// ---------------------------------------------------------------------------------------------

const digits = (minLength: number, maxLength: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength, maxLength });

/** A number whose last digit is its Luhn check digit. */
const luhnNumber = (minLength = 2, maxLength = 30) => digits(minLength - 1, maxLength - 1).map((body) => body + checkDigit(body));

/** The same digits with spaces and dashes typed between them, as people do. */
const typedWithSeparators = (value: string) =>
  fc
    .array(fc.constantFrom('', '', '', ' ', '-', ' - ', '  '), { minLength: value.length + 1, maxLength: value.length + 1 })
    .map((seps) => seps.map((s, i) => s + (value[i] ?? '')).join(''));

/** A valid ICCID: 89, then digits, then the check digit, 19 or 20 digits in all. */
const iccid = fc
  .constantFrom(19, 20)
  .chain((length) => digits(length - 3, length - 3))
  .map((middle) => `89${middle}` + checkDigit(`89${middle}`));

/** A real calendar day, as a date input gives it. */
const calendarDay = (minYear = 0, maxYear = 9999) =>
  fc
    .record({ y: fc.integer({ min: minYear, max: maxYear }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
    .map(({ y, m, d }) => ({ y, m, d: Math.min(d, daysInMonth(y, m)) }));

/** Changes the digit at `index` to another digit. */
const withDigitChanged = (value: string, index: number, by: number) =>
  value.slice(0, index) + String((Number(value[index]) + by) % 10) + value.slice(index + 1);

// ---------------------------------------------------------------------------------------------
// Luhn and digitsOnly
// ---------------------------------------------------------------------------------------------

/** An instant's calendar day (`YYYY-MM-DD`) in a time zone. */
const dayIn =
  (timeZone: string) =>
  (epochMs: number): string =>
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(epochMs);

describe('Luhn', () => {
  it('a number ending in its check digit passes', () => {
    fc.assert(fc.property(luhnNumber(), (n) => luhnValid(n)));
  });

  it('exactly one final digit makes any body valid', () => {
    fc.assert(
      fc.property(digits(1, 30), (body) => {
        const valid = [...'0123456789'].filter((d) => luhnValid(body + d));
        expect(valid).toEqual([checkDigit(body)]);
      }),
    );
  });

  it('changing any single digit of a valid number makes it fail', () => {
    fc.assert(
      fc.property(
        luhnNumber().chain((n) => fc.tuple(fc.constant(n), fc.nat({ max: n.length - 1 }), fc.integer({ min: 1, max: 9 }))),
        ([n, index, by]) => !luhnValid(withDigitChanged(n, index, by)),
      ),
    );
  });

  it('swapping two adjacent different digits makes it fail (except 0 and 9, which Luhn cannot tell apart)', () => {
    fc.assert(
      fc.property(
        luhnNumber(3).chain((n) => fc.tuple(fc.constant(n), fc.nat({ max: n.length - 2 }))),
        ([n, i]) => {
          const [a, b] = [n[i]!, n[i + 1]!];
          fc.pre(a !== b && !(new Set([a, b]).has('0') && new Set([a, b]).has('9')));
          return !luhnValid(n.slice(0, i) + b + a + n.slice(i + 2));
        },
      ),
    );
  });

  it('anything but a non-empty string of digits fails', () => {
    fc.assert(
      fc.property(
        fc.tuple(
          luhnNumber(),
          fc.string({ minLength: 1, maxLength: 3 }).filter((s) => /\D/.test(s)),
          fc.nat(),
        ),
        ([n, junk, at]) => {
          const i = at % (n.length + 1);
          return !luhnValid(n.slice(0, i) + junk + n.slice(i));
        },
      ),
    );
    expect(luhnValid('')).toBe(false);
  });
});

describe('digitsOnly', () => {
  it('gives back the digits, whatever spaces and dashes were typed between them', () => {
    fc.assert(
      fc.property(
        digits(0, 25).chain((d) => fc.tuple(fc.constant(d), typedWithSeparators(d))),
        ([d, typed]) => digitsOnly(typed) === d,
      ),
    );
  });

  it('folds full-width forms, then removes only whitespace and dashes, keeping everything else in order; doing it twice changes nothing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
        const out = digitsOnly(s);
        expect(out).toBe([...foldTyped(s)].filter((c) => !/[\s-]/.test(c)).join(''));
        // Twice is once, up to composition: a space dropped between a letter and a combining mark
        // (`G ́`) lets them compose (`Ǵ`) when folded again.
        expect(digitsOnly(out)).toBe(out.normalize('NFKC'));
      }),
    );
  });

  it('a card number typed in groups is valid exactly when its digits are, with the same brand', () => {
    fc.assert(
      fc.property(
        fc.oneof(luhnNumber(12, 19), digits(12, 19)).chain((n) => fc.tuple(fc.constant(n), typedWithSeparators(n))),
        ([n, typed]) => {
          expect(validateCardNumber(typed)).toBe(validateCardNumber(n));
          expect(validateCardNumber(n) === null).toBe(luhnValid(n));
          expect(cardBrand(typed)).toBe(cardBrand(n));
        },
      ),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// ICCID
// ---------------------------------------------------------------------------------------------

describe('validateIccid', () => {
  it('a 19- or 20-digit number starting with 89 and ending in its check digit passes, typed with separators too', () => {
    fc.assert(
      fc.property(
        iccid.chain((n) => fc.tuple(fc.constant(n), typedWithSeparators(n))),
        ([n, typed]) => validateIccid(n) === null && validateIccid(typed) === null,
      ),
    );
  });

  it('one digit changed: a checksum error (or, in the 89 prefix, a format error)', () => {
    fc.assert(
      fc.property(
        iccid.chain((n) => fc.tuple(fc.constant(n), fc.nat({ max: n.length - 1 }), fc.integer({ min: 1, max: 9 }))),
        ([n, index, by]) => validateIccid(withDigitChanged(n, index, by)) === (index < 2 ? 'iccid-length' : 'iccid-checksum'),
      ),
    );
  });

  it('any other length fails as such, even with a correct check digit', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 3, max: 40 })
          .filter((l) => l !== 19 && l !== 20)
          .chain((l) => digits(l - 3, l - 3)),
        (middle) => validateIccid(`89${middle}` + checkDigit(`89${middle}`)) === 'iccid-length',
      ),
    );
  });

  it('without the 89 prefix it fails, even with the right length and check digit', () => {
    fc.assert(
      fc.property(
        fc
          .tuple(
            digits(2, 2).filter((p) => p !== '89'),
            fc.constantFrom(19, 20),
          )
          .chain(([prefix, l]) => digits(l - 3, l - 3).map((m) => `${prefix}${m}`)),
        (body) => validateIccid(body + checkDigit(body)) === 'iccid-length',
      ),
    );
  });

  it('a character other than digits, spaces and dashes is a digits error', () => {
    fc.assert(
      fc.property(
        iccid,
        fc.string({ minLength: 1, maxLength: 3 }).filter((s) => /[^\d\s-]/.test(s)),
        fc.nat(),
        (n, junk, at) => {
          const i = at % (n.length + 1);
          return validateIccid(n.slice(0, i) + junk + n.slice(i)) === 'iccid-digits';
        },
      ),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

describe('calendar dates', () => {
  it('isCalendarDate says yes exactly for the days the Gregorian calendar has', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
        const real = m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
        expect(isCalendarDate(ymd(y, m, d)), ymd(y, m, d)).toBe(real);
      }),
    );
  });

  it('agrees with a Date round trip: a real day comes back from Date unchanged', () => {
    fc.assert(
      fc.property(calendarDay(), ({ y, m, d }) => {
        const date = new Date(0);
        date.setUTCFullYear(y, m - 1, d);
        expect(date.toISOString().slice(0, 10)).toBe(ymd(y, m, d));
        expect(isCalendarDate(ymd(y, m, d))).toBe(true);
      }),
    );
  });

  it('impossible dates are rejected: 29 February outside leap years, the 31st of short months, day or month 0', () => {
    const impossible = fc.oneof(
      fc
        .integer({ min: 0, max: 9999 })
        .filter((y) => !isLeap(y))
        .map((y) => ymd(y, 2, 29)),
      fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.constantFrom(2, 4, 6, 9, 11)).map(([y, m]) => ymd(y, m, 31)),
      fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => ymd(y, m, 0)),
      fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 28 })).map(([y, d]) => ymd(y, 0, d)),
    );
    fc.assert(fc.property(impossible, (v) => !isCalendarDate(v) && validateExpiryDate(v, '2026-01-01') === 'date-invalid'));
  });

  it('anything not shaped YYYY-MM-DD is rejected', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 12 }).filter((s) => !/^\d{4}-\d{2}-\d{2}$/.test(s)),
        (s) => !isCalendarDate(s),
      ),
    );
    expect(isCalendarDate('2024-2-29')).toBe(false);
  });
});

describe('dateFromParts', () => {
  /** Digits as a Japanese keyboard may type them: ASCII or full-width, with spaces around. */
  const typedAs = (digits: string) =>
    fc
      .tuple(fc.boolean(), fc.constantFrom('', ' ', '\u3000'))
      .map(([wide, space]) => `${space}${wide ? [...digits].map((d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).join('') : digits}${space}`);

  it('reads every calendar day, however its digits were typed, with or without leading zeros', () => {
    const typedDay = fc
      .tuple(calendarDay(1000, 9999), fc.boolean())
      .chain(([day, padded]) =>
        fc.tuple(fc.constant(day), typedAs(String(day.y)), typedAs(padded ? pad(day.m, 2) : String(day.m)), typedAs(padded ? pad(day.d, 2) : String(day.d))),
      );
    fc.assert(fc.property(typedDay, ([day, year, month, dayOfMonth]) => dateFromParts({ year, month, day: dayOfMonth }) === ymd(day.y, day.m, day.d)));
  });
});

describe('daysBetween', () => {
  it('counts the days between two calendar days, as the calendar’s arithmetic does', () => {
    fc.assert(
      fc.property(
        calendarDay(),
        calendarDay(),
        (a, b) => daysBetween(ymd(a.y, a.m, a.d), ymd(b.y, b.m, b.d)) === dayNumber(b.y, b.m, b.d) - dayNumber(a.y, a.m, a.d),
      ),
    );
  });

  it('is antisymmetric and zero from a day to itself', () => {
    fc.assert(
      fc.property(calendarDay(), calendarDay(), (a, b) => {
        const [x, y] = [ymd(a.y, a.m, a.d), ymd(b.y, b.m, b.d)];
        expect(daysBetween(x, y)).toBe(-daysBetween(y, x));
        expect(daysBetween(x, x)).toBe(0);
      }),
    );
  });

  it('adds up: a → b → c is a → c', () => {
    fc.assert(
      fc.property(calendarDay(), calendarDay(), calendarDay(), (a, b, c) => {
        const [x, y, z] = [ymd(a.y, a.m, a.d), ymd(b.y, b.m, b.d), ymd(c.y, c.m, c.d)];
        return daysBetween(x, y) + daysBetween(y, z) === daysBetween(x, z);
      }),
    );
  });

  it('n days after a day is a real day, n days away', () => {
    fc.assert(
      fc.property(calendarDay(1100, 8900), fc.integer({ min: -100_000, max: 100_000 }), (a, n) => {
        const from = ymd(a.y, a.m, a.d);
        const later = new Date(Date.parse(`${from}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
        expect(isCalendarDate(later)).toBe(true);
        expect(daysBetween(from, later)).toBe(n);
      }),
    );
  });
});

describe('validateExpiryDate', () => {
  it('a real day is accepted up to MAX_DAYS away from today, either way, and refused further', () => {
    fc.assert(
      fc.property(calendarDay(1100, 8900), fc.integer({ min: -3 * MAX_DAYS, max: 3 * MAX_DAYS }), (t, n) => {
        const today = ymd(t.y, t.m, t.d);
        const date = new Date(Date.parse(`${today}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
        expect(validateExpiryDate(date, today)).toBe(Math.abs(n) <= MAX_DAYS ? null : 'date-too-far');
      }),
    );
  });

  it('empty is required; anything that is no calendar day is invalid, wherever today is', () => {
    fc.assert(
      fc.property(calendarDay(), fc.string({ minLength: 1, maxLength: 12 }), (t, s) => {
        const today = ymd(t.y, t.m, t.d);
        expect(validateExpiryDate('', today)).toBe('required');
        if (!isCalendarDate(s)) expect(validateExpiryDate(s, today)).toBe('date-invalid');
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Days left
// ---------------------------------------------------------------------------------------------

describe('validateDaysLeft', () => {
  const spaces = fc.constantFrom('', ' ', '  ', '\t');

  it('every whole number of days from 0 to MAX_DAYS is accepted, with spaces around it too', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: MAX_DAYS }), spaces, spaces, (n, before, after) => validateDaysLeft(`${before}${n}${after}`) === null));
  });

  it('more than MAX_DAYS, negative, or not a whole number is refused', () => {
    const refused = fc.oneof(
      fc.integer({ min: MAX_DAYS + 1, max: Number.MAX_SAFE_INTEGER }).map(String),
      fc.integer({ min: -1_000_000, max: -1 }).map(String),
      fc
        .tuple(
          fc.nat({ max: MAX_DAYS }),
          digits(1, 3).filter((f) => /[1-9]/.test(f)),
        )
        .map(([i, f]) => `${i}.${f}`),
      fc.nat({ max: MAX_DAYS }).map((n) => `${n}e0`),
      fc.nat({ max: MAX_DAYS }).map((n) => `+${n}`),
    );
    fc.assert(fc.property(refused, (v) => validateDaysLeft(v) === 'days-invalid'));
  });

  it('whatever is accepted is a whole number of days from 0 to MAX_DAYS (nothing else slips through)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789 .-+eE,x\t'), maxLength: 7 }), (s) => {
        const error = validateDaysLeft(s);
        if (s.trim() === '') expect(error).toBe('required');
        else if (error === null) {
          const n = Number(s.trim());
          expect(Number.isInteger(n) && n >= 0 && n <= MAX_DAYS && /^\d+$/.test(s.trim())).toBe(true);
        } else expect(error).toBe('days-invalid');
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// The rules: urgency, days left at an instant, top-up eligibility
// ---------------------------------------------------------------------------------------------

describe('rules', () => {
  const URGENCY_ORDER = ['expired', 'few-days', 'within-month', 'plenty'];

  it('urgency only relaxes as the days left grow, with its bounds at 0, 3 and 30', () => {
    fc.assert(
      fc.property(fc.integer({ min: -5000, max: 5000 }), fc.integer({ min: -5000, max: 5000 }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(URGENCY_ORDER.indexOf(urgencyOf(lo))).toBeLessThanOrEqual(URGENCY_ORDER.indexOf(urgencyOf(hi)));
        expect(urgencyOf(lo) === 'expired').toBe(lo < 0);
        expect(urgencyOf(hi) === 'plenty').toBe(hi > 30);
      }),
    );
    expect([-1, 0, 3, 4, 30, 31].map((days) => urgencyOf(days))).toEqual(['expired', 'few-days', 'few-days', 'within-month', 'within-month', 'plenty']);
  });

  it('days left on the calendar, in any time zone: the calendar days between, within a day of the time left; expired exactly once the instant passed', () => {
    const zones = ['Asia/Tokyo', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'UTC'];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4e12 }), fc.integer({ min: -1e11, max: 1e11 }), fc.constantFrom(...zones), (asOf, ms, timeZone) => {
        const dayOf = dayIn(timeZone);
        const { days, expired } = calendarDaysLeft(new Date(asOf + ms).toISOString(), new Date(asOf).toISOString(), dayOf);
        expect(days).toBe(daysBetween(dayOf(asOf), dayOf(asOf + ms)));
        expect(expired).toBe(ms < 0);
        // Never more than a calendar day away from the time left, whichever way.
        expect(days * DAY > ms - DAY - 2 * 3_600_000 && days * DAY < ms + DAY + 2 * 3_600_000).toBe(true);
        if (expired) expect(days).toBeLessThanOrEqual(0);
        else expect(days).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  const account = (now: number, expires: number, caps: { rechargeable: boolean; before: number | null; grace: number }): AccountStatus => ({
    accountId: 'a',
    channel: 'online',
    planName: 'p',
    expiresAt: new Date(expires).toISOString(),
    dataLeftMb: null,
    asOf: new Date(now).toISOString(),
    capabilities: {
      rechargeable: caps.rechargeable,
      topUpWindow: { daysBeforeExpiry: caps.before, graceDaysAfterExpiry: caps.grace, inJapanOnly: false },
      topUpMode: 'extend',
      validityStarts: 'install',
      paymentMethods: ['card'],
      identifyMethods: ['account'],
      links: { buyNew: 'b', terms: 't', support: 's' },
    },
  });
  const caps = fc.record({
    rechargeable: fc.boolean(),
    before: fc.option(fc.integer({ min: 0, max: 90 }), { nil: null }),
    grace: fc.integer({ min: 0, max: 30 }),
  });
  const phase = (e: Eligibility) => (e.ok ? (e.inGrace ? 2 : 1) : e.reason === 'too-early' ? 0 : e.reason === 'expired-past-grace' ? 3 : -1);

  it('top-up eligibility follows the window: too early, open, in grace, past grace, in that order as time passes', () => {
    fc.assert(
      fc.property(
        caps,
        fc.integer({ min: 1e12, max: 2e12 }),
        fc.integer({ min: -200 * DAY, max: 200 * DAY }),
        fc.integer({ min: -200 * DAY, max: 200 * DAY }),
        (c, expires, d1, d2) => {
          const [t1, t2] = d1 <= d2 ? [expires + d1, expires + d2] : [expires + d2, expires + d1];
          const [e1, e2] = [topUpEligibility(account(t1, expires, c)), topUpEligibility(account(t2, expires, c))];
          if (!c.rechargeable) {
            expect([e1, e2]).toEqual([
              { ok: false, reason: 'not-rechargeable' },
              { ok: false, reason: 'not-rechargeable' },
            ]);
            return;
          }
          expect(phase(e1)).toBeLessThanOrEqual(phase(e2));
          // Each phase where the window puts it.
          const expected = (t: number) => (t > expires + c.grace * DAY ? 3 : t > expires ? 2 : c.before !== null && expires - t > c.before * DAY ? 0 : 1);
          expect([phase(e1), phase(e2)]).toEqual([expected(t1), expected(t2)]);
          for (const [e, t] of [
            [e1, t1],
            [e2, t2],
          ] as const) {
            if (e.ok && e.inGrace) expect(Date.parse(e.graceEndsAt!)).toBe(expires + c.grace * DAY);
            if (!e.ok && e.reason === 'too-early') expect(Date.parse(e.opensAt)).toBeGreaterThan(t);
          }
        },
      ),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Money: the HTTP provider's check of what a backend sends, and its formatting
// ---------------------------------------------------------------------------------------------

/** The contract's Money (server/openapi.json, which wins over the prose): an integer amount ≥ 0 in minor units, an ISO 4217 code. */
const contractMoney = (v: { amount: unknown; currency: unknown }) =>
  Number.isInteger(v.amount) && (v.amount as number) >= 0 && typeof v.currency === 'string' && /^[A-Z]{3}$/.test(v.currency);

const malformed = (f: () => unknown): boolean => {
  try {
    f();
    return false;
  } catch (e) {
    return e instanceof ProviderError && e.code === 'malformed-response';
  }
};

describe('money', () => {
  it('any whole, non-negative yen amount is shown in every language with all its digits', () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), fc.constantFrom(...LOCALES), (amount, locale) => {
        const shown = formatMoney(locale, money({ amount, currency: 'JPY' }));
        expect(shown.replace(/\D/g, '')).toBe(String(amount));
        expect(shown).toMatch(/[¥￥]|JPY|円|엔/);
      }),
    );
  });

  it('a well-formed Money comes through the check unchanged; a missing or non-numeric amount is malformed', () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), fc.stringMatching(/^[A-Z]{3}$/), (amount, currency) => {
        expect(money({ amount, currency })).toEqual({ amount, currency });
      }),
    );
    const badAmount = fc.oneof(
      fc.constant(undefined),
      fc.constant(null),
      fc.constant(Number.NaN),
      fc.constant(Infinity),
      fc.constant(-Infinity),
      fc.string(),
      fc.boolean(),
      fc.array(fc.nat()),
    );
    fc.assert(fc.property(badAmount, (amount) => malformed(() => money({ amount, currency: 'JPY' }))));
    fc.assert(fc.property(fc.oneof(fc.constant(null), fc.string(), fc.array(fc.nat()), fc.nat()), (body) => malformed(() => money(body))));
  });

  /*
   * What the README promises ("every response shape-checked …, so a malformed body is a
   * `malformed-response` error, never a crash") and what the contract allows.
   */
  it('whatever the check lets through can be shown: a malformed currency is malformed-response, never a crash when formatting', () => {
    fc.assert(
      fc.property(fc.nat({ max: 100_000 }), fc.string({ maxLength: 5 }), fc.constantFrom(...LOCALES), (amount, currency, locale) => {
        let checked;
        try {
          checked = money({ amount, currency });
        } catch (e) {
          return e instanceof ProviderError && e.code === 'malformed-response';
        }
        formatMoney(locale, checked);
        return true;
      }),
    );
  });

  it('the check lets through exactly the amounts the contract allows: whole and not negative', () => {
    fc.assert(
      fc.property(fc.oneof(fc.maxSafeNat(), fc.integer({ min: -1_000_000, max: -1 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })), (amount) => {
        const accepted = !malformed(() => money({ amount, currency: 'JPY' }));
        expect(accepted, `amount ${amount}`).toBe(contractMoney({ amount, currency: 'JPY' }));
      }),
    );
  });
});
