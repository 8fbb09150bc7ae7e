/**
 * The fault suite's HTTP subset: the built page on the reference server, in Chromium, through the
 * real HttpProvider, with the server's test-only fault switch (`testFaults`, `POST /admin/faults`
 * on the loopback admin listener). Each fault kind on creating the order and on paying, and a
 * dropped connection on the activation check. The fault lasts through the HttpProvider's own
 * retries, so the wizard sees it: the catalog's message in an alert; then the fault has cleared,
 * the screen's retry (or signing in again, for a 401) goes on to the end, and the server's
 * database holds exactly one order and one charge for the account.
 *
 * The fault lasts until the test clears it (`DELETE /admin/faults`) once the wizard has shown it:
 * the HttpProvider retries GETs and keyed POSTs, and Chromium itself re-sends a request whose
 * kept-alive connection closed without an answer, so a fault for a fixed number of requests may
 * never reach the wizard (which is the point of those retries).
 *
 * A dropped connection (`network`) drops the answer after the server did its work (the order
 * made, the charge taken): the riskiest case. The page's clock is Playwright's fake one, pushed
 * on while the provider waits (15 s timeouts, back-offs, `Retry-After`).
 */
import { describe, expect, it } from 'vitest';
import { FAULTS, FAULT_CODES, type Fault } from '../../src/testing/faulty-provider.js';
import { CARD, advanceUntil, expectOneOrderOneCharge, openTab, useHarness } from './faults-http-helpers.js';
import { en, payByCard, pickPlan, signInOnline, wizard } from './page-helpers.js';
import { DEMO_PASSWORD } from '../../src/domain/test-accounts.js';

const ROUTES = {
  createOrder: 'POST /v1/orders',
  pay: 'POST /v1/orders/{orderId}/payments',
  activationStatus: 'GET /v1/orders/{orderId}/activation',
} as const;
type Call = keyof typeof ROUTES;

const CASES: { call: Call; fault: Fault }[] = [
  ...FAULTS.map((fault) => ({ call: 'createOrder' as const, fault })),
  ...FAULTS.map((fault) => ({ call: 'pay' as const, fault })),
  { call: 'activationStatus', fault: 'network' },
];

describe(`faults over HTTP, through the page (${CASES.length} cases)`, () => {
  const h = useHarness();

  it.each(CASES)(
    '$call × $fault: the message, then the retry; one order, one charge in the database',
    async ({ call, fault }) => {
      const { t } = h;
      const { tab } = await openTab(h.context, t);
      const { w, heading } = wizard(tab);
      const arm = async () => {
        const armed = await t.admin('POST', '/admin/faults', { route: ROUTES[call], fault, times: 1000, ...(fault === 'network' ? { after: true } : {}) });
        expect(armed.status).toBe(204);
      };
      await signInOnline(tab);
      if (call === 'createOrder') {
        await arm();
        await w.getByRole('radio', { name: /^7 days · 3 GB/ }).check();
        await w.getByRole('button', { name: en.nav.next, exact: true }).click();
      } else {
        await pickPlan(tab);
        await arm();
        await payByCard(tab, CARD);
      }

      await advanceUntil(tab, w.getByRole('alert').filter({ hasText: en.errors[FAULT_CODES[fault]] }));
      expect(t.logs.filter((l) => l.includes('injected fault')).length, 'the fault was hit').toBeGreaterThan(0);
      // The fault clears.
      expect((await t.admin('DELETE', '/admin/faults')).status).toBe(204);

      if (fault === '401') {
        // Asked to sign in again; then on at the payment step.
        await heading(en.login.titleAccount).waitFor();
        await w.getByLabel(en.login.password, { exact: true }).fill(DEMO_PASSWORD);
        await w.getByRole('button', { name: en.login.submit, exact: true }).click();
        await heading(en.payment.title).waitFor();
        await payByCard(tab, CARD);
      } else {
        await w.getByRole('button', { name: en.nav.retry, exact: true }).click();
        if (call === 'createOrder') {
          await heading(en.payment.title).waitFor();
          await payByCard(tab, CARD);
        }
      }
      await advanceUntil(tab, heading(en.done.title));
      expectOneOrderOneCharge(t);
    },
    30_000,
  );
});
