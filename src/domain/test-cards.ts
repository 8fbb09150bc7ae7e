/**
 * Stripe's documented test card numbers and what charging each does, for the two demo backends
 * (the in-browser demo provider and the reference server's simulated processor), the tests and
 * the stories. Any other valid number succeeds. Imports nothing.
 */

/** What charging a test card does; decided at tokenization and kept instead of the number. */
export type CardBehaviour = 'succeed' | 'card_declined' | 'insufficient_funds' | 'authenticate';

export const TEST_CARDS = {
  succeeds: '4242424242424242',
  declined: '4000000000000002',
  insufficientFunds: '4000000000009995',
  needsAuthentication: '4000002760003184',
} as const;

/** Each test card's number and its behaviour. */
export const TEST_CARD_BEHAVIOURS: ReadonlyMap<string, CardBehaviour> = new Map([
  [TEST_CARDS.succeeds, 'succeed'],
  [TEST_CARDS.declined, 'card_declined'],
  [TEST_CARDS.insufficientFunds, 'insufficient_funds'],
  [TEST_CARDS.needsAuthentication, 'authenticate'],
]);
