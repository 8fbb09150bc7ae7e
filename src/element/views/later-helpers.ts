/** View helpers only the later steps use: they load with them. */
import { html, nothing, type TemplateResult } from 'lit';
import { actions, type ViewHost } from './view.js';

export function errorPanel(v: ViewHost, extra: TemplateResult | typeof nothing = nothing): TemplateResult | typeof nothing {
  const error = v.ctx.error;
  if (!error) return nothing;
  // The provider's `Retry-After`, when it is longer than the HTTP provider waits by itself.
  const wait = Math.ceil((error.retryAfterMs ?? 0) / 1000);
  return html`<div class="panel error" role="alert" part="error">
    <p>${error.code === 'network' && !navigator.onLine ? v.m.errors.offline : v.m.errors[error.code]}</p>
    ${wait > 0 ? html`<p data-retry-after=${wait}>${v.m.retryAfter(wait)}</p>` : nothing}
    ${extra}
  </div>`;
}

export function retryActions(v: ViewHost): TemplateResult {
  return actions(v, { label: v.m.nav.retry, event: { type: 'user.retry' } });
}

export function restartButton(v: ViewHost): TemplateResult {
  return html`<button type="button" class="secondary" part="secondary-button" @click=${() => v.send({ type: 'user.restart' })}>${v.m.nav.restart}</button>`;
}
