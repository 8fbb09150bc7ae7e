/**
 * The HTTP contract's JSON Schemas, written once. Fastify validates requests with them (each
 * route's `schema` is taken from {@link OPERATIONS}) and openapi.ts builds the OpenAPI 3.1
 * document (server/openapi.json, `GET /openapi.json`) from the very same objects, so the
 * document cannot describe a request the server would not accept.
 *
 * The schemas use only keywords that mean the same in JSON Schema draft-07 (Fastify's Ajv) and
 * 2020-12 (OpenAPI 3.1). The domain shapes are those of src/domain/types.ts.
 */
import { CHANNELS, IDENTIFY_METHODS, PAYMENT_METHODS } from '../../src/domain/types.js';
import { CONTRACT_ERROR_CODES, DECLINE_CODES, type ContractErrorCode } from '../../src/domain/codes.js';
import { API_ROUTES, type RouteId } from '../../src/domain/api-routes.js';

export type Schema = { readonly [key: string]: unknown };

/** The server's error codes: the contract's table. */
export type ServerErrorCode = ContractErrorCode;

const text = (maxLength: number, minLength = 0): Schema => ({ type: 'string', minLength, maxLength });
const instant: Schema = { type: 'string', format: 'date-time', description: 'An ISO 8601 instant in UTC.' };
const object = (properties: Record<string, Schema>, required: readonly string[], description?: string): Schema => ({
  type: 'object',
  ...(description ? { description } : {}),
  additionalProperties: false,
  required: [...required],
  properties,
});

// ---------------------------------------------------------------------------------------------
// Domain shapes (src/domain/types.ts)
// ---------------------------------------------------------------------------------------------

export const Channel: Schema = { type: 'string', enum: [...CHANNELS], description: 'Where the eSIM was bought.' };
export const PaymentMethod: Schema = { type: 'string', enum: [...PAYMENT_METHODS] };
export const DeclineCode: Schema = { type: 'string', enum: [...DECLINE_CODES] };

export const Money = object(
  {
    amount: { type: 'integer', minimum: 0, description: "In the currency's minor units as Intl counts them (JPY has none: 500 is ¥500)." },
    currency: { type: 'string', pattern: '^[A-Z]{3}$', description: 'ISO 4217.' },
  },
  ['amount', 'currency'],
);

export const ProviderLinks = object(
  {
    register: text(2048),
    resetPassword: text(2048),
    buyNew: text(2048),
    terms: text(2048),
    support: text(2048),
  },
  ['buyNew', 'terms', 'support'],
);

export const TopUpWindow = object(
  {
    daysBeforeExpiry: { type: ['integer', 'null'], minimum: 0, description: 'null: any time.' },
    graceDaysAfterExpiry: { type: 'integer', minimum: 0 },
    inJapanOnly: { type: 'boolean' },
  },
  ['daysBeforeExpiry', 'graceDaysAfterExpiry', 'inJapanOnly'],
);

export const Capabilities = object(
  {
    rechargeable: { type: 'boolean' },
    topUpWindow: TopUpWindow,
    topUpMode: { type: 'string', enum: ['extend', 'queue', 'stack'] },
    validityStarts: { type: 'string', enum: ['install', 'first-connection'] },
    paymentMethods: { type: 'array', items: PaymentMethod },
    identifyMethods: { type: 'array', items: { type: 'string', enum: [...IDENTIFY_METHODS] } },
    links: ProviderLinks,
  },
  ['rechargeable', 'topUpWindow', 'topUpMode', 'validityStarts', 'paymentMethods', 'identifyMethods', 'links'],
  'What the account can do: the flow is driven by these, never by provider names.',
);

export const AccountStatus = object(
  {
    accountId: text(64, 1),
    channel: Channel,
    iccid: text(22),
    planName: text(200),
    expiresAt: instant,
    dataLeftMb: { type: ['number', 'null'], minimum: 0, description: 'null: unlimited.' },
    asOf: instant,
    capabilities: Capabilities,
  },
  ['accountId', 'channel', 'planName', 'expiresAt', 'dataLeftMb', 'asOf', 'capabilities'],
);

export const Plan = object(
  {
    id: text(64, 1),
    name: text(200),
    dataMb: { type: ['number', 'null'], minimum: 0, description: 'null: unlimited.' },
    days: { type: 'integer', minimum: 1 },
    price: Money,
    throttle: text(64),
  },
  ['id', 'name', 'dataMb', 'days', 'price'],
);

