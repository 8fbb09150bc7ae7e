/**
 * Saved progress: the machine's snapshot in `localStorage`, so a reload or a tab closed to
 * restart the phone comes back to the same step. Saved after each settled change of state and
 * as the page goes away; read once, when the later steps arrive. Never a secret: card data,
 * passwords, tokens and sessions never enter the machine, and what would tell of them is
 * cleared before saving.
 */
import type { WizardContext } from '../machine/context.js';
import { wizardMachine } from '../machine/machine.js';
import { statePath, type WizardSnapshot } from '../machine/selectors.js';

/**
 * Saved progress: a version (a change that old snapshots cannot follow bumps it) and when.
 * 2: the expiry date is three fields (year, month, day), no longer one string.
 */
export const SAVE_VERSION = 2;
/** Saved progress lasts a day: long enough to restart a phone, short enough to be forgotten. */
export const SAVE_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** A snapshot as stored (XState's persisted snapshot, without calls in flight). */
export type SavedSnapshot = { value: unknown; context: WizardContext; [k: string]: unknown };

interface Saved {
  readonly v: number;
  readonly savedAt: number;
  readonly snapshot: SavedSnapshot;
}

/** What saving needs of the element: where it saves, and whether it may. */
export interface ProgressOwner {
  readonly id: string;
  readonly noPersist: boolean;
  readonly persistKey: string | null;
}

/**
 * The snapshot as it may be stored: no calls in flight (the machine starts them again on
 * resume), no payment token, nothing that says a password was typed.
 */
export function savable(snap: WizardSnapshot): SavedSnapshot {
  const persisted = snap.machine.getPersistedSnapshot(snap) as unknown as SavedSnapshot;
  const ctx = persisted.context;
  return {
    ...persisted,
    children: {},
    context: {
      ...ctx,
      login: { ...ctx.login, passwordFilled: false },
      payment: { ...ctx.payment, card: ctx.payment.card ? { ...ctx.payment.card, token: '' } : null },
    },
  };
}

/** The element's position among the page's wizards: what keeps two wizards' progress apart without ids. */
const position = (el: Element): number => Array.prototype.indexOf.call(document.querySelectorAll('esim-renewal-wizard'), el);

/** Saved progress past its lifetime: removed without a word. */
class Expired extends Error {}

export class SavedProgress {
  readonly #owner: ProgressOwner & Element;

  constructor(owner: ProgressOwner & Element) {
    this.#owner = owner;
  }

  /**
   * Works with this wizard's saved progress: nothing with `no-persist`, nor where storage is off
   * limits (a sandboxed frame, a browser setting), which throws.
   */
  #store<T>(use: (storage: Storage, key: string) => T): T | undefined {
    const el = this.#owner;
    try {
      return el.noPersist ? undefined : use(localStorage, el.persistKey || `esim-renewal-wizard:${location.pathname}#${el.id || position(el)}`);
    } catch {
      return undefined;
    }
  }

  /**
   * Saved progress for this key, if there is usable progress; what is unusable is removed.
   * `discarded`: there was progress that could not be used (not merely expired), which the
   * person is told about.
   */
  read(): { snapshot?: SavedSnapshot; discarded: boolean } {
    const raw = this.#store((storage, key) => storage.getItem(key));
    if (raw == null) return { discarded: false };
    try {
      const saved = JSON.parse(raw) as Saved;
      if (Date.now() - saved.savedAt > SAVE_LIFETIME_MS) throw new Expired();
      if (saved.v !== SAVE_VERSION) throw new Error('version');
      // It must be a state this machine has: an older layout would not restore.
      const context = saved.snapshot.context;
      // A payment outcome is only ever held on the way to its state, never at rest (and saves
      // from before it passed through the context have none).
      const snapshot = { ...saved.snapshot, context: { ...context, payment: { ...context.payment, outcome: null } } };
      wizardMachine.resolveState({ value: snapshot.value as never, context: snapshot.context });
      return { snapshot, discarded: false };
    } catch (reason) {
      this.clear();
      // Expiry is silent; anything else is said: the person sees why the wizard starts afresh.
      return { discarded: !(reason instanceof Expired) };
    }
  }

  /** Saves `next`, unless it is the same state as `previous`: once per change of state, not on every keystroke. */
  save(next: WizardSnapshot, previous?: WizardSnapshot): void {
    if (previous && statePath(previous) === statePath(next)) return;
    // Storage full or forbidden (private mode) fails quietly: the wizard works on, without resume.
    this.#store((storage, key) => storage.setItem(key, JSON.stringify({ v: SAVE_VERSION, savedAt: Date.now(), snapshot: savable(next) } satisfies Saved)));
  }

  clear(): void {
    this.#store((storage, key) => storage.removeItem(key));
  }
}
