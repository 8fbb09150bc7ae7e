import { describe, expect, it } from 'vitest';
import {
  EMPTY_DATE,
  MAX_DAYS,
  dateFromParts,
  daysBetween,
  digitsOnly,
  foldTyped,
  isCalendarDate,
  luhnValid,
  normalizeTyped,
  validateDateParts,
  validateDaysLeft,
  validateEmail,
  validateExpiryDate,
  validateIccid,
  validateOrderNumber,
  validateRequiredText,
  typedEmail,
  typedOrderNumber,
} from '../../../src/domain/validation.js';
import { cardBrand, cardExpiry, validateCardCvc, validateCardExpiry, validateCardNumber } from '../../../src/domain/card-validation.js';
import { ICCID_19, ICCID_20, TODAY } from './harness.js';

describe('luhnValid', () => {
  it.each(['4242424242424242', '5555555555554444', '378282246310005', ICCID_19, ICCID_20, '0'])('accepts %s', (n) => {
    expect(luhnValid(n)).toBe(true);
  });
  it.each(['4242424242424241', '8981100000000000003', '', '4242 4242', 'abc'])('rejects %j', (n) => {
    expect(luhnValid(n)).toBe(false);
  });
});

describe('digitsOnly', () => {
  it('drops spaces and dashes only', () => {
    expect(digitsOnly(' 8981-1000 0000\t0000 002 ')).toBe('8981100000000000002');
    expect(digitsOnly('12a4')).toBe('12a4');
  });
});

describe('validateRequiredText', () => {
  it('requires something besides spaces', () => {
    expect(validateRequiredText('')).toBe('required');
    expect(validateRequiredText('   ')).toBe('required');
    expect(validateRequiredText(' mika ')).toBeNull();
  });
  it('takes only invisible format characters for blank (zero-width, bidi marks, U+FEFF), not text around them', () => {
    expect(validateRequiredText('\u200B\uFEFF\u200B')).toBe('required');
    expect(validateRequiredText(' \u200D\u2060\u200E\u202E ')).toBe('required');
    expect(validateRequiredText('mi\u200Bka')).toBeNull();
    expect(validateRequiredText('\u202Einvoice')).toBeNull();
  });
  it('caps the length (254 by default), after trimming', () => {
    expect(validateRequiredText('a'.repeat(254))).toBeNull();
    expect(validateRequiredText('a'.repeat(255))).toBe('too-long');
    expect(validateRequiredText(` ${'a'.repeat(254)} `)).toBeNull();
    expect(validateRequiredText('abcd', 3)).toBe('too-long');
  });
});

describe('validateEmail', () => {
  it.each(['mika@example.jp', ' mika.t+esim@mail.example.co.jp ', 'a@b.c'])('accepts %j', (v) => {
    expect(validateEmail(v)).toBeNull();
  });
  it.each(['mika', 'mika@', '@example.jp', 'mika@example', 'mi ka@example.jp', 'a@b@c.jp'])('rejects %j', (v) => {
    expect(validateEmail(v)).toBe('email-invalid');
  });
  it('requires a value and caps its length', () => {
    expect(validateEmail('  ')).toBe('required');
    expect(validateEmail(`${'a'.repeat(250)}@b.jp`)).toBe('too-long');
  });
});

describe('validateIccid', () => {
  it('accepts 19 and 20 digit ICCIDs with a good check digit, spaces and dashes allowed', () => {
    expect(validateIccid(ICCID_19)).toBeNull();
    expect(validateIccid(ICCID_20)).toBeNull();
    expect(validateIccid('8981 1000 0000 0000 002')).toBeNull();
    expect(validateIccid('8981-1000-0000-0000-002')).toBeNull();
  });
  it('rejects a wrong check digit (Luhn)', () => {
    expect(validateIccid('8981100000000000003')).toBe('iccid-checksum');
    expect(validateIccid('89811000000000000013')).toBe('iccid-checksum');
  });
  it('rejects letters, wrong lengths and a missing 89 prefix', () => {
    expect(validateIccid('')).toBe('required');
    expect(validateIccid(' - ')).toBe('required');
    expect(validateIccid('8981x00000000000002')).toBe('iccid-digits');
    expect(validateIccid('898110000000000002')).toBe('iccid-length'); // 18 digits
    expect(validateIccid('898110000000000000000')).toBe('iccid-length'); // 21 digits
    expect(validateIccid('7981100000000000002')).toBe('iccid-length');
  });
});