export const PlanList = object({ plans: { type: 'array', items: Plan } }, ['plans']);

export const Order = object(
  {
    orderId: text(64, 1),
    reference: text(64, 1),
    planId: text(64, 1),
    planName: text(200),
    quantity: { type: 'integer', minimum: 1, maximum: 10 },
    total: Money,
    newExpiresAt: instant,
    startsAt: instant,
  },
  ['orderId', 'reference', 'planId', 'planName', 'quantity', 'total', 'newExpiresAt'],
  'An unpaid or paid order; its total is authoritative, not the plan list.',
);

export const CashVoucher = object({ number: text(32, 1), payBy: instant, total: Money }, ['number', 'payBy', 'total']);

const paymentId = text(64, 1);
export const PaymentOutcome: Schema = {
  description: 'Where a payment stands.',
  oneOf: [
    object({ status: { const: 'succeeded' }, paymentId }, ['status', 'paymentId']),
    object({ status: { const: 'requires-action' }, paymentId, action: { type: 'string', enum: ['authenticate', 'paypal-approval'] } }, [
      'status',
      'paymentId',
      'action',
    ]),
    object({ status: { const: 'pending-cash' }, paymentId, voucher: CashVoucher }, ['status', 'paymentId', 'voucher']),
    object({ status: { const: 'declined' }, paymentId, declineCode: DeclineCode }, ['status', 'paymentId', 'declineCode']),
    object({ status: { const: 'failed' }, paymentId }, ['status', 'paymentId']),
  ],
};

export const ActivationStatus = object(
  { state: { type: 'string', enum: ['pending', 'active', 'failed'] }, expiresAt: instant },
  ['state'],
  'Whether the bought plan is live; expiresAt once active.',
);

export const OrderDetail = object({ order: Order, payment: { oneOf: [PaymentOutcome, { type: 'null' }] }, activation: ActivationStatus }, [
  'order',
  'payment',
  'activation',
]);

export const CardToken = object(
  {
    token: text(2048, 1),
    brand: text(32, 1),
    last4: { type: 'string', pattern: '^[0-9]{4}$' },
  },
  ['token', 'brand', 'last4'],
);

export const Ticket = object({ ticketId: text(64, 1) }, ['ticketId']);
export const SessionInfo = object({ expiresAt: instant }, ['expiresAt'], 'The session cookie `esim_session` is set with the answer.');
export const Health = object({ status: { const: 'ok' }, catalogueVersion: text(64, 1) }, ['status', 'catalogueVersion']);

/** The one error shape. */
export const ErrorBody = object(
  {
    code: { type: 'string', enum: [...CONTRACT_ERROR_CODES] },
    message: text(1000),
    retryable: { type: 'boolean' },
    declineCode: DeclineCode,
    paymentId,
  },
  ['code', 'message', 'retryable'],
  'Every error: `declineCode` and `paymentId` only on 402.',
);

// ---------------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------------

const email: Schema = { type: 'string', minLength: 3, maxLength: 254, pattern: '^[^@\\s]+@[^@\\s]+$' };

export const SignInRequest: Schema = {
  description:
    'Account credentials, or ICCID or order number with the e-mail address of the purchase. `orderNumber` may also be the `reference` of a renewal order (POST /v1/orders), with an e-mail address of the account that placed it.',
  oneOf: [
    object({ method: { const: 'account' }, channel: Channel, username: text(254, 1), password: text(200, 1) }, ['method', 'channel', 'username', 'password']),
    object({ method: { const: 'iccid' }, channel: Channel, iccid: { type: 'string', minLength: 18, maxLength: 32, pattern: '^[0-9 -]+$' }, email }, [
      'method',
      'channel',
      'iccid',
      'email',
    ]),
    object({ method: { const: 'order' }, channel: Channel, orderNumber: text(40, 1), email }, ['method', 'channel', 'orderNumber', 'email']),
  ],
};

export const OrderRequest = object({ planId: text(64, 1), quantity: { type: 'integer', minimum: 1, maximum: 10 } }, ['planId', 'quantity']);

export const PayRequest = object(
  { method: PaymentMethod, cardToken: { ...text(2048, 1), description: 'From POST /processor/v1/tokens; required for card.' } },
  ['method'],
);

export const AuthenticationRequest = object({ approved: { type: 'boolean' } }, ['approved']);

