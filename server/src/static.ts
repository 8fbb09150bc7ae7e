/**
 * Serves the built standalone page (dist/app) at `/`. `index.html` gets
 * `<meta name="esim-api-base" content="/">`: the page (src/standalone.ts) then talks to this
 * server through the HttpProvider instead of the in-browser demo.
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

export interface StaticFile {
  readonly body: Buffer | string;
  readonly type: string;
  /** Content-hashed build output: cacheable for good. */
  readonly immutable: boolean;
}

/** The file for a URL path under `root`, or null (missing, a folder, or outside the root). */
export async function staticFile(root: string, urlPath: string): Promise<StaticFile | null> {
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
  if (file === resolve(base, 'index.html')) {
    const html = await readFile(file, 'utf8');
    return { body: html.replace(/<head>/i, `<head>\n    ${API_BASE_META}`), type, immutable: false };
  }
  return { body: await readFile(file), type, immutable: path.startsWith('/assets/') };
}
