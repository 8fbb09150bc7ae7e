import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Actor, AnyActorLogic, Snapshot, SnapshotFrom, Subscription } from 'xstate';

/**
 * Binds an XState actor to a Lit host. Subscribes on connect and unsubscribes on disconnect,
 * with a stable listener. The actor outlives a move in the DOM: it is only stopped when the
 * host stays disconnected past the current task, and then it is resumed from its persisted
 * snapshot if the host comes back.
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
    private readonly onChange: (previous: SnapshotFrom<TLogic> | undefined, next: SnapshotFrom<TLogic>) => void = () => {},
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
    actor.start();
    this.#listener(actor.getSnapshot());
  }

  hostDisconnected(): void {
    this.#subscription?.unsubscribe();
    this.#subscription = undefined;
    // A move re-connects within the same task; only a real removal parks the actor.
    this.#stopTimer = setTimeout(() => this.#park(), 0);
  }

  /** Throws the actor away and starts a fresh one (the element's `reset()`). */
  replace(): void {
    this.#subscription?.unsubscribe();
    this.#subscription = undefined;
    this.#actor?.stop();
    this.#actor = undefined;
    this.#parked = undefined;
    this.#snapshot = undefined;
    this.hostConnected();
  }

  #park(): void {
    if (!this.#actor) return;
    this.#parked = this.#actor.getPersistedSnapshot();
    this.#actor.stop();
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
