// better-sqlite3 ships no types; ours cover what the repository uses (the compiled server needs the reference).
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./better-sqlite3.d.ts" />
/**
 * The {@link Repository} on SQLite (better-sqlite3). Migrations run on open (the
 * `schema_version` table); an empty database is seeded from the shared catalogue
 * (src/providers/catalogue.ts), with passwords hashed by scrypt. Every statement is prepared
 * and parameterised. better-sqlite3 is synchronous: each atomic method is one `IMMEDIATE`
 * transaction, so it also holds against a second process on the same file (the CLI).
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DEMO_ACCOUNTS } from '../../src/providers/catalogue.js';
import { digitsOnly } from '../../src/domain/validation.js';
import type { Capabilities, Channel, PaymentMethod } from '../../src/domain/types.js';
import type { ActivationScenario, DeclineCode } from '../../src/domain/codes.js';
import { hashPassword } from './passwords.js';
import type {
  AccountRecord,
  IdempotencyClaim,
  OrderRecord,
  PaymentRecord,
  PaymentStatus,
  Repository,
  SessionRecord,
  Settlement,
  SignInLookup,
  SignInMatch,
  StoredResponse,
  TicketRecord,
  VoucherRecord,
} from './repository.js';

/** Each entry moves the schema one version up; never edit one that has shipped, add another. */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE accounts (
    id TEXT PRIMARY KEY,
    channel TEXT NOT NULL CHECK (channel IN ('online', 'shop', 'airport')),
    locked INTEGER NOT NULL DEFAULT 0,
    plan_name TEXT NOT NULL,
    expires_in_days INTEGER NOT NULL,
    expires_at TEXT,
    data_left_mb REAL,
    iccid TEXT,
    capabilities TEXT NOT NULL
  );
  CREATE TABLE sign_ins (
    id INTEGER PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    method TEXT NOT NULL CHECK (method IN ('account', 'iccid', 'order')),
    username TEXT,
    password_hash TEXT,
    iccid TEXT,
    order_number TEXT,
    email TEXT
  );
  CREATE INDEX sign_ins_by_username ON sign_ins (username) WHERE method = 'account';
  CREATE INDEX sign_ins_by_iccid ON sign_ins (iccid) WHERE method = 'iccid';
  CREATE INDEX sign_ins_by_order ON sign_ins (order_number) WHERE method = 'order';
  CREATE TABLE sessions (
    id_hash TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  );
  CREATE TABLE orders (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    reference TEXT NOT NULL UNIQUE,
    plan_id TEXT NOT NULL,
    plan_name TEXT NOT NULL,
    quantity INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND 10),
    total_amount INTEGER NOT NULL,
    currency TEXT NOT NULL,
    new_expires_at TEXT NOT NULL,
    starts_at TEXT,
    created_at INTEGER NOT NULL,
    paid_by TEXT,
    paid_at INTEGER,
    activation_mode TEXT,
    activate_at INTEGER,
    activated_at INTEGER
  );
  CREATE INDEX orders_open ON orders (account_id, plan_id, quantity) WHERE paid_by IS NULL;
  CREATE TABLE payments (
    id TEXT PRIMARY KEY,
    order_id TEXT NOT NULL REFERENCES orders (id),
    account_id TEXT NOT NULL REFERENCES accounts (id),
    method TEXT NOT NULL CHECK (method IN ('card', 'paypal', 'konbini')),
    status TEXT NOT NULL CHECK (status IN ('succeeded', 'requires-action', 'pending-cash', 'declined', 'failed')),
    action TEXT,
    decline_code TEXT,
    card_brand TEXT,
    card_last4 TEXT CHECK (card_last4 IS NULL OR length(card_last4) = 4),
    voucher_number TEXT,
    created_at INTEGER NOT NULL,
    charged INTEGER NOT NULL DEFAULT 0,
    activation_mode TEXT NOT NULL CHECK (activation_mode IN ('immediate', 'delayed', 'never', 'failed')),
    activation_delay_ms INTEGER NOT NULL
  );
  -- One charge per order, whatever the code above does.
  CREATE UNIQUE INDEX payments_one_charge ON payments (order_id) WHERE charged = 1;
  CREATE INDEX payments_by_order ON payments (order_id, created_at);
  CREATE TABLE vouchers (
    number TEXT PRIMARY KEY,
    payment_id TEXT NOT NULL UNIQUE REFERENCES payments (id),
    pay_by TEXT NOT NULL,
    total_amount INTEGER NOT NULL,
    currency TEXT NOT NULL,
    paid_at INTEGER
  );
  CREATE TABLE idempotency (
    scope TEXT NOT NULL,
    key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    status INTEGER,
    body TEXT,
    PRIMARY KEY (scope, key)
  );
  CREATE TABLE tickets (
    id TEXT PRIMARY KEY,
    account_id TEXT,
    order_reference TEXT,
    iccid TEXT,
    tried_checks TEXT NOT NULL,
    message TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE login_throttle (
    key TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    locked_until INTEGER,
    updated_at INTEGER NOT NULL
  );
  `,
  // The account's latest order; sign-in by a renewal order's reference, whatever its case.
  `
  CREATE INDEX orders_by_account ON orders (account_id, created_at);
  CREATE INDEX orders_by_reference ON orders (reference COLLATE NOCASE);
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** An unfinished idempotency claim older than this is taken as abandoned (its process died). */
const STALE_CLAIM_MS = 60_000;

const norm = (s: string) => s.trim().toLowerCase();

interface AccountRow {
  id: string;
  channel: Channel;
  locked: number;
  plan_name: string;
  expires_in_days: number;
  expires_at: string | null;
  data_left_mb: number | null;
  iccid: string | null;
  capabilities: string;
}
interface OrderRow {
  id: string;
  account_id: string;
  reference: string;
  plan_id: string;
  plan_name: string;
  quantity: number;
  total_amount: number;
  currency: string;
  new_expires_at: string;
  starts_at: string | null;
  created_at: number;
  paid_by: string | null;
  paid_at: number | null;
  activation_mode: ActivationScenario | null;
  activate_at: number | null;
  activated_at: number | null;
}
interface PaymentRow {
  id: string;
  order_id: string;
  account_id: string;
  method: PaymentMethod;
  status: PaymentStatus;
  action: 'authenticate' | 'paypal-approval' | null;
  decline_code: DeclineCode | null;
  card_brand: string | null;
  card_last4: string | null;
  voucher_number: string | null;
  created_at: number;
  charged: number;
  activation_mode: ActivationScenario;
  activation_delay_ms: number;
}
interface VoucherRow {
  number: string;
  payment_id: string;
  pay_by: string;
  total_amount: number;
  currency: string;
  paid_at: number | null;
}

const account = (r: AccountRow): AccountRecord => ({
  id: r.id,
  channel: r.channel,
  locked: r.locked === 1,
  planName: r.plan_name,
  expiresInDays: r.expires_in_days,
  expiresAt: r.expires_at,
  dataLeftMb: r.data_left_mb,
  iccid: r.iccid,
  capabilities: JSON.parse(r.capabilities) as Capabilities,
});
const order = (r: OrderRow): OrderRecord => ({
  id: r.id,
  accountId: r.account_id,
  reference: r.reference,
  planId: r.plan_id,
  planName: r.plan_name,
  quantity: r.quantity,
  totalAmount: r.total_amount,
  currency: r.currency,
  newExpiresAt: r.new_expires_at,
  startsAt: r.starts_at,
  createdAt: r.created_at,
  paidBy: r.paid_by,
  paidAt: r.paid_at,
  activationMode: r.activation_mode,
  activateAt: r.activate_at,
  activatedAt: r.activated_at,
});
const payment = (r: PaymentRow): PaymentRecord => ({
  id: r.id,
  orderId: r.order_id,
  accountId: r.account_id,
  method: r.method,
  status: r.status,
  action: r.action,
  declineCode: r.decline_code,
  cardBrand: r.card_brand,
  cardLast4: r.card_last4,
  voucherNumber: r.voucher_number,
  createdAt: r.created_at,
  charged: r.charged === 1,
  activation: { mode: r.activation_mode, delayMs: r.activation_delay_ms },
});
const voucher = (r: VoucherRow): VoucherRecord => ({
  number: r.number,
  paymentId: r.payment_id,
  payBy: r.pay_by,
  totalAmount: r.total_amount,
  currency: r.currency,
  paidAt: r.paid_at,
});

/** Opens (creating, migrating and seeding when needed) the database at `file`. */
export async function openSqliteRepository(file: string, options: { scryptCost?: number } = {}): Promise<Repository & { readonly db: Database }> {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file, { timeout: 5000 });
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('secure_delete = ON');
  migrate(db);
  await seed(db, options.scryptCost);
  return sqliteRepository(db);
}

