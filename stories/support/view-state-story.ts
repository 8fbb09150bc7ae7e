/**
 * One story per entry of the view-state registry (src/testing/view-states.ts). The story file,
 * stories/view-states.stories.ts, is generated from the registry (`npm run stories:generate`):
 * CSF needs each story as a static named export, so the generator writes one line per entry
 * and this factory does the rest from the entry itself.
 *
 * Each story mounts the wizard with the entry's provider (a 0-latency demo provider, scripted as
 * the entry says), a SimulatedClock, its preset channel and host configuration, drives it there
 * with `entry.reach` in the play function, and checks `data-state` and the entry's selectors.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect } from 'storybook/test';
import { SimulatedClock } from 'xstate';
import { root, state } from '../../src/testing/driver.js';
import { VIEW_STATES, createProvider, type ReachTools } from '../../src/testing/view-states.js';
import { mounted, renderWizard, wizardArgs, wizardArgTypes, type WizardArgs } from './wizard.js';

export const viewStateMeta = {
  component: 'esim-renewal-wizard',
  args: wizardArgs(),
  argTypes: wizardArgTypes,
} satisfies Meta<WizardArgs>;

type Story = StoryObj<WizardArgs>;

/** The story for registry entry `id`. */
export function viewStateStory(id: string): Story {
  const entry = VIEW_STATES.find((e) => e.id === id);
  if (!entry) {
    // The generated file is older than the registry: fail this story, not the whole file.
    return {
      play: () => {
        throw new Error(`"${id}" is no longer in the view-state registry: run \`npm run stories:generate\``);
      },
    };
  }
  const setup = entry.setup ?? {};
  return {
    args: {
      ...(setup.channel ? { channel: setup.channel } : {}),
      ...(setup.scenario ? { 'demo-scenario': setup.scenario } : {}),
    },
    render: renderWizard<ReachTools>({
      tools: () => ({ provider: createProvider(entry), clock: new SimulatedClock() }),
      configure: setup.configure,
    }),
    parameters: { docs: { description: { story: entry.description } } },
    play: async ({ canvasElement, step }) => {
      const { el, tools } = await mounted<ReachTools>(canvasElement);
      await step(entry.description, () => entry.reach(el, tools));
      await el.updateComplete;
      if (typeof entry.state === 'string') await expect(state(el)).toBe(entry.state);
      else await expect(state(el)).toMatch(entry.state);
      await expect(root(el).querySelector<HTMLElement>('section.step')?.dataset.step).toBe(entry.step);
      for (const selector of entry.shows ?? []) await expect(root(el).querySelector(selector), `shows ${selector}`).not.toBeNull();
      for (const selector of entry.hides ?? []) await expect(root(el).querySelector(selector), `hides ${selector}`).toBeNull();
    },
  };
}
