/**
 * The generator of stories/view-states.stories.ts: one Storybook story per entry of the
 * view-state registry (src/testing/view-states.ts), so a newly registered state gets its story.
 * CSF wants each story as a static named export, hence a generated file; the stories themselves
 * come from stories/support/view-state-story.ts.
 *
 * `npm run stories:generate` (scripts/gen-view-state-stories.mjs) writes it, and runs before
 * `storybook` and `build-storybook`. `npm test` only checks it (`npm run stories:check`, the same
 * script with `--check`), so that a stale committed file fails the run instead of being rewritten;
 * test/unit/view-state-stories.test.ts fails too when the file on disk no longer matches the registry.
 */
import { VIEW_STATES } from '../src/testing/view-states.js';

/** Where the generated stories live, from the repository root. */
export const GENERATED_STORIES = 'stories/view-states.stories.ts';

/** `payment.review.invalid.card` → `PaymentReviewInvalidCard`. */
export function exportName(id: string): string {
  const name = id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');
  return /^[0-9]/.test(name) ? `State${name}` : name;
}

const literal = (s: string) => (/^[\w.-]+$/.test(s) ? `'${s}'` : JSON.stringify(s));

/** The generated file's text for these registry ids (default: the registry's, in its order). */
export function renderViewStateStories(ids: readonly string[] = VIEW_STATES.map((e) => e.id)): string {
  const seen = new Map<string, string>();
  for (const id of ids) {
    const name = exportName(id);
    const other = seen.get(name);
    if (other !== undefined) throw new Error(`view states "${other}" and "${id}" would both be the story ${name}: rename one`);
    seen.set(name, id);
  }
  return [
    '// GENERATED from the view-state registry (src/testing/view-states.ts) by `npm run stories:generate`',
    '// (scripts/view-state-stories.ts). Do not edit: regenerate. test/unit/view-state-stories.test.ts fails',
    '// when this file no longer matches the registry.',
    "import type { Meta, StoryObj } from '@storybook/web-components-vite';",
    "import { viewStateMeta, viewStateStory } from './support/view-state-story.js';",
    "import type { WizardArgs } from './support/wizard.js';",
    '',
    "const meta = { title: 'View states', ...viewStateMeta } satisfies Meta<WizardArgs>;",
    '',
    'export default meta;',
    'type Story = StoryObj<WizardArgs>;',
    '',
    ...[...seen].map(([name, id]) => `export const ${name}: Story = { name: ${literal(id)}, ...viewStateStory(${literal(id)}) };`),
    '',
  ].join('\n');
}
