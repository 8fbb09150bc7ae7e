import { describe, expect, it } from 'vitest';
import { API_ROUTES, routePath } from '../../src/domain/api-routes.js';

describe('the API routes table', () => {
  it('fills in a path’s names, each as one encoded segment', () => {
    expect(routePath('plans')).toBe('/v1/plans');
    expect(routePath('pay', { orderId: 'ord 1/2' })).toBe('/v1/orders/ord%201%2F2/payments');
    expect(routePath('authenticate', { paymentId: 'pay?x=1' })).toBe('/v1/payments/pay%3Fx%3D1/authentication');
  });

  it('names each method and path once', () => {
    const names = Object.values(API_ROUTES).map((r) => `${r.method} ${r.path}`);
    expect(new Set(names).size).toBe(names.length);
    for (const { path } of Object.values(API_ROUTES)) expect(path).toMatch(/^\/(v1|processor\/v1)\//);
  });
});