export const SupportRequest = object(
  {
    orderReference: text(64),
    iccid: text(32),
    triedChecks: { type: 'array', maxItems: 50, items: text(64) },
    message: text(5000),
  },
  ['triedChecks', 'message'],
);

export const CardInput = object(
  { number: text(32, 1), expiry: text(10, 1), cvc: text(8, 1) },
  ['number', 'expiry', 'cvc'],
  'Raw card data: only ever sent to the processor, which keeps none of it.',
);

const idParam = (name: string): Schema => object({ [name]: text(64, 1) }, [name]);
const idempotencyKey = (required: boolean): Schema => ({
  type: 'object',
  required: required ? ['idempotency-key'] : [],
  properties: { 'idempotency-key': { ...text(255, 1), description: 'The same key always means the same attempt.' } },
});

// ---------------------------------------------------------------------------------------------
// Operations
// ---------------------------------------------------------------------------------------------

export interface Response {
  readonly description: string;
  readonly schema?: Schema;
  /** Response headers by name: their schema and meaning. */
  readonly headers?: Readonly<Record<string, { readonly description: string; readonly schema: Schema }>>;
}

export interface Operation {
  readonly method: 'GET' | 'POST' | 'DELETE';
  /** OpenAPI style: `/v1/orders/{orderId}`. */
  readonly path: string;
  readonly summary: string;
  readonly description?: string;
  readonly tag: 'session' | 'account' | 'orders' | 'payments' | 'support' | 'processor' | 'meta';
  /** Needs the session cookie. */
  readonly session: boolean;
  readonly body?: Schema;
  readonly params?: Schema;
  readonly query?: Schema;
  readonly headers?: Schema;
  readonly responses: Readonly<Record<string, Response>>;
}

const RETRY_AFTER = { 'Retry-After': { description: 'Seconds to wait before trying again.', schema: { type: 'integer', minimum: 0 } } };

/** The error answers, by status, shared by the operations. */
export const ERRORS = {
  400: { description: '`invalid-input`: the body, parameters or headers fail validation.', schema: ErrorBody },
  401: { description: '`session-expired`: no valid session (sign in again).', schema: ErrorBody },
  402: { description: '`declined`, with `declineCode` and `paymentId`: the payment was declined.', schema: ErrorBody },
  403: { description: '`csrf`: the `X-ESIM-CSRF: 1` header is missing or the Origin is not allowed.', schema: ErrorBody },
  404: { description: '`not-found`: no such account, order or payment.', schema: ErrorBody },
  409: { description: '`conflict` (an idempotency key reused with another body) or `already-paid` (the order is paid already).', schema: ErrorBody },
  422: { description: '`invalid-input`: well-formed but not acceptable (e.g. a plan this account cannot buy).', schema: ErrorBody },
  429: { description: '`rate-limited`: too many requests.', schema: ErrorBody, headers: RETRY_AFTER },
  500: { description: '`server`: a server fault; retryable.', schema: ErrorBody },
  503: { description: '`server`: unavailable for a moment; retryable.', schema: ErrorBody, headers: RETRY_AFTER },
} as const satisfies Record<number, Response>;

const faults = { 500: ERRORS[500], 503: ERRORS[503] };
const withSession = { 401: ERRORS[401], ...faults };
const stateChanging = { 400: ERRORS[400], 403: ERRORS[403] };

