import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CHURN_COLUMNS,
  churnCsv,
  generateChurnRows,
  SAMPLE_ROWS,
  SAMPLE_SEED,
  type ChurnRow,
} from './churn-data';

// The bytes of the default sample. The notebook's narrative and docs/samples.md quote numbers
// from this exact data: if generation changes on purpose, update this hash AND re-check them.
const PINNED_SHA256 = '24fb1a51c809a7cdb595fcbf4130348dff8711ad90655b261c1e005c36a4f743';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
const churnRate = (rows: readonly ChurnRow[]): number =>
  rows.reduce((sum, row) => sum + row.churned, 0) / rows.length;

let rows: ChurnRow[];
let csv: string;

beforeAll(() => {
  rows = Array.from(generateChurnRows(SAMPLE_ROWS, SAMPLE_SEED));
  csv = churnCsv(SAMPLE_ROWS, SAMPLE_SEED);
});

describe('determinism', () => {
  it('produces the pinned bytes for the default seed', () => {
    expect(sha256(csv)).toBe(PINNED_SHA256);
  });

  it('gives identical output for the same seed', () => {
    expect(churnCsv(2_000, 7)).toBe(churnCsv(2_000, 7));
  });

  it('gives different output for different seeds', () => {
    expect(churnCsv(2_000, 7)).not.toBe(churnCsv(2_000, 8));
  });

  it('makes a shorter run a prefix of a longer one', () => {
    expect(Array.from(generateChurnRows(500, SAMPLE_SEED))).toEqual(rows.slice(0, 500));
  });
});

describe('CSV format', () => {
  it('has the header, one line per row, "\\n" line ends and ten fields per line', () => {
    const lines = csv.split('\n');
    expect(lines[0]).toBe(CHURN_COLUMNS.join(','));
    expect(lines.at(-1)).toBe(''); // a final line end, then nothing
    expect(lines).toHaveLength(SAMPLE_ROWS + 2);
    expect(csv.includes('\r')).toBe(false);
    expect(lines.slice(1, -1).filter((line) => line.split(',').length !== 10)).toEqual([]);
  });

  it('writes null as an empty field and money with cents', () => {
    const withNull = rows.findIndex((row) => row.last_chat_sentiment === null);
    const fields = csv.split('\n')[withNull + 1].split(',');
    expect(fields[8]).toBe('');
    expect(fields[5]).toMatch(/^\d+\.\d\d$/);
  });
});

describe('values', () => {
  it('has unique, well-formed ids and known categories', () => {
    expect(new Set(rows.map((row) => row.customer_id)).size).toBe(SAMPLE_ROWS);
    expect(rows[0].customer_id).toBe('C000001');
    expect(rows.at(-1)?.customer_id).toBe('C100000');
    const plans = new Set(rows.map((row) => row.plan));
    expect([...plans].sort()).toEqual(['basic', 'enterprise', 'premium', 'standard']);
    const regions = new Set(rows.map((row) => row.region));
    expect([...regions].sort()).toEqual(['APAC', 'EU', 'LATAM', 'NA']);
  });

  it('keeps every value in range and of the right type', () => {
    // Collect the offenders instead of asserting per row: a million expect() calls are slow,
    // and a list of bad rows says more than the first failure.
    const isCount = (n: number): boolean => Number.isInteger(n) && n >= 0;
    const bad = rows.filter((row) => {
      const s = row.last_chat_sentiment;
      return !(
        row.signup_date >= '2022-07-01' &&
        row.signup_date <= '2026-06-30' &&
        new Date(`${row.signup_date}T00:00:00Z`).toISOString().startsWith(row.signup_date) &&
        isCount(row.tenure_months) &&
        row.monthly_spend > 0 &&
        Math.round(row.monthly_spend * 100) / 100 === row.monthly_spend &&
        isCount(row.purchases_90d) &&
        isCount(row.support_contacts_90d) &&
        (s === null || (s >= -1 && s <= 1)) &&
        (row.churned === 0 || row.churned === 1)
      );
    });
    expect(bad).toEqual([]);
  });

  it('counts tenure to the snapshot for active customers and stops it early for churned ones', () => {
    const bad = rows.filter((row) => {
      const [y, m, d] = row.signup_date.split('-').map(Number);
      const monthsToSnapshot = (2026 - y) * 12 + (6 - m) - (d > 30 ? 1 : 0);
      return row.churned === 0
        ? row.tenure_months !== monthsToSnapshot
        : row.tenure_months >= monthsToSnapshot;
    });
    expect(bad).toEqual([]);
  });

  it('has realistic shares: plans, missing sentiment, overdispersed contacts', () => {
    const share = (test: (row: ChurnRow) => boolean): number =>
      rows.filter(test).length / rows.length;
    expect(share((row) => row.plan === 'basic')).toBeGreaterThan(0.35);
    expect(share((row) => row.plan === 'enterprise')).toBeLessThan(0.1);
    const missing = share((row) => row.last_chat_sentiment === null);
    expect(missing).toBeGreaterThan(0.1);
    expect(missing).toBeLessThan(0.5);
    const contacts = rows.map((row) => row.support_contacts_90d);
    const mean = contacts.reduce((a, b) => a + b, 0) / contacts.length;
    const variance = contacts.reduce((a, b) => a + (b - mean) ** 2, 0) / contacts.length;
    expect(variance).toBeGreaterThan(2 * mean);
  });
});

describe('churn signal', () => {
  it('has an overall churn rate between 15% and 25%', () => {
    const rate = churnRate(rows);
    expect(rate).toBeGreaterThan(0.15);
    expect(rate).toBeLessThan(0.25);
  });

  it('churns far more often after many support contacts', () => {
    const none = churnRate(rows.filter((row) => row.support_contacts_90d === 0));
    const many = churnRate(rows.filter((row) => row.support_contacts_90d >= 4));
    expect(many).toBeGreaterThan(2 * none);
    expect(many - none).toBeGreaterThan(0.2);
  });

  it('churns more after a negative last chat than after a positive one', () => {
    const chats = rows.filter((row) => row.last_chat_sentiment !== null);
    const negative = churnRate(chats.filter((row) => (row.last_chat_sentiment ?? 0) < -0.5));
    const positive = churnRate(chats.filter((row) => (row.last_chat_sentiment ?? 0) > 0.5));
    expect(negative).toBeGreaterThan(3 * positive);
  });

  it('churns less on bigger plans and most on basic in LATAM', () => {
    const byPlan = (plan: string): number => churnRate(rows.filter((row) => row.plan === plan));
    expect(byPlan('basic')).toBeGreaterThan(byPlan('premium'));
    expect(byPlan('premium')).toBeGreaterThan(byPlan('enterprise'));
    const basic = rows.filter((row) => row.plan === 'basic');
    const latam = churnRate(basic.filter((row) => row.region === 'LATAM'));
    const na = churnRate(basic.filter((row) => row.region === 'NA'));
    expect(latam - na).toBeGreaterThan(0.08);
  });
});
