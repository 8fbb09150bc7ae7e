import { html, nothing } from 'lit';
import { validateRequiredText } from '../../domain/validation.js';
import { TROUBLE_CHECKS } from '../../domain/troubleshooting-checks.js';
import { CHECK_PATHS } from '../../i18n/check-paths.js';
import { outLink, supportChannels } from './profile.js';
import { actions, busy, heading, phonePaths, platformSwitch, type LaterViewHost } from './view.js';
import { errorPanel, restartButton } from './later-helpers.js';

/** The longest support message sent: the HTTP contract's limit. */
export const SUPPORT_MESSAGE_MAX = 5000;

/** The message support gets, in the person's language, from what the wizard knows. */
export function preparedSupportMessage(v: LaterViewHost, messages: Pick<LaterViewHost['m'], 'trouble'> = v.m): string {
  const c = v.ctx;
  const iccid = c.account?.iccid ?? (c.login.iccid || null);
  return messages.trouble.message(
    c.order?.reference ?? null,
    iccid,
    c.trouble.tried.map((id) => messages.trouble.checks[id as (typeof TROUBLE_CHECKS)[number]].title),
  );
}

export function troubleshootingView(v: LaterViewHost) {
  const m = v.m.trouble;
  const t = v.ctx.trouble;
  const warning = html`<p class="panel warning" role="note" part="notice"><span aria-hidden="true">⚠ </span>${m.warning}</p>`;
  switch (v.path) {
    case 'troubleshooting.escalate':
    case 'troubleshooting.sending':
    case 'troubleshooting.sendError': {
      // Not blank, and within what a provider takes (the contract's 5,000 characters). The text
      // never enters the machine; it learns whether it is fit to send with the Send event.
      const error = validateRequiredText(v.supportMessage, SUPPORT_MESSAGE_MAX);
      const showError = v.attempted && error;
      const send = { type: 'user.trouble.send', ok: error === null } as const;
      return html`${heading(m.escalateTitle)} ${warning}
        <p>${m.escalateText}</p>
        ${errorPanel(v)}
        <div class="field" part="field">
          <label for="support-message">${m.messageLabel}</label>
          <textarea
            id="support-message"
            .value=${v.supportMessage}
            aria-invalid=${showError ? 'true' : 'false'}
            aria-describedby=${showError ? 'support-message-error' : nothing}
            @input=${(e: Event) => v.setSupportMessage((e.target as HTMLTextAreaElement).value)}
          ></textarea>
          ${showError ? html`<p class="field-error" id="support-message-error">${v.m.fieldErrors[error]}</p>` : nothing}
        </div>
        <p class="hint">${m.screenshotTip}</p>
        ${supportChannels(v)}
        <div class="links">
          <button type="button" class="link" @click=${() => v.copy(v.supportMessage)}>${v.copied ? v.m.payment.copied : v.m.payment.copy}</button>
          ${outLink(v.ctx.account?.capabilities.links.support ?? v.info?.links.support, m.openSupport)}
        </div>
        ${v.path === 'troubleshooting.sending' ? busy(m.sending) : nothing}
        ${actions(v, { label: v.path === 'troubleshooting.sendError' ? v.m.nav.retry : m.send, event: send })}`;
    }
    case 'troubleshooting.sent':
      return html`${heading(m.sentTitle)}
        <p class="panel success" role="status">${m.sent(t.ticket?.ticketId ?? '')}</p>
        ${warning}
        ${actions(v, null, restartButton(v))}`;
    case 'troubleshooting.verifyError':
      return html`${heading(m.title)} ${warning} ${errorPanel(v)} ${actions(v, { label: v.m.nav.retry, event: { type: 'user.retry' } })}`;
    default: {
      const id = TROUBLE_CHECKS[Math.min(t.index, TROUBLE_CHECKS.length - 1)]!;
      const check = m.checks[id];
      const verifying = v.path === 'troubleshooting.verifying';
      return html`${heading(m.title)} ${warning}
        ${t.reason ? html`<p>${m.reason[t.reason]}</p>` : nothing}
        <section class="panel" aria-labelledby="check-heading" data-check=${id}>
          <p class="hint">${m.checkOf(t.index + 1, TROUBLE_CHECKS.length)}</p>
          <h3 id="check-heading">${check.title}</h3>
          <p>${check.text}</p>
          ${phonePaths(v, CHECK_PATHS[id])}
        </section>
        ${platformSwitch(v)}
        ${t.stillInactive ? html`<p class="panel error" role="alert">${m.stillInactive}</p>` : nothing}
        ${verifying ? busy(m.verifying) : nothing}
        <div class="actions">
          <button type="button" class="secondary" part="secondary-button" aria-disabled=${v.can({ type: 'user.trouble.notFixed' }) ? 'false' : 'true'} @click=${() => v.submit({ type: 'user.trouble.notFixed' })}>${m.notFixed}</button>
          <button type="button" class="primary" part="primary-button" aria-disabled=${v.can({ type: 'user.trouble.fixed' }) ? 'false' : 'true'} @click=${() => v.submit({ type: 'user.trouble.fixed' })}>${m.fixed}</button>
        </div>
        <p><button type="button" class="link" ?hidden=${!v.can({ type: 'user.trouble.escalate' })} @click=${() => v.send({ type: 'user.trouble.escalate' })}>${m.skipToSupport}</button></p>
        ${actions(v, null, restartButton(v))}`;
    }
  }
}