export const OPERATIONS = {
  signIn: {
    ...API_ROUTES.signIn,
    tag: 'session',
    session: false,
    summary: 'Sign in',
    description:
      'Proves the eSIM is the person’s own and sets the HttpOnly session cookie `esim_session`. Accounts (user name and password) are looked up within the chosen channel; an ICCID or an order number names one eSIM in any channel, whatever `channel` says. A renewal order’s `reference` (case-insensitive) with an e-mail address of the account that placed it signs in to that account, as an order number does (“I already paid: check my order”). Five failures in a row for one sign-in (or many from one address) answer 429 with `Retry-After` until it passes.',
    body: SignInRequest,
    responses: {
      200: {
        description: 'Signed in; the cookie is set.',
        schema: SessionInfo,
        headers: {
          'Set-Cookie': { description: '`esim_session=…; HttpOnly; SameSite=Strict; Path=/` (and `Secure` over HTTPS).', schema: { type: 'string' } },
        },
      },
      ...stateChanging,
      401: { description: '`invalid-credentials`: wrong user name or password.', schema: ErrorBody },
      403: { description: '`locked`: the account is locked; or `csrf`.', schema: ErrorBody },
      404: {
        description:
          '`not-found`: no eSIM with that ICCID or order number and e-mail, and no renewal order with that reference placed by an account with that e-mail.',
        schema: ErrorBody,
      },
      429: ERRORS[429],
      ...faults,
    },
  },
  signOut: {
    ...API_ROUTES.signOut,
    tag: 'session',
    session: false,
    summary: 'Sign out',
    responses: { 204: { description: 'Signed out; the cookie is cleared.' }, 403: ERRORS[403], ...faults },
  },
  account: {
    ...API_ROUTES.account,
    tag: 'account',
    session: true,
    summary: 'Account status',
    responses: { 200: { description: 'The validity, data left and capabilities, as read now.', schema: AccountStatus }, ...withSession },
  },
  plans: {
    ...API_ROUTES.plans,
    tag: 'account',
    session: true,
    summary: 'Plans this account can buy',
    responses: { 200: { description: 'The channel’s top-up plans.', schema: PlanList }, ...withSession },
  },
  createOrder: {
    ...API_ROUTES.createOrder,
    tag: 'orders',
    session: true,
    summary: 'Create an order',
    description:
      'An unpaid order of this account for the same plan and quantity is returned again (200) instead of a second one. An `Idempotency-Key` header is accepted and not needed.',
    body: OrderRequest,
    headers: idempotencyKey(false),
    responses: {
      200: { description: 'The open order for this plan and quantity, again.', schema: Order },
      201: { description: 'A new unpaid order.', schema: Order },
      ...stateChanging,
      422: {
        description: '`invalid-input`: an unknown plan, or the account cannot top up now (not rechargeable, expired past grace, too early).',
        schema: ErrorBody,
      },
      ...withSession,
    },
  },
  lookupOrder: {
    ...API_ROUTES.lookupOrder,
    tag: 'orders',
    session: true,
    summary: 'The order a person looks up, with its payment and activation',
    description:
      '“I already paid: check my order”: the signed-in account’s order with the `reference` typed (case-insensitive); for a reference that is none of its renewal orders (the eSIM’s own order number), or without one, its most recently created order (placed in this session or an earlier one). Answered as `GET /v1/orders/{orderId}` answers it.',
    query: {
      type: 'object',
      additionalProperties: false,
      properties: { reference: { type: 'string', minLength: 1, maxLength: 64, description: 'An order reference, as typed to sign in.' } },
    },
    responses: {
      200: { description: 'The order, its latest payment (null before one) and its activation.', schema: OrderDetail },
      400: ERRORS[400],
      404: { description: '`not-found`: the account has no order.', schema: ErrorBody },
      ...withSession,
    },
  },
  order: {
    ...API_ROUTES.order,
    tag: 'orders',
    session: true,
    summary: 'An order with its payment and activation',
    params: idParam('orderId'),
    responses: {
      200: { description: 'The order, its latest payment (null before one) and its activation.', schema: OrderDetail },
      404: ERRORS[404],
      ...withSession,
    },
  },
  pay: {
    ...API_ROUTES.pay,
    tag: 'payments',
    session: true,
    summary: 'Pay an order',
    description:
      'Card (with a token from the processor), PayPal (asks for approval) or konbini (a cash voucher paid at a convenience store). The first answer to an `Idempotency-Key` is stored and replayed for the same request; the same key with another request is 409 `conflict` (`already-paid` if the order is paid meanwhile). An order is charged at most once: a payment for a paid order, whatever its key, is 409 `already-paid`.',
    params: idParam('orderId'),
    headers: idempotencyKey(true),
    body: PayRequest,
    responses: {
      200: { description: '`succeeded`, `requires-action`, `pending-cash` or `failed`.', schema: PaymentOutcome },
      ...stateChanging,
      402: ERRORS[402],
      404: ERRORS[404],
      409: ERRORS[409],
      422: { description: '`invalid-input`: the method is not offered to this account, or the card token is missing, invalid or expired.', schema: ErrorBody },
      ...withSession,
    },
  },
  authenticate: {
    ...API_ROUTES.authenticate,
    tag: 'payments',
    session: true,
    summary: 'Complete a payment that asked for approval',
    description: 'Card authentication (3-D Secure) or PayPal approval. Refusal declines the payment (402). An `Idempotency-Key` header is honoured when sent.',
    params: idParam('paymentId'),
    headers: idempotencyKey(false),
    body: AuthenticationRequest,
    responses: {
      200: { description: 'The payment’s outcome.', schema: PaymentOutcome },
      ...stateChanging,
      402: ERRORS[402],
      404: ERRORS[404],
      409: ERRORS[409],
      ...withSession,
    },
  },
  payment: {
    ...API_ROUTES.payment,
    tag: 'payments',
    session: true,
    summary: 'A payment’s outcome',
    description: 'Polled for a konbini voucher: `succeeded` once the shop took the cash, `declined` (`voucher_expired`) after its pay-by time.',
    params: idParam('paymentId'),
    responses: { 200: { description: 'The current outcome.', schema: PaymentOutcome }, 404: ERRORS[404], ...withSession },
  },
  activation: {
    ...API_ROUTES.activation,
    tag: 'orders',
    session: true,
    summary: 'Whether the bought plan is live',
    description: '`recheck=true` asks the network to look again after the person fixed something.',
    params: idParam('orderId'),
    query: { type: 'object', additionalProperties: false, properties: { recheck: { type: 'string', enum: ['true', 'false'] } } },
    responses: {
      200: { description: 'pending, active (with the new expiry) or failed.', schema: ActivationStatus },
      400: ERRORS[400],
      404: { description: '`not-found`: no such order, or it is not paid.', schema: ErrorBody },
      ...withSession,
    },
  },
  support: {
    ...API_ROUTES.support,
    tag: 'support',
    session: false,
    summary: 'Open a support request',
    description: 'With or without a session. Card-number-like digit runs in the message are masked before it is stored.',
    body: SupportRequest,
    responses: { 201: { description: 'The ticket.', schema: Ticket }, ...stateChanging, ...faults },
  },
  tokenize: {
    ...API_ROUTES.tokenize,
    tag: 'processor',
    session: false,
    summary: 'Tokenize a card (the simulated payment processor)',
    description:
      'Validates the card and answers a signed, short-lived token that carries only the test card’s behaviour, brand and last four digits. Stores nothing and logs nothing of the card. Stripe’s test numbers: 4242 4242 4242 4242 succeeds; 4000 0000 0000 0002 `card_declined`; 4000 0000 0000 9995 `insufficient_funds`; 4000 0027 6000 3184 asks for authentication; any other valid number succeeds.',
    body: CardInput,
    responses: {
      200: { description: 'The token.', schema: CardToken },
      ...stateChanging,
      422: { description: '`invalid-input`: the number, expiry or security code is not valid.', schema: ErrorBody },
      ...faults,
    },
  },
  health: {
    ...API_ROUTES.health,
    tag: 'meta',
    session: false,
    summary: 'Liveness',
    responses: { 200: { description: 'Up.', schema: Health }, ...faults },
  },
} as const satisfies Record<RouteId, Operation>;

