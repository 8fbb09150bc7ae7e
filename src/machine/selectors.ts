/**
 * Pure selectors: a snapshot in, what the view needs out. Views read these, never raw state
 * strings, and buttons are enabled by `snapshot.can(...)`, which runs the machine's own guards.
 */
import type { SnapshotFrom } from 'xstate';
import type { WizardContext, WizardEvent } from './context.js';
import type { WizardMachine } from './machine.js';
import { dateFromParts, daysBetween, foldTyped } from '../domain/validation.js';
import { daysLeftAt, topUpEligibility, urgencyOf, type Eligibility } from '../domain/rules.js';
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

/** Days left as the person said, or as the provider knows once signed in. `null`: unknown. */
export function daysLeft(ctx: WizardContext): { days: number | null; source: 'provider' | 'person' } {
  if (ctx.account) return { days: daysLeftAt(ctx.account.expiresAt, ctx.account.asOf), source: 'provider' };
  const v = ctx.validity;
  const days = foldTyped(v.daysLeft).trim();
  if (v.mode === 'days' && /^\d+$/.test(days)) return { days: Number(days), source: 'person' };
  const date = v.mode === 'date' ? dateFromParts(v.date) : null;
  if (date) return { days: daysBetween(v.today, date), source: 'person' };
  return { days: null, source: 'person' };
}

export function urgency(ctx: WizardContext): Urgency {
  return urgencyOf(daysLeft(ctx).days);
}

export function eligibility(ctx: WizardContext): Eligibility | null {
  return ctx.account ? topUpEligibility(ctx.account) : null;
}

export function selectedPlan(ctx: WizardContext): Plan | null {
  return ctx.plans.find((p) => p.id === ctx.selectedPlanId) ?? null;
}
