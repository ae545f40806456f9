// The subscription-churn sample that Quarry opens by default: 100,000 synthetic customers drawn
// from a seeded hidden model (samples/churn-model.ts), so the data is identical everywhere and a
// notebook can find real signal in it. Pure: no Node imports, no Math.random, no clock.

import {
  CONTACT_BASE,
  LIST_PRICE,
  ONBOARDING_REDESIGN_DATE,
  PLAN_SHARES,
  PURCHASE_BASE,
  REGION_PRICE_FACTOR,
  REGION_SHARES,
  SPEND_SPREAD,
  staticLogOdds,
  tenureLogOdds,
  type Plan,
  type Region,
} from './churn-model';
import { createRandom, normal, poisson, weighted, type Random } from './random';

export type { Plan, Region } from './churn-model';

export const SAMPLE_ROWS = 100_000;
export const SAMPLE_SEED = 20_260_630;
/** The day the data was "extracted": tenure of active customers is counted up to here. */
export const SNAPSHOT_DATE = '2026-06-30';
/** First possible signup: four years before the snapshot. */
export const FIRST_SIGNUP_DATE = '2022-07-01';

export interface ChurnRow {
  customer_id: string;
  plan: Plan;
  region: Region;
  /** ISO date, YYYY-MM-DD. */
  signup_date: string;
  /** Whole months from signup to cancellation (churned) or to the snapshot (active). */
  tenure_months: number;
  /** USD, 2 decimals. */
  monthly_spend: number;
  /** Counts over the customer's last 90 days (before cancellation, or before the snapshot). */
  purchases_90d: number;
  support_contacts_90d: number;
  /** Sentiment score of the last support chat, in [-1, 1]; null when the customer never chatted. */
  last_chat_sentiment: number | null;
  churned: 0 | 1;
}

export const CHURN_COLUMNS: ReadonlyArray<keyof ChurnRow> = [
  'customer_id',
  'plan',
  'region',
  'signup_date',
  'tenure_months',
  'monthly_spend',
  'purchases_90d',
  'support_contacts_90d',
  'last_chat_sentiment',
  'churned',
];

const DAY_MS = 86_400_000;
const FIRST_DAY = Date.parse(`${FIRST_SIGNUP_DATE}T00:00:00Z`) / DAY_MS;
const SIGNUP_DAYS = Date.parse(`${SNAPSHOT_DATE}T00:00:00Z`) / DAY_MS - FIRST_DAY + 1;
const REDESIGN_TIME = Date.parse(`${ONBOARDING_REDESIGN_DATE}T00:00:00Z`);
/** Signups per day triple over the four years (a growing product). */
const GROWTH = 2;

/** Yields `count` customers. Row i depends only on the seed and rows before it, so a shorter
 * run is a prefix of a longer one. */
export function* generateChurnRows(count: number, seed: number): Generator<ChurnRow> {
  const rng = createRandom(seed);
  const idWidth = Math.max(6, String(count).length);
  for (let i = 1; i <= count; i++) {
    yield customer(rng, `C${String(i).padStart(idWidth, '0')}`);
  }
}

