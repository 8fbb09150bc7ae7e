/**
 * Imported first by define.ts: starts fetching the catalog of each wizard already in the page
 * (`lang="ko"`, …), so that it loads while the rest of the bundle is evaluated, not once the
 * wizard has started. English is bundled, and a catalog is fetched once per page however many
 * ask (`loadMessages`).
 */
// After Lit and XState, which evaluate in no time (and the bundle packs better so): ahead of
// the wizard's own modules, whose statechart takes most of the evaluation.
import 'lit';
import 'xstate';
import { loadMessages, localeOf } from './locales.js';

if (typeof document !== 'undefined')
  for (const el of document.getElementsByTagName('esim-renewal-wizard')) {
    const locale = localeOf(el);
    if (locale !== 'en') void loadMessages(locale);
  }
