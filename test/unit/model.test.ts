/**
 * The abstract model of the flow (src/testing/model.ts) against the production machine, and the
 * paths planned from it: they must take every state and every transition of the model.
 */
import { describe, expect, it } from 'vitest';
import { transition, initialTransition } from 'xstate';
import { wizardMachine } from '../../src/machine/machine.js';
import { STEP_IDS } from '../../src/domain/types.js';
import {
  MODEL_EVENTS,
  formatModelCoverage,
  modelCoverage,
  modelMachine,
  modelMeta,
  modelPath,
  modelStates,
  modelTransitions,
  planPaths,
  productionStates,
} from '../../src/testing/model.js';

const sorted = (xs: Iterable<string>) => [...xs].sort();
const leaves = () => modelStates().filter((p) => Object.keys(modelMachine.getStateNodeById(`model.${p}`).states).length === 0);

describe('the model and the production machine', () => {
  it('have the same step ids: the top-level states of both, and STEP_IDS', () => {
    const production = Object.keys(wizardMachine.root.states);
    const model = Object.keys(modelMachine.root.states);
    expect(sorted(model)).toEqual(sorted(production));
    expect(sorted(production)).toEqual(sorted(STEP_IDS));
  });

  it('every model state promises a view the production machine can show, in its own step', () => {
    const { shown, transient } = productionStates();
    // The definition walk finds real states, and the transient ones the view never rests in.
    expect(shown).toEqual(expect.arrayContaining(['validity', 'login.form', 'payment.review', 'troubleshooting.sent']));
    expect(sorted(transient)).toEqual(['login.resuming', 'payment.outcome', 'payment.start', 'plan.ready']);
    for (const path of leaves()) {
      const { view } = modelMeta(path);
      expect(shown, `${path} promises ${view}`).toContain(view);
      expect(view.split('.')[0], `${path} is in the step of its view`).toBe(path.split('.')[0]);
    }
  });

  it('has an executor for every event it uses, and uses every executor', () => {
    const used = new Set(modelStates().flatMap((p) => [...modelMachine.getStateNodeById(`model.${p}`).transitions.keys()]));
    expect(sorted(used)).toEqual(sorted(Object.keys(MODEL_EVENTS)));
  });

  it('is a plain graph: no invoke, no delays, no guards, one target per event', () => {
    for (const path of modelStates()) {
      const node = modelMachine.getStateNodeById(`model.${path}`);
      expect(node.invoke, path).toEqual([]);
      expect(node.after, path).toEqual([]);
      for (const defs of node.transitions.values()) {
        expect(defs, path).toHaveLength(1);
        expect(defs[0]!.guard, path).toBeUndefined();
        expect(defs[0]!.target, path).toHaveLength(1);
      }
    }
  });
});

describe('the planned paths', () => {
  const paths = planPaths();
  const steps = paths.flatMap((p) => p.steps);

  it('cover 100% of the model’s states and transitions', () => {
    const c = modelCoverage(steps);
    console.log(formatModelCoverage(c, paths.length));
    // The measure itself must see the model, or 100% would be vacuous.
    expect(c.states.total).toBe(modelStates().length);
    expect(c.states.total).toBeGreaterThan(40);
    expect(c.transitions.total).toBeGreaterThan(100);
    expect(c.states.missing).toEqual([]);
    expect(c.transitions.missing).toEqual([]);
    expect(c.states.covered).toBe(c.states.total);
    expect(c.transitions.covered).toBe(c.transitions.total);
  });

  it('coverage counts only what was taken: a path’s first half covers less', () => {
    const half = steps.slice(0, Math.floor(steps.length / 2));
    const c = modelCoverage(half);
    expect(c.transitions.covered).toBeLessThan(c.transitions.total);
    expect(c.transitions.missing.length).toBe(c.transitions.total - c.transitions.covered);
  });

  it('are real paths of the model from its first state, each short enough for one test', () => {
    expect(paths.length).toBeGreaterThan(1);
    for (const path of paths) {
      expect(path.steps.length).toBeGreaterThan(0);
      expect(path.steps.length).toBeLessThanOrEqual(24);
      let [at] = initialTransition(modelMachine);
      for (const step of path.steps) {
        expect(modelPath(at)).toBe(step.from);
        [at] = transition(modelMachine, at, { type: step.event });
        expect(modelPath(at)).toBe(step.to);
      }
    }
  });

  it('take each transition about once: the tour is not much longer than the transitions it covers', () => {
    expect(steps.length).toBeLessThan(modelTransitions().length * 2);
  });
});