function customer(rng: Random, id: string): ChurnRow {
  const plan = weighted(rng, PLAN_SHARES);
  const region = weighted(rng, REGION_SHARES);
  const signup = signupDate(rng);
  // Two hidden traits: engagement drives spend and purchases, dissatisfaction drives support
  // contacts and sentiment. Neither is published.
  const engagement = normal(rng);
  const dissatisfaction = normal(rng);

  const list = LIST_PRICE[plan] * REGION_PRICE_FACTOR[region];
  const spend = round(list * Math.exp(0.08 * engagement + normal(rng, 0, SPEND_SPREAD[plan])), 2);
  const purchases = poisson(rng, PURCHASE_BASE[plan] * Math.exp(0.5 * engagement));
  // A log-normal rate under the Poisson makes the counts overdispersed (variance > mean), as
  // ticket counts are: most customers never call, a few call all the time.
  const contacts = poisson(
    rng,
    CONTACT_BASE[plan] * Math.exp(0.7 * dissatisfaction + normal(rng, 0, 0.6)),
  );
  // Customers who contacted support recently almost always chatted; others may have chatted
  // long ago. The missingness is therefore informative, not random.
  const chatted = rng.next() < (contacts > 0 ? 0.88 : 0.3);
  const sentimentDraw = normal(rng, 0, 0.4);
  const sentiment = chatted
    ? round(
        Math.tanh(0.45 - 0.5 * dissatisfaction - 0.1 * Math.min(contacts, 8) + sentimentDraw),
        3,
      )
    : null;

  const logOdds = staticLogOdds({
    plan,
    region,
    monthlySpend: spend,
    purchases90d: purchases,
    supportContacts90d: contacts,
    sentiment,
    latentDissatisfaction: dissatisfaction,
    frailty: normal(rng, 0, 0.5),
  });
  const age = monthsToSnapshot(signup);
  const redesigned = signup.getTime() >= REDESIGN_TIME;
  const churnMonth = firstChurnMonth(rng, logOdds, age, redesigned);

  return {
    customer_id: id,
    plan,
    region,
    signup_date: signup.toISOString().slice(0, 10),
    tenure_months: churnMonth ?? age,
    monthly_spend: spend,
    purchases_90d: purchases,
    support_contacts_90d: contacts,
    last_chat_sentiment: sentiment,
    churned: churnMonth === null ? 0 : 1,
  };
}

/** A signup day: more recent days are likelier (growth), January is busy (new budgets) and
 * July quiet, and a B2B product sees few weekend signups. */
function signupDate(rng: Random): Date {
  for (;;) {
    // Inverse CDF of the linear density 1 + GROWTH * t on [0, 1].
    const u = rng.next();
    const t = (Math.sqrt(1 + 2 * GROWTH * u * (1 + GROWTH / 2)) - 1) / GROWTH;
    const day = new Date(
      (FIRST_DAY + Math.min(Math.floor(t * SIGNUP_DAYS), SIGNUP_DAYS - 1)) * DAY_MS,
    );
    const season = 1 + 0.2 * Math.cos((2 * Math.PI * day.getUTCMonth()) / 12);
    const weekday = day.getUTCDay();
    const weekend = weekday === 0 || weekday === 6 ? 0.5 : 1;
    if (rng.next() * 1.2 < season * weekend) return day;
  }
}

/** Whole months from the signup day to the snapshot (2026-06-30). */
function monthsToSnapshot(signup: Date): number {
  const snapshot = new Date(`${SNAPSHOT_DATE}T00:00:00Z`);
  const months =
    (snapshot.getUTCFullYear() - signup.getUTCFullYear()) * 12 +
    (snapshot.getUTCMonth() - signup.getUTCMonth());
  return snapshot.getUTCDate() < signup.getUTCDate() ? months - 1 : months;
}

/** Walks the customer's completed months with a discrete-time hazard and returns the 0-based
 * month in which they cancelled, or null if they are still active. One uniform draw decides:
 * the customer churns in the first month where survival falls below it. */
function firstChurnMonth(
  rng: Random,
  logOdds: number,
  months: number,
  redesignedOnboarding: boolean,
): number | null {
  const u = rng.next();
  let survival = 1;
  for (let m = 0; m < months; m++) {
    survival *= 1 - 1 / (1 + Math.exp(-(logOdds + tenureLogOdds(m, redesignedOnboarding))));
    if (survival < u) return m;
  }
  return null;
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  // `+ 0` turns -0 into 0 so the CSV never shows "-0".
  return Math.round(value * scale) / scale + 0;
}

/** The sample as RFC 4180 CSV: header row, "\n" line ends (also after the last row), empty
 * field for null, fields quoted only when they need it. */
export function churnCsv(count: number, seed: number): string {
  const lines = [CHURN_COLUMNS.join(',')];
  for (const row of generateChurnRows(count, seed)) {
    lines.push(CHURN_COLUMNS.map((column) => csvField(row[column], column)).join(','));
  }
  return `${lines.join('\n')}\n`;
}

function csvField(value: string | number | null, column: keyof ChurnRow): string {
  if (value === null) return '';
  if (typeof value === 'number') {
    // Money keeps its cents ("19.00") so readers see a fixed-point column.
    return column === 'monthly_spend' ? value.toFixed(2) : String(value);
  }
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
