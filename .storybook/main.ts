/**
 * Storybook: a living catalogue of <esim-renewal-wizard> (see stories/). Runs fully offline: no
 * telemetry, no update checks, nothing fetched at run time.
 *
 * The stories are tests too: vite.config.ts's `storybook` Vitest project (addon-vitest's
 * `storybookTest` plugin) renders each story in Chromium, runs its play function and checks it with
 * axe. `stories/view-states.stories.ts` is generated from the view-state registry
 * (`npm run stories:generate`, run before `storybook` and `build-storybook`; `npm test` only checks
 * it, with `npm run stories:check`).
 */
import type { StorybookConfig } from '@storybook/web-components-vite';
import { mergeConfig } from 'vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: {
    name: '@storybook/web-components-vite',
    // Relative to the working directory: the npm scripts run from the repository root.
    options: { builder: { viteConfigPath: '.storybook/vite.config.ts' } },
  },
  // public/favicon.svg: also the logo the registry's host profile points at (`/favicon.svg`).
  staticDirs: ['../public'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // A quiet build log: Storybook's own bundles are large by nature, and the file list says little.
  viteFinal: (viteConfig) =>
    mergeConfig(viteConfig, {
      logLevel: 'warn',
      build: { chunkSizeWarningLimit: 4096, rolldownOptions: { checks: { bundlerTimings: false, pluginTimings: false } } },
    }),
};

export default config;
