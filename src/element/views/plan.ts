import { html, nothing } from 'lit';
import { outLink } from './profile.js';
import { daysLeft, eligibility, selectedPlan, urgency } from '../../machine/selectors.js';
import { groupPlans, planEffect, recommendation, STAY_LENGTHS, USAGE_LEVELS } from '../../domain/plan-rules.js';
import type { Plan } from '../../domain/types.js';
import { differsFromJapanTime, formatData, formatDate, formatDateTime, formatMoney, JAPAN_TIME_ZONE } from '../../i18n/format.js';
import { actions, busy, choices, heading, type LaterViewHost } from './view.js';
import { errorPanel, restartButton, retryActions } from './later-helpers.js';

/**
 * A plan's name as the person reads it. Providers name plans in English (`Monthly · 5 GB`), and
 * in English that name is shown as they wrote it; in another language the name is built from
 * the plan's days and data in that language (`30日間・5GB`, `30 天 · 5 GB`).
 */
export function planName(v: LaterViewHost, plan: Pick<Plan, 'name' | 'days' | 'dataMb'>): string {
  if (v.locale === 'en') return plan.name;
  return v.m.plan.name(plan.days, plan.dataMb === null ? v.m.plan.unlimited : formatData(v.locale, plan.dataMb));
}

/** An order's plan by name as {@link planName} gives it, when the plan is in the list; else the provider's name for it. */
export function orderPlanName(v: LaterViewHost, order: { readonly planId: string; readonly planName: string }): string {
  const plan = v.ctx.plans.find((p) => p.id === order.planId);
  return plan ? planName(v, plan) : order.planName;
}

/** The provider's own name for a plan, beside the built one, when it says more than days and data (`Monthly`, a throttle). */
function providerPlanName(v: LaterViewHost, plan: Plan) {
  const english = `${plan.days} ${plan.days === 1 ? 'day' : 'days'} · ${plan.dataMb === null ? 'Unlimited' : formatData('en', plan.dataMb)}`;
  return v.locale === 'en' || plan.name === english ? nothing : html`<span class="hint" lang="en">${plan.name}</span>`;
}

/** An expiry in local time, and in Japan time when that reads differently. */
export function expiryText(v: LaterViewHost, iso: string) {
  return html`${formatDateTime(v.locale, iso)}
  ${differsFromJapanTime(iso) ? html`<span class="hint">(${v.m.plan.japanTime(formatDateTime(v.locale, iso, JAPAN_TIME_ZONE))})</span>` : nothing}`;
}

function accountSummary(v: LaterViewHost) {
  const a = v.ctx.account;
  if (!a) return nothing;
  const m = v.m.plan;
  // The provider's status as facts: the advice of the first step ("let's check yours") has been
  // followed, and it must not contradict what this step says can or cannot be done.
  const left = daysLeft(v.ctx);
  const level = urgency(v.ctx);
  const el = eligibility(v.ctx);
  return html`<section class="panel" aria-labelledby="account-heading">
    <h3 id="account-heading">${m.yourEsim}</h3>
    <dl class="summary">
      <dt>${m.currentPlan}</dt>
      <dd>${a.planName}</dd>
      <dt>${m.expires}</dt>
      <dd>${expiryText(v, a.expiresAt)}</dd>
      <dt>${m.dataLeft}</dt>
      <dd>${a.dataLeftMb === null ? m.unlimited : formatData(v.locale, a.dataLeftMb)}</dd>
    </dl>
    <p data-urgency=${level}><strong>${m.daysLeft(Math.abs(left.days ?? 0), left.expired)}</strong></p>
    ${el?.ok && el.inGrace && el.graceEndsAt ? html`<p>${m.inGrace(formatDateTime(v.locale, el.graceEndsAt))}</p>` : nothing}
    ${a.capabilities.topUpWindow.inJapanOnly ? html`<p>${m.inJapanOnly}</p>` : nothing}
    <p class="hint">${a.capabilities.validityStarts === 'install' ? m.startsOnInstall : m.startsOnConnection}</p>
  </section>`;
}

/**
 * A plan the arrow keys moved to is brought into view: WebKit moves focus through a radio group
 * without scrolling to it, so in a long list the chosen plan could be off screen.
 */
const showFocused = (event: FocusEvent): void => (event.target as HTMLElement).scrollIntoView({ block: 'nearest' });

function planChoice(v: LaterViewHost, plan: Plan, recommendedId: string | null) {
  const m = v.m.plan;
  const a = v.ctx.account!;
  const mode = a.capabilities.topUpMode;
  const effect = planEffect(mode, a, plan);
  const until = formatDate(v.locale, effect.endsAt);
  const effectText =
    mode === 'extend'
      ? m.effect.extend(plan.days, until)
      : mode === 'queue'
        ? m.effect.queue(formatDate(v.locale, effect.startsAt), until)
        : m.effect.stack(until);
  const id = `plan-${plan.id}`;
  return html`<label class=${v.ctx.selectedPlanId === plan.id ? 'choice checked' : 'choice'}>
    <input
      type="radio"
      name="plan"
      .value=${plan.id}
      .checked=${v.ctx.selectedPlanId === plan.id}
      aria-describedby="${id}-meta ${id}-effect"
      @change=${() => v.send({ type: 'user.plan.select', planId: plan.id })}
      @focus=${showFocused}
    />
    <span class="choice-text">
      <span class="choice-title"
        >${planName(v, plan)} ${plan.id === recommendedId ? html`<span class="badge">${m.recommended}</span>` : nothing}
        ${providerPlanName(v, plan)}</span
      >
      <span class="plan-meta" id="${id}-meta"
        >${plan.dataMb === null ? m.unlimited : formatData(v.locale, plan.dataMb)} · ${m.days(plan.days)}
        ${plan.throttle ? html`(${m.throttle(plan.throttle)})` : nothing} ·
        <span class="price">${formatMoney(v.locale, plan.price)}</span></span
      >
      <span class="hint" id="${id}-effect">${effectText}</span>
    </span>
  </label>`;
}

