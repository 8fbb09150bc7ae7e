/**
 * Regressions the fault and double-submit suites found, kept as stories. (The two 401 cases, at
 * card tokenization and at a 3-D Secure approval, are rows of the fault table in faults.test.ts.)
 */
import { expect } from '@open-wc/testing';
import { describe, it } from 'vitest';
import { alertMessages, twoTabs } from './faults-helpers.js';
import { click, idle, waitForState } from './flows-helpers.js';

describe('the same order paid from two tabs', () => {
  /*
   * Two wizards on one session pay the same order. Both use the idempotency key `<orderId>:0`;
   * the second tab's payment carries another card token under the first tab's key. The order is
   * paid, so the provider answers `already-paid` (not `conflict`), and the wizard moves on to
   * activation with no error shown (README, Security).
   */
  it('the second tab moves on to activation (already paid), with no error and no second charge', async () => {
    const [a, b] = await twoTabs();
    await click(a.el, /^Pay /);
    await waitForState(a.el, 'done');
    await click(b.el, /^Pay /);
    await idle(b.el);
    expect(alertMessages(b.el), 'no error in the second tab').to.deep.equal([]);
    await waitForState(b.el, 'done');
    expect(a.provider.orders).to.have.length(1);
    expect(a.demo.chargeCount(a.provider.orders[0]!.orderId)).to.equal(1);
  });
});
