/**
 * Registers `<esim-renewal-wizard>`. Importing this module defines the tag, once: a second copy
 * on the page (two bundles) leaves the first definition in place instead of throwing, and warns
 * once in the console (a moment later) when the two copies are different versions.
 */
// First: it starts fetching the catalogs the page's wizards need while the rest evaluates.
import './i18n/prefetch.js';
import { EsimRenewalWizard } from './element/esim-renewal-wizard.js';

export const TAG_NAME = 'esim-renewal-wizard';

/**
 * Defines the tag in the page's `customElements` unless it is defined already, and returns the
 * class the tag is defined with. An existing definition is kept: when it is a different version
 * of the wizard, `console.warn` says so (asynchronously), once per page for each pair of versions.
 */
export function defineEsimRenewalWizard(): CustomElementConstructor {
  // (tsc types the registry's answer without the element's `version`; the lint's wider program sees it.)
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
  const existing = customElements.get(TAG_NAME) as (CustomElementConstructor & { version?: unknown }) | undefined;
  if (!existing) {
    // A literal tag name, so that the custom elements manifest analyzer sees the definition.
    customElements.define('esim-renewal-wizard', EsimRenewalWizard);
    return EsimRenewalWizard;
  }
  // Another copy got here first. A different version is worth a warning (from its own small
  // chunk: this path is rare, and the first paint should not carry it).
  if (existing !== EsimRenewalWizard) void import('./version-warning.js').then((m) => m.warnVersions(TAG_NAME, existing.version, EsimRenewalWizard.version));
  return existing;
}

// Where there is no registry (imported on a server), there is nothing to define.
if (typeof customElements !== 'undefined') {
  // Start-up is measured from here: every module is evaluated; defining upgrades the page's elements.
  performance.mark('esim-renewal-wizard:evaluated');
  defineEsimRenewalWizard();
}

declare global {
  interface HTMLElementTagNameMap {
    'esim-renewal-wizard': EsimRenewalWizard;
  }
}

export { EsimRenewalWizard };
