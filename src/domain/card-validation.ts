/**
 * Validators of the card form. Used only in the view (card data never enters the statechart)
 * and by the demo provider's tokenization, so they load with the later steps.
 */
import { digitsOnly, luhnValid, normalizeTyped, type FieldError } from './validation.js';

export type CardBrand = 'visa' | 'mastercard' | 'amex' | 'jcb' | 'diners' | 'discover' | 'unionpay' | 'unknown';

/** The brand from the number's prefix (IIN ranges), for display and for the security code's length. */
export function cardBrand(number: string): CardBrand {
  const n = digitsOnly(number);
  if (/^4/.test(n)) return 'visa';
  if (/^(5[1-5]|2(2[2-9]|[3-6]\d|7[01]|720))/.test(n)) return 'mastercard';
  if (/^3[47]/.test(n)) return 'amex';
  if (/^35(2[89]|[3-8]\d)/.test(n)) return 'jcb';
  if (/^3(0[0-5]|[689])/.test(n)) return 'diners';
  if (/^6(011|5)/.test(n)) return 'discover';
  if (/^62/.test(n)) return 'unionpay';
  return 'unknown';
}

export function validateCardNumber(value: string): FieldError | null {
  const n = digitsOnly(value);
  if (n === '') return 'required';
  if (!/^\d{12,19}$/.test(n)) return 'card-number-invalid';
  return luhnValid(n) ? null : 'card-checksum';
}

/**
 * A card's expiry as typed, as `MM/YY`, or null when it is not one: `12/30`, `12 / 30`, `12-30`,
 * `1230`, `1/30`, `12/2030` and their full-width forms (`１２／３０`) all read as `12/30`.
 */
export function cardExpiry(value: string): string | null {
  const v = normalizeTyped(value);
  const m = /^(\d{2})(\d{2})$/.exec(v) ?? /^(\d{1,2})[/.-](?:20)?(\d{2})$/.exec(v);
  return m ? `${m[1]!.padStart(2, '0')}/${m[2]}` : null;
}

/** The expiry (see {@link cardExpiry}); valid through the last day of that month. `today` is `YYYY-MM-DD`. */
export function validateCardExpiry(value: string, today: string): FieldError | null {
  if (normalizeTyped(value) === '') return 'required';
  const expiry = cardExpiry(value);
  if (!expiry) return 'card-expiry-invalid';
  const month = Number(expiry.slice(0, 2));
  if (month < 1 || month > 12) return 'card-expiry-invalid';
  const year = 2000 + Number(expiry.slice(3));
  const [ty, tm] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  return year < ty || (year === ty && month < tm) ? 'card-expired' : null;
}

export function validateCardCvc(value: string, brand: CardBrand): FieldError | null {
  const v = normalizeTyped(value);
  if (v === '') return 'required';
  const len = brand === 'amex' ? 4 : 3;
  return new RegExp(`^\\d{${len}}$`).test(v) ? null : 'card-cvc-invalid';
}
