/**
 * Pure validators for what people type. They return an error key (looked up in the message
 * catalog) or `null` when the value is fine. No DOM, no dates parsed by hand.
 */

export type FieldError =
  | 'required'
  | 'email-invalid'
  | 'iccid-digits'
  | 'iccid-length'
  | 'iccid-checksum'
  | 'order-invalid'
  | 'too-long'
  | 'date-invalid'
  | 'date-incomplete'
  | 'date-too-far'
  | 'days-invalid'
  | 'card-number-invalid'
  | 'card-checksum'
  | 'card-expiry-invalid'
  | 'card-expired'
  | 'card-cvc-invalid';

/** Luhn (mod 10) over a string of digits. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/**
 * What a Japanese (or Chinese, or Korean) keyboard types, as the ASCII the checks expect:
 * full-width digits, letters and signs folded (NFKC: `４２４２` is `4242`, `＠` is `@`, `／` is
 * `/`), and the dashes an input method offers for `-` (the long-vowel mark `ー`, the minus sign,
 * hyphens and dashes) read as `-`. Spaces are kept (NFKC makes the ideographic space a plain one).
 */
export function foldTyped(value: string): string {
  return value.normalize('NFKC').replace(/[\u2010-\u2015\u2212\u30FC]/g, '-');
}

/** The digits of a long number as typed: folded (see {@link foldTyped}), spaces and dashes between them removed. */
export function digitsOnly(value: string): string {
  return foldTyped(value).replace(/[\s-]/g, '');
}

export function validateRequiredText(value: string, max = 254): FieldError | null {
  const v = value.trim();
  // Blank also when only invisible format characters are left (zero-width spaces and joiners,
  // bidi marks, U+FEFF…), which trim() keeps: nothing a person could read was typed.
  if (/^\p{Cf}*$/u.test(v)) return 'required';
  if (v.length > max) return 'too-long';
  return null;
}

/** An e-mail address as typed, folded (a full-width `＠` is `@`) and trimmed: what is checked and sent. */
export function typedEmail(value: string): string {
  return foldTyped(value).trim();
}

export function validateEmail(value: string): FieldError | null {
  const v = typedEmail(value);
  if (v === '') return 'required';
  if (v.length > 254) return 'too-long';
  // Deliberately loose: one @, something on each side, a dot in the domain, no spaces.
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v) ? null : 'email-invalid';
}

/** ICCIDs are 19–20 digits starting with 89 (telecom), ending in a Luhn check digit. */
export function validateIccid(value: string): FieldError | null {
  const v = digitsOnly(value);
  if (v === '') return 'required';
  if (!/^\d+$/.test(v)) return 'iccid-digits';
  if (v.length < 19 || v.length > 20 || !v.startsWith('89')) return 'iccid-length';
  return luhnValid(v) ? null : 'iccid-checksum';
}

/** An order number as typed, folded (`ＮＲＴ－２４０００１` is `NRT-240001`) and trimmed: what is checked and sent. */
export function typedOrderNumber(value: string): string {
  return foldTyped(value).trim();
}

export function validateOrderNumber(value: string): FieldError | null {
  const v = typedOrderNumber(value);
  if (v === '') return 'required';
  if (v.length > 40) return 'too-long';
  return /^[A-Za-z0-9][A-Za-z0-9-]{3,39}$/.test(v) ? null : 'order-invalid';
}

/** The longest stretch of days people may enter: ten years. */
export const MAX_DAYS = 3650;

/** `YYYY-MM-DD` as `<input type=date>` gives it, and a real calendar day. */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const t = Date.parse(`${value}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === value;
}

/** Whole days from one calendar day to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function validateExpiryDate(value: string, today: string): FieldError | null {
  if (value === '') return 'required';
  if (!isCalendarDate(value)) return 'date-invalid';
  return Math.abs(daysBetween(today, value)) > MAX_DAYS ? 'date-too-far' : null;
}

/**
 * A calendar day as typed into its three fields (year, month, day), each kept exactly as typed:
 * three plain fields, not a browser date control, so the fields wrap at any width, come in the
 * order and words of the wizard's language, and take what a Japanese keyboard types.
 */
export interface DateParts {
  readonly year: string;
  readonly month: string;
  readonly day: string;
}

export const EMPTY_DATE: DateParts = { year: '', month: '', day: '' };

/**
 * What was typed into a numeric field, as plain ASCII: full-width digits and letters folded
 * (NFKC: `２０２７` is `2027`) and spaces dropped.
 */
export function normalizeTyped(value: string): string {
  return foldTyped(value).replace(/\s/g, '');
}

/**
 * What the fields take, in the order year, month, day: a year of four digits or two (phones
 * show `12/31/27`: this century's), a month and a day of one or two.
 */
const DATE_PART_PATTERNS = [/^(\d{2}|\d{4})$/, /^\d{1,2}$/, /^\d{1,2}$/];

const typedParts = (parts: DateParts): string[] => [parts.year, parts.month, parts.day].map(normalizeTyped);

/** The day the parts name, as `YYYY-MM-DD`, or `null` while they do not name one. */
export function dateFromParts(parts: DateParts): string | null {
  const typed = typedParts(parts);
  if (!typed.every((part, i) => DATE_PART_PATTERNS[i]!.test(part))) return null;
  const [year, month, day] = typed as [string, string, string];
  const iso = `${year.padStart(4, '20')}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isCalendarDate(iso) ? iso : null;
}

/** The error for a date typed into its three fields (see {@link validateExpiryDate}). */
export function validateDateParts(parts: DateParts, today: string): FieldError | null {
  const typed = typedParts(parts);
  if (typed.every((part) => part === '')) return 'required';
  // A part that can never be right is said at once; a missing one only once the rest is fine.
  if (typed.some((part, i) => part !== '' && !DATE_PART_PATTERNS[i]!.test(part))) return 'date-invalid';
  if (typed.includes('')) return 'date-incomplete';
  return validateExpiryDate(dateFromParts(parts) ?? '?', today);
}

export function validateDaysLeft(value: string): FieldError | null {
  const v = foldTyped(value).trim();
  if (v === '') return 'required';
  if (!/^\d{1,4}$/.test(v) || Number(v) > MAX_DAYS) return 'days-invalid';
  return null;
}
