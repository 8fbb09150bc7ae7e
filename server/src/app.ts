/**
 * The HTTP side: one Fastify app for the site (the page at `/`, the API at `/v1`, the simulated
 * processor at `/processor/v1`, the contract at `/openapi.json`) and one for the admin endpoints,
 * listening on 127.0.0.1 only. Requests are validated with the schemas the OpenAPI document is
 * built from (schemas.ts).
 */
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Credentials, SupportRequest } from '../../src/providers/contract.js';
import type { PaymentMethod } from '../../src/domain/types.js';
import { CATALOGUE_VERSION } from '../../src/providers/catalogue.js';
import type { ServerConfig } from './config.js';
import { buildOpenApi } from './openapi.js';
import type { Repository, StoredResponse } from './repository.js';
import { OPERATIONS, fastifyPath, operationName, requestSchema, type OperationId } from './schemas.js';
import { HttpError, Service, type Context } from './service.js';
import { loadSecret } from './secret.js';
import { openSqliteRepository } from './sqlite.js';
import { staticFile } from './static.js';

export const SESSION_COOKIE = 'esim_session';

/** The page's policy: Lit's one Trusted Types policy, no inline script or style, no framing. */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');
const OTHER_CSP = "default-src 'none'; frame-ancestors 'none'";

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const isApi = (url: string) => url.startsWith('/v1/') || url.startsWith('/processor/') || url === '/v1';

export const FAULTS = ['network', 'timeout', '500', '503', 'malformed', '401'] as const;
export type Fault = (typeof FAULTS)[number];

export interface StartOptions {
  readonly config: ServerConfig;
  /** pino options or a logger; default: pino at `config.logLevel` to stdout. */
  readonly logger?: FastifyServerOptions['logger'];
  /** The clock (epoch ms); injected by tests. */
  readonly now?: () => number;
  /** Another repository (e.g. PostgreSQL); default SQLite at `<dataDir>/esim.db`. */
  readonly repository?: Repository;
  /** scrypt cost for the seeded passwords (default 16384); tests lower it to start fast. */
  readonly scryptCost?: number;
}

export interface RunningServer {
  /** `http://127.0.0.1:4173` */
  readonly url: string;
  /** The admin listener's URL, or null when it is off. */
  readonly adminUrl: string | null;
  readonly app: FastifyInstance;
  readonly admin: FastifyInstance | null;
  readonly service: Service;
  readonly repository: Repository;
  readonly allowedOrigins: ReadonlySet<string>;
  close(): Promise<void>;
}

/**
 * Listens, and says which port is taken and how to choose another when it is: a second
 * `npm start`, or any other program, on the same port.
 */
async function listen(app: FastifyInstance, host: string, port: number, flag: 'port' | 'admin-port'): Promise<void> {
  try {
    await app.listen({ host, port });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    const how =
      flag === 'port'
        ? 'choose another with PORT=8080 npm start (or --port=8080; 0 takes any free port)'
        : 'choose another with --admin-port=8081 (0 takes any free port, -1 turns the admin listener off)';
    throw new Error(`${host}:${port} is already in use (another server running?): stop it, or ${how}`, { cause: error });
  }
}

