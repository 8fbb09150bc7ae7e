/**
 * The standalone wizard page. The page takes the visitor's language (or `?lang=`), so the
 * wizard follows it as its ancestor's `lang`. Query parameters pick demo inputs without code:
 * `?scenario=delayed` (activation on the demo provider) and `?channel=airport`.
 */
import './define.js';
import { resolveLocale } from './i18n/locales.js';

const params = new URLSearchParams(location.search);
document.documentElement.lang = resolveLocale([params.get('lang'), ...navigator.languages]);

const wizard = document.querySelector('esim-renewal-wizard');
const scenario = params.get('scenario');
const channel = params.get('channel');
if (wizard && scenario) wizard.setAttribute('demo-scenario', scenario);
if (wizard && channel) wizard.setAttribute('channel', channel);
