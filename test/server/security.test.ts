/**
 * The reference server's defences: sign-in throttling, SQL meta-characters, no card data at rest
 * or in the log, CSRF and CORS, session expiry, headers, the page's CSP, the loopback-only admin.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_CSP } from '../../server/src/index.js';
import { DEMO_SIGN_IN, manualClock, startTestServer, type TestServer } from './helpers.js';

describe('sign-in throttling', () => {
  const clock = manualClock();
  let t: TestServer;
  beforeAll(async () => void (t = await startTestServer({ signInLockoutSeconds: 60 }, { now: clock.now })));
  afterAll(() => t.close());

  it('answers 429 with Retry-After after 5 failures in a row, even for the right password, until the lock-out passes', async () => {
    const c = t.client();
    for (let i = 0; i < 5; i++) expect((await c.post('/v1/session', { ...DEMO_SIGN_IN, password: `wrong-${i}` })).status).toBe(401);
    const locked = await c.post('/v1/session', DEMO_SIGN_IN);
    expect(locked.status).toBe(429);
    expect(locked.body).toMatchObject({ code: 'rate-limited', retryable: true });
    expect(Number(locked.headers.get('retry-after'))).toBe(60);
    // Another identity is not affected.
    expect((await c.post('/v1/session', { ...DEMO_SIGN_IN, username: 'carrier@example.com', channel: 'shop' })).status).toBe(200);

    clock.advance(45_000);
    expect(Number((await c.post('/v1/session', DEMO_SIGN_IN)).headers.get('retry-after'))).toBe(15);
    clock.advance(15_001);
    expect((await c.post('/v1/session', DEMO_SIGN_IN)).status).toBe(200);
    // A success resets the count: four more failures do not lock.
    for (let i = 0; i < 4; i++) expect((await c.post('/v1/session', { ...DEMO_SIGN_IN, password: 'nope' })).status).toBe(401);
    expect((await c.post('/v1/session', DEMO_SIGN_IN)).status).toBe(200);
  });

  it('counts unknown ICCIDs and order numbers too', async () => {
    const c = t.client();
    const attempt = { method: 'order', channel: 'airport', orderNumber: 'NRT-999999', email: 'traveler@example.com' };
    for (let i = 0; i < 5; i++) expect((await c.post('/v1/session', attempt)).status).toBe(404);
    expect((await c.post('/v1/session', attempt)).status).toBe(429);
  });

  it('locks an address out after 20 failures in a row across identities', async () => {
    clock.advance(120_000);
    const c = t.client();
    expect((await c.post('/v1/session', DEMO_SIGN_IN)).status).toBe(200); // a success starts the count afresh
    for (let i = 0; i < 20; i++) expect((await c.post('/v1/session', { ...DEMO_SIGN_IN, username: `nobody-${i}@example.com` })).status).toBe(401);
    expect((await c.post('/v1/session', DEMO_SIGN_IN)).status).toBe(429);
    clock.advance(60_001);
    expect((await c.post('/v1/session', DEMO_SIGN_IN)).status).toBe(200);
  });
});

describe('SQL meta-characters in every input', () => {
  let t: TestServer;
  // Many failed sign-ins from one address: not what this test is about.
  beforeAll(async () => void (t = await startTestServer({ signInMaxFailuresPerAddress: 10_000 })));
  afterAll(() => t.close());

  const NASTY = [
    "' OR 1=1 --",
    "' OR '1'='1",
    '"; DROP TABLE orders; --',
    "'); DROP TABLE accounts; --",
    "\\'; DELETE FROM sessions; --",
    '1; SELECT * FROM sign_ins',
    "%' OR username LIKE '%",
    "' UNION SELECT password_hash, 1 FROM sign_ins --",
    '*/ DROP TABLE payments /*',
    'demo@example.com\u0000',
  ];

  it('are data, never SQL: no 500, no sign-in, nothing dropped', async () => {
    const db = (t.server.repository as any).db;
    const tables = () => db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all();
    const before = { tables: tables(), accounts: db.prepare('SELECT count(*) AS n FROM accounts').get().n };
    const c = t.client();
    await c.signIn();
    const orderId = await c.order();
    const statuses: number[] = [];
    const note = async (p: Promise<{ status: number }>) => statuses.push((await p).status);
    for (const s of NASTY) {
      const anon = t.client();
      await note(anon.post('/v1/session', { method: 'account', channel: 'online', username: s, password: s }));
      await note(anon.post('/v1/session', { method: 'account', channel: 'online', username: 'demo@example.com', password: s }));
      await note(anon.post('/v1/session', { method: 'iccid', channel: 'airport', iccid: s, email: s }));
      await note(anon.post('/v1/session', { method: 'iccid', channel: 'airport', iccid: '8981100000000000002', email: `${s}@x` }));
      await note(anon.post('/v1/session', { method: 'order', channel: 'airport', orderNumber: s, email: `a@${s}` }));
      await note(c.post('/v1/orders', { planId: s, quantity: 1 }));
      await note(c.get(`/v1/orders/${encodeURIComponent(s)}`));
      await note(c.get(`/v1/orders/${encodeURIComponent(s)}/activation?recheck=true`));
      await note(c.get(`/v1/payments/${encodeURIComponent(s)}`));
      await note(c.post(`/v1/payments/${encodeURIComponent(s)}/authentication`, { approved: true }));
      await note(c.post(`/v1/orders/${encodeURIComponent(s)}/payments`, { method: 'konbini' }, { idempotencyKey: 'k' }));
      // eslint-disable-next-line no-control-regex -- NUL is the character removed
      await note(c.post(`/v1/orders/${orderId}/payments`, { method: 'card', cardToken: s }, { idempotencyKey: s.replace(/\u0000/g, '') }));
      await note(c.post('/v1/support', { orderReference: s.slice(0, 64), iccid: s.slice(0, 32), triedChecks: [s], message: s }));
      await note(anon.post('/processor/v1/tokens', { number: s.slice(0, 32), expiry: s.slice(0, 10), cvc: s.slice(0, 8) }));
      await note(c.request('GET', `/v1/orders/${orderId}/activation?recheck=${encodeURIComponent(s)}`));
      statuses.push((await t.admin('POST', `/admin/vouchers/${encodeURIComponent(s.slice(0, 32))}/pay`)).status);
      expect(anon.cookies.size).toBe(0);
    }
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.filter((s) => s >= 200 && s < 300).length).toBe(NASTY.length); // the support tickets only
    expect(tables()).toEqual(before.tables);
    expect(db.prepare('SELECT count(*) AS n FROM accounts').get().n).toBe(before.accounts);
    expect((await t.client().post('/v1/session', { ...DEMO_SIGN_IN, channel: 'shop', username: 'carrier@example.com' })).status).toBe(200);
    // Stored as typed: the ticket holds the text itself.
    expect(db.prepare('SELECT count(*) AS n FROM tickets WHERE message = ?').get(NASTY[2]).n).toBe(1);
  });
});

describe('card data', () => {
  /** Stripe test cards used below; the Amex one has a 4-digit code, distinctive enough to search for. */
  const CARDS = [
    { number: '4242424242424242', cvc: '123' },
    { number: '378282246310005', cvc: '7391' },
    { number: '4000000000000002', cvc: '123' },
    { number: '4000002760003184', cvc: '123' },
    { number: '5555555555554444', cvc: '123' },
  ];

  it('never reaches the database file or the log: brand and last four only', async () => {
    const t = await startTestServer({}, { keepData: true });
    const c = t.client();
    await c.signIn();
    for (const [i, card] of CARDS.entries()) {
      const orderId = await c.order('online-1d-1gb', i + 1);
      const spaced = card.number.replace(/(\d{4})/g, '$1 ').trim();
      const tokenAnswer = await c.post('/processor/v1/tokens', { number: spaced, expiry: '12/34', cvc: card.cvc });
      expect(tokenAnswer.body.last4).toBe(card.number.slice(-4));
      expect(tokenAnswer.body.token).not.toContain(card.number);
      const paid = await c.post(`/v1/orders/${orderId}/payments`, { method: 'card', cardToken: tokenAnswer.body.token }, { idempotencyKey: `card-${i}` });
      expect(paid.status).toBeLessThan(500);
    }
    // Invalid cards and a card number in a support message.
    await c.post('/processor/v1/tokens', { number: '4242 4242 4242 4241', expiry: '12/34', cvc: '7391' });
    await c.post('/v1/support', { triedChecks: [], message: 'charged twice on 4242-4242-4242-4242?' });

    const db = (t.server.repository as any).db;
    const values = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).flatMap(({ name }) =>
      (db.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[]).flatMap((row) => Object.values(row).map(String)),
    );
    expect(values.length).toBeGreaterThan(0);
    expect(
      values.filter((v) => /(?<![\d.])7391(?!\d)/.test(v)),
      'a stored value holding the security code',
    ).toEqual([]);
    expect(db.prepare('SELECT card_brand, card_last4 FROM payments ORDER BY card_last4').all()).toEqual(
      expect.arrayContaining([
        { card_brand: 'amex', card_last4: '0005' },
        { card_brand: 'visa', card_last4: '4242' },
      ]),
    );
    await t.close();

    const files = readdirSync(t.dataDir).map((f) => readFileSync(join(t.dataDir, f)).toString('latin1'));
    expect(files.length).toBeGreaterThan(0);
    const stored = files.join('\n');
    const logged = t.logs.join('\n');
    expect(logged.length).toBeGreaterThan(0);
    for (const where of [stored, logged]) {
      for (const card of CARDS) {
        expect(where).not.toContain(card.number);
        expect(where).not.toContain(card.number.replace(/(\d{4})/g, '$1 ').trim());
      }
      expect(where).not.toContain('4242-4242-4242-4242');
      expect(where).not.toMatch(/"cvc"/i);
    }
    // The 4-digit code as a number of its own: in the log, and in every stored value (not in the
    // file's raw bytes, where four digits can occur by chance inside binary pages and hashes).
    expect(logged).not.toMatch(/(?<![\d.])7391(?!\d)/);
    rmSync(t.dataDir, { recursive: true, force: true });
  });
});

