/**
 * What the element shares with its later chunk: the edge state (secrets, the card form, small
 * view state) and the element's hooks. Types only; the object lives in the element.
 */
import type { UserEvent, WizardContext } from '../machine/context.js';
import type { ProviderInfo } from '../providers/contract.js';
import type { Messages } from '../i18n/en.js';
import type { Vault } from './provider-actors.js';
import type { CardFields, ViewHost } from './views/view.js';

export interface Edge {
  readonly vault: Vault;
  /** The card form as typed; never leaves the view except to tokenization. */
  card: CardFields;
  copied: boolean;
  copiedTimer: ReturnType<typeof setTimeout> | undefined;
  /** Saved progress could not be used: the wizard says so on its first step. */
  notice: boolean;
  /** The order whose completion was announced (`esim-renewal-complete` fires once per order). */
  completedOrder: string | null;
  readonly host: HTMLElement & { requestUpdate(): void };
  send(event: UserEvent): void;
  /** The machine's context now (not as of the last render: typing can outrun rendering). */
  context(): WizardContext;
  messages(): Messages;
  info(): ProviderInfo | null;
  /** Stops what `attach` started (while the element is connected). */
  detach?: () => void;
  /** The machine's snapshot now. */
  snapshot(): { context: WizardContext; value: unknown; hasTag(tag: string): boolean; can(event: UserEvent): boolean };
  /** The support message as last prepared from what is known (kept until the person edits it). */
  prepared: string;
  /** The view host now, once the later steps' strings are in (else null). */
  view(): ViewHost | null;
  /** The person started over (`reset()`): saved progress from before is not taken up. */
  afresh?: boolean;
}
