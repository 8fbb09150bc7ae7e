/**
 * stories/view-states.stories.ts is generated from the view-state registry: one story per entry.
 * It must match the registry, so that every registered view state is in Storybook (and tested
 * there); `npm run stories:generate` rewrites it. `npm test` does not: it checks the committed file
 * (`npm run stories:check`), so this test sees what is committed, not a file just regenerated.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VIEW_STATES } from '../../src/testing/view-states.js';
import { GENERATED_STORIES, exportName, renderViewStateStories } from '../../scripts/view-state-stories.js';

const onDisk = () => readFileSync(new URL(`../../${GENERATED_STORIES}`, import.meta.url), 'utf8');

describe('the generated view-state stories', () => {
  it('match the registry (otherwise run `npm run stories:generate`)', () => {
    expect(onDisk(), `${GENERATED_STORIES} is stale: run \`npm run stories:generate\``).toBe(renderViewStateStories());
  });

  it('have one story per registry entry, named by its id', () => {
    const stories = [...onDisk().matchAll(/^export const (\w+): Story = \{ name: '([^']+)', \.\.\.viewStateStory\('([^']+)'\) \};$/gm)];
    expect(stories.map((m) => m[3])).toEqual(VIEW_STATES.map((e) => e.id));
    for (const [, name, title, id] of stories) {
      expect(title).toBe(id);
      expect(name).toBe(exportName(id!));
    }
  });

  it('would notice a new entry, and refuse two ids that make the same export name', () => {
    expect(renderViewStateStories([...VIEW_STATES.map((e) => e.id), 'done.new-state'])).toContain(
      "export const DoneNewState: Story = { name: 'done.new-state', ...viewStateStory('done.new-state') };",
    );
    expect(() => renderViewStateStories(['plan.no-plans', 'plan.no.plans'])).toThrow(/both be the story PlanNoPlans/);
  });
});
