/// <reference types="vitest/config" />
import { PROVIDER_PRELOADS } from './server/src/static.js';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig, type Plugin, type PluginOption, type Rolldown } from 'vite';
import { CHROMIUM_ARGS, findChromium } from './scripts/chromium.mjs';
import { BROWSER_TARGETS, CSS_TARGETS } from './vite.embed.config.js';
import { firefox } from './scripts/vitest-firefox.js';
import { webkit } from './scripts/vitest-webkit.js';
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
 * step renders: the later steps (`later`), the English later catalog (`en-later`) and its
 * provider: the in-browser demo (`demo`) as built. Vite only preloads an entry's static imports,
 * and these are dynamic. At low fetch priority: they are needed a moment after the first paint,
 * and must not share the bandwidth the entry needs for it (on a slow link they would push the
 * first paint back by about a quarter). The reference server serves the page with its HTTP
 * provider instead: `provider-preloads.json` lists each provider's own chunks, and the server
 * swaps the demo's preloads for the HTTP provider's (server/src/static.ts), so a page loads only
 * the provider it uses.
 * The embed build (vite.embed.config.ts) does not use this plugin: a host page decides what it preloads.
 */
function preloadLazyChunks(names: readonly string[] = ['later', 'en-later'], providers: readonly string[] = ['demo', 'http']): Plugin {
  let base = '/';
  /** Each name's chunk with its static imports (not the entry's), beyond those of `besides`. */
  const filesOf = (bundle: Rolldown.OutputBundle, wanted: readonly string[], besides: ReadonlySet<string> = new Set()): Set<string> => {
    const chunks = Object.values(bundle).filter((o): o is Rolldown.OutputChunk => o.type === 'chunk');
    const entries = new Set(chunks.filter((c) => c.isEntry).map((c) => c.fileName));
    const files = new Set<string>();
    const add = (fileName: string): void => {
      if (files.has(fileName) || entries.has(fileName) || besides.has(fileName)) return;
      files.add(fileName);
      for (const dep of (bundle[fileName] as Rolldown.OutputChunk | undefined)?.imports ?? []) add(dep);
    };
    for (const name of wanted) {
      const chunk = chunks.find((c) => c.name === name && !c.isEntry);
      if (chunk) add(chunk.fileName);
    }
    return files;
  };
  const preloads = (bundle: Rolldown.OutputBundle) => {
    const common = filesOf(bundle, names);
    return { common, providers: Object.fromEntries(providers.map((name) => [name, [...filesOf(bundle, [name], common)].map((file) => `${base}${file}`)])) };
  };
  return {
    name: 'preload-lazy-chunks',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    generateBundle(_options, bundle) {
      this.emitFile({ type: 'asset', fileName: PROVIDER_PRELOADS, source: `${JSON.stringify(preloads(bundle).providers, null, 2)}\n` });
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const bundle: Rolldown.OutputBundle | undefined = ctx.bundle;
        if (!bundle) return [];
        const { common, providers: byProvider } = preloads(bundle);
        return [...[...common].map((file) => `${base}${file}`), ...(byProvider[providers[0]!] ?? [])].map((href) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', fetchpriority: 'low', crossorigin: true, href },
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

/** The page's language and time zone in every engine: a test's result may not depend on the machine's. */
const LOCALE = 'en-US';
const TIME_ZONE = 'Asia/Tokyo';

/**
 * The three engines the browser and storybook suites run in, each from Debian's packages:
 * Chromium through Playwright, Firefox ESR over WebDriver BiDi (scripts/vitest-firefox.ts) and
 * WebKitGTK through its WebDriver server (scripts/vitest-webkit.ts). `ENGINES=chromium,firefox`
 * runs fewer. Each engine is a project of its own (`browser-firefox`, `storybook-webkit`, …):
 * instances of one project share the test page's set-up scripts, and each provider brings its own.
 */
const ENGINES = (process.env.ENGINES ?? 'chromium,firefox,webkit').split(',');
const ENGINE_INSTANCES = [
  {
    browser: 'chromium' as const,
    provider: playwright({
      launchOptions: { executablePath: findChromium() ?? undefined, args: CHROMIUM_ARGS },
      contextOptions: { locale: LOCALE, timezoneId: TIME_ZONE },
    }),
  },
  { browser: 'firefox' as const, provider: firefox({ locale: LOCALE, timezoneId: TIME_ZONE }) },
  // MiniBrowser has no headless mode: it runs on a virtual display of its own (Xvfb).
  { browser: 'webkit' as const, headless: false, provider: webkit({ locale: LOCALE, timezoneId: TIME_ZONE }) },
].filter((instance) => ENGINES.includes(instance.browser));

/** The browser settings of a suite's project in one engine. */
const inEngine = (instance: (typeof ENGINE_INSTANCES)[number]) => ({
  enabled: true,
  headless: true,
  // (A copy: Vitest writes the project's name into the instance it is given.)
  instances: [{ ...instance }],
  screenshotFailures: false,
});

export default defineConfig({
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  // The standalone page (index.html). dist/lib (npm package) and dist/embed (vite.embed.config.ts) sit beside it.
  build: {
    // The supported browsers (package.json's browserslist), as the embed is built for them.
    target: BROWSER_TARGETS,
    cssTarget: CSS_TARGETS,
    outDir: 'dist/app',
    modulePreload: {
      // A lazy chunk's dependencies include the entry, which is running already: a preload of it
      // makes Firefox fire `error` on the link (Chromium and WebKit fire `load`), which a host's
      // error monitoring would log on every visit. The entry is never preloaded again.
      resolveDependencies: (_file, deps) => deps.filter((dep) => !/^assets\/index-[\w-]+\.js$/.test(dep)),
    },
  },
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
      ...ENGINE_INSTANCES.map((instance) => ({
        plugins: [wtrSocketStub(), framedTestPages()],
        optimizeDeps: {
          // (@vitest/browser/locators: the Firefox provider's locators; found late, it reloads the page mid-run.)
          include: [
            'xstate',
            'react',
            'react-dom',
            'react-dom/client',
            'vue',
            '@open-wc/testing > chai-a11y-axe',
            '@open-wc/testing > @esm-bundle/chai',
            '@vitest/browser/locators',
          ],
          exclude: ['@open-wc/testing', 'lit', 'lit-html', 'lit-element', '@lit/reactive-element'],
        },
        test: {
          name: `browser-${instance.browser}`,
          include: ['test/browser/**/*.test.ts'],
          // Saved progress is cleared around each test (test/browser/setup.ts).
          setupFiles: ['test/browser/setup.ts'],
          globals: true,
          testTimeout: 20_000,
          browser: inEngine(instance),
        },
      })),
      // Every story in stories/ as a test: rendered in each engine, its play function run, then
      // axe (the a11y addon with `a11y.test: 'error'`). The stories come from .storybook/main.ts.
      ...ENGINE_INSTANCES.map((instance) => ({
        plugins: [storybookTest()],
        optimizeDeps: {
          include: ['lit', 'lit/directive-helpers.js', 'lit/directive.js', 'lit/directives/if-defined.js', 'xstate', 'axe-core', '@vitest/browser/locators'],
        },
        test: {
          name: `storybook-${instance.browser}`,
          testTimeout: 20_000,
          browser: inEngine(instance),
        },
      })),
    ],
  },
});