describe('validateOrderNumber', () => {
  it.each(['A123', 'ORD-2026-0001', 'x'.repeat(40), ' abcd '])('accepts %j', (v) => {
    expect(validateOrderNumber(v)).toBeNull();
  });
  it('rejects too short, bad characters and a leading dash', () => {
    expect(validateOrderNumber('A12')).toBe('order-invalid');
    expect(validateOrderNumber('-1234')).toBe('order-invalid');
    expect(validateOrderNumber('AB 1234')).toBe('order-invalid');
    expect(validateOrderNumber('AB_1234')).toBe('order-invalid');
  });
  it('requires a value and caps it at 40 characters', () => {
    expect(validateOrderNumber('')).toBe('required');
    expect(validateOrderNumber('x'.repeat(41))).toBe('too-long');
  });
});

describe('calendar dates', () => {
  it('isCalendarDate accepts only real YYYY-MM-DD days', () => {
    expect(isCalendarDate('2026-11-26')).toBe(true);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-30')).toBe(false);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-1-5')).toBe(false);
    expect(isCalendarDate('26/11/2026')).toBe(false);
    expect(isCalendarDate('tomorrow')).toBe(false);
  });
  it('daysBetween counts whole days, negative backwards, across month and year ends', () => {
    expect(daysBetween(TODAY, TODAY)).toBe(0);
    expect(daysBetween(TODAY, '2026-11-25')).toBe(-1);
    expect(daysBetween(TODAY, '2026-12-26')).toBe(30);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
  });
});

describe('validateExpiryDate', () => {
  it('accepts a real day, past or future, within ten years', () => {
    expect(validateExpiryDate('2026-11-29', TODAY)).toBeNull();
    expect(validateExpiryDate('2026-11-20', TODAY)).toBeNull();
    expect(validateExpiryDate('2036-11-23', TODAY)).toBeNull(); // 3650 days
  });
  it('rejects an empty value, 2026-02-30 and a non-date', () => {
    expect(validateExpiryDate('', TODAY)).toBe('required');
    expect(validateExpiryDate('2026-02-30', TODAY)).toBe('date-invalid');
    expect(validateExpiryDate('next week', TODAY)).toBe('date-invalid');
  });
  it('rejects dates more than 3650 days away either way', () => {
    expect(daysBetween(TODAY, '2036-11-24')).toBe(MAX_DAYS + 1);
    expect(validateExpiryDate('2036-11-24', TODAY)).toBe('date-too-far');
    expect(validateExpiryDate('2016-11-28', TODAY)).toBeNull(); // 3650 days ago
    expect(validateExpiryDate('2016-11-27', TODAY)).toBe('date-too-far');
  });
});

