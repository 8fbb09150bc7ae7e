/// <reference types="vitest/config" />
import { playwright } from '@vitest/browser-playwright';
import { defineConfig, type Plugin } from 'vite';
// @ts-expect-error: a plain .mjs helper shared with the test scripts, without types.
import { CHROMIUM_ARGS, findChromium } from './scripts/chromium.mjs';
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

export default defineConfig({
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  // The standalone page (index.html). dist/lib (npm package) and dist/embed (vite.embed.config.ts) sit beside it.
  build: { target: 'es2022', outDir: 'dist/app' },
  plugins: [minifyLiterals()],
  optimizeDeps: { include: ['lit', 'lit/directive-helpers.js'] },
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        plugins: [wtrSocketStub()],
        optimizeDeps: { include: ['xstate', 'react', 'react-dom', 'react-dom/client', 'vue', '@open-wc/testing > chai-a11y-axe', '@open-wc/testing > @esm-bundle/chai'], exclude: ['@open-wc/testing', 'lit', 'lit-html', 'lit-element', '@lit/reactive-element'] },
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          globals: true,
          testTimeout: 20_000,
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: { executablePath: findChromium() ?? undefined, args: CHROMIUM_ARGS },
            }),
            instances: [{ browser: 'chromium' }],
            screenshotFailures: false,
          },
        },
      },
    ],
  },
});
