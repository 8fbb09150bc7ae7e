/**
 * Journeys through the wizard for play functions: the test driver's (src/testing/driver.ts), by
 * labels and button names, as a person would, never by calling into the machine; the demo
 * inputs (README, "Demo inputs") from src/domain.
 */
import type { EsimRenewalWizard } from '../../src/element/esim-renewal-wizard.js';
import { root } from '../../src/testing/driver.js';

export * from '../../src/testing/driver.js';

/** The first match of `selector` in the shadow root. */
export const find = <T extends Element = HTMLElement>(el: EsimRenewalWizard, selector: string): T | null => root(el).querySelector<T>(selector);
