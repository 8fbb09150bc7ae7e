/**
 * Never charged twice, over HTTP: the built page on the reference server in Chromium, through the
 * real HttpProvider. A double click on Pay, Enter pressed twice in the card form, and the same
 * order paid from two tabs of one browser (one cookie jar: one session). Each time the server's
 * database holds exactly one order for the account and exactly one charge.
 */
import { describe, expect, it } from 'vitest';
import {
  PAYMENTS,
  calls,
  expectOneOrderOneCharge,
  isDone,
  openTab,
  payButton,
  paymentAnswer,
  readyToPay,
  twoTabs,
  useHarness,
  type Tab,
} from './faults-http-helpers.js';
import { en, wizard } from './page-helpers.js';

describe('double submit over HTTP', () => {
  const h = useHarness();

  /** Done, after one tokenization and one payment request. */
  async function expectPaidOnce(one: Tab): Promise<void> {
    await wizard(one.tab).heading(en.done.title).waitFor();
    expect(calls(one, 'POST', '/processor/v1/tokens')).toHaveLength(1);
    expect(calls(one, 'POST', PAYMENTS).map((a) => a.status)).toEqual([200]);
    expectOneOrderOneCharge(h.t);
  }

  it('a double click on Pay: one payment request, one charge', async () => {
    const one = await openTab(h.context, h.t);
    await readyToPay(one);
    await payButton(one).dblclick();
    await expectPaidOnce(one);
  }, 30_000);

  it('Enter pressed twice in the card form: one payment request, one charge', async () => {
    const one = await openTab(h.context, h.t);
    await readyToPay(one);
    await wizard(one.tab).w.getByLabel(en.payment.cardCvc, { exact: true }).focus();
    await one.tab.keyboard.press('Enter');
    await one.tab.keyboard.press('Enter');
    await expectPaidOnce(one);
  }, 30_000);

  describe('the same order from two tabs sharing the session', () => {
    /** Both tabs asked the server to pay; the order was charged once. */
    function expectChargedOnce(one: Tab, two: Tab): void {
      expect(calls(one, 'POST', PAYMENTS).map((a) => a.status)).toEqual([200]);
      expect(calls(two, 'POST', PAYMENTS), 'the second tab asked to pay too').toHaveLength(1);
      expect(calls(two, 'POST', PAYMENTS)[0]!.path).toBe(calls(one, 'POST', PAYMENTS)[0]!.path);
      expectOneOrderOneCharge(h.t);
    }

    it('paid in one tab, then Pay in the other: one charge', async () => {
      const [one, two] = await twoTabs(h.context, h.t);
      await payButton(one).click();
      await wizard(one.tab).heading(en.done.title).waitFor();
      await Promise.all([paymentAnswer(two), payButton(two).click()]);
      expectChargedOnce(one, two);
    }, 30_000);

    it('Pay in both tabs at the same moment: one charge', async () => {
      const [one, two] = await twoTabs(h.context, h.t);
      await Promise.all([paymentAnswer(one), paymentAnswer(two), payButton(one).click(), payButton(two).click()]);
      await expect.poll(async () => (await isDone(one)) || (await isDone(two)), { message: 'one of the tabs is done' }).toBe(true);
      expect(calls(one, 'POST', PAYMENTS).length + calls(two, 'POST', PAYMENTS).length, 'both tabs asked to pay').toBe(2);
      expectOneOrderOneCharge(h.t);
    }, 30_000);
  });
});
