import { expect, oneEvent } from '@open-wc/testing';
import { describe, it } from 'vitest';
import { mount, payByCard, state, toPlans, toReview, waitForState } from './helpers.js';

describe('happy path smoke', () => {
  it('renews end to end', async () => {
    const { el } = await mount();
    expect(state(el)).to.equal('validity');
    await toPlans(el);
    await toReview(el);
    const done = oneEvent(el, 'esim-renewal-complete');
    await payByCard(el, '4242 4242 4242 4242');
    const ev = await done;
    expect(ev.detail.demo).to.equal(true);
    await waitForState(el, 'done');
  });
});
