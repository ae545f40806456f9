// The hidden model behind the churn sample: who the customers are and how likely each is to
// cancel in a given month. Kept apart from the row generator so the "truth" a notebook is meant
// to rediscover reads in one place (docs/samples.md describes it in prose).

export type Plan = 'basic' | 'standard' | 'premium' | 'enterprise';
export type Region = 'NA' | 'EU' | 'APAC' | 'LATAM';

/** Shares of the customer base: most customers on the cheap plans, a few large accounts. */
export const PLAN_SHARES: ReadonlyArray<readonly [Plan, number]> = [
  ['basic', 0.44],
  ['standard', 0.33],
  ['premium', 0.17],
  ['enterprise', 0.06],
];

export const REGION_SHARES: ReadonlyArray<readonly [Region, number]> = [
  ['NA', 0.38],
  ['EU', 0.3],
  ['APAC', 0.2],
  ['LATAM', 0.12],
];

/** Monthly list price in USD; enterprise is a per-account base that seats multiply. */
export const LIST_PRICE: Readonly<Record<Plan, number>> = {
  basic: 19,
  standard: 49,
  premium: 99,
  enterprise: 399,
};

/** Regional price books: purchasing-power pricing outside NA/EU. */
export const REGION_PRICE_FACTOR: Readonly<Record<Region, number>> = {
  NA: 1,
  EU: 0.95,
  APAC: 0.9,
  LATAM: 0.8,
};

/** Spread of the bill around the list price (add-ons, overages; seats for enterprise). */
export const SPEND_SPREAD: Readonly<Record<Plan, number>> = {
  basic: 0.12,
  standard: 0.15,
  premium: 0.18,
  enterprise: 0.4,
};

/** Mean purchases (add-ons, credits) in 90 days for an average-engagement customer. */
export const PURCHASE_BASE: Readonly<Record<Plan, number>> = {
  basic: 1.5,
  standard: 2.5,
  premium: 4,
  enterprise: 6,
};

/** Mean support contacts in 90 days before the customer's own dissatisfaction is applied:
 * bigger accounts have more users, so more tickets that mean nothing bad. */
export const CONTACT_BASE: Readonly<Record<Plan, number>> = {
  basic: 0.7,
  standard: 0.9,
  premium: 1.1,
  enterprise: 1.8,
};

const PLAN_EFFECT: Readonly<Record<Plan, number>> = {
  basic: 0.3,
  standard: 0,
  premium: -0.3,
  enterprise: -0.85,
};

const REGION_EFFECT: Readonly<Record<Region, number>> = {
  NA: 0,
  EU: -0.15,
  APAC: 0.1,
  LATAM: 0.2,
};

/** Monthly churn log-odds of an average customer in month 5+ that is not a renewal month;
 * calibrated so that about a fifth of all customers have churned by the snapshot. */
const BASE_LOG_ODDS = -5.25;

/** What the model sees of one customer. `latentDissatisfaction` is never published: it drives
 * contacts and sentiment and nudges churn directly, so the observable columns are strong but
 * imperfect proxies, as in real data. */
export interface ChurnDrivers {
  plan: Plan;
  region: Region;
  monthlySpend: number;
  purchases90d: number;
  supportContacts90d: number;
  sentiment: number | null;
  latentDissatisfaction: number;
  /** Per-customer noise on the log-odds (unobserved heterogeneity). */
  frailty: number;
}

/** Log-odds of churning in any month, before the tenure terms. */
export function staticLogOdds(x: ChurnDrivers): number {
  const contacts = Math.min(x.supportContacts90d, 10);
  // Interaction 1: enterprise accounts have success managers; their tickets are routine.
  const contactWeight = x.plan === 'enterprise' ? 0.1 : 0.3;
  // Interaction 2: the basic plan in LATAM is where price sensitivity bites.
  const latamBasic = x.region === 'LATAM' && x.plan === 'basic' ? 0.45 : 0;
  // Interaction 3: a bad last chat weighs more after many contacts (and a good one helps more).
  const sentiment =
    x.sentiment === null ? 0 : -1.0 * x.sentiment - 0.12 * x.sentiment * Math.min(contacts, 6);
  // Paying above the list price (overages, add-ons) makes customers shop around.
  const overage = Math.log(x.monthlySpend / (LIST_PRICE[x.plan] * REGION_PRICE_FACTOR[x.region]));
  return (
    BASE_LOG_ODDS +
    PLAN_EFFECT[x.plan] +
    REGION_EFFECT[x.region] +
    latamBasic +
    contactWeight * contacts +
    sentiment +
    0.8 * overage -
    0.08 * Math.min(x.purchases90d, 15) +
    0.2 * x.latentDissatisfaction +
    x.frailty
  );
}

/** Signups from this day on went through a redesigned onboarding that halves early churn: the
 * one product change in the data, for a cohort chart to find. */
export const ONBOARDING_REDESIGN_DATE = '2025-03-01';

/** Tenure terms: new customers churn most (onboarding fails early, less so after the redesign),
 * and annual contracts come up for renewal at the end of months 12, 24, 36 and 48.
 * `month` is 0-based. */
export function tenureLogOdds(month: number, redesignedOnboarding: boolean): number {
  const early = (redesignedOnboarding ? 0.7 : 1.4) * Math.exp(-month / 4);
  const renewal = month % 12 === 11 ? 0.7 : 0;
  return early + renewal;
}
