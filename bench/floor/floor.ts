/**
 * The floor: the cheapest possible Lit + XState widget, built the same way as the embed.
 * Every benchmark figure is paired with this one, in the same run.
 */
import { html, LitElement } from 'lit';
import { createActor, createMachine, type Actor } from 'xstate';

const toggle = createMachine({
  id: 'floor',
  initial: 'a',
  states: { a: { on: { next: 'b' } }, b: { on: { next: 'a' } } },
});

export class FloorWidget extends LitElement {
  static override properties = { label: { type: String } };
  declare label: string;
  #actor: Actor<typeof toggle> | undefined;
  #unsubscribe: (() => void) | undefined;

  constructor() {
    super();
    this.label = 'Next';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#actor = createActor(toggle).start();
    const sub = this.#actor.subscribe(() => this.requestUpdate());
    this.#unsubscribe = () => sub.unsubscribe();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
    this.#actor?.stop();
  }

  /** Sends one event: the floor's "step change". */
  next(): void {
    this.#actor?.send({ type: 'next' });
  }

  override render() {
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a flat machine: its state value is a string
    const state = String(this.#actor?.getSnapshot().value ?? 'a');
    return html`<h2 tabindex="-1">State ${state}</h2>
      <input aria-label="Text" />
      <button @click=${() => this.next()}>${this.label}</button>`;
  }
}

// The same start-up mark as the wizard's define module sets.
performance.mark('floor-widget:evaluated');
if (!customElements.get('floor-widget')) customElements.define('floor-widget', FloorWidget);