describe('the expiry date in three fields', () => {
  const parts = (year: string, month: string, day: string) => ({ year, month, day });

  it('normalizeTyped folds what a Japanese keyboard types into ASCII and drops spaces', () => {
    expect(normalizeTyped('２０２８')).toBe('2028');
    expect(normalizeTyped(' 1\u30002 ')).toBe('12');
    expect(normalizeTyped('ＮＲＴ－２４０００１')).toBe('NRT-240001');
  });

  it.each([
    [parts('2027', '12', '31'), '2027-12-31'],
    [parts('2028', '2', '29'), '2028-02-29'],
    [parts('２０２８', '０２', '２９'), '2028-02-29'],
    [parts('27', '1', '5'), '2027-01-05'],
    [parts(' 2028 ', ' 1 ', ' 1 '), '2028-01-01'],
  ])('dateFromParts(%j) is %s', (typed, iso) => {
    expect(dateFromParts(typed)).toBe(iso);
  });

  it.each([
    parts('2027', '2', '29'),
    parts('2026', '02', '30'),
    parts('2028', '13', '1'),
    parts('202', '1', '1'),
    parts('10000', '1', '1'),
    parts('2028', '1', ''),
    EMPTY_DATE,
  ])('dateFromParts(%j) names no day', (typed) => {
    expect(dateFromParts(typed)).toBeNull();
  });

  it('validateDateParts: nothing, then a part that cannot be right, then a missing part, then the day itself', () => {
    expect(validateDateParts(EMPTY_DATE, TODAY)).toBe('required');
    expect(validateDateParts(parts(' ', '\u3000', ''), TODAY)).toBe('required');
    expect(validateDateParts(parts('', 'Dec', ''), TODAY)).toBe('date-invalid');
    expect(validateDateParts(parts('2026', '', ''), TODAY)).toBe('date-incomplete');
    expect(validateDateParts(parts('', '12', '31'), TODAY)).toBe('date-incomplete');
    expect(validateDateParts(parts('2026', '02', '30'), TODAY)).toBe('date-invalid');
    expect(validateDateParts(parts('2040', '1', '1'), TODAY)).toBe('date-too-far');
    expect(validateDateParts(parts('2026', '11', '29'), TODAY)).toBeNull();
  });
});

describe('validateDaysLeft', () => {
  it.each(['0', '3', ' 30 ', '3650'])('accepts %j', (v) => {
    expect(validateDaysLeft(v)).toBeNull();
  });
  it.each(['3651', '9999', '10000', '-1', '1.5', 'three', '3 days'])('rejects %j', (v) => {
    expect(validateDaysLeft(v)).toBe('days-invalid');
  });
  it('requires a value', () => {
    expect(validateDaysLeft('')).toBe('required');
    expect(validateDaysLeft('  ')).toBe('required');
  });
});

describe('cards', () => {
  it.each([
    ['4242 4242 4242 4242', 'visa'],
    ['5555555555554444', 'mastercard'],
    ['2221000000000009', 'mastercard'],
    ['2720990000000000', 'mastercard'],
    ['378282246310005', 'amex'],
    ['341111111111111', 'amex'],
    ['3530111333300000', 'jcb'],
    ['3589000000000000', 'jcb'],
    ['30569309025904', 'diners'],
    ['36000000000000', 'diners'],
    ['6011111111111117', 'discover'],
    ['6500000000000000', 'discover'],
    ['6200000000000005', 'unionpay'],
    ['9999', 'unknown'],
    ['', 'unknown'],
  ] as const)('cardBrand(%j) is %s', (n, brand) => {
    expect(cardBrand(n)).toBe(brand);
  });

  it('validateCardNumber checks length and Luhn', () => {
    expect(validateCardNumber('4242 4242 4242 4242')).toBeNull();
    expect(validateCardNumber('4242-4242-4242-4241')).toBe('card-checksum');
    expect(validateCardNumber('42424242424')).toBe('card-number-invalid'); // 11 digits
    expect(validateCardNumber('4'.repeat(20))).toBe('card-number-invalid');
    expect(validateCardNumber('4242abcd42424242')).toBe('card-number-invalid');
    expect(validateCardNumber(' ')).toBe('required');
  });

  it('validateCardExpiry is good through the end of the month', () => {
    expect(validateCardExpiry('11/26', TODAY)).toBeNull();
    expect(validateCardExpiry('11 / 26', TODAY)).toBeNull();
    expect(validateCardExpiry('1226', TODAY)).toBeNull();
    expect(validateCardExpiry('01/27', TODAY)).toBeNull();
    expect(validateCardExpiry('10/26', TODAY)).toBe('card-expired');
    expect(validateCardExpiry('12/25', TODAY)).toBe('card-expired');
    expect(validateCardExpiry('13/27', TODAY)).toBe('card-expiry-invalid');
    expect(validateCardExpiry('00/27', TODAY)).toBe('card-expiry-invalid');
    expect(validateCardExpiry('1/27', TODAY)).toBeNull();
    expect(validateCardExpiry('1/26', TODAY)).toBe('card-expired');
    expect(validateCardExpiry('', TODAY)).toBe('required');
  });

  it('validateCardCvc wants 4 digits for amex, 3 otherwise', () => {
    expect(validateCardCvc('123', 'visa')).toBeNull();
    expect(validateCardCvc('1234', 'visa')).toBe('card-cvc-invalid');
    expect(validateCardCvc('1234', 'amex')).toBeNull();
    expect(validateCardCvc('123', 'amex')).toBe('card-cvc-invalid');
    expect(validateCardCvc('12a', 'jcb')).toBe('card-cvc-invalid');
    expect(validateCardCvc('', 'visa')).toBe('required');
  });
});

