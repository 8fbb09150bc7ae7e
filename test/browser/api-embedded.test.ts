/** Embedded in a page next to the page's own landmarks: two wizards, one banner. */
import { expect, fixture, html } from '@open-wc/testing';
import { SimulatedClock } from 'xstate';
import { describe, it } from 'vitest';
import type { EsimRenewalWizard } from '../../src/element/esim-renewal-wizard.js';
import { demo, q, waitForLocale } from './flows-helpers.js';

describe('embedded in a page', () => {
  it('a page with its own header and two wizards has one banner landmark: the wizard’s header is none', async () => {
    const page = await fixture<HTMLDivElement>(html`<div>
      <header><p>Host site</p></header>
      <main>
        <esim-renewal-wizard id="a" .provider=${demo()} .clock=${new SimulatedClock()}></esim-renewal-wizard>
        <esim-renewal-wizard id="b" .provider=${demo()} .clock=${new SimulatedClock()}></esim-renewal-wizard>
      </main>
    </div>`);
    const a = page.querySelector<EsimRenewalWizard>('#a')!;
    const b = page.querySelector<EsimRenewalWizard>('#b')!;
    await waitForLocale(a, 'en');
    await waitForLocale(b, 'en');
    expect(q(a, 'header')!.getAttribute('role')).to.equal('none');
    await expect(a).to.be.accessible();
    await expect(b).to.be.accessible();
  });
});
