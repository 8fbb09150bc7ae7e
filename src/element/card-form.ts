/**
 * The card form: what the person types, its errors, and the card that goes to tokenization
 * once it is valid. The card number and security code stay here and in the provider call that
 * tokenizes them; the machine learns only whether the form is valid, then a token, a brand and
 * the last four digits.
 */
import { cardBrand, cardExpiry, validateCardCvc, validateCardExpiry, validateCardNumber } from '../domain/card-validation.js';
import { digitsOnly, normalizeTyped } from '../domain/validation.js';
import { localToday } from '../i18n/today.js';
import type { CardInput } from '../providers/contract.js';

/** The card form as typed. */
export interface CardFields {
  number: string;
  expiry: string;
  cvc: string;
}

export const EMPTY_CARD: CardFields = { number: '', expiry: '', cvc: '' };

/** Errors of the card form, field by field (null: the field is fine). */
export function cardErrors(card: CardFields, today = localToday()) {
  return {
    number: validateCardNumber(card.number),
    expiry: validateCardExpiry(card.expiry, today),
    cvc: validateCardCvc(card.cvc, cardBrand(card.number)),
  };
}

/** The card form's verdict, and what goes to tokenization when it is valid. */
export function cardForTokenizing(card: CardFields): CardInput | null {
  const errors = cardErrors(card);
  if (errors.number || errors.expiry || errors.cvc) return null;
  // As the processor expects it, whatever keyboard typed it: digits, `MM/YY`.
  return { number: digitsOnly(card.number), expiry: cardExpiry(card.expiry)!, cvc: normalizeTyped(card.cvc) };
}
