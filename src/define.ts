/**
 * Registers `<esim-renewal-wizard>`. Importing this module defines the tag, once: a second copy
 * on the page (two bundles) leaves the first definition in place instead of throwing, and warns
 * once in the console when the two copies are different versions.
 */
import { EsimRenewalWizard } from './element/esim-renewal-wizard.js';

export const TAG_NAME = 'esim-renewal-wizard';

/**
 * Version pairs already warned about on this page, shared by every copy of this module (each
 * bundle has its own module state, so it lives on the global object under a registered symbol).
 */
const WARNED = Symbol.for('esim-renewal-wizard.version-warnings');

function warnedPairs(): Set<string> {
  const store = globalThis as typeof globalThis & { [WARNED]?: Set<string> };
  return (store[WARNED] ??= new Set());
}

/**
 * Defines the tag in the page's `customElements` unless it is defined already, and returns the
 * class the tag is defined with. An existing definition is kept: when it is a different version
 * of the wizard, `console.warn` says so, once per page for each pair of versions.
 */
export function defineEsimRenewalWizard(): CustomElementConstructor {
  const existing = customElements.get(TAG_NAME) as (CustomElementConstructor & { version?: unknown }) | undefined;
  if (!existing) {
    // A literal tag name, so that the custom elements manifest analyzer sees the definition.
    customElements.define('esim-renewal-wizard', EsimRenewalWizard);
    return EsimRenewalWizard;
  }
  const ours = EsimRenewalWizard.version;
  const theirs = typeof existing.version === 'string' ? existing.version : 'unknown';
  if (existing !== EsimRenewalWizard && theirs !== ours) {
    const pair = `${theirs} ${ours}`;
    const warned = warnedPairs();
    if (!warned.has(pair)) {
      warned.add(pair);
      console.warn(
        `<${TAG_NAME}>: already defined by version ${theirs}; this copy (version ${ours}) is not used. Load one copy of the wizard per page.`,
      );
    }
  }
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
