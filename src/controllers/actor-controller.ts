import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Actor, AnyActorLogic, EventFromLogic, Snapshot, SnapshotFrom, Subscription } from 'xstate';

/**
 * Binds an XState actor to a Lit host. Subscribes on connect and unsubscribes on disconnect,
 * with a stable listener. The actor outlives a move in the DOM: it is only stopped when the
 * host stays disconnected past the current task, and it is resumed from its snapshot if the host
 * comes back. A resumed actor (from here, or from storage after a reload) is sent the host's
 * `resumed` event: its in-flight calls and timers were not kept, and its machine says how each
 * state goes on.
 */
export class ActorController<TLogic extends AnyActorLogic> implements ReactiveController {
  #actor: Actor<TLogic> | undefined;
  #subscription: Subscription | undefined;
  #parked: Snapshot<unknown> | undefined;
  #stopTimer: ReturnType<typeof setTimeout> | undefined;
  #snapshot: SnapshotFrom<TLogic> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    /** Creates the actor, from a parked snapshot when there is one. */
    private readonly create: (snapshot?: Snapshot<unknown>) => Actor<TLogic>,
    /** Called on every new snapshot, before the host re-renders. */
    private readonly onChange: (previous: SnapshotFrom<TLogic> | undefined, next: SnapshotFrom<TLogic>) => void,
    /** The event a restored actor is sent as it starts again. */
    private readonly resumedEvent: EventFromLogic<TLogic>,
  ) {
    host.addController(this);
  }

  /** The running actor; created on first use. */
  get actor(): Actor<TLogic> {
    if (!this.#actor) {
      this.#actor = this.create(this.#parked);
      this.#parked = undefined;
      this.#snapshot = this.#actor.getSnapshot();
    }
    return this.#actor;
  }

  get snapshot(): SnapshotFrom<TLogic> {
    return this.#snapshot ?? this.actor.getSnapshot();
  }

  send(event: Parameters<Actor<TLogic>['send']>[0]): void {
    this.actor.send(event);
  }

  hostConnected(): void {
    clearTimeout(this.#stopTimer);
    this.#stopTimer = undefined;
    const actor = this.actor;
    if (!this.#subscription) this.#subscription = actor.subscribe(this.#listener);
    const resumed = this.#resumed;
    this.#resumed = false;
    actor.start();
    this.#listener(actor.getSnapshot());
    // A restored actor does not re-enter its state: its timers and calls were not kept. It is
    // told so, and its machine says how each state goes on.
    if (resumed) actor.send(this.resumedEvent);
  }

  /** The next start is of a restored actor. */
  #resumed = false;

  hostDisconnected(): void {
    this.#subscription?.unsubscribe();
    this.#subscription = undefined;
    // A move re-connects within the same task; only a real removal parks the actor.
    this.#stopTimer = setTimeout(() => this.#park(), 0);
  }

  /** Throws the actor away and starts a fresh one (`reset()`), or one from a saved snapshot. */
  replace(snapshot?: Snapshot<unknown>): void {
    this.#subscription?.unsubscribe();
    this.#subscription = undefined;
    this.#actor?.stop();
    this.#actor = undefined;
    this.#parked = snapshot;
    this.#resumed = snapshot !== undefined;
    this.#snapshot = undefined;
    this.hostConnected();
    // The fresh actor's first snapshot is read when it is created, so the listener sees no change:
    // the host must still re-render, or it keeps showing the old actor's step.
    this.host.requestUpdate();
  }

  #park(): void {
    const actor = this.#actor;
    if (!actor) return;
    // Calls in flight are not carried over (the machine starts them again on resume, or asks the
    // provider what became of a payment): restoring them as well would make them twice.
    this.#parked = { ...actor.getPersistedSnapshot(), children: {} } as unknown as Snapshot<unknown>;
    this.#resumed = true;
    actor.stop();
    this.#actor = undefined;
  }

  readonly #listener = (next: SnapshotFrom<TLogic>): void => {
    const previous = this.#snapshot;
    if (previous === next && previous !== undefined) return;
    this.#snapshot = next;
    this.onChange(previous, next);
    this.host.requestUpdate();
  };
}