function recommender(v: LaterViewHost) {
  const m = v.m.plan;
  const rec = recommendation(v.ctx);
  return html`<details class="panel" ?open=${v.ctx.recommender.stay !== null || v.ctx.recommender.usage !== null}>
    <summary><strong>${m.helperTitle}</strong></summary>
    ${choices(v, {
      name: 'stay',
      legend: m.stayLegend,
      options: STAY_LENGTHS.map((s) => ({ value: s, label: m.stay[s] })),
      selected: v.ctx.recommender.stay,
      onSelect: (stay) => v.send({ type: 'user.plan.recommender', stay }),
    })}
    ${choices(v, {
      name: 'usage',
      legend: m.usageLegend,
      options: USAGE_LEVELS.map((u) => ({ value: u, label: m.usage[u] })),
      selected: v.ctx.recommender.usage,
      onSelect: (usage) => v.send({ type: 'user.plan.recommender', usage }),
    })}
    <div role="status">
      ${
        rec
          ? html`<p>
            <strong>${m.recommendedIs(planName(v, rec))}</strong>
            ${
              v.ctx.selectedPlanId !== rec.id
                ? html`<button type="button" class="secondary" @click=${() => v.send({ type: 'user.plan.select', planId: rec.id })}>${m.chooseRecommended}</button>`
                : nothing
            }
          </p>`
          : nothing
      }
    </div>
  </details>`;
}

export function planView(v: LaterViewHost) {
  const m = v.m.plan;
  switch (v.path) {
    case 'plan.loading':
      return html`${heading(m.title)} ${busy(m.loading)} ${actions(v)}`;
    case 'plan.error':
      return html`${heading(m.title)} ${errorPanel(v)} ${retryActions(v)}`;
    case 'plan.ineligible': {
      const el = eligibility(v.ctx);
      const a = v.ctx.account!;
      const text =
        el && !el.ok
          ? el.reason === 'not-rechargeable'
            ? m.ineligible['not-rechargeable']
            : el.reason === 'expired-past-grace'
              ? m.ineligible['expired-past-grace'](formatDate(v.locale, a.expiresAt))
              : m.ineligible['too-early'](formatDate(v.locale, 'opensAt' in el ? el.opensAt : a.expiresAt))
          : '';
      const tooEarly = el && !el.ok && el.reason === 'too-early';
      return html`${heading(m.ineligibleTitle)} ${accountSummary(v)}
        <p class="panel warning" data-reason=${el && !el.ok ? el.reason : nothing}>${text}</p>
        ${
          tooEarly
            ? nothing
            : html`<p>${outLink(a.capabilities.links.buyNew, m.buyNew, true)}</p>
              <p class="panel tip">${m.keepOldTip}</p>`
        }
        ${actions(v, null, restartButton(v))}`;
    }
    default: {
      if (v.ctx.plans.length === 0) {
        const buyNew = outLink(v.ctx.account?.capabilities.links.buyNew, m.buyNew);
        return html`${heading(m.title)} ${accountSummary(v)}
          <p class="panel warning">${m.noPlans}</p>
          ${buyNew === nothing ? nothing : html`<p>${buyNew}</p>`}
          ${actions(v, null, restartButton(v))}`;
      }
      const rec = recommendation(v.ctx);
      const chosen = selectedPlan(v.ctx);
      const unpaid = v.ctx.foundUnpaid && v.ctx.order;
      return html`${heading(m.title)}
        ${unpaid ? html`<p class="panel warning" role="status">${m.foundUnpaid(unpaid.reference, orderPlanName(v, unpaid))}</p>` : nothing}
        ${accountSummary(v)} ${recommender(v)}
        <fieldset data-field="plan" aria-invalid=${v.attempted && !chosen ? 'true' : nothing} aria-describedby=${v.attempted && !chosen ? 'plan-error' : nothing}>
          <legend>${m.plansLegend}</legend>
          ${v.attempted && !chosen ? html`<p class="field-error" id="plan-error">${m.noneSelected}</p>` : nothing}
          ${groupPlans(v.ctx.plans).map(
            (g) => html`<div class="plan-group" role="group" aria-labelledby="group-${g.group}">
              <h3 id="group-${g.group}">${m.groups[g.group]}</h3>
              ${g.plans.map((p) => planChoice(v, p, rec?.id ?? null))}
            </div>`,
          )}
        </fieldset>
        ${actions(v, { label: v.m.nav.next, event: { type: 'user.next' } })}`;
    }
  }
}
