/**
 * The demo accounts' sign-in facts that the demo backends (the in-browser demo's catalogue, the
 * reference server's seed), the tests, the stories and the README's "Demo inputs" share. The
 * accounts themselves (what each shows) are the demo catalogue's (src/providers/catalogue.ts).
 * Imports nothing.
 */

/** The password of every demo account that has one. */
export const DEMO_PASSWORD = 'demo1234';

/** The airport eSIM's ICCID: 19 digits, the 89 telecom prefix, 81 for Japan, Luhn check digit 2. */
export const DEMO_ICCID = '8981100000000000002';

/** The happy path's account: 2 days left, top up any time, card, PayPal or konbini. */
export const DEMO_USER = 'demo@example.com';

/** The happy path account's eSIM, which (with its e-mail) also finds the account's orders. */
export const DEMO_USER_ICCID = '8981000000000001233';
