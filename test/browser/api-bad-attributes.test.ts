/** Bad attribute values: one warning each, naming the accepted values, and the defaults are used. */
import { expect, fixture, html } from '@open-wc/testing';
import { SimulatedClock } from 'xstate';
import { afterEach, describe, it, vi } from 'vitest';
import type { EsimRenewalWizard } from '../../src/element/esim-renewal-wizard.js';
import { mountApi } from './api-helpers.js';
import { CARD_OK, answerValidity, choose, click, demo, heading, payByCard, q, signIn, state, toLogin, waitForLocale, waitForState } from './flows-helpers.js';

describe('bad attribute values', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  const ours = (warn: { mock: { calls: unknown[][] } }) => warn.mock.calls.map((c) => String(c[0])).filter((s) => s.startsWith('<esim-renewal-wizard>'));

  it('one warning per attribute and value, naming the attribute and the accepted values; the defaults are used', async () => {
    const warn = vi.spyOn(console, 'warn');
    const m = await mountApi(demo(), (el) => {
      el.setAttribute('channel', 'nope');
      el.setAttribute('demo-scenario', 'x');
      el.setAttribute('theme', 'purple');
    });
    // Checked once the rest of the wizard has loaded, a moment after the first step is on screen.
    await vi.waitFor(() => expect(ours(warn)).to.have.length(3));
    const warnings = ours(warn);
    const find = (attr: string) => warnings.filter((w) => w.includes(`${attr}=`));
    expect(find('channel')).to.have.length(1);
    expect(find('channel')[0]).to.contain('channel="nope"').and.contain('online').and.contain('shop').and.contain('airport');
    expect(find('demo-scenario')[0]).to.contain('demo-scenario="x"').and.contain('immediate').and.contain('delayed').and.contain('never').and.contain('failed');
    expect(find('theme')[0]).to.contain('theme="purple"').and.contain('light').and.contain('dark').and.contain('auto');

    // Rendering is intact, with the defaults: the channel question is asked, the palette is the default one.
    expect(state(m.el)).to.equal('validity');
    expect(heading(m.el)).to.not.equal('');
    const reference = await fixture<EsimRenewalWizard>(html`<esim-renewal-wizard .provider=${demo()}></esim-renewal-wizard>`);
    await waitForLocale(reference, 'en');
    expect(getComputedStyle(q(m.el, '.base')!).backgroundColor).to.equal(getComputedStyle(q(reference, '.base')!).backgroundColor);
    expect(getComputedStyle(q(m.el, '.base')!).color).to.equal(getComputedStyle(q(reference, '.base')!).color);
    reference.remove();
    await answerValidity(m.el);
    expect(state(m.el), 'no preset channel').to.equal('channel');
    await expect(m.el).to.be.accessible();

    // Re-renders and re-setting the same values warn no more; a new bad value warns once more; a good one not at all.
    m.el.requestUpdate();
    m.el.setAttribute('lang', 'ja');
    await waitForLocale(m.el, 'ja');
    m.el.setAttribute('channel', 'nope');
    m.el.setAttribute('theme', 'purple');
    await m.el.updateComplete;
    expect(ours(warn)).to.have.length(3);
    m.el.setAttribute('channel', 'nope2');
    await m.el.updateComplete;
    m.el.setAttribute('channel', 'airport');
    m.el.setAttribute('theme', 'dark');
    await m.el.updateComplete;
    expect(ours(warn)).to.have.length(4);
    expect(ours(warn)[3]).to.contain('channel="nope2"');
  });

  it('the built-in demo with demo-scenario="x" runs the default (immediate) scenario to the end', async () => {
    const warn = vi.spyOn(console, 'warn');
    const clock = new SimulatedClock();
    const el = await fixture<EsimRenewalWizard>(html`<esim-renewal-wizard demo-scenario="x" .clock=${clock}></esim-renewal-wizard>`);
    await waitForLocale(el, 'en');
    await vi.waitFor(() => expect(ours(warn)).to.have.length(1));
    await toLogin(el, 'online');
    await signIn(el, 'demo@example.com');
    await waitForState(el, 'plan.choosing', 5000);
    await choose(el, /^7 days · 3 GB/);
    await click(el, 'Continue');
    await waitForState(el, 'payment.review', 5000);
    await payByCard(el, CARD_OK);
    await waitForState(el, /^(done|troubleshooting\.check|activation\.waiting)$/, 8000);
    expect(state(el), 'active at the first check').to.equal('done');
  });
});
