/**
 * Shape checks for the HTTP provider's responses, hand-written so the browser bundle carries no
 * schema library (and no `new Function`, which a strict CSP forbids). Each returns the value
 * typed, or throws `malformed-response`: a bad body is a typed error, never `undefined` on screen.
 */
import { DECLINE_CODES } from '../domain/codes.js';
import type {
  AccountStatus,
  ActivationStatus,
  CardToken,
  Capabilities,
  Money,
  Order,
  OrderStatus,
  PaymentOutcome,
  Plan,
  SupportTicket,
} from '../domain/types.js';
import { ProviderError } from './errors.js';

type Json = Record<string, unknown>;

const fail = (what: string): never => {
  throw new ProviderError('malformed-response', { message: `malformed response: ${what}` });
};
const obj = (v: unknown, what: string): Json => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : fail(what));
const str = (v: unknown, what: string): string => (typeof v === 'string' && v.length <= 10_000 ? v : fail(what));
const optStr = (v: unknown, what: string): string | undefined => (v === undefined || v === null ? undefined : str(v, what));
const num = (v: unknown, what: string): number => (typeof v === 'number' && Number.isFinite(v) ? v : fail(what));
const bool = (v: unknown, what: string): boolean => (typeof v === 'boolean' ? v : fail(what));
const instant = (v: unknown, what: string): string => (Number.isFinite(Date.parse(str(v, what))) ? (v as string) : fail(what));
const oneOf = <T extends string>(v: unknown, values: readonly T[], what: string): T => ((values as readonly unknown[]).includes(v) ? (v as T) : fail(what));
const arr = (v: unknown, what: string): unknown[] => (Array.isArray(v) ? v : fail(what));
const nullableNum = (v: unknown, what: string): number | null => (v === null ? null : num(v, what));

/** Money as the contract has it: a whole, non-negative amount in minor units and an ISO 4217 code. */
export function money(v: unknown, what = 'money'): Money {
  const o = obj(v, what);
  const amount = num(o.amount, `${what}.amount`);
  const currency = str(o.currency, `${what}.currency`);
  if (!Number.isSafeInteger(amount) || amount < 0) fail(`${what}.amount`);
  if (!/^[A-Z]{3}$/.test(currency)) fail(`${what}.currency`);
  return { amount, currency };
}

function capabilities(v: unknown): Capabilities {
  const o = obj(v, 'capabilities');
  const w = obj(o.topUpWindow, 'topUpWindow');
  const l = obj(o.links, 'links');
  // Optional links as the other optional fields: absent or null is left out.
  const register = optStr(l.register, 'links.register');
  const resetPassword = optStr(l.resetPassword, 'links.resetPassword');
  return {
    rechargeable: bool(o.rechargeable, 'rechargeable'),
    topUpWindow: {
      daysBeforeExpiry: nullableNum(w.daysBeforeExpiry, 'daysBeforeExpiry'),
      graceDaysAfterExpiry: num(w.graceDaysAfterExpiry, 'graceDaysAfterExpiry'),
      inJapanOnly: bool(w.inJapanOnly, 'inJapanOnly'),
    },
    topUpMode: oneOf(o.topUpMode, ['extend', 'queue', 'stack'] as const, 'topUpMode'),
    validityStarts: oneOf(o.validityStarts, ['install', 'first-connection'] as const, 'validityStarts'),
    paymentMethods: arr(o.paymentMethods, 'paymentMethods').map((m) => oneOf(m, ['card', 'paypal', 'konbini'] as const, 'paymentMethod')),
    identifyMethods: arr(o.identifyMethods, 'identifyMethods').map((m) => oneOf(m, ['account', 'iccid', 'order'] as const, 'identifyMethod')),
    links: {
      ...(register !== undefined ? { register } : {}),
      ...(resetPassword !== undefined ? { resetPassword } : {}),
      buyNew: str(l.buyNew, 'links.buyNew'),
      terms: str(l.terms, 'links.terms'),
      support: str(l.support, 'links.support'),
    },
  };
}

