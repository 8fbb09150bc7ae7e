/**
 * What every story shares: the element registered once, its docs from custom-elements.json
 * (generated from the class comment by `npm run build:manifest`), and axe on every story — a
 * violation fails the story's test (`a11y.test: 'error'`), in Storybook's UI and under Vitest.
 */
import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import manifest from '../custom-elements.json';
import '../src/define.js';

setCustomElementsManifest(manifest);

const preview: Preview = {
  // Each story starts afresh: every story's wizard shares this frame's address, so progress one
  // story saved (for resuming after a reload) would otherwise be resumed by the next.
  beforeEach: () => localStorage.clear(),
  parameters: {
    a11y: { test: 'error' },
    // Each story starts with clean event spies (the Actions), so a play function can count events.
    test: { clearMocks: true },
    controls: { expanded: true, sort: 'requiredFirst' },
    docs: { toc: true },
  },
};

export default preview;
