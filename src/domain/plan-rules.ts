/**
 * The plan rules, as pure functions: what a plan does to the expiry, how plans are grouped,
 * and which plan to recommend (a table of rules). Used by the plan view and the demo provider,
 * not by the statechart, so they load with the later steps.
 */
import type { AccountStatus, Plan, TopUpMode } from './types.js';

const DAY = 86_400_000;

/** When the plan would start and end if bought now (the provider's order has the final word). */
export function planEffect(mode: TopUpMode, account: AccountStatus, plan: Plan): { startsAt: string; endsAt: string } {
  const now = Date.parse(account.asOf);
  const current = Math.max(Date.parse(account.expiresAt), now);
  const start = mode === 'stack' ? now : current;
  return { startsAt: new Date(start).toISOString(), endsAt: new Date(start + plan.days * DAY).toISOString() };
}

export const PLAN_GROUPS = ['short', 'monthly', 'large', 'unlimited'] as const;
/** Plans are shown grouped: short stays (by the day), monthly, large data, unlimited. */
export type PlanGroup = (typeof PLAN_GROUPS)[number];

/** 20 GB and up counts as a large plan. */
export const LARGE_PLAN_MB = 20 * 1024;

export function planGroup(plan: Plan): PlanGroup {
  if (plan.dataMb === null) return 'unlimited';
  if (plan.dataMb >= LARGE_PLAN_MB) return 'large';
  if (plan.days >= 28) return 'monthly';
  return 'short';
}

/** Plans grouped in display order; within a group, by days then price. Empty groups are left out. */
export function groupPlans(plans: readonly Plan[]): { group: PlanGroup; plans: Plan[] }[] {
  return PLAN_GROUPS.map((group) => ({
    group,
    plans: plans.filter((p) => planGroup(p) === group).sort((a, b) => a.days - b.days || a.price.amount - b.price.amount || a.id.localeCompare(b.id)),
  })).filter((g) => g.plans.length > 0);
}

export const STAY_LENGTHS = ['day', 'week', 'fortnight', 'month-plus'] as const;
/** How long the person is staying. */
export type StayLength = (typeof STAY_LENGTHS)[number];
export const USAGE_LEVELS = ['light', 'moderate', 'heavy'] as const;
/** How much data they use: light (maps, messages), moderate (social, some video), heavy (video, tethering). */
export type Usage = (typeof USAGE_LEVELS)[number];

/** The minimum days each stay needs. */
export const STAY_DAYS: Record<StayLength, number> = { day: 1, week: 7, fortnight: 15, 'month-plus': 30 };

/** What a rule asks of a plan. */
export interface PlanNeed {
  readonly groups: readonly PlanGroup[];
  /** Minimum data per day of stay, in MB (ignored by unlimited plans). */
  readonly mbPerDay: number;
}

/**
 * The guide's advice as a table, read top to bottom; the first matching row wins. A row names
 * the plan groups that suit and the data a day needs. Occasional use → a small plan billed by
 * the day; a long stay with heavy use → large or unlimited.
 */
export const RECOMMENDATION_RULES: readonly { stay: StayLength | '*'; usage: Usage | '*'; need: PlanNeed }[] = [
  { stay: 'month-plus', usage: 'heavy', need: { groups: ['large', 'unlimited'], mbPerDay: 1500 } },
  { stay: '*', usage: 'heavy', need: { groups: ['unlimited', 'large', 'short', 'monthly'], mbPerDay: 1500 } },
  { stay: 'month-plus', usage: 'moderate', need: { groups: ['monthly', 'large', 'unlimited'], mbPerDay: 500 } },
  { stay: 'month-plus', usage: 'light', need: { groups: ['monthly', 'short', 'large'], mbPerDay: 150 } },
  { stay: '*', usage: 'moderate', need: { groups: ['short', 'monthly', 'large'], mbPerDay: 500 } },
  { stay: '*', usage: 'light', need: { groups: ['short', 'monthly'], mbPerDay: 150 } },
];

/**
 * The recommended plan: the cheapest plan in the rule's groups that lasts the stay and carries
 * enough data (a tie goes to the group listed first). Falls back to the cheapest plan that fits
 * at all, then to the longest plan; `null` when there are no plans.
 */
export function recommendPlan(plans: readonly Plan[], stay: StayLength, usage: Usage): Plan | null {
  const rule = RECOMMENDATION_RULES.find((r) => (r.stay === '*' || r.stay === stay) && (r.usage === '*' || r.usage === usage));
  if (!rule || plans.length === 0) return null;
  const days = STAY_DAYS[stay];
  const fits = (p: Plan) => p.days >= days && (p.dataMb === null || p.dataMb >= rule.need.mbPerDay * Math.min(p.days, days));
  const rank = (p: Plan) => rule.need.groups.indexOf(planGroup(p));
  const cheapest = (ps: Plan[]) => ps.sort((a, b) => a.price.amount - b.price.amount || rank(a) - rank(b) || a.days - b.days)[0] ?? null;
  return (
    cheapest(plans.filter((p) => rank(p) >= 0 && fits(p))) ??
    cheapest(plans.filter(fits)) ??
    [...plans].sort((a, b) => b.days - a.days || (b.dataMb ?? Infinity) - (a.dataMb ?? Infinity))[0]!
  );
}

/** The plan the helper recommends from the person's two answers, once both are given. */
export function recommendation(ctx: {
  readonly plans: readonly Plan[];
  readonly recommender: { readonly stay: StayLength | null; readonly usage: Usage | null };
}): Plan | null {
  const { stay, usage } = ctx.recommender;
  return stay && usage ? recommendPlan(ctx.plans, stay, usage) : null;
}