function migrate(db: Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
  const row = db.prepare<{ version: number }>('SELECT version FROM schema_version').get();
  if (!row) db.prepare('INSERT INTO schema_version (version) VALUES (0)').run();
  const current = row?.version ?? 0;
  if (current > MIGRATIONS.length) throw new Error(`the database is at schema version ${current}, newer than this server (${MIGRATIONS.length})`);
  MIGRATIONS.slice(current).forEach((sql, i) => {
    db.transaction(() => {
      db.exec(sql);
      db.prepare('UPDATE schema_version SET version = ?').run(current + i + 1);
    }).immediate();
  });
}

/** Fills an empty database with the catalogue's demo accounts. */
async function seed(db: Database, scryptCost?: number): Promise<void> {
  const count = db.prepare<{ n: number }>('SELECT count(*) AS n FROM accounts').get()?.n ?? 0;
  if (count > 0) return;
  const toHash = DEMO_ACCOUNTS.flatMap((a) =>
    a.signIns.flatMap((s) => (s.method === 'account' && s.password !== null ? [[`${a.accountId}:${s.username}`, s.password] as const] : [])),
  );
  const hashes = new Map(await Promise.all(toHash.map(async ([key, password]) => [key, await hashPassword(password, scryptCost)] as const)));
  const insertAccount = db.prepare(
    'INSERT INTO accounts (id, channel, locked, plan_name, expires_in_days, expires_at, data_left_mb, iccid, capabilities) VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?)',
  );
  const insertSignIn = db.prepare(
    'INSERT INTO sign_ins (account_id, method, username, password_hash, iccid, order_number, email) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  db.transaction(() => {
    if ((db.prepare<{ n: number }>('SELECT count(*) AS n FROM accounts').get()?.n ?? 0) > 0) return;
    for (const a of DEMO_ACCOUNTS) {
      insertAccount.run(a.accountId, a.channel, a.locked ? 1 : 0, a.planName, a.expiresInDays, a.dataLeftMb, a.iccid ?? null, JSON.stringify(a.capabilities));
      for (const s of a.signIns) {
        if (s.method === 'account')
          insertSignIn.run(a.accountId, 'account', norm(s.username), hashes.get(`${a.accountId}:${s.username}`) ?? null, null, null, null);
        if (s.method === 'iccid') insertSignIn.run(a.accountId, 'iccid', null, null, digitsOnly(s.iccid), null, norm(s.email));
        if (s.method === 'order') insertSignIn.run(a.accountId, 'order', null, null, null, norm(s.orderNumber), norm(s.email));
      }
    }
  }).immediate();
}

