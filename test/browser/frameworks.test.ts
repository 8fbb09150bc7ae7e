/**
 * Host frameworks: React 19 and Vue 3 choose between property and attribute by testing
 * `'name' in element` when they render. The tag is defined before they render (as the README's
 * snippets do), so objects arrive as properties and hyphenated events bind.
 */
import { expect } from '@open-wc/testing';
import { createElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { createApp, h, nextTick } from 'vue';
import { describe, it } from 'vitest';
import '../../src/define.js';
import type { EsimRenewalWizard } from '../../src/element/esim-renewal-wizard.js';
import type { StepChangeDetail } from '../../src/element/events.js';
import type { ProviderProfile } from '../../src/providers/contract.js';
import { DemoProvider } from '../../src/providers/demo.js';
import { answerValidity } from './flows-helpers.js';

const profile: ProviderProfile = { brandName: 'Example eSIM', links: { terms: 'https://example.com/terms' } };

function container(): HTMLElement {
  const div = document.createElement('div');
  document.body.append(div);
  return div;
}

describe('React 19', () => {
  it('sets profile and provider as properties and binds onesim-step-change', async () => {
    const steps: StepChangeDetail[] = [];
    const provider = new DemoProvider({ latencyMs: 0 });
    const host = container();
    const root = createRoot(host);
    flushSync(() =>
      root.render(
        createElement('esim-renewal-wizard', {
          profile,
          provider,
          channel: 'online',
          'onesim-step-change': (e: CustomEvent<StepChangeDetail>) => steps.push(e.detail),
        }),
      ),
    );
    const el = host.querySelector<EsimRenewalWizard>('esim-renewal-wizard')!;
    expect(el.profile).to.equal(profile);
    expect(el.getAttribute('profile')).to.equal(null);
    expect(el.provider).to.equal(provider);
    await el.updateComplete;
    await answerValidity(el, '3');
    expect(steps).to.deep.equal([{ from: 'validity', to: 'login' }]);
    root.unmount();
    host.remove();
  });
});

describe('Vue 3', () => {
  it('sets profile as a property and binds onEsimStepChange', async () => {
    const steps: StepChangeDetail[] = [];
    const host = container();
    const app = createApp({
      render: () =>
        h('esim-renewal-wizard', {
          profile,
          provider: new DemoProvider({ latencyMs: 0 }),
          channel: 'online',
          onEsimStepChange: (e: CustomEvent<StepChangeDetail>) => steps.push(e.detail),
        }),
    });
    app.mount(host);
    await nextTick();
    const el = host.querySelector<EsimRenewalWizard>('esim-renewal-wizard')!;
    expect(el.profile).to.equal(profile);
    expect(el.getAttribute('profile')).to.equal(null);
    await el.updateComplete;
    await answerValidity(el, '3');
    expect(steps).to.deep.equal([{ from: 'validity', to: 'login' }]);
    app.unmount();
    host.remove();
  });
});
