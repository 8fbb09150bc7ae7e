/**
 * The OpenAPI 3.1 document, built from the schemas the routes validate with (schemas.ts).
 * A schema object that is also a named component is written as a `$ref` to it. The output is
 * deterministic (no dates), so server/openapi.json is committed and a test checks it is current.
 */
import { CATALOGUE_VERSION } from '../../src/providers/catalogue.js';
import { COMPONENTS, OPERATIONS, type Operation, type Schema } from './schemas.js';

const API_VERSION = '1.0.0';

export function buildOpenApi(): Record<string, unknown> {
  const names = new Map<unknown, string>(Object.entries(COMPONENTS).map(([name, schema]) => [schema, name]));

  /** A copy with every named component (below the top) replaced by a `$ref`. */
  const refs = (value: unknown, top = false): unknown => {
    if (!top && names.has(value)) return { $ref: `#/components/schemas/${names.get(value)}` };
    if (Array.isArray(value)) return value.map((v) => refs(v));
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, refs(v)]));
    return value;
  };

  const paths: Record<string, Record<string, unknown>> = {};
  for (const [operationId, op] of Object.entries(OPERATIONS) as [string, Operation][]) {
    const parameters: unknown[] = [];
    const props = (s: Schema | undefined) => Object.entries((s?.properties ?? {}) as Record<string, Schema>);
    const required = (s: Schema | undefined) => new Set((s?.required ?? []) as string[]);
    for (const [name, schema] of props(op.params)) parameters.push({ name, in: 'path', required: true, schema: refs(schema) });
    for (const [name, schema] of props(op.query)) parameters.push({ name, in: 'query', required: required(op.query).has(name), schema: refs(schema) });
    for (const [name, schema] of props(op.headers)) {
      parameters.push({ name: headerName(name), in: 'header', required: required(op.headers).has(name), schema: refs(schema) });
    }
    if (op.method !== 'GET') {
      parameters.push({
        name: 'X-ESIM-CSRF',
        in: 'header',
        required: true,
        description:
          'Must be `1` on every state-changing request (a cross-site form cannot send it); without it, or from an Origin not allowed, the answer is 403 `csrf`.',
        schema: { type: 'string', const: '1' },
      });
    }
    const responses = Object.fromEntries(
      Object.entries(op.responses).map(([status, r]) => [
        status,
        {
          description: r.description,
          ...(r.headers
            ? { headers: Object.fromEntries(Object.entries(r.headers).map(([name, h]) => [name, { description: h.description, schema: h.schema }])) }
            : {}),
          ...(r.schema ? { content: { 'application/json': { schema: refs(r.schema) } } } : {}),
        },
      ]),
    );
    (paths[op.path] ??= {})[op.method.toLowerCase()] = {
      operationId,
      tags: [op.tag],
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      ...(op.session ? { security: [{ session: [] }] } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: refs(op.body) } } } } : {}),
      responses,
    };
  }

  return {
    openapi: '3.1.0',
    info: {
      title: 'eSIM renewal API',
      version: API_VERSION,
      summary: 'What the <esim-renewal-wizard> HttpProvider speaks to a backend.',
      description: [
        'The human summary is docs/http-contract.md; where they differ, this document wins.',
        'All bodies are JSON. Times are ISO 8601 instants in UTC. Money is `{ amount, currency }` in the currency’s minor units as Intl counts them.',
        'Sessions are the HttpOnly cookie `esim_session` (SameSite=Strict). State-changing requests carry `X-ESIM-CSRF: 1`; an Origin, when sent, must be allowed.',
        'Errors have one shape (`Error`); 429 and 503 carry `Retry-After`.',
        `Catalogue ${CATALOGUE_VERSION}.`,
      ].join('\n\n'),
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/', description: 'The server that serves this document.' }],
    tags: [
      { name: 'session', description: 'Sign-in and sign-out.' },
      { name: 'account', description: 'What the signed-in eSIM has and can buy.' },
      { name: 'orders', description: 'Orders and their activation.' },
      { name: 'payments', description: 'Payments, idempotent by key; one charge per order.' },
      { name: 'support', description: 'Escalation to a person.' },
      { name: 'processor', description: 'The simulated payment processor: card data goes here only.' },
      { name: 'meta', description: 'About the server.' },
    ],
    paths,
    components: {
      schemas: Object.fromEntries(Object.entries(COMPONENTS).map(([name, schema]) => [name, refs(schema, true)])),
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'esim_session', description: 'Set by POST /v1/session; expires after the configured time.' },
      },
    },
  };
}

/** `idempotency-key` → `Idempotency-Key`. */
const headerName = (name: string): string => name.replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase());