export type OperationId = keyof typeof OPERATIONS;

/** An operation as `METHOD /path` (OpenAPI style): how idempotency records and injected faults name it. */
export const operationName = (id: OperationId): string => `${OPERATIONS[id].method} ${OPERATIONS[id].path}`;

/** Every named schema, as it appears in the document's `components.schemas`. */
export const COMPONENTS: Readonly<Record<string, Schema>> = {
  Error: ErrorBody,
  Channel,
  PaymentMethod,
  DeclineCode,
  Money,
  ProviderLinks,
  TopUpWindow,
  Capabilities,
  AccountStatus,
  Plan,
  PlanList,
  Order,
  CashVoucher,
  PaymentOutcome,
  ActivationStatus,
  OrderDetail,
  CardToken,
  Ticket,
  SessionInfo,
  Health,
  SignInRequest,
  OrderRequest,
  PayRequest,
  AuthenticationRequest,
  SupportRequest,
  CardInput,
};

/** The route's Fastify `schema`: the request parts only (answers are built by the handlers). */
export function requestSchema(op: Operation): Schema {
  const copy = (s: Schema | undefined) => (s ? structuredClone(s) : undefined);
  return Object.fromEntries(
    Object.entries({ body: copy(op.body), params: copy(op.params), querystring: copy(op.query), headers: copy(op.headers) }).filter(([, v]) => v !== undefined),
  );
}

/** `/v1/orders/{orderId}` → `/v1/orders/:orderId`. */
export const fastifyPath = (path: string): string => path.replace(/\{(\w+)\}/g, ':$1');
