/**
 * The reference server in-process for tests: an ephemeral loopback port, a temporary data folder,
 * its log captured, and a client whose every answer is checked against server/openapi.json (the
 * status must be documented for the operation, and the body must match its schema).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultConfig, startServer, type RunningServer, type ServerConfig } from '../../server/src/index.js';
import { DEMO_PASSWORD } from '../../src/domain/test-accounts.js';

// ajv comes with Fastify: resolved from the server workspace, not a dependency of the page.
const fromServer = createRequire(new URL('../../server/package.json', import.meta.url));
type AjvLike = { addSchema(schema: object, key: string): void; compile(schema: object): ((data: unknown) => boolean) & { errors?: unknown } };
const Ajv2020 = (fromServer('ajv/dist/2020') as { default: new (o: object) => AjvLike }).default;
const addFormats = (fromServer('ajv-formats') as { default: (ajv: AjvLike) => void }).default;

export const OPENAPI_FILE = new URL('../../server/openapi.json', import.meta.url);

type Json = Record<string, unknown>;
interface ResponseSpec {
  content?: { 'application/json'?: { schema: object } };
  headers?: Record<string, unknown>;
}

/** The committed contract as a checker of answers. */
export class Contract {
  readonly doc: Json = JSON.parse(readFileSync(OPENAPI_FILE, 'utf8')) as Json;
  readonly #ajv: AjvLike;
  readonly #validators = new Map<string, ReturnType<AjvLike['compile']>>();
  /** Operations seen answered, for the coverage check. */
  readonly seen = new Set<string>();

  constructor() {
    this.#ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(this.#ajv);
    this.#ajv.addSchema(this.doc, 'openapi.json');
  }

  /**
   * The template (`/v1/orders/{orderId}`) a concrete path matches, if any. A static segment wins
   * over a parameter, as in the server's router: `/v1/orders/lookup` is not `/v1/orders/{orderId}`.
   */
  template(path: string): string | null {
    const segments = path.split('/');
    const isParam = (s: string) => /^\{\w+\}$/.test(s);
    const matches = (t: string) => {
      const ts = t.split('/');
      return ts.length === segments.length && ts.every((s, i) => (isParam(s) ? segments[i] !== '' : s === segments[i]));
    };
    // Among matches (all of one length), the first static segment where they differ wins.
    const rank = (t: string) =>
      t
        .split('/')
        .map((s) => (isParam(s) ? '1' : '0'))
        .join('');
    return (
      Object.keys(this.doc.paths as Json)
        .filter(matches)
        .sort((a, b) => rank(a).localeCompare(rank(b)))[0] ?? null
    );
  }

  /** Throws unless the answer is one the document describes for this operation. */
  check(method: string, url: string, status: number, headers: Headers, text: string): void {
    const path = new URL(url).pathname;
    const template = this.template(path);
    if (!template) throw new Error(`${method} ${path} is not in the OpenAPI document`);
    const op = ((this.doc.paths as Json)[template] as Json)[method.toLowerCase()] as Json | undefined;
    if (!op) throw new Error(`${method} ${template} is not in the OpenAPI document`);
    const responses = op.responses as Record<string, ResponseSpec>;
    const key = [String(status), `${String(status)[0]}XX`, 'default'].find((k) => k in responses);
    if (!key) throw new Error(`${method} ${template} answered ${status}, which the document does not list (${Object.keys(responses).join(', ')})`);
    this.seen.add(`${method} ${template} ${status}`);
    const spec = responses[key]!;
    for (const name of Object.keys(spec.headers ?? {})) {
      if (name.toLowerCase() !== 'set-cookie' && !headers.has(name)) throw new Error(`${method} ${template} ${status} lacks the ${name} header`);
    }
    const schema = spec.content?.['application/json']?.schema;
    if (!schema) {
      if (text !== '') throw new Error(`${method} ${template} ${status} should have no body, got ${text.slice(0, 200)}`);
      return;
    }
    if (!(headers.get('content-type') ?? '').startsWith('application/json')) throw new Error(`${method} ${template} ${status} is not JSON`);
    const pointer = `openapi.json#/paths/${template.replace(/~/g, '~0').replace(/\//g, '~1')}/${method.toLowerCase()}/responses/${key}/content/application~1json/schema`;
    let validate = this.#validators.get(pointer);
    if (!validate) this.#validators.set(pointer, (validate = this.#ajv.compile({ $ref: pointer })));
    if (!validate(JSON.parse(text))) {
      throw new Error(`${method} ${template} ${status}: the body does not match the document: ${JSON.stringify(validate.errors)}\n${text.slice(0, 500)}`);
    }
  }
}

