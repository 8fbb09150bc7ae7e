/**
 * A throwaway host site for the tests that put the embed build on a real page: a static HTTP
 * server on 127.0.0.1 that serves the host's own pages (with the headers a test gives them) and
 * the files of dist/embed under a CDN-like path, plus the machine's Chromium driven by
 * Playwright. Shared by embed-page.test.ts and hostile-host.test.ts.
 */
import { readFileSync } from 'node:fs';
import { createServer, type OutgoingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.mjs';
import { ENTRY as SRI_ENTRY, sri } from '../../scripts/sri.mjs';
import { EMBED, requireBuilt } from './built.js';

/** Where the host site serves the files of dist/embed, as from a CDN. */
export const CDN = '/cdn/esim-renewal-wizard/1/';
/** The embed's entry file name. */
export const ENTRY = SRI_ENTRY;

/** The SRI hash of the built entry (fails with the build command when it is missing). */
function embedIntegrity(): string {
  return sri(readFileSync(requireBuilt(`${EMBED}${ENTRY}`, 'npm run build:embed')));
}

/** The one tag a host page needs: the entry as a module, with its SRI hash. */
export function embedScriptTag(): string {
  return `<script type="module" src="${CDN}${ENTRY}" integrity="${embedIntegrity()}" crossorigin="anonymous"></script>`;
}

/** A file of the host site's own (a page, a script, a stylesheet) with its response headers. */
export interface HostFile {
  readonly body: string;
  /** Default: text/html; charset=utf-8. */
  readonly type?: string;
  readonly headers?: OutgoingHttpHeaders;
}

/** What a tab fetched and what went wrong in it (HTTP errors, page errors, console errors). */
export interface OpenedPage {
  readonly tab: Page;
  readonly context: BrowserContext;
  /** Paths of every response, in order. */
  readonly fetched: string[];
  /** `4xx/5xx url`, `pageerror: …` and `console: …` (console errors only). */
  readonly failures: string[];
  /** Every console message, as `type: text`. */
  readonly console: string[];
}

export interface HostSite {
  readonly origin: string;
  readonly browser: Browser;
  /** Opens a path of the site in a fresh browser context. Close it with `context.close()`. */
  open(path: string): Promise<OpenedPage>;
  /** Opens a path as `open` does, runs `body` on it, and closes its context whatever happens. */
  visit(path: string, body: (page: OpenedPage) => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts the server (host files by exact path; dist/embed under {@link CDN}; an empty favicon)
 * and launches Chromium.
 */
export async function startHostSite(files: Readonly<Record<string, HostFile>>): Promise<HostSite> {
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const own = Object.hasOwn(files, path) ? files[path] : undefined;
    if (own) {
      res.writeHead(200, { 'content-type': own.type ?? 'text/html; charset=utf-8', ...own.headers });
      res.end(own.body);
      return;
    }
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    const name = path.startsWith(CDN) ? path.slice(CDN.length) : '';
    if (/^[\w.-]+$/.test(name)) {
      try {
        const body = readFileSync(`${EMBED}${name}`);
        res.writeHead(200, { 'content-type': name.endsWith('.js') ? 'text/javascript' : 'text/plain', 'access-control-allow-origin': '*' });
        res.end(body);
        return;
      } catch {
        // fall through to 404
      }
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const closeServer = () => new Promise<void>((resolve) => server.close(() => resolve()));

  const executablePath = findChromium();
  let browser: Browser;
  try {
    if (!executablePath) throw new Error('No Chromium: run `node scripts/ensure-chromium.mjs` or set CHROME_PATH.');
    browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  } catch (e) {
    await closeServer();
    throw e;
  }

  const open = async (path: string): Promise<OpenedPage> => {
    const context = await browser.newContext();
    const tab = await context.newPage();
    const fetched: string[] = [];
    const failures: string[] = [];
    const messages: string[] = [];
    tab.on('response', (r) => {
      fetched.push(new URL(r.url()).pathname);
      if (r.status() >= 400) failures.push(`${r.status()} ${r.url()}`);
    });
    tab.on('pageerror', (e) => failures.push(`pageerror: ${e.message}`));
    tab.on('console', (m) => {
      messages.push(`${m.type()}: ${m.text()}`);
      if (m.type() === 'error') failures.push(`console: ${m.text()}`);
    });
    await tab.goto(`${origin}${path}`);
    return { tab, context, fetched, failures, console: messages };
  };

  return {
    origin,
    browser,
    open,
    async visit(path, body) {
      const opened = await open(path);
      try {
        await body(opened);
      } finally {
        await opened.context.close();
      }
    },
    async close() {
      await browser.close();
      await closeServer();
    },
  };
}
