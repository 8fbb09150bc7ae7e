/**
 * Every view state in the registry: reachable through the DOM, showing what it claims, with a
 * step heading, and free of axe violations. Plus the registry's own guarantees: every step and
 * every leaf state of the production machine has an entry.
 */
import { expect, fixtureCleanup } from '@open-wc/testing';
import type { AnyStateNode } from 'xstate';
import { afterEach, describe, it } from 'vitest';
import { wizardMachine } from '../../src/machine/machine.js';
import { STEP_IDS } from '../../src/domain/types.js';
import { VIEW_STATES, createProvider, type ViewStateEntry } from '../../src/testing/view-states.js';
import { mount, root, state } from './helpers.js';

/** States the view never rests in: they decide and move on in the same step. */
const TRANSIENT = new Set(['plan.ready', 'payment.start', 'payment.outcome', 'login.resuming']);

function leafStates(node: AnyStateNode): string[] {
  const children = Object.values(node.states);
  if (children.length === 0) return [node.path.join('.')];
  return children.flatMap(leafStates);
}

const matches = (expected: ViewStateEntry['state'], actual: string) => (typeof expected === 'string' ? expected === actual : expected.test(actual));

describe('the view-state registry', () => {
  it('has unique ids and covers every step', () => {
    const ids = VIEW_STATES.map((e) => e.id);
    const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(dupes, 'duplicate ids').to.deep.equal([]);
    const steps = new Set(VIEW_STATES.map((e) => e.step));
    expect(
      STEP_IDS.filter((s) => !steps.has(s)),
      'steps without an entry',
    ).to.deep.equal([]);
    for (const e of VIEW_STATES) {
      const top = typeof e.state === 'string' ? e.state.split('.')[0] : null;
      if (top !== null) expect(top, `${e.id}: state belongs to its step`).to.equal(e.step);
    }
  });

  it('names every leaf state of the production machine', () => {
    const leaves = leafStates(wizardMachine.root).filter((p) => !TRANSIENT.has(p));
    // The walk itself must find something, or this check would pass vacuously.
    expect(leaves).to.include.members(['validity', 'login.cooldown', 'payment.review', 'troubleshooting.sent']);
    for (const t of TRANSIENT) expect(leafStates(wizardMachine.root), `transient ${t} still exists`).to.include(t);
    const missing = leaves.filter((leaf) => !VIEW_STATES.some((e) => matches(e.state, leaf)));
    expect(missing, 'leaf states with no registry entry').to.deep.equal([]);
  });
});

describe('every view state is reachable and accessible', () => {
  afterEach(() => fixtureCleanup());

  for (const entry of VIEW_STATES) {
    it(entry.id, async () => {
      const provider = createProvider(entry);
      const { el, clock } = await mount({ provider, ...(entry.setup?.channel ? { channel: entry.setup.channel } : {}) });
      await entry.setup?.configure?.(el, { clock, provider });
      await entry.reach(el, { clock, provider });
      await el.updateComplete;

      const section = root(el).querySelector<HTMLElement>('section.step')!;
      expect(matches(entry.state, state(el)), `data-state is ${state(el)}, expected ${entry.state}`).to.equal(true);
      expect(section.dataset.step).to.equal(entry.step);

      const heading = root(el).querySelectorAll('h2#step-heading');
      expect(heading.length, 'one step heading').to.equal(1);
      expect(heading[0]!.textContent.trim()).to.not.equal('');

      for (const selector of entry.shows ?? []) expect(root(el).querySelector(selector), `shows ${selector}`).to.not.equal(null);
      for (const selector of entry.hides ?? []) expect(root(el).querySelector(selector), `hides ${selector}`).to.equal(null);

      // axe 4 no longer checks plain duplicate ids, and lets a dangling aria-describedby pass;
      // inside one shadow root both break labels and descriptions.
      const ids = [...root(el).querySelectorAll('[id]')].map((n) => n.id);
      expect(
        ids.filter((id, i) => ids.indexOf(id) !== i),
        'duplicate ids',
      ).to.deep.equal([]);
      const refs = [...root(el).querySelectorAll('[aria-describedby], [aria-labelledby], label[for]')].flatMap((n) =>
        [n.getAttribute('aria-describedby'), n.getAttribute('aria-labelledby'), n.getAttribute('for')].flatMap((v) => v?.split(/\s+/).filter(Boolean) ?? []),
      );
      expect(
        refs.filter((id) => !root(el).getElementById(id)),
        'references to missing ids',
      ).to.deep.equal([]);

      await expect(el).to.be.accessible();
    });
  }
});
