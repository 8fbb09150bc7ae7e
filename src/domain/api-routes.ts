/**
 * The HTTP API's routes: the one table the HTTP provider builds its requests from and the
 * reference server registers and documents its routes from (server/src/schemas.ts adds each
 * route's schemas and words). A route added here and not there fails to compile, and the other
 * way round.
 */
export const API_ROUTES = {
  signIn: { method: 'POST', path: '/v1/session' },
  signOut: { method: 'DELETE', path: '/v1/session' },
  account: { method: 'GET', path: '/v1/account' },
  plans: { method: 'GET', path: '/v1/plans' },
  createOrder: { method: 'POST', path: '/v1/orders' },
  lookupOrder: { method: 'GET', path: '/v1/orders/lookup' },
  order: { method: 'GET', path: '/v1/orders/{orderId}' },
  pay: { method: 'POST', path: '/v1/orders/{orderId}/payments' },
  authenticate: { method: 'POST', path: '/v1/payments/{paymentId}/authentication' },
  payment: { method: 'GET', path: '/v1/payments/{paymentId}' },
  activation: { method: 'GET', path: '/v1/orders/{orderId}/activation' },
  support: { method: 'POST', path: '/v1/support' },
  /** The simulated payment processor's: a real site points the wizard at its processor instead. */
  tokenize: { method: 'POST', path: '/processor/v1/tokens' },
  health: { method: 'GET', path: '/v1/health' },
} as const satisfies Record<string, { readonly method: 'GET' | 'POST' | 'DELETE'; readonly path: string }>;

export type RouteId = keyof typeof API_ROUTES;
/** Where the processor's routes live under the API's base URL, unless told otherwise. */
export const PROCESSOR_PREFIX = '/processor/v1';

/** The `{name}`s of a path. */
type ParamsOf<P extends string> = P extends `${string}{${infer Name}}${infer Rest}` ? Name | ParamsOf<Rest> : never;
/** What a route's path needs filled in: nothing, or each of its `{name}`s. */
export type RouteParams<R extends RouteId> = [ParamsOf<(typeof API_ROUTES)[R]['path']>] extends [never]
  ? []
  : [params: Record<ParamsOf<(typeof API_ROUTES)[R]['path']>, string>];

/** A route's path with its `{name}`s filled in, each encoded as one path segment. */
export function routePath<R extends RouteId>(route: R, ...[params]: RouteParams<R>): string {
  const values: Record<string, string> = params ?? {};
  return API_ROUTES[route].path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? ''));
}
