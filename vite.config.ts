/// <reference types="vitest/config" />
import { playwright } from '@vitest/browser-playwright';
import { defineConfig, type Plugin, type PluginOption, type Rolldown } from 'vite';
import { CHROMIUM_ARGS, findChromium } from './scripts/chromium.mjs';
import { compileHints } from './scripts/compile-hints.js';
import { minifyLiterals } from './scripts/minify-literals.js';

/**
 * @open-wc/testing imports web-test-runner's socket module, which only web-test-runner serves.
 * Under Vitest it resolves to this stub; the library catches the rejection and carries on.
 */
function wtrSocketStub(): Plugin {
  const id = '/__web-dev-server__web-socket.js';
  return {
    name: 'wtr-socket-stub',
    enforce: 'pre',
    resolveId: (source) => (source.endsWith('__web-dev-server__web-socket.js') ? `\0${id}` : null),
    load: (resolved) =>
      resolved === `\0${id}`
        ? "export const sendMessageWaitForResponse = () => Promise.reject(new Error('not under web-test-runner'));\nexport const sendMessage = () => {};\nexport const webSocket = undefined;"
        : null,
  };
}

/**
 * Real pages that browser tests open in a frame (the standalone page, test/browser/pages/): in
 * a test run, Vitest routes every dynamic import through its runner, which lives in the test's
 * window, and the tests fix the clock there (test/browser/setup.ts). Before the page's own
 * scripts, it borrows both from the test that framed it. Only under Vitest, only in a frame.
 */
function framedTestPages(): Plugin {
  return {
    name: 'framed-test-pages',
    apply: 'serve',
    transformIndexHtml: (_html, ctx) =>
      ctx.path === '/index.html' || ctx.path.startsWith('/test/browser/pages/')
        ? [
            {
              tag: 'script',
              children:
                'if (window.parent !== window && window.parent.__vitest_browser_runner__) { window.__vitest_browser_runner__ = window.parent.__vitest_browser_runner__; window.Date = window.parent.Date; }',
              injectTo: 'head-prepend',
            },
          ]
        : [],
  };
}

/**
 * The standalone page preloads, beside its entry, the chunks it fetches right after the first
 * step renders: the later steps (`later`), the English later catalog (`en-later`) and the demo
 * provider (`demo`, used since the page sets no provider), each with its static imports. Vite
 * only preloads an entry's static imports, and these are dynamic. At low fetch priority: they
 * are needed a moment after the first paint, and must not share the bandwidth the entry needs
 * for it (on a slow link they would push the first paint back by about a quarter).
 * The embed build (vite.embed.config.ts) does not use this plugin: a host page decides what it preloads.
 */
function preloadLazyChunks(names: readonly string[] = ['later', 'en-later', 'demo']): Plugin {
  let base = '/';
  return {
    name: 'preload-lazy-chunks',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const bundle: Rolldown.OutputBundle | undefined = ctx.bundle;
        if (!bundle) return [];
        const chunks = Object.values(bundle).filter((o): o is Rolldown.OutputChunk => o.type === 'chunk');
        const entries = new Set(chunks.filter((c) => c.isEntry).map((c) => c.fileName));
        const files = new Set<string>();
        const add = (fileName: string): void => {
          if (files.has(fileName) || entries.has(fileName)) return;
          files.add(fileName);
          for (const dep of (bundle[fileName] as Rolldown.OutputChunk | undefined)?.imports ?? []) add(dep);
        };
        for (const name of names) {
          const chunk = chunks.find((c) => c.name === name && !c.isEntry);
          if (chunk) add(chunk.fileName);
        }
        return [...files].map((file) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', fetchpriority: 'low', crossorigin: true, href: `${base}${file}` },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}

/**
 * Storybook's Vitest plugin (stories as tests), loaded only under Vitest: `vite build` and `vite dev`
 * never load Storybook's test tooling. (Storybook's own Vite config is .storybook/vite.config.ts.)
 */
const storybookTest = (): PluginOption =>
  process.env.VITEST ? import('@storybook/addon-vitest/vitest-plugin').then(({ storybookTest: plugin }) => plugin({ configDir: '.storybook' })) : [];

/** Headless Chromium (Debian's, found by scripts/chromium.mjs) through Playwright: the browser and storybook projects. */
const chromiumBrowser = () => ({
  enabled: true,
  headless: true,
  provider: playwright({
    launchOptions: { executablePath: findChromium() ?? undefined, args: CHROMIUM_ARGS },
    // The same language and time zone on every machine: a test's result may not depend on them.
    contextOptions: { locale: 'en-US', timezoneId: 'Asia/Tokyo' },
  }),
  instances: [{ browser: 'chromium' as const }],
  screenshotFailures: false,
});

export default defineConfig({
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  // The standalone page (index.html). dist/lib (npm package) and dist/embed (vite.embed.config.ts) sit beside it.
  build: { target: 'es2022', outDir: 'dist/app' },
  plugins: [minifyLiterals(), preloadLazyChunks(), compileHints()],
  optimizeDeps: { include: ['lit', 'lit/directive-helpers.js'] },
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          // test/server: the reference server (server/), in-process on an ephemeral loopback port.
          include: ['test/unit/**/*.test.ts', 'test/server/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        plugins: [wtrSocketStub(), framedTestPages()],
        optimizeDeps: {
          include: ['xstate', 'react', 'react-dom', 'react-dom/client', 'vue', '@open-wc/testing > chai-a11y-axe', '@open-wc/testing > @esm-bundle/chai'],
          exclude: ['@open-wc/testing', 'lit', 'lit-html', 'lit-element', '@lit/reactive-element'],
        },
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          // Saved progress is cleared around each test (test/browser/setup.ts).
          setupFiles: ['test/browser/setup.ts'],
          globals: true,
          testTimeout: 20_000,
          browser: chromiumBrowser(),
        },
      },
      {
        // Every story in stories/ as a test: rendered in Chromium, its play function run, then axe
        // (the a11y addon with `a11y.test: 'error'`). The stories come from .storybook/main.ts.
        plugins: [storybookTest()],
        optimizeDeps: {
          include: ['lit', 'lit/directive-helpers.js', 'lit/directive.js', 'lit/directives/if-defined.js', 'xstate', 'axe-core'],
        },
        test: {
          name: 'storybook',
          testTimeout: 20_000,
          browser: chromiumBrowser(),
        },
      },
    ],
  },
});