export function accountStatus(v: unknown): AccountStatus {
  const o = obj(v, 'account');
  const iccid = optStr(o.iccid, 'iccid');
  return {
    accountId: str(o.accountId, 'accountId'),
    channel: oneOf(o.channel, ['online', 'shop', 'airport'] as const, 'channel'),
    ...(iccid ? { iccid } : {}),
    planName: str(o.planName, 'planName'),
    expiresAt: instant(o.expiresAt, 'expiresAt'),
    dataLeftMb: nullableNum(o.dataLeftMb, 'dataLeftMb'),
    asOf: instant(o.asOf, 'asOf'),
    capabilities: capabilities(o.capabilities),
  };
}

export function plan(v: unknown): Plan {
  const o = obj(v, 'plan');
  const throttle = optStr(o.throttle, 'throttle');
  return {
    id: str(o.id, 'plan.id'),
    name: str(o.name, 'plan.name'),
    dataMb: nullableNum(o.dataMb, 'plan.dataMb'),
    days: num(o.days, 'plan.days'),
    price: money(o.price, 'plan.price'),
    ...(throttle ? { throttle } : {}),
  };
}

export const plans = (v: unknown): Plan[] => arr(obj(v, 'plans').plans, 'plans').map(plan);

export function order(v: unknown): Order {
  const o = obj(v, 'order');
  const startsAt = o.startsAt === undefined || o.startsAt === null ? undefined : instant(o.startsAt, 'startsAt');
  return {
    orderId: str(o.orderId, 'orderId'),
    reference: str(o.reference, 'reference'),
    planId: str(o.planId, 'order.planId'),
    planName: str(o.planName, 'order.planName'),
    quantity: num(o.quantity, 'quantity'),
    total: money(o.total, 'total'),
    newExpiresAt: instant(o.newExpiresAt, 'newExpiresAt'),
    ...(startsAt ? { startsAt } : {}),
  };
}

export function paymentOutcome(v: unknown): PaymentOutcome {
  const o = obj(v, 'payment');
  const paymentId = str(o.paymentId, 'paymentId');
  switch (o.status) {
    case 'succeeded':
    case 'failed':
      return { status: o.status, paymentId };
    case 'requires-action':
      return { status: 'requires-action', paymentId, action: oneOf(o.action, ['authenticate', 'paypal-approval'] as const, 'action') };
    case 'pending-cash': {
      const voucher = obj(o.voucher, 'voucher');
      return {
        status: 'pending-cash',
        paymentId,
        voucher: {
          number: str(voucher.number, 'voucher.number'),
          payBy: instant(voucher.payBy, 'voucher.payBy'),
          total: money(voucher.total, 'voucher.total'),
        },
      };
    }
    case 'declined':
      return { status: 'declined', paymentId, declineCode: oneOf(o.declineCode, DECLINE_CODES, 'declineCode') };
    default:
      return fail('payment.status');
  }
}

export function activationStatus(v: unknown): ActivationStatus {
  const o = obj(v, 'activation');
  const expiresAt = o.expiresAt === undefined || o.expiresAt === null ? undefined : instant(o.expiresAt, 'activation.expiresAt');
  return { state: oneOf(o.state, ['pending', 'active', 'failed'] as const, 'activation.state'), ...(expiresAt ? { expiresAt } : {}) };
}

export function cardToken(v: unknown): CardToken {
  const o = obj(v, 'token');
  const last4 = str(o.last4, 'last4');
  if (!/^\d{4}$/.test(last4)) fail('last4');
  return { token: str(o.token, 'token'), brand: str(o.brand, 'brand'), last4 };
}

export function orderStatus(v: unknown): OrderStatus {
  const o = obj(v, 'orderStatus');
  return {
    order: order(o.order),
    payment: o.payment === null || o.payment === undefined ? null : paymentOutcome(o.payment),
    activation: activationStatus(o.activation),
  };
}

export const ticket = (v: unknown): SupportTicket => ({ ticketId: str(obj(v, 'ticket').ticketId, 'ticketId') });

/** The one error shape: `{ code, message, retryable, declineCode? }`; null when the body is not it. */
export function errorBody(v: unknown): { code: string; retryable?: boolean; declineCode?: string; paymentId?: string } | null {
  if (v === null || typeof v !== 'object') return null;
  const o = v as Json;
  if (typeof o.code !== 'string') return null;
  return {
    code: o.code,
    ...(typeof o.retryable === 'boolean' ? { retryable: o.retryable } : {}),
    ...(typeof o.declineCode === 'string' ? { declineCode: o.declineCode } : {}),
    ...(typeof o.paymentId === 'string' ? { paymentId: o.paymentId } : {}),
  };
}
