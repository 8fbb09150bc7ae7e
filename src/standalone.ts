/**
 * The standalone wizard page. The page takes the visitor's language (or `?lang=`), so the
 * wizard follows it as its ancestor's `lang`. Query parameters pick demo inputs without code:
 * `?scenario=delayed` (activation on the in-browser demo provider) and `?channel=airport`.
 * They are set before the element is defined (./standalone-params.ts is imported first): the
 * wizard reads `channel` when it starts.
 *
 * Served by the reference server (`npm start`, server/), the page carries
 * `<meta name="esim-api-base" content="/">`: the wizard then speaks the HTTP contract to that
 * server instead of running on the in-browser demo provider, and, with
 * `<meta name="esim-demo" content="server">` (the server's `--demo`, as `npm start` runs it),
 * says it is a demo server. Served any other way (Vite, a plain static host) there is no such
 * tag and the in-browser demo runs.
 */
import './standalone-params.js';
import './define.js';

const wizard = document.querySelector('esim-renewal-wizard');
const apiBase = document.querySelector<HTMLMetaElement>('meta[name="esim-api-base"]')?.content;
if (wizard && apiBase) {
  const base = new URL(apiBase, location.href).href.replace(/\/$/, '');
  // The element's own `api-base`: its HTTP provider (a lazy chunk) instead of the demo's.
  wizard.setAttribute('api-base', base);
  if (document.querySelector('meta[name="esim-demo"]')?.getAttribute('content') === 'server') {
    // The same provider, told that the server is a demo, so the wizard says so.
    void import('./providers/http.js').then(({ HttpProvider }) => {
      wizard.provider = new HttpProvider({ apiBase: base, name: 'Demo server', demo: true });
    });
  }
}
