/**
 * Regressions the fault and double-submit suites found, over HTTP: the built page on the
 * reference server, in Chromium. A 401 at card tokenization or at a 3-D Secure approval asks to
 * sign in again and goes on without a conflict; the same order paid from a second tab is told it
 * is paid (409 `already-paid`) and moves on.
 */
import { describe, expect, it } from 'vitest';
import { CARD, PAYMENTS, calls, expectOneOrderOneCharge, openTab, payButton, paymentAnswer, twoTabs, useHarness } from './faults-http-helpers.js';
import { en, payByCard, pickPlan, signInOnline, wizard } from './page-helpers.js';
import { DEMO_PASSWORD } from '../../src/domain/test-accounts.js';

describe('regressions over HTTP', () => {
  const h = useHarness();

  it('the same order from two tabs: the second tab is told it is paid (409 already-paid) and moves on, with no error', async () => {
    const [one, two] = await twoTabs(h.context, h.t);
    await payButton(one).click();
    await wizard(one.tab).heading(en.done.title).waitFor();
    const [answer] = await Promise.all([paymentAnswer(two), payButton(two).click()]);
    expect(await answer.json()).toMatchObject({ code: 'already-paid' });
    await wizard(two.tab).heading(en.activation.title).or(wizard(two.tab).heading(en.done.title)).first().waitFor();
    expect(await wizard(two.tab).w.getByRole('alert').count()).toBe(0);
    expect(calls(two, 'POST', PAYMENTS)).toHaveLength(1);
    expectOneOrderOneCharge(h.t);
  }, 30_000);

  it('a 401 when approving a 3-D Secure payment: after signing in again, the approval goes on; no conflict', async () => {
    const { tab } = await openTab(h.context, h.t);
    const { w, heading } = wizard(tab);
    await signInOnline(tab);
    await pickPlan(tab);
    await payByCard(tab, '4000 0027 6000 3184');
    await heading(en.payment.authTitle).waitFor();
    expect((await h.t.admin('POST', '/admin/faults', { route: 'POST /v1/payments/{paymentId}/authentication', fault: '401' })).status).toBe(204);
    await w.getByRole('button', { name: en.payment.approve, exact: true }).click();
    await heading(en.login.titleAccount).waitFor();
    await w.getByLabel(en.login.password, { exact: true }).fill(DEMO_PASSWORD);
    await w.getByRole('button', { name: en.login.submit, exact: true }).click();
    // "This request clashed with an earlier one. Try again."
    await heading(en.payment.authTitle).waitFor();
    await w.getByRole('button', { name: en.payment.approve, exact: true }).click();
    await heading(en.done.title).waitFor();
    expectOneOrderOneCharge(h.t);
  }, 30_000);

  it('a 401 from card tokenization: the wizard asks to sign in again, then pays', async () => {
    const { tab } = await openTab(h.context, h.t);
    const { w, heading } = wizard(tab);
    await signInOnline(tab);
    await pickPlan(tab);
    expect((await h.t.admin('POST', '/admin/faults', { route: 'POST /processor/v1/tokens', fault: '401' })).status).toBe(204);
    await payByCard(tab, CARD);
    await w.getByRole('alert').filter({ hasText: en.errors['session-expired'] }).waitFor();
    await heading(en.login.titleAccount).waitFor();
  }, 30_000);
});