/** Opens the storage, builds both apps and starts listening. */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const { config } = options;
  const repository =
    options.repository ?? (await openSqliteRepository(join(config.dataDir, 'esim.db'), options.scryptCost ? { scryptCost: options.scryptCost } : {}));
  const service = new Service({
    repo: repository,
    secret: loadSecret(config.dataDir),
    ...(options.now ? { now: options.now } : {}),
    sessionTtlMs: config.sessionTtlSeconds * 1000,
    activation: { mode: config.activation, delayMs: config.activationDelaySeconds * 1000 },
    ...(options.scryptCost ? { scryptCost: options.scryptCost } : {}),
    voucherAutoPayMs: config.demo && config.voucherDelaySeconds >= 0 ? config.voucherDelaySeconds * 1000 : null,
    signIn: {
      maxFailures: config.signInMaxFailures,
      maxFailuresPerAddress: config.signInMaxFailuresPerAddress,
      lockoutMs: config.signInLockoutSeconds * 1000,
    },
  });
  const logger = options.logger ?? { level: config.logLevel };
  const origins = new Set(config.allowedOrigins);
  const faults = new Map<string, FaultSetting>();

  const app = buildApp({ config, service, logger, origins, faults });
  const admin = config.adminPort >= 0 ? buildAdmin({ config, service, logger, faults }) : null;
  try {
    await listen(app, config.host, config.port, 'port');
    if (admin) await listen(admin, '127.0.0.1', config.adminPort, 'admin-port');
  } catch (error) {
    await Promise.allSettled([app.close(), admin?.close()]);
    await repository.close();
    throw error;
  }
  const port = (app.server.address() as AddressInfo).port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${host === '0.0.0.0' || host === '[::]' ? '127.0.0.1' : host}:${port}`;
  // The server's own origin is always allowed; on loopback under either name.
  origins.add(url);
  if (['127.0.0.1', 'localhost', '[::1]', '0.0.0.0', '[::]'].includes(host)) {
    for (const name of ['127.0.0.1', 'localhost', '[::1]']) origins.add(`http://${name}:${port}`);
  }
  const adminUrl = admin ? `http://127.0.0.1:${(admin.server.address() as AddressInfo).port}` : null;
  return {
    url,
    adminUrl,
    app,
    admin,
    service,
    repository,
    allowedOrigins: origins,
    async close() {
      await Promise.allSettled([app.close(), admin?.close()]);
      await repository.close();
    },
  };
}

/** A fault for a route: the next `times` requests get it. `after`: the request is handled, then the connection drops (network only). */
interface FaultSetting {
  readonly fault: Fault;
  times: number;
  readonly after: boolean;
}

interface Parts {
  readonly config: ServerConfig;
  readonly service: Service;
  readonly logger: FastifyServerOptions['logger'];
  readonly faults: Map<string, FaultSetting>;
}

function baseOptions(config: ServerConfig, logger: FastifyServerOptions['logger']): FastifyServerOptions {
  return {
    logger,
    trustProxy: config.trustProxy,
    bodyLimit: 64 * 1024,
    // Ends the sockets a `timeout` fault leaves hanging when the server closes.
    forceCloseConnections: true,
    // Requests are checked as they are: nothing removed, nothing coerced.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, useDefaults: false } },
  };
}

