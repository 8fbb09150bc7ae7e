/**
 * What the element shares with its later chunk: the edge state (secrets, the card form, small
 * view state) and the element's hooks. Types only; the object lives in the element.
 */
import type { UserEvent, WizardContext } from '../machine/context.js';
import type { ProviderInfo } from '../providers/contract.js';
import type { Messages } from '../i18n/en.js';
import type { Vault } from './provider-actors.js';
import type { CardFields } from './views/view.js';

export interface Edge {
  readonly vault: Vault;
  /** The card form as typed; never leaves the view except to tokenization. */
  card: CardFields;
  copied: boolean;
  copiedTimer: ReturnType<typeof setTimeout> | undefined;
  /** The order whose completion was announced (`esim-renewal-complete` fires once per order). */
  completedOrder: string | null;
  readonly host: HTMLElement & { requestUpdate(): void };
  send(event: UserEvent): void;
  /** The machine's context now (not as of the last render: typing can outrun rendering). */
  context(): WizardContext;
  messages(): Messages;
  info(): ProviderInfo | null;
  /** Whether the host put its own payment UI into the `payment` slot. */
  hostPayment(): boolean;
}
