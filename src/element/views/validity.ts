import { html, nothing } from 'lit';
import { validityError } from '../../machine/guards.js';
import { daysLeft, urgency } from '../../machine/selectors.js';
import { localToday } from '../../i18n/today.js';
import { VALIDITY_PATHS } from '../../i18n/phone-paths.js';
import type { ValidityMode } from '../../machine/context.js';
import { actions, choices, field, heading, phonePaths, platformSwitch, type ViewHost } from './view.js';

export function validityView(v: ViewHost) {
  const m = v.m.validity;
  const { validity } = v.ctx;
  const error = validityError(v.ctx);
  const set = (mode: ValidityMode, patch: { date?: string; daysLeft?: string } = {}) =>
    v.send({ type: 'user.validity.set', mode, ...patch, today: localToday() });
  const days = daysLeft(v.ctx).days;
  const level = urgency(v.ctx);
  // Urgency is said only once the answer is valid; an invalid date has no days to speak of.
  const showUrgency = validity.mode === 'unknown' || (validity.mode !== null && error === null && days !== null);
  return html`${heading(m.title)}
    <p>${m.intro}</p>
    ${platformSwitch(v)} ${phonePaths(v, VALIDITY_PATHS)}
    ${v.ctx.platform === 'android' ? html`<p class="hint">${m.androidNote}</p>` : nothing}
    ${choices(v, {
      name: 'validity-mode',
      legend: m.legend,
      options: [
        { value: 'date', label: m.modeDate },
        { value: 'days', label: m.modeDays },
        { value: 'unknown', label: m.modeUnknown },
      ],
      selected: validity.mode,
      onSelect: (mode) => set(mode),
      error: error?.field === 'mode' ? v.m.fieldErrors['mode-required'] : null,
    })}
    ${validity.mode === 'date'
      ? field(v, {
          id: 'expiry-date',
          label: m.dateLabel,
          type: 'date',
          // A date the control cannot hold (30 February typed in) reads as empty there; the
          // wizard keeps "?" for it, which is not a date, and leaves the typed text on screen.
          value: validity.date === '?' ? '' : validity.date,
          error: error?.field === 'date' ? error.error : null,
          onInput: (date, bad) => set('date', { date: bad ? '?' : date }),
        })
      : nothing}
    ${validity.mode === 'days'
      ? field(v, {
          id: 'days-left',
          label: m.daysLabel,
          hint: m.daysHint,
          inputmode: 'numeric',
          value: validity.daysLeft,
          maxlength: 4,
          error: error?.field === 'daysLeft' ? error.error : null,
          onInput: (daysLeft) => set('days', { daysLeft }),
        })
      : nothing}
    <div role="status" class="urgency-status">
      ${showUrgency ? html`<p class="panel ${level === 'expired' || level === 'few-days' ? 'warning' : 'tip'}" data-urgency=${level}>${m.urgency[level](days ?? 0)}</p>` : nothing}
    </div>
    ${actions(v, { label: v.m.nav.next, event: { type: 'user.next' } })}
    ${v.checkOrder ?? nothing}`;
}
