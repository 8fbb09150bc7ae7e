/**
 * The standalone page's query parameters, applied before the element is defined (src/standalone.ts
 * imports this first): the page's language (`?lang=`, else the visitor's), and the demo inputs
 * `?scenario=` and `?channel=`, which the wizard reads when it starts.
 */
import { resolveLocale } from './i18n/locales.js';

const params = new URLSearchParams(location.search);
document.documentElement.lang = resolveLocale([params.get('lang'), ...navigator.languages]);

const wizard = document.querySelector('esim-renewal-wizard');
const scenario = params.get('scenario');
const channel = params.get('channel');
if (wizard && scenario) wizard.setAttribute('demo-scenario', scenario);
if (wizard && channel) wizard.setAttribute('channel', channel);
