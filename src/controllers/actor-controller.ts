import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Actor, AnyActorLogic, EventObject, Snapshot, SnapshotFrom, Subscription } from 'xstate';

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
  /** The parked actor's pending delayed events (`after` timers), which XState does not persist. */
  #parkedTimers: { event: EventObject; delay: number; id: string }[] = [];
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
    // A resumed actor does not re-enter its state, so its timers (activation polling, the sign-in
    // pause, voucher checks) are armed again here, each for its full delay, under the same id so
    // that leaving the state still cancels it.
    for (const t of this.#parkedTimers.splice(0)) actor.system.scheduler.schedule(actor, actor, t.event, t.delay, t.id);
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
    this.#parkedTimers = [];
    this.#snapshot = undefined;
    this.hostConnected();
    // The fresh actor's first snapshot is read when it is created, so the listener sees no change:
    // the host must still re-render, or it keeps showing the old actor's step.
    this.host.requestUpdate();
  }

  #park(): void {
    const actor = this.#actor;
    if (!actor) return;
    this.#parked = actor.getPersistedSnapshot();
    this.#parkedTimers = Object.values(actor.system.getSnapshot()._scheduledEvents)
      .filter((s) => s.source === actor && s.target === actor)
      .map(({ event, delay, id }) => ({ event, delay, id }));
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
