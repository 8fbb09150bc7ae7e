/**
 * Registers `<esim-renewal-wizard>`. Importing this module defines the tag, once: a second copy
 * on the page (two bundles) leaves the first definition in place instead of throwing.
 */
import { EsimRenewalWizard } from './element/esim-renewal-wizard.js';

export const TAG_NAME = 'esim-renewal-wizard';

if (!customElements.get(TAG_NAME)) customElements.define(TAG_NAME, EsimRenewalWizard);

declare global {
  interface HTMLElementTagNameMap {
    'esim-renewal-wizard': EsimRenewalWizard;
  }
}

export { EsimRenewalWizard };