function buildApp({ config, service, logger, origins, faults }: Parts & { origins: Set<string> }): FastifyInstance {
  const app = Fastify(baseOptions(config, logger));
  void app.register(cookie);
  const openapi = JSON.stringify(buildOpenApi());

  // Test-only faults (see buildAdmin), before anything else.
  if (config.testFaults) {
    const dropAfter = new WeakSet<FastifyRequest>();
    app.addHook('onRequest', async (request, reply) => {
      const key = `${request.method} ${request.routeOptions.url ?? ''}`;
      const f = faults.get(key);
      if (!f) return;
      if (--f.times <= 0) faults.delete(key);
      request.log.warn({ fault: f.fault, route: key, after: f.after }, 'injected fault');
      if (f.after) {
        dropAfter.add(request);
        return;
      }
      switch (f.fault) {
        case 'network':
          reply.hijack();
          request.raw.socket.destroy();
          return reply;
        case 'timeout':
          reply.hijack();
          return reply;
        case 'malformed':
          return reply.code(200).type('application/json').send('{"malformed": ');
        case '401':
          throw new HttpError(401, 'session-expired', 'injected fault');
        case '500':
          throw new HttpError(500, 'server', 'injected fault');
        case '503':
          throw new HttpError(503, 'server', 'injected fault', { retryAfterSeconds: 1 });
      }
    });
    // The answer was made (a payment taken, say), and then the connection is lost on its way back.
    app.addHook('onSend', async (request, _reply, payload) => {
      if (dropAfter.has(request)) request.raw.socket.destroy();
      return payload;
    });
  }

  // CORS for the allowed origins, and the CSRF check on every state-changing API request.
  app.addHook('onRequest', async (request, reply) => {
    const origin = request.headers.origin;
    const allowed = origin !== undefined && origins.has(origin);
    if (allowed) {
      reply.header('access-control-allow-origin', origin);
      reply.header('access-control-allow-credentials', 'true');
      reply.header('access-control-expose-headers', 'retry-after');
    }
    reply.header('vary', 'Origin');
    if (isApi(request.url) && !SAFE_METHODS.has(request.method)) {
      if (request.headers['x-esim-csrf'] !== '1') throw new HttpError(403, 'csrf', 'the X-ESIM-CSRF: 1 header is missing');
      if (origin !== undefined && !allowed) throw new HttpError(403, 'csrf', 'this Origin is not allowed');
    }
  });

  app.addHook('onSend', async (request, reply, payload) => {
    securityHeaders(request, reply);
    if (isApi(request.url) || request.url === '/openapi.json') reply.header('cache-control', 'no-store');
    return payload;
  });

  app.setErrorHandler((error: Error & { statusCode?: number; validation?: unknown; code?: string }, request, reply) => {
    if (error instanceof HttpError) return sendError(reply, error);
    if (error.validation) return sendError(reply, new HttpError(400, 'invalid-input', error.message));
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendError(reply, new HttpError(400, 'invalid-input', error.code?.startsWith('FST_') ? error.message : 'bad request'));
    }
    request.log.error({ err: error }, 'request failed');
    return sendError(reply, new HttpError(500, 'server', 'something went wrong on our side'));
  });

  const route = <T extends { Body?: unknown; Params?: unknown; Querystring?: unknown }>(
    id: OperationId,
    handler: (request: FastifyRequest<T>, reply: FastifyReply) => Promise<unknown>,
  ) => {
    const op = OPERATIONS[id];
    app.route({
      method: op.method,
      url: fastifyPath(op.path),
      schema: requestSchema(op),
      handler: handler as (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>,
    });
  };
  const context = async (request: FastifyRequest, reply: FastifyReply): Promise<Context> => {
    try {
      return await service.context(request.cookies[SESSION_COOKIE]);
    } catch (error) {
      if (request.cookies[SESSION_COOKIE]) reply.clearCookie(SESSION_COOKIE, { path: '/' });
      throw error;
    }
  };
  const send = (reply: FastifyReply, r: StoredResponse) => reply.code(r.status).send(r.body);
  const key = (request: FastifyRequest): string | undefined => request.headers['idempotency-key'] as string | undefined;

  route<{ Body: Credentials }>('signIn', async (request, reply) => {
    const { sessionId, expiresAt } = await service.signIn(request.body, request.ip);
    reply.setCookie(SESSION_COOKIE, sessionId, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: request.protocol === 'https',
      maxAge: config.sessionTtlSeconds,
    });
    return { expiresAt: new Date(expiresAt).toISOString() };
  });
  route('signOut', async (request, reply) => {
    await service.signOut(request.cookies[SESSION_COOKIE]);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });
  route('account', async (request, reply) => service.accountStatus(await context(request, reply)));
  route('plans', async (request, reply) => ({ plans: service.plans(await context(request, reply)) }));
  route<{ Body: { planId: string; quantity: number } }>('createOrder', async (request, reply) => {
    const { order, created } = await service.createOrder(await context(request, reply), request.body);
    return reply.code(created ? 201 : 200).send(order);
  });
  route<{ Querystring: { reference?: string } }>('lookupOrder', async (request, reply) =>
    service.lookupOrder(await context(request, reply), request.query.reference),
  );
  route<{ Params: { orderId: string } }>('order', async (request, reply) => service.orderDetail(await context(request, reply), request.params.orderId));
  route<{ Params: { orderId: string }; Body: { method: PaymentMethod; cardToken?: string } }>('pay', async (request, reply) => {
    const ctx = await context(request, reply);
    const { orderId } = request.params;
    const answer = await service.idempotent(
      ctx,
      operationName('pay'),
      key(request)!,
      { orderId, body: request.body },
      () => service.pay(ctx, orderId, request.body),
      () => service.refuseIfPaid(ctx, orderId),
    );
    return send(reply, answer);
  });
  route<{ Params: { paymentId: string }; Body: { approved: boolean } }>('authenticate', async (request, reply) => {
    const ctx = await context(request, reply);
    const { paymentId } = request.params;
    const work = () => service.authenticate(ctx, paymentId, request.body.approved);
    const k = key(request);
    return send(reply, k ? await service.idempotent(ctx, operationName('authenticate'), k, { paymentId, body: request.body }, work) : await work());
  });
  route<{ Params: { paymentId: string } }>('payment', async (request, reply) => service.paymentStatus(await context(request, reply), request.params.paymentId));
  route<{ Params: { orderId: string }; Querystring: { recheck?: 'true' | 'false' } }>('activation', async (request, reply) =>
    service.activation(await context(request, reply), request.params.orderId, request.query.recheck === 'true'),
  );
  route<{ Body: SupportRequest }>('support', async (request, reply) => {
    // With a session when there is one; a support request never fails for the lack of one.
    const ctx = await service.context(request.cookies[SESSION_COOKIE]).catch(() => null);
    return reply.code(201).send(await service.support(ctx, request.body));
  });
  route<{ Body: { number: string; expiry: string; cvc: string } }>('tokenize', async (request) => service.tokenize(request.body));
  route('health', async () => ({ status: 'ok', catalogueVersion: CATALOGUE_VERSION }));

  app.get('/openapi.json', async (_request, reply) => reply.type('application/json; charset=utf-8').send(openapi));

  // CORS preflights: answered for the allowed origins only.
  app.options('/*', async (request, reply) => {
    const origin = request.headers.origin;
    if (origin === undefined || !origins.has(origin)) throw new HttpError(403, 'csrf', 'this Origin is not allowed');
    reply.header('access-control-allow-methods', 'GET, POST, DELETE');
    reply.header('access-control-allow-headers', 'accept, content-type, idempotency-key, x-esim-csrf');
    reply.header('access-control-max-age', '600');
    return reply.code(204).send();
  });

  // The page, and a JSON 404 for unknown API paths.
  app.get('/*', async (request, reply) => {
    const path = request.url.split('?')[0]!;
    if (isApi(path) || path.startsWith('/admin')) throw new HttpError(404, 'not-found', 'no such endpoint');
    const file = config.staticDir ? await staticFile(config.staticDir, path, { demo: config.demo }) : null;
    if (!file) return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
    reply.header('cache-control', file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    return reply.type(file.type).send(file.body);
  });
  app.setNotFoundHandler(async (request) => {
    throw new HttpError(404, 'not-found', `no ${request.method} ${request.url.split('?')[0]}`);
  });
  return app;
}