export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly body: any;
}

export interface RequestOptions {
  readonly body?: unknown;
  /** Raw body text, sent as is (with the JSON content type). */
  readonly rawBody?: string;
  readonly headers?: Record<string, string>;
  /** Send `x-esim-csrf: 1` (default: on every non-GET). */
  readonly csrf?: boolean;
  readonly idempotencyKey?: string;
  /** Skip the contract check (only for answers outside the contract: preflights, the page). */
  readonly unchecked?: boolean;
}

/** A cookie-keeping HTTP client for one "browser". */
export class Client {
  readonly cookies = new Map<string, string>();
  constructor(
    readonly base: string,
    readonly contract: Contract,
  ) {}

  async request(method: string, path: string, o: RequestOptions = {}): Promise<Answer> {
    const headers: Record<string, string> = { accept: 'application/json', ...o.headers };
    if (o.body !== undefined || o.rawBody !== undefined) headers['content-type'] ??= 'application/json';
    if (o.csrf ?? method !== 'GET') headers['x-esim-csrf'] = '1';
    if (o.idempotencyKey) headers['idempotency-key'] = o.idempotencyKey;
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers,
      ...(o.rawBody !== undefined ? { body: o.rawBody } : o.body !== undefined ? { body: JSON.stringify(o.body) } : {}),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...value] = pair!.split('=');
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value.join('='));
    }
    const text = await response.text();
    if (!o.unchecked) this.contract.check(method, `${this.base}${path}`, response.status, response.headers, text);
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = text;
    }
    return { status: response.status, headers: response.headers, text, body };
  }

  get = (path: string, o?: RequestOptions) => this.request('GET', path, o);
  post = (path: string, body?: unknown, o?: RequestOptions) => this.request('POST', path, { ...o, ...(body !== undefined ? { body } : {}) });

  async signIn(credentials: Record<string, unknown> = DEMO_SIGN_IN): Promise<Answer> {
    const a = await this.post('/v1/session', credentials);
    if (a.status !== 200) throw new Error(`sign-in failed: ${a.status} ${a.text}`);
    return a;
  }

  /** Tokenizes a card at the processor. */
  async token(number = '4242 4242 4242 4242', cvc = '123', expiry = '12/34'): Promise<string> {
    const a = await this.post('/processor/v1/tokens', { number, expiry, cvc });
    if (a.status !== 200) throw new Error(`tokenize failed: ${a.status} ${a.text}`);
    return a.body.token as string;
  }

  async order(planId = 'online-7d-3gb', quantity = 1): Promise<string> {
    const a = await this.post('/v1/orders', { planId, quantity });
    if (a.status !== 200 && a.status !== 201) throw new Error(`order failed: ${a.status} ${a.text}`);
    return a.body.orderId as string;
  }
}

export const DEMO_SIGN_IN = { method: 'account', channel: 'online', username: 'demo@example.com', password: DEMO_PASSWORD } as const;

export interface TestServer {
  readonly server: RunningServer;
  readonly dataDir: string;
  /** Every line the server logged. */
  readonly logs: string[];
  readonly contract: Contract;
  client(): Client;
  /** POSTs to the loopback admin listener. */
  admin(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

const contract = new Contract();

/** Starts the server on 127.0.0.1:0 with a fresh data folder (or `dataDir`, to test restarts). */
export async function startTestServer(
  config: Partial<ServerConfig> = {},
  options: { now?: () => number; dataDir?: string; keepData?: boolean; scryptCost?: number } = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'esim-server-'));
  const logs: string[] = [];
  const server = await startServer({
    config: { ...defaultConfig(), port: 0, adminPort: 0, dataDir, staticDir: null, activation: 'immediate', logLevel: 'info', ...config },
    logger: { level: 'info', stream: { write: (line: string) => void logs.push(line) } },
    // Cheap password hashes: seeding and sign-ins in milliseconds (one test checks the default).
    scryptCost: options.scryptCost ?? 1024,
    ...(options.now ? { now: options.now } : {}),
  });
  return {
    server,
    dataDir,
    logs,
    contract,
    client: () => new Client(server.url, contract),
    async admin(method, path, body) {
      const response = await fetch(`${server.adminUrl}${path}`, {
        method,
        ...(body !== undefined ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : null };
    },
    async close() {
      await server.close();
      if (!options.keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A clock tests move by hand. */
export function manualClock(start = Date.parse('2025-06-01T00:00:00Z')): { now: () => number; advance(ms: number): void } {
  let t = start;
  return { now: () => t, advance: (ms) => void (t += ms) };
}
