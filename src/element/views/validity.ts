import { html, nothing, type TemplateResult } from 'lit';
import { validityError } from '../../machine/guards.js';
import { daysLeft, urgency } from '../../machine/selectors.js';
import { localToday } from '../../i18n/today.js';
import { VALIDITY_PATHS } from '../../i18n/phone-paths.js';
import type { ValidityMode } from '../../machine/context.js';
import { normalizeTyped, type DateParts, type FieldError } from '../../domain/validation.js';
import { actions, choices, field, heading, phonePaths, platformSwitch, type ViewHost } from './view.js';

type DatePart = keyof DateParts;

/** The order of the date fields, by locale: worked out once per language, not on every render. */
const datePartOrders = new Map<string, readonly DatePart[]>();

/** Year, month and day in the order the language writes a date (`2027/3/15`, `3/15/2027`, …). */
function datePartOrder(locale: string): readonly DatePart[] {
  let order = datePartOrders.get(locale);
  if (!order) {
    order = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'numeric', day: 'numeric' })
      .formatToParts(0)
      .map((part) => part.type)
      .filter((type): type is DatePart => type === 'year' || type === 'month' || type === 'day');
    datePartOrders.set(locale, order);
  }
  return order;
}

/**
 * The expiry date as three short fields under one legend. A browser date control would show
 * the browser's date format rather than the wizard's language, and cannot be narrower than its
 * inner fields; these wrap at any width and take full-width digits.
 */
function dateField(
  v: ViewHost,
  o: { id: string; legend: string; value: DateParts; error: FieldError | null; onInput: (value: DateParts) => void },
): TemplateResult {
  const showError = v.attempted && o.error;
  // Incomplete: the empty parts are the ones to fill. Otherwise the date as a whole is wrong.
  const invalid = (part: DatePart) => Boolean(showError) && (o.error !== 'date-incomplete' || normalizeTyped(o.value[part]) === '');
  return html`<fieldset class="date" aria-labelledby="${o.id}-legend" data-field=${o.id}>
    <legend id="${o.id}-legend">${o.legend}</legend>
    ${showError ? html`<p class="field-error" id="${o.id}-error">${v.m.fieldErrors[o.error!]}</p>` : nothing}
    <div class="date-parts">
      ${datePartOrder(v.locale).map(
        (part) => html`<div class="field" part="field">
          <label for="${o.id}-${part}">${v.m.validity.dateParts[part]}</label>
          <input
            id="${o.id}-${part}"
            name="${o.id}-${part}"
            class="date-${part}"
            data-part=${part}
            inputmode="numeric"
            autocomplete="off"
            .value=${o.value[part]}
            aria-invalid=${invalid(part) ? 'true' : 'false'}
            aria-describedby=${showError ? `${o.id}-error` : nothing}
            @input=${({ target: t }: { target: HTMLInputElement }) => o.onInput({ ...o.value, [part]: t.value })}
          />
        </div>`,
      )}
    </div>
  </fieldset>`;
}

export function validityView(v: ViewHost) {
  const m = v.m.validity;
  const { validity } = v.ctx;
  const error = validityError(v.ctx);
  const set = (mode: ValidityMode, patch: { date?: DateParts; daysLeft?: string } = {}) =>
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
    ${
      validity.mode === 'date'
        ? dateField(v, {
            id: 'expiry-date',
            legend: m.dateLabel,
            value: validity.date,
            error: error?.field === 'date' ? error.error : null,
            onInput: (date) => set('date', { date }),
          })
        : nothing
    }
    ${
      validity.mode === 'days'
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
        : nothing
    }
    <div role="status" class="urgency-status">
      ${showUrgency ? html`<p class="panel ${level === 'expired' || level === 'few-days' ? 'warning' : 'tip'}" data-urgency=${level}>${m.urgency[level](days ?? 0)}</p>` : nothing}
    </div>
    ${actions(v, { label: v.m.nav.next, event: { type: 'user.next' } })}
    ${v.checkOrder ?? nothing}`;
}
