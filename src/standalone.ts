/**
 * The standalone wizard page. The page takes the visitor's language (or `?lang=`), so the
 * wizard follows it as its ancestor's `lang`. Query parameters pick demo inputs without code:
 * `?scenario=delayed` (activation on the demo provider) and `?channel=airport`.
 *
 * Served by the reference server (`npm start`, server/), the page carries
 * `<meta name="esim-api-base" content="/">`: the wizard then speaks the HTTP contract to that
 * server instead of running on the in-browser demo provider. Served any other way (Vite, a plain
 * static host) there is no such tag and the demo runs as before.
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

// The element's own `api-base`: its HTTP provider (a lazy chunk) instead of the demo's.
const apiBase = document.querySelector<HTMLMetaElement>('meta[name="esim-api-base"]')?.content;
if (wizard && apiBase) wizard.setAttribute('api-base', new URL(apiBase, location.href).href.replace(/\/$/, ''));
