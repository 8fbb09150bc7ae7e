/**
 * What the element gives its later chunk (later.ts): a small, typed view of itself. Types only;
 * the object is built by the element, and nothing here is written by the chunk except the
 * vault, which the provider calls read.
 */
import type { UserEvent } from '../machine/context.js';
import type { WizardSnapshot } from '../machine/selectors.js';
import type { ProviderInfo } from '../providers/contract.js';
import type { Messages } from '../i18n/en.js';
import type { Vault } from './provider-actors.js';
import type { ViewHost } from './views/view.js';

/** The element, as far as the later chunk uses it. */
export interface WizardHostElement extends HTMLElement {
  requestUpdate(): void;
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly noPersist: boolean;
  readonly persistKey: string | null;
  readonly demoScenario: string;
}

export interface LaterHost {
  readonly host: WizardHostElement;
  /** The secrets the provider calls use (the password, the card, the session, the support message). */
  readonly vault: Vault;
  send(event: UserEvent): void;
  /** The machine's snapshot now (not as of the last render: typing can outrun rendering). */
  snapshot(): WizardSnapshot;
  messages(): Messages;
  info(): ProviderInfo | null;
  /** The first step's view host now, once the later steps' strings are in (else null). */
  view(): ViewHost | null;
}
