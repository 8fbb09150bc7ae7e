/**
 * Serves the built standalone page (dist/app) at `/`. `index.html` gets
 * `<meta name="esim-api-base" content="/">`: the page (src/standalone.ts) then talks to this
 * server through the HttpProvider instead of the in-browser demo, and preloads that provider's
 * chunk instead of the demo's (from `provider-preloads.json`, which the build writes). On the
 * demo (`--demo`) it also gets `<meta name="esim-demo" content="server">`: the page says so.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

export const API_BASE_META = '<meta name="esim-api-base" content="/" />';
export const DEMO_META = '<meta name="esim-demo" content="server" />';
/** What the build (vite.config.ts) writes beside index.html: each provider's chunks, as the page would preload them. */
export const PROVIDER_PRELOADS = 'provider-preloads.json';

export interface StaticFile {
  readonly body: Buffer | string;
  readonly type: string;
  /** Content-hashed build output: cacheable for good. */
  readonly immutable: boolean;
}

/** The file for a URL path under `root`, or null (missing, a folder, or outside the root). */
export async function staticFile(root: string, urlPath: string, options: { readonly demo?: boolean } = {}): Promise<StaticFile | null> {
  let path: string;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  if (path === '/' || path === '') path = '/index.html';
  const base = resolve(root);
  const file = resolve(base, `.${path}`);
  if (!file.startsWith(base + sep)) return null;
  try {
    if (!(await stat(file)).isFile()) return null;
  } catch {
    return null;
  }
  const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  if (file === resolve(base, 'index.html')) return { body: await servedIndex(base, file, options.demo ?? false), type, immutable: false };
  return { body: await readFile(file), type, immutable: path.startsWith('/assets/') };
}

/** index.html as this server serves it: its API base (and demo) tags, and the HTTP provider's preloads instead of the demo's. */
async function servedIndex(base: string, file: string, demo: boolean): Promise<string> {
  let html = (await readFile(file, 'utf8')).replace(/<head>/i, `<head>\n    ${demo ? `${DEMO_META}\n    ` : ''}${API_BASE_META}`);
  const preloads = await readFile(resolve(base, PROVIDER_PRELOADS), 'utf8').then(
    (json) => JSON.parse(json) as { readonly demo?: readonly string[]; readonly http?: readonly string[] },
    () => null,
  );
  if (!preloads) return html;
  // In place: the HTTP provider's chunks where the demo's were (the demo is one chunk today).
  const link = (href: string) => `<link rel="modulepreload" fetchpriority="low" crossorigin href="${href}">`;
  const [first, ...others] = preloads.demo ?? [];
  if (first === undefined || !html.includes(link(first))) return html;
  html = html.replace(link(first), (preloads.http ?? []).map(link).join('\n    '));
  for (const href of others) html = html.replace(link(href), '');
  return html;
}
