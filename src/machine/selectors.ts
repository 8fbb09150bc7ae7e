/**
 * Pure selectors: a snapshot in, what the view needs out. Views read these, never raw state
 * strings, and buttons are enabled by `snapshot.can(...)`, which runs the machine's own guards.
 */
import type { SnapshotFrom } from 'xstate';
import type { WizardContext, WizardEvent } from './context.js';
import type { WizardMachine } from './machine.js';
import { dateFromParts, daysBetween, foldTyped } from '../domain/validation.js';
import { calendarDaysLeft, topUpEligibility, urgencyOf, type Eligibility } from '../domain/rules.js';
import { localToday } from '../i18n/today.js';
import { MAIN_STEPS, STEP_IDS, type Plan, type StepId, type Urgency } from '../domain/types.js';

export type WizardSnapshot = SnapshotFrom<WizardMachine>;

/** The dotted path of the active leaf state, e.g. `payment.review`: the view state's machine part. */
export function statePath(snapshot: Pick<WizardSnapshot, 'value'>): string {
  const parts: string[] = [];
  let v: unknown = snapshot.value;
  while (v && typeof v === 'object') {
    const [key, child] = Object.entries(v as Record<string, unknown>)[0]!;
    parts.push(key);
    v = child;
  }
  if (typeof v === 'string') parts.push(v);
  return parts.join('.');
}

/** The step id of a snapshot: the top-level state. */
export function stepOf(snapshot: Pick<WizardSnapshot, 'value'>): StepId {
  const top = statePath(snapshot).split('.')[0];
  return (STEP_IDS as readonly string[]).includes(top ?? '') ? (top as StepId) : 'validity';
}

/**
 * The step an event would lead to, by the machine's own guarded transition, without taking it:
 * what the host is asked about before a step change it may veto (`esim-before-step-change`).
 * The current step when the event leads nowhere or stays within the step.
 */
export function stepAfter(snapshot: WizardSnapshot, event: WizardEvent): StepId {
  const target = snapshot.machine.getTransitionData(snapshot, event)[0]?.target?.[0];
  return target ? (target.path[0] as StepId) : stepOf(snapshot);
}

/** Position in the numbered progress list. Branch steps count as the step they branch from. */
export function progressOf(step: StepId): { index: number; count: number } {
  const anchor: StepId = step === 'troubleshooting' ? 'activation' : step === 'shop-visit' ? 'channel' : step;
  return { index: (MAIN_STEPS as readonly StepId[]).indexOf(anchor), count: MAIN_STEPS.length };
}

/**
 * Days left as the person said, or as the provider knows once signed in, counted on the person's
 * calendar (`dayOf`: an instant's day in their time zone). `null`: unknown. `expired` also when
 * the provider's expiry passed earlier today (0 days).
 */
export function daysLeft(
  ctx: WizardContext,
  dayOf: (epochMs: number) => string = localToday,
): { days: number | null; expired: boolean; source: 'provider' | 'person' } {
  if (ctx.account) return { ...calendarDaysLeft(ctx.account.expiresAt, ctx.account.asOf, dayOf), source: 'provider' };
  const v = ctx.validity;
  const typed = foldTyped(v.daysLeft).trim();
  const date = v.mode === 'date' ? dateFromParts(v.date) : null;
  const days = v.mode === 'days' && /^\d+$/.test(typed) ? Number(typed) : date ? daysBetween(v.today, date) : null;
  return { days, expired: days !== null && days < 0, source: 'person' };
}

export function urgency(ctx: WizardContext, dayOf: (epochMs: number) => string = localToday): Urgency {
  const { days, expired } = daysLeft(ctx, dayOf);
  return urgencyOf(days, expired);
}

export function eligibility(ctx: WizardContext): Eligibility | null {
  return ctx.account ? topUpEligibility(ctx.account) : null;
}

export function selectedPlan(ctx: WizardContext): Plan | null {
  return ctx.plans.find((p) => p.id === ctx.selectedPlanId) ?? null;
}
