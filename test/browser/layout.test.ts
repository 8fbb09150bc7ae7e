import { expect } from '@open-wc/testing';
import { page } from 'vitest/browser';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { EsimRenewalWizard } from '../../src/element/esim-renewal-wizard.js';
import { click, mount, root, toPlans, toReview, choose } from './helpers.js';

/** Nothing may stick out sideways at this width: it would be cut off or need sideways scrolling. */
function assertFits(el: EsimRenewalWizard, width: number): void {
  const base = root(el).querySelector<HTMLElement>('.base')!;
  expect(base.getBoundingClientRect().width).to.be.at.most(width);
  expect(base.scrollWidth, 'content wider than the wizard').to.be.at.most(base.clientWidth);
  for (const node of root(el).querySelectorAll<HTMLElement>('input:not([type=radio]):not([type=checkbox]), button, select, textarea')) {
    const r = node.getBoundingClientRect();
    if (r.width === 0) continue;
    expect(r.right, `${node.outerHTML.slice(0, 60)} sticks out`).to.be.at.most(base.getBoundingClientRect().right + 0.5);
  }
}

/** iOS zooms into inputs under 16 px; targets must be at least 24 px (WCAG 2.2, 2.5.8). */
function assertTouchFriendly(el: EsimRenewalWizard): void {
  for (const node of root(el).querySelectorAll<HTMLElement>('input:not([type=radio]):not([type=checkbox]), textarea')) {
    expect(parseFloat(getComputedStyle(node).fontSize)).to.be.at.least(16);
  }
  for (const node of root(el).querySelectorAll<HTMLElement>('button:not([hidden]), .choice')) {
    const r = node.getBoundingClientRect();
    if (r.width === 0) continue;
    expect(r.height, node.textContent.trim()).to.be.at.least(24);
    expect(r.width, node.textContent.trim()).to.be.at.least(24);
  }
}

describe('at 320 px wide', () => {
  beforeAll(async () => {
    await page.viewport(320, 640);
  });
  afterAll(async () => {
    await page.viewport(1024, 768);
  });

  it('every main step fits and stays touch-friendly', async () => {
    const { el } = await mount();
    el.style.display = 'block';
    assertFits(el, 320);
    assertTouchFriendly(el);
    await toPlans(el);
    assertFits(el, 320);
    assertTouchFriendly(el);
    await toReview(el);
    await choose(el, 'Credit or debit card');
    assertFits(el, 320);
    assertTouchFriendly(el);
    await click(el, 'Back');
    assertFits(el, 320);
  });
});
