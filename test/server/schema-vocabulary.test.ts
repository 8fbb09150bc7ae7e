/**
 * The database's CHECK constraints name the same closed sets as the domain module. Shipped
 * migrations are never edited (server/src/sqlite.ts), so they cannot be generated from the
 * lists; instead this fails when a list and its constraint part ways, and a new migration
 * must follow the list.
 */
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../server/src/sqlite.js';
import { CHANNELS, IDENTIFY_METHODS, PAYMENT_METHODS, type PaymentOutcome } from '../../src/domain/types.js';
import { ACTIVATION_SCENARIOS } from '../../src/domain/codes.js';

/** Every `column … CHECK (column IN ('a', 'b'))` in the migrations, by table and column. */
function checkedValues(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const migration of MIGRATIONS) {
    for (const table of migration.matchAll(/CREATE TABLE (\w+) \(([\s\S]*?)\n\s*\);/g)) {
      for (const check of table[2]!.matchAll(/CHECK \((\w+) IN \(([^)]*)\)\)/g)) {
        found.set(
          `${table[1]}.${check[1]}`,
          [...check[2]!.matchAll(/'([^']*)'/g)].map((m) => m[1]!),
        );
      }
    }
  }
  return found;
}

const PAYMENT_STATUSES = ['succeeded', 'requires-action', 'pending-cash', 'declined', 'failed'] as const satisfies readonly PaymentOutcome['status'][];

describe('the SQLite schema and the domain vocabulary', () => {
  const checked = checkedValues();

  it.each([
    ['accounts.channel', CHANNELS],
    ['payments.method', PAYMENT_METHODS],
    ['sign_ins.method', IDENTIFY_METHODS],
    ['payments.status', PAYMENT_STATUSES],
    ['payments.activation_mode', ACTIVATION_SCENARIOS],
  ] as const)('%s takes exactly the domain list', (column, list) => {
    expect(checked.get(column)).toEqual([...list]);
  });

  it('names no other checked list (a new one is added to the table above)', () => {
    expect([...checked.keys()].sort()).toEqual(['accounts.channel', 'payments.activation_mode', 'payments.method', 'payments.status', 'sign_ins.method']);
  });
});
