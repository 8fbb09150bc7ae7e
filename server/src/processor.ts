/**
 * The simulated payment processor: card data in, a token out, nothing kept. The token is the
 * outcome the test card stands for (Stripe's documented test numbers), its brand and last four
 * digits, and an expiry, signed with HMAC-SHA256 under the server's secret: the merchant API
 * later verifies it without any stored state. The number and security code are used for
 * validation only and never leave this function.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { cardBrand, validateCardCvc, validateCardExpiry, validateCardNumber } from '../../src/domain/card-validation.js';
import { digitsOnly } from '../../src/domain/validation.js';
import { TEST_CARD_BEHAVIOURS, type CardBehaviour } from '../../src/domain/test-cards.js';

const TOKEN_TTL_MS = 30 * 60_000;
const PREFIX = 'tok_';

export interface CardClaims {
  readonly behaviour: CardBehaviour;
  readonly brand: string;
  readonly last4: string;
  /** Epoch ms. */
  readonly expiresAt: number;
}

export type TokenizeResult = { ok: true; token: string; brand: string; last4: string } | { ok: false };

export function tokenize(secret: Buffer, card: { number: string; expiry: string; cvc: string }, now: number): TokenizeResult {
  const number = digitsOnly(card.number);
  const brand = cardBrand(number);
  const today = new Date(now).toISOString().slice(0, 10);
  if (validateCardNumber(number) || validateCardExpiry(card.expiry, today) || validateCardCvc(card.cvc, brand)) return { ok: false };
  const claims = {
    b: TEST_CARD_BEHAVIOURS.get(number) ?? 'succeed',
    r: brand,
    l: number.slice(-4),
    e: now + TOKEN_TTL_MS,
    n: randomBytes(9).toString('base64url'),
  };
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return { ok: true, token: `${PREFIX}${payload}.${sign(secret, payload)}`, brand, last4: claims.l };
}

/** The token's claims, or null when it is forged, malformed or expired. */
export function verifyToken(secret: Buffer, token: string, now: number): CardClaims | null {
  if (!token.startsWith(PREFIX)) return null;
  const [payload, signature, ...rest] = token.slice(PREFIX.length).split('.');
  if (!payload || !signature || rest.length) return null;
  const expected = Buffer.from(sign(secret, payload), 'base64url');
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const c = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { b: CardBehaviour; r: string; l: string; e: number };
    if (typeof c.e !== 'number' || c.e < now) return null;
    return { behaviour: c.b, brand: c.r, last4: c.l, expiresAt: c.e };
  } catch {
    return null;
  }
}

const sign = (secret: Buffer, payload: string) => createHmac('sha256', secret).update(`card-token.v1.${payload}`).digest('base64url');
