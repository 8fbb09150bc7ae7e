/** Mounting for the browser tests; the driving itself lives in src/testing/driver.ts. */
import { fixture, html } from '@open-wc/testing';
import { SimulatedClock } from 'xstate';
import '../../src/define.js';
import type { EsimRenewalWizard } from '../../src/element/esim-renewal-wizard.js';
import type { Channel } from '../../src/domain/types.js';
import type { ActivationScenario } from '../../src/domain/codes.js';
import type { Provider } from '../../src/providers/contract.js';
import { DemoProvider } from '../../src/providers/demo.js';

export interface Mounted<P extends Provider = DemoProvider> {
  el: EsimRenewalWizard;
  provider: P;
  clock: SimulatedClock;
}

/**
 * A wizard on a 0-latency demo provider (or the given one, e.g. a ScriptedProvider, returned
 * as given) and a SimulatedClock for its timers.
 */
export async function mount<P extends Provider = DemoProvider>(
  o: { scenario?: ActivationScenario; channel?: Channel; provider?: P } = {},
): Promise<Mounted<P>> {
  const provider = o.provider ?? (new DemoProvider({ latencyMs: 0, scenario: o.scenario ?? 'immediate' }) as Provider as P);
  const clock = new SimulatedClock();
  const el = await fixture<EsimRenewalWizard>(html`<esim-renewal-wizard
    .provider=${provider}
    .clock=${clock}
    channel=${o.channel ?? ''}
  ></esim-renewal-wizard>`);
  return { el, provider, clock };
}

export * from '../../src/testing/driver.js';
