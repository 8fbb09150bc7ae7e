/**
 * XState's `setup`, as XState types it, without the action creators we never use.
 *
 * `setup()` returns `sendTo`, `log`, `emit`, `enqueueActions` and friends alongside `assign`,
 * so calling it puts all of them in the bundle (about 1 kB gzip) although the wizard uses only
 * `assign`, `createStateConfig` and `createMachine`. This returns those three, and builds the
 * machine exactly as `setup().createMachine` does: `createMachine(config, implementations)`.
 * The other members are absent at run time; a unit test fails if the machine's modules use any.
 */
import { assign, createMachine, type setup } from 'xstate';

export const LEAN_SETUP_MEMBERS = ['assign', 'createStateConfig', 'createMachine'] as const;

export const leanSetup = ((implementations: { actors?: object; actions?: object; guards?: object; delays?: object }) => {
  const { actors, actions, guards, delays } = implementations;
  return {
    assign,
    createStateConfig: (config: unknown) => config,
    createMachine: (config: object) => createMachine(config as never, { actors, actions, guards, delays }),
  };
}) as unknown as typeof setup;
