/**
 * The embed build: `dist/embed/esim-renewal-wizard.js`, one ES module that registers
 * `<esim-renewal-wizard>` with Lit and XState inside. The lazy parts (the non-English catalogs,
 * the demo provider) stay separate chunks beside it, imported by relative URL, so they resolve
 * against the entry's own `import.meta.url` wherever it is hosted. Licence texts of what is
 * bundled go to `LICENSES.md` instead of comments in the code.
 *
 *   vite build --config vite.embed.config.ts
 */
import { defineConfig } from 'vite';
import { compileHints } from './scripts/compile-hints.js';
import { minifyLiterals } from './scripts/minify-literals.js';

export const EMBED_ENTRY = 'esim-renewal-wizard.js';

/**
 * What the code is built for: the oldest version of each engine in package.json's
 * `browserslist` (test/unit/browser-range.test.ts holds the two together). Safari and iOS 16.4
 * run all of ES2022 (class static blocks arrived in 16.4), so nothing is lowered for them.
 * Samsung Internet 28 is Chromium 130.
 */
export const BROWSER_TARGETS = ['es2022', 'safari16.4', 'ios16.4', 'chrome132', 'edge132', 'samsung28', 'firefox115'];

/** The same engines for the CSS minifier (Lightning CSS), which knows Samsung Internet as the Chromium it is built on. */
export const CSS_TARGETS = BROWSER_TARGETS.filter((target) => target !== 'es2022').map((target) => (target === 'samsung28' ? 'chrome130' : target));

export default defineConfig({
  publicDir: false,
  // Template text (CSS and HTML in Lit templates) is minified too: the JS minifier leaves it alone.
  // The entry asks V8 to compile all of it as it loads (scripts/compile-hints.ts).
  plugins: [minifyLiterals(), compileHints()],
  build: {
    target: BROWSER_TARGETS,
    cssTarget: CSS_TARGETS,
    outDir: 'dist/embed',
    emptyOutDir: true,
    minify: true,
    sourcemap: false,
    reportCompressedSize: false,
    license: { fileName: 'LICENSES.md' },
    lib: {
      entry: 'src/embed.ts',
      formats: ['es'],
      fileName: () => EMBED_ENTRY,
    },
    rolldownOptions: {
      // The entry exports nothing a page uses, so code shared with a lazy chunk may move into it
      // (library mode keeps entry signatures strict, which would split that code into a third,
      // eagerly loaded file).
      preserveEntrySignatures: 'allow-extension',
      output: {
        chunkFileNames: '[name].js',
        // Library mode minifies ES output without whitespace removal (to keep annotations for
        // a later bundler); this file is final, so minify fully.
        minify: true,
        // No comments in the code: licence comments (`/*! … */`, `@license`) included, since
        // LICENSES.md carries the licence texts of everything bundled.
        comments: false,
      },
    },
  },
});
