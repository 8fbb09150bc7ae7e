/**
 * Password hashing with scrypt (node:crypto): `scrypt$N$r$p$salt$hash`, salt and hash in base64url.
 * The parameters travel with each hash, so they can be raised later without a migration.
 */
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt's cost (N) for new hashes. Tests lower it to start servers fast; stored hashes carry their own. */
export const DEFAULT_SCRYPT_COST = 16_384;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;

const scrypt = (password: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> =>
  new Promise((resolve, reject) => scryptCb(password.normalize('NFKC'), salt, keylen, options, (error, key) => (error ? reject(error) : resolve(key))));

const maxmem = (n: number, r: number) => 256 * n * r + 1024 * 1024;

export async function hashPassword(password: string, cost = DEFAULT_SCRYPT_COST): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEY_LENGTH, { N: cost, r: R, p: P, maxmem: maxmem(cost, R) });
  return ['scrypt', cost, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Constant-time comparison; a malformed hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const [cost, blockSize, parallel] = [Number(n), Number(r), Number(p)];
  if (![cost, blockSize, parallel].every(Number.isSafeInteger) || expected.length < 16) return false;
  const key = await scrypt(password, Buffer.from(salt, 'base64url'), expected.length, { N: cost, r: blockSize, p: parallel, maxmem: maxmem(cost, blockSize) });
  return timingSafeEqual(key, expected);
}

/** A hash of nothing anyone knows: checked against when the user name is unknown, so the answer takes as long. */
const dummies = new Map<number, Promise<string>>();
export function dummyHash(cost = DEFAULT_SCRYPT_COST): Promise<string> {
  let hash = dummies.get(cost);
  if (!hash) dummies.set(cost, (hash = hashPassword(randomBytes(18).toString('base64url'), cost)));
  return hash;
}
