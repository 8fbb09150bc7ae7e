/**
 * XState's `setup`, as XState types it, without the action creators we never use.
 *
 * `setup()` returns `sendTo`, `log`, `emit`, `enqueueActions` and friends alongside `assign`,
 * so calling it puts all of them in the bundle (about 1 kB gzip) although the wizard uses only
 * `assign`, `createStateConfig` and `createMachine`. This returns those three, and builds the
 * machine exactly as `setup().createMachine` does: `createMachine(config, implementations)`.
 * The other members are absent at run time, and its type has only these three, so using
 * another fails to compile (and a unit test checks the sources too).
 */
import { assign, createMachine, type setup } from 'xstate';

export const LEAN_SETUP_MEMBERS = ['assign', 'createStateConfig', 'createMachine'] as const;
type LeanMember = (typeof LEAN_SETUP_MEMBERS)[number];

// Types only, never run: `setup`'s own generic signature, answering with just the members the
// lean version builds. (TypeScript carries a generic function's type parameters through a call
// like `narrowed(setup)`; the function that makes that call is read for its type alone.)
declare function narrowed<A extends unknown[], R>(full: (...args: A) => R): (...args: A) => Pick<R, Extract<keyof R, LeanMember>>;
declare const fullSetup: typeof setup;
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- read for its type alone (above)
function leanSetupType() {
  return narrowed(fullSetup);
}

export const leanSetup = ((implementations: { actors?: object; actions?: object; guards?: object; delays?: object }) => {
  const { actors, actions, guards, delays } = implementations;
  return {
    assign,
    createStateConfig: (config: unknown) => config,
    createMachine: (config: object) => createMachine(config as never, { actors, actions, guards, delays }),
  };
  // (Built loosely, typed as setup's answer: the same three members, with setup's own types.)
}) as unknown as ReturnType<typeof leanSetupType>;