describe('CSRF and CORS', () => {
  let t: TestServer;
  beforeAll(async () => void (t = await startTestServer({ allowedOrigins: ['https://shop.example'] })));
  afterAll(() => t.close());

  it('refuses a state-changing request without X-ESIM-CSRF: 1 (403 csrf), even with a valid session', async () => {
    const c = t.client();
    expect((await c.post('/v1/session', DEMO_SIGN_IN, { csrf: false })).status).toBe(403);
    await c.signIn();
    const refused = await c.post('/v1/orders', { planId: 'online-7d-3gb', quantity: 1 }, { csrf: false });
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({ code: 'csrf', message: expect.any(String), retryable: false });
    expect((await c.post('/processor/v1/tokens', { number: '4242424242424242', expiry: '12/34', cvc: '123' }, { csrf: false })).status).toBe(403);
    expect((await c.request('DELETE', '/v1/session', { csrf: false })).status).toBe(403);
  });

  it('refuses a cross-origin request from an Origin not allowed, even with the header', async () => {
    const c = t.client();
    await c.signIn();
    const refused = await c.post('/v1/orders', { planId: 'online-7d-3gb', quantity: 1 }, { headers: { origin: 'https://evil.example' } });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('csrf');
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    expect((await c.post('/v1/orders', { planId: 'online-7d-3gb', quantity: 1 }, { headers: { origin: 'null' } })).status).toBe(403);
    // A read from there gets no CORS grant either.
    const read = await c.get('/v1/plans', { headers: { origin: 'https://evil.example' } });
    expect(read.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('allows the server’s own origin and the configured ones, with CORS headers and preflights', async () => {
    const c = t.client();
    await c.signIn();
    for (const origin of [t.server.url, 'https://shop.example']) {
      const ok = await c.post('/v1/orders', { planId: 'online-7d-3gb', quantity: 1 }, { headers: { origin } });
      expect([200, 201]).toContain(ok.status);
      expect(ok.headers.get('access-control-allow-origin')).toBe(origin);
      expect(ok.headers.get('access-control-allow-credentials')).toBe('true');
      expect(ok.headers.get('vary')).toMatch(/Origin/);
    }
    const preflight = await c.request('OPTIONS', '/v1/orders', {
      unchecked: true, // CORS protocol, not the contract
      headers: {
        origin: 'https://shop.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, x-esim-csrf, idempotency-key',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/x-esim-csrf/);
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/idempotency-key/);
    const denied = await c.request('OPTIONS', '/v1/orders', {
      unchecked: true,
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(denied.status).toBe(403);
    expect(denied.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('sessions', () => {
  it('expire after the configured time: 401 session-expired, and the cookie is cleared', async () => {
    const clock = manualClock();
    const t = await startTestServer({ sessionTtlSeconds: 60 }, { now: clock.now });
    const c = t.client();
    const signIn = await c.signIn();
    expect(signIn.headers.getSetCookie().join()).toMatch(/Max-Age=60/);
    clock.advance(59_000);
    expect((await c.get('/v1/account')).status).toBe(200);
    clock.advance(1_000);
    const expired = await c.get('/v1/account');
    expect(expired.status).toBe(401);
    expect(expired.body).toEqual({ code: 'session-expired', message: expect.any(String), retryable: false });
    expect(expired.headers.getSetCookie().join()).toMatch(/esim_session=;/);
    // A forged cookie is no session either.
    expect((await t.client().get('/v1/plans', { headers: { cookie: 'esim_session=forged' } })).body.code).toBe('session-expired');
    await t.close();
  });

  it('are stored hashed, like passwords (scrypt, N = 16384 by default): the database holds no usable secret', async () => {
    const t = await startTestServer({}, { scryptCost: 16_384 });
    const c = t.client();
    await c.signIn();
    const id = c.cookies.get('esim_session')!;
    const db = (t.server.repository as any).db;
    const rows = db.prepare('SELECT id_hash FROM sessions').all();
    expect(rows).toHaveLength(1);
    expect(rows[0].id_hash).not.toBe(id);
    const hashes = db.prepare("SELECT password_hash FROM sign_ins WHERE method = 'account' AND password_hash IS NOT NULL").all();
    expect(hashes.length).toBeGreaterThan(0);
    for (const { password_hash } of hashes) expect(password_hash).toMatch(/^scrypt\$16384\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(db.prepare("SELECT count(*) AS n FROM sign_ins WHERE password_hash LIKE '%demo1234%'").get().n).toBe(0);
    await t.close();
  });

  it('get the Secure flag and HSTS behind an HTTPS proxy (--trust-proxy)', async () => {
    const t = await startTestServer({ trustProxy: true });
    const answer = await t.client().post('/v1/session', DEMO_SIGN_IN, { headers: { 'x-forwarded-proto': 'https' } });
    expect(answer.headers.getSetCookie().join()).toMatch(/; Secure/);
    expect(answer.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    await t.close();
  });
});

describe('the page and the headers', () => {
  let t: TestServer;
  let site: string;
  beforeAll(async () => {
    site = mkdtempSync(join(tmpdir(), 'esim-site-'));
    mkdirSync(join(site, 'assets'));
    writeFileSync(
      join(site, 'index.html'),
      '<!doctype html><html><head><title>t</title></head><body><esim-renewal-wizard></esim-renewal-wizard></body></html>',
    );
    writeFileSync(join(site, 'assets', 'index-abc123.js'), 'export {};');
    t = await startTestServer({ staticDir: site });
  });
  afterAll(async () => {
    await t.close();
    rmSync(site, { recursive: true, force: true });
  });

  it('serves the page with the API-base tag and a strict CSP with Trusted Types', async () => {
    const page = await t.client().get('/', { unchecked: true });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.text).toContain('<meta name="esim-api-base" content="/" />');
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toBe(PAGE_CSP);
    for (const directive of [
      "script-src 'self'",
      "style-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
      "require-trusted-types-for 'script'",
      'trusted-types lit-html',
    ]) {
      expect(csp).toContain(directive);
    }
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect((await t.client().get('/index.html', { unchecked: true })).text).toContain('esim-api-base');
  });

  it('caches hashed assets for good, and never serves outside the folder', async () => {
    const asset = await t.client().get('/assets/index-abc123.js', { unchecked: true });
    expect(asset.headers.get('cache-control')).toMatch(/immutable/);
    expect(asset.headers.get('content-type')).toMatch(/^text\/javascript/);
    for (const path of ['/../package.json', '/%2e%2e/%2e%2e/package.json', '/assets/..%2f..%2fsecret.key', '/..%5c..%5cpackage.json', '/nope.html']) {
      expect((await t.client().get(path, { unchecked: true })).status).toBe(404);
    }
  });

  it('answers the API with no-store and a deny-all CSP; unknown API paths are JSON 404s', async () => {
    const health = await t.client().get('/v1/health');
    expect(health.headers.get('cache-control')).toBe('no-store');
    expect(health.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    const unknown = await t.client().get('/v1/nothing-here', { unchecked: true });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('not-found');
  });
});

describe('the admin listener', () => {
  let t: TestServer;
  beforeAll(async () => void (t = await startTestServer()));
  afterAll(() => t.close());

  it('is bound to 127.0.0.1 and refuses web pages (an Origin) and other host names (DNS rebinding)', async () => {
    expect(new URL(t.server.adminUrl!).hostname).toBe('127.0.0.1');
    expect((await fetch(`${t.server.adminUrl}/admin/health`)).status).toBe(200);
    expect((await fetch(`${t.server.adminUrl}/admin/health`, { headers: { origin: 'http://127.0.0.1:1234' } })).status).toBe(403);
    const rebound = await new Promise<number>((resolve, reject) => {
      // fetch() will not let a test set Host: use a raw request.
      import('node:http').then(({ request }) => {
        const r = request(`${t.server.adminUrl}/admin/health`, { headers: { host: 'evil.example' } }, (res) => resolve(res.statusCode!));
        r.on('error', reject);
        r.end();
      }, reject);
    });
    expect(rebound).toBe(403);
  });

  it('offers no fault switch unless started with --test-faults', async () => {
    expect((await t.admin('POST', '/admin/faults', { route: 'GET /v1/plans', fault: '500' })).status).toBe(404);
  });
});

describe('a port already in use', () => {
  let t: TestServer;
  beforeAll(async () => void (t = await startTestServer()));
  afterAll(() => t.close());

  it('names the port and how to choose another, for the API and for the admin listener', async () => {
    const taken = Number(new URL(t.server.url).port);
    await expect(startTestServer({ port: taken })).rejects.toThrow(
      `127.0.0.1:${taken} is already in use (another server running?): stop it, or choose another with PORT=8080 npm start`,
    );
    const adminTaken = Number(new URL(t.server.adminUrl!).port);
    await expect(startTestServer({ adminPort: adminTaken })).rejects.toThrow(
      `127.0.0.1:${adminTaken} is already in use (another server running?): stop it, or choose another with --admin-port=8081`,
    );
  });
});