/** What a Japanese keyboard types (full-width digits, letters and signs; the IME's dashes), and what it means. */
describe('full-width input, folded before it is checked', () => {
  it('foldTyped reads full-width forms and the IME’s dashes as ASCII, and keeps spaces', () => {
    expect(foldTyped('ＮＲＴ－２４０００１')).toBe('NRT-240001');
    expect(foldTyped('NRTー240001')).toBe('NRT-240001');
    expect(foldTyped('NRT−240001')).toBe('NRT-240001');
    expect(foldTyped('ｄｅｍｏ＠ｅｘａｍｐｌｅ．ｃｏｍ')).toBe('demo@example.com');
    expect(foldTyped('４２４２\u3000４２４２')).toBe('4242 4242');
  });

  it('takes a full-width card number, expiry and security code, and days left', () => {
    expect(validateCardNumber('４２４２ ４２４２ ４２４２ ４２４２')).toBeNull();
    expect(digitsOnly('４２４２－４２４２－４２４２－４２４２')).toBe('4242424242424242');
    expect(validateCardExpiry('１２/３０', TODAY)).toBeNull();
    expect(validateCardExpiry('１２／３０', TODAY)).toBeNull();
    expect(validateCardCvc('１２３', 'visa')).toBeNull();
    expect(validateDaysLeft('２')).toBeNull();
    expect(validateDaysLeft(' ２ ')).toBeNull();
  });

  it('takes a full-width ICCID, order number and e-mail', () => {
    expect(validateIccid([...ICCID_19].map((d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).join(''))).toBeNull();
    expect(validateOrderNumber('ＮＲＴ－２４０００１')).toBeNull();
    expect(typedOrderNumber(' ＮＲＴ－２４０００１ ')).toBe('NRT-240001');
    expect(validateEmail('ｄｅｍｏ＠ｅｘａｍｐｌｅ．ｃｏｍ')).toBeNull();
    expect(typedEmail(' ｄｅｍｏ＠ｅｘａｍｐｌｅ．ｃｏｍ ')).toBe('demo@example.com');
  });

  it('reads an expiry typed as 12/30, 12-30, 1230, 1/30, 12/2030 or 12 / 30 as 12/30', () => {
    for (const typed of ['12/30', '12-30', '1230', '12 / 30', '１２３０', '12.30', '12/2030']) expect(cardExpiry(typed), typed).toBe('12/30');
    expect(cardExpiry('1/30')).toBe('01/30');
    for (const typed of ['', '123', '12/3', '12//30', '12/300', 'ab/cd']) expect(cardExpiry(typed), typed).toBeNull();
    expect(validateCardExpiry('12-30', TODAY)).toBeNull();
    expect(validateCardExpiry('1230', TODAY)).toBeNull();
    expect(validateCardExpiry('13-30', TODAY)).toBe('card-expiry-invalid');
  });
});