/**
 * The admin endpoints, on their own listener bound to 127.0.0.1: paying a konbini voucher as the
 * shop would, and (with `--test-faults` only) the fault switch. Requests must come from loopback,
 * name a loopback host (no DNS rebinding) and carry no Origin (no web page).
 */
function buildAdmin({ config, service, logger, faults }: Parts): FastifyInstance {
  const admin = Fastify(baseOptions({ ...config, trustProxy: false }, logger));
  admin.addHook('onRequest', async (request) => {
    const remote = request.socket.remoteAddress ?? '';
    const host = (request.headers.host ?? '').replace(/:\d+$/, '');
    const loopback = remote === '::1' || remote.startsWith('127.') || remote.startsWith('::ffff:127.');
    if (!loopback || !['127.0.0.1', 'localhost', '[::1]'].includes(host) || request.headers.origin !== undefined) {
      throw new HttpError(403, 'csrf', 'the admin endpoints answer local tools only');
    }
  });
  admin.addHook('onSend', async (request, reply, payload) => {
    securityHeaders(request, reply);
    reply.header('cache-control', 'no-store');
    return payload;
  });
  admin.setErrorHandler((error: Error & { validation?: unknown; statusCode?: number }, request, reply) => {
    if (error instanceof HttpError) return sendError(reply, error);
    if (error.validation || (error.statusCode && error.statusCode < 500)) return sendError(reply, new HttpError(400, 'invalid-input', error.message));
    request.log.error({ err: error }, 'admin request failed');
    return sendError(reply, new HttpError(500, 'server', 'admin request failed'));
  });
  admin.setNotFoundHandler(async () => {
    throw new HttpError(404, 'not-found', 'no such admin endpoint');
  });

  admin.get('/admin/health', async () => ({ status: 'ok', testFaults: config.testFaults }));
  admin.post<{ Params: { number: string } }>(
    '/admin/vouchers/:number/pay',
    { schema: { params: { type: 'object', required: ['number'], properties: { number: { type: 'string', minLength: 1, maxLength: 32 } } } } },
    async (request) => service.payVoucher(request.params.number),
  );

  if (config.testFaults) {
    const routes = new Set(Object.values(OPERATIONS).map((op) => `${op.method} ${fastifyPath(op.path)}`));
    admin.post<{ Body: { route: string; fault: Fault; times?: number; after?: boolean } }>(
      '/admin/faults',
      {
        schema: {
          body: {
            type: 'object',
            additionalProperties: false,
            required: ['route', 'fault'],
            properties: {
              route: { type: 'string', maxLength: 200 },
              fault: { type: 'string', enum: [...FAULTS] },
              times: { type: 'integer', minimum: 1, maximum: 1000 },
              after: { type: 'boolean' },
            },
          },
        },
      },
      async (request, reply) => {
        const route = fastifyPath(request.body.route.trim());
        if (!routes.has(route)) throw new HttpError(400, 'invalid-input', `no route ${route}; one of: ${[...routes].join(', ')}`);
        const after = request.body.after ?? false;
        if (after && request.body.fault !== 'network') throw new HttpError(400, 'invalid-input', '`after` goes with the network fault only');
        faults.set(route, { fault: request.body.fault, times: request.body.times ?? 1, after });
        return reply.code(204).send();
      },
    );
    admin.get('/admin/faults', async () => ({ faults: Object.fromEntries(faults) }));
    admin.delete('/admin/faults', async (_request, reply) => {
      faults.clear();
      return reply.code(204).send();
    });
  }
  return admin;
}

function sendError(reply: FastifyReply, error: HttpError): FastifyReply {
  if (error.extra.retryAfterSeconds !== undefined) reply.header('retry-after', String(error.extra.retryAfterSeconds));
  return reply.code(error.status).type('application/json; charset=utf-8').send(error.body);
}

function securityHeaders(request: FastifyRequest, reply: FastifyReply): void {
  const type = String(reply.getHeader('content-type') ?? '');
  reply.header('content-security-policy', type.startsWith('text/html') ? PAGE_CSP : OTHER_CSP);
  reply.header('x-content-type-options', 'nosniff');
  reply.header('referrer-policy', 'no-referrer');
  reply.header('cross-origin-opener-policy', 'same-origin');
  reply.header('cross-origin-resource-policy', 'same-origin');
  reply.header('x-frame-options', 'DENY');
  reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=(), usb=()');
  if (request.protocol === 'https') reply.header('strict-transport-security', 'max-age=63072000; includeSubDomains');
}