function sqliteRepository(db: Database): Repository & { readonly db: Database } {
  const q = {
    signInAccount: db.prepare<SignInMatch>(
      "SELECT s.account_id AS accountId, s.password_hash AS passwordHash FROM sign_ins s JOIN accounts a ON a.id = s.account_id WHERE s.method = 'account' AND a.channel = ? AND s.username = ?",
    ),
    // An ICCID or an order number names one eSIM in any channel.
    signInIccid: db.prepare<SignInMatch>(
      "SELECT account_id AS accountId, NULL AS passwordHash FROM sign_ins WHERE method = 'iccid' AND iccid = ? AND email = ? ORDER BY id LIMIT 1",
    ),
    signInOrder: db.prepare<SignInMatch>(
      "SELECT account_id AS accountId, NULL AS passwordHash FROM sign_ins WHERE method = 'order' AND order_number = ? AND email = ? ORDER BY id LIMIT 1",
    ),
    // A renewal order's reference, with an e-mail the account that placed it signs in with.
    signInReference: db.prepare<SignInMatch>(
      `SELECT o.account_id AS accountId, NULL AS passwordHash FROM orders o
       WHERE o.reference = ? COLLATE NOCASE
         AND EXISTS (SELECT 1 FROM sign_ins s WHERE s.account_id = o.account_id AND (CASE s.method WHEN 'account' THEN s.username ELSE s.email END) = ?)
       LIMIT 1`,
    ),
    account: db.prepare<AccountRow>('SELECT * FROM accounts WHERE id = ?'),
    setExpiry: db.prepare('UPDATE accounts SET expires_at = ? WHERE id = ?'),
    createSession: db.prepare('INSERT INTO sessions (id_hash, account_id, created_at, expires_at) VALUES (?, ?, ?, ?)'),
    session: db.prepare<{ id_hash: string; account_id: string; created_at: number; expires_at: number }>('SELECT * FROM sessions WHERE id_hash = ?'),
    deleteSession: db.prepare('DELETE FROM sessions WHERE id_hash = ?'),
    deleteExpiredSessions: db.prepare('DELETE FROM sessions WHERE expires_at <= ?'),
    createOrder: db.prepare(
      `INSERT INTO orders (id, account_id, reference, plan_id, plan_name, quantity, total_amount, currency, new_expires_at, starts_at, created_at)
       VALUES (@id, @accountId, @reference, @planId, @planName, @quantity, @totalAmount, @currency, @newExpiresAt, @startsAt, @createdAt)`,
    ),
    order: db.prepare<OrderRow>('SELECT * FROM orders WHERE id = ?'),
    openOrder: db.prepare<OrderRow>(
      'SELECT * FROM orders WHERE account_id = ? AND plan_id = ? AND quantity = ? AND paid_by IS NULL ORDER BY created_at DESC, rowid DESC LIMIT 1',
    ),
    orderByReference: db.prepare<OrderRow>('SELECT * FROM orders WHERE account_id = ? AND reference = ? COLLATE NOCASE'),
    latestOrder: db.prepare<OrderRow>('SELECT * FROM orders WHERE account_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1'),
    activateOrder: db.prepare('UPDATE orders SET activated_at = ? WHERE id = ? AND activated_at IS NULL'),
    scheduleOrder: db.prepare('UPDATE orders SET activate_at = ? WHERE id = ? AND activate_at IS NULL'),
    payOrder: db.prepare('UPDATE orders SET paid_by = ?, paid_at = ?, activation_mode = ?, activate_at = ? WHERE id = ? AND paid_by IS NULL'),
    createPayment: db.prepare(
      `INSERT INTO payments (id, order_id, account_id, method, status, action, decline_code, card_brand, card_last4, voucher_number, created_at, charged, activation_mode, activation_delay_ms)
       VALUES (@id, @orderId, @accountId, @method, @status, @action, @declineCode, @cardBrand, @cardLast4, @voucherNumber, @createdAt, 0, @activationMode, @activationDelayMs)`,
    ),
    createVoucher: db.prepare('INSERT INTO vouchers (number, payment_id, pay_by, total_amount, currency, paid_at) VALUES (?, ?, ?, ?, ?, NULL)'),
    payment: db.prepare<PaymentRow>('SELECT * FROM payments WHERE id = ?'),
    latestPayment: db.prepare<PaymentRow>('SELECT * FROM payments WHERE order_id = ? ORDER BY charged DESC, created_at DESC, rowid DESC LIMIT 1'),
    updatePayment: db.prepare("UPDATE payments SET status = ?, decline_code = ? WHERE id = ? AND status <> 'succeeded'"),
    chargePayment: db.prepare("UPDATE payments SET status = 'succeeded', action = NULL, charged = 1 WHERE id = ?"),
    failPayment: db.prepare("UPDATE payments SET status = 'failed' WHERE id = ? AND charged = 0"),
    voucher: db.prepare<VoucherRow>('SELECT * FROM vouchers WHERE number = ?'),
    payVoucher: db.prepare('UPDATE vouchers SET paid_at = ? WHERE number = ? AND paid_at IS NULL'),
    claim: db.prepare('INSERT INTO idempotency (scope, key, request_hash, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (scope, key) DO NOTHING'),
    claimed: db.prepare<{ request_hash: string; created_at: number; status: number | null; body: string | null }>(
      'SELECT request_hash, created_at, status, body FROM idempotency WHERE scope = ? AND key = ?',
    ),
    reclaim: db.prepare('UPDATE idempotency SET request_hash = ?, created_at = ? WHERE scope = ? AND key = ? AND status IS NULL'),
    complete: db.prepare('UPDATE idempotency SET status = ?, body = ? WHERE scope = ? AND key = ?'),
    release: db.prepare('DELETE FROM idempotency WHERE scope = ? AND key = ? AND status IS NULL'),
    createTicket: db.prepare('INSERT INTO tickets (id, account_id, order_reference, iccid, tried_checks, message, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    throttle: db.prepare<{ failures: number; locked_until: number | null }>('SELECT failures, locked_until FROM login_throttle WHERE key = ?'),
    throttleFail: db.prepare(
      `INSERT INTO login_throttle (key, failures, locked_until, updated_at) VALUES (@key, 1, NULL, @now)
       ON CONFLICT (key) DO UPDATE SET failures = failures + 1, updated_at = @now`,
    ),
    throttleLock: db.prepare('UPDATE login_throttle SET locked_until = ? WHERE key = ?'),
    throttleClear: db.prepare('DELETE FROM login_throttle WHERE key = ?'),
  };

  const settle = (id: string, at: number): Settlement => {
    const p = q.payment.get(id);
    if (!p) throw new Error(`no payment ${id}`);
    const o = q.order.get(p.order_id)!;
    if (o.paid_by === id) return 'already';
    const mode = p.activation_mode;
    const activateAt = mode === 'immediate' ? at : mode === 'delayed' ? at + p.activation_delay_ms : null;
    if (o.paid_by !== null || q.payOrder.run(id, at, mode, activateAt, o.id).changes !== 1) {
      q.failPayment.run(id);
      return 'lost';
    }
    q.chargePayment.run(id);
    return 'charged';
  };
  const settleTx = db.transaction(settle);
  const payVoucherTx = db.transaction((number: string, at: number): Settlement => {
    const v = q.voucher.get(number);
    if (!v) throw new Error(`no voucher ${number}`);
    q.payVoucher.run(at, number);
    return settle(v.payment_id, at);
  });
  const activateTx = db.transaction((id: string, at: number): OrderRecord => {
    const o = q.order.get(id)!;
    if (o.activated_at === null) {
      q.activateOrder.run(at, id);
      q.setExpiry.run(o.new_expires_at, o.account_id);
    }
    return order(q.order.get(id)!);
  });
  const claimTx = db.transaction((scope: string, key: string, hash: string, now: number): IdempotencyClaim => {
    if (q.claim.run(scope, key, hash, now).changes === 1) return { state: 'new' };
    const row = q.claimed.get(scope, key)!;
    if (row.status === null && row.created_at < now - STALE_CLAIM_MS) {
      q.reclaim.run(hash, now, scope, key);
      return { state: 'new' };
    }
    if (row.request_hash !== hash) return { state: 'conflict' };
    if (row.status === null) return { state: 'in-progress' };
    return { state: 'replay', response: { status: row.status, body: row.body === null ? null : (JSON.parse(row.body) as unknown) } };
  });
  const failTx = db.transaction((key: string, now: number, limit: number, lockoutMs: number) => {
    q.throttleFail.run({ key, now });
    const row = q.throttle.get(key)!;
    const lockedUntil = row.failures >= limit ? now + lockoutMs : row.locked_until;
    if (row.failures >= limit) q.throttleLock.run(lockedUntil, key);
    return { failures: row.failures, lockedUntil };
  });

  const ok = <T>(value: T): Promise<T> => Promise.resolve(value);
  const run = <T>(work: () => T): Promise<T> => {
    try {
      return Promise.resolve(work());
    } catch (error) {
      return Promise.reject(error);
    }
  };

  return {
    db,
    accounts: {
      findSignIn: (l: SignInLookup) =>
        run(
          () =>
            (l.method === 'account'
              ? q.signInAccount.get(l.channel, norm(l.username))
              : l.method === 'iccid'
                ? q.signInIccid.get(digitsOnly(l.iccid), norm(l.email))
                : q.signInOrder.get(norm(l.orderNumber), norm(l.email))) ?? null,
        ),
      get: (id) =>
        run(() => {
          const r = q.account.get(id);
          return r ? account(r) : null;
        }),
      setExpiry: (id, expiresAt) => run(() => void q.setExpiry.run(expiresAt, id)),
    },
    sessions: {
      create: (s: SessionRecord) => run(() => void q.createSession.run(s.idHash, s.accountId, s.createdAt, s.expiresAt)),
      get: (idHash) =>
        run(() => {
          const r = q.session.get(idHash);
          return r ? { idHash: r.id_hash, accountId: r.account_id, createdAt: r.created_at, expiresAt: r.expires_at } : null;
        }),
      delete: (idHash) => run(() => void q.deleteSession.run(idHash)),
      deleteExpired: (now) => run(() => void q.deleteExpiredSessions.run(now)),
    },
    orders: {
      create: (o: OrderRecord) =>
        run(
          () =>
            void q.createOrder.run({
              id: o.id,
              accountId: o.accountId,
              reference: o.reference,
              planId: o.planId,
              planName: o.planName,
              quantity: o.quantity,
              totalAmount: o.totalAmount,
              currency: o.currency,
              newExpiresAt: o.newExpiresAt,
              startsAt: o.startsAt,
              createdAt: o.createdAt,
            }),
        ),
      get: (id) =>
        run(() => {
          const r = q.order.get(id);
          return r ? order(r) : null;
        }),
      findOpen: (accountId, planId, quantity) =>
        run(() => {
          const r = q.openOrder.get(accountId, planId, quantity);
          return r ? order(r) : null;
        }),
      latestFor: (accountId) =>
        run(() => {
          const r = q.latestOrder.get(accountId);
          return r ? order(r) : null;
        }),
      byReference: (accountId, reference) =>
        run(() => {
          const r = q.orderByReference.get(accountId, reference.trim());
          return r ? order(r) : null;
        }),
      findSignIn: (reference, email) => run(() => q.signInReference.get(reference.trim(), norm(email)) ?? null),
      activate: (id, at) => run(() => activateTx.immediate(id, at)),
      schedule: (id, activateAt) => run(() => void q.scheduleOrder.run(activateAt, id)),
    },
    payments: {
      create: (p: PaymentRecord, v?: VoucherRecord) =>
        run(() =>
          db
            .transaction(() => {
              q.createPayment.run({
                id: p.id,
                orderId: p.orderId,
                accountId: p.accountId,
                method: p.method,
                status: p.status,
                action: p.action,
                declineCode: p.declineCode,
                cardBrand: p.cardBrand,
                cardLast4: p.cardLast4,
                voucherNumber: p.voucherNumber,
                createdAt: p.createdAt,
                activationMode: p.activation.mode,
                activationDelayMs: p.activation.delayMs,
              });
              if (v) q.createVoucher.run(v.number, v.paymentId, v.payBy, v.totalAmount, v.currency);
            })
            .immediate(),
        ),
      get: (id) =>
        run(() => {
          const r = q.payment.get(id);
          return r ? payment(r) : null;
        }),
      latestFor: (orderId) =>
        run(() => {
          const r = q.latestPayment.get(orderId);
          return r ? payment(r) : null;
        }),
      update: (id, status, declineCode = null) => run(() => void q.updatePayment.run(status, declineCode, id)),
      settle: (id, at) => run(() => settleTx.immediate(id, at)),
    },
    vouchers: {
      get: (number) =>
        run(() => {
          const r = q.voucher.get(number);
          return r ? voucher(r) : null;
        }),
      pay: (number, at) => run(() => payVoucherTx.immediate(number, at)),
    },
    idempotency: {
      claim: (scope, key, hash, now) => run(() => claimTx.immediate(scope, key, hash, now)),
      complete: (scope, key, r: StoredResponse) => run(() => void q.complete.run(r.status, JSON.stringify(r.body ?? null), scope, key)),
      release: (scope, key) => run(() => void q.release.run(scope, key)),
    },
    tickets: {
      create: (t: TicketRecord) =>
        run(() => void q.createTicket.run(t.id, t.accountId, t.orderReference, t.iccid, JSON.stringify(t.triedChecks), t.message, t.createdAt)),
    },
    throttle: {
      lockedUntil: (key, now) =>
        run(() => {
          const r = q.throttle.get(key);
          return r?.locked_until && r.locked_until > now ? r.locked_until : null;
        }),
      fail: (key, now, limit, lockoutMs) => run(() => failTx.immediate(key, now, limit, lockoutMs)),
      clear: (key) => run(() => void q.throttleClear.run(key)),
    },
    close: () => ok(void (db.open && db.close())),
  };
}
