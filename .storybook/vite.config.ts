/**
 * Storybook's own Vite config (main.ts points the builder here), so the standalone page's build
 * settings in the root vite.config.ts stay the page's. One copy of Lit for the renderer and the
 * element.
 */
import { defineConfig } from 'vite';

export default defineConfig({
  optimizeDeps: { include: ['lit', 'lit/directive-helpers.js', 'lit/directive.js', 'lit/directives/if-defined.js', 'xstate'] },
  build: { target: 'es2022' },
});
