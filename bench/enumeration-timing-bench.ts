import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDbCustomerStore } from '../functions/adapters/dynamodb/dynamodb-customer-store.js';
import { LOCAL_CUSTOMER_DATA_TABLE_NAMES } from '../functions/adapters/dynamodb/customer-data-tables-layout.js';
import type { LocalStack } from '../infra/local/local-stack.js';
import { dynamoDbSeedTargets, seedStores } from '../infra/local/seed/seed-stores.js';
import { syntheticCustomers, type FeaturedCustomer } from '../infra/local/seed/synthetic-customers.js';

/**
 * The four kinds of request a stranger could use to probe who is a customer. The form's answer
 * is timed for all four; for the phone kinds, where the stranger gives their own address, also
 * the time until the stranger's code letter arrives (what they can watch from outside).
 */
export const PROBE_CLASSES = ['customerEmail', 'unknownEmail', 'customerPhone', 'unknownPhone'] as const;
export type ProbeClass = (typeof PROBE_CLASSES)[number];

export interface Spread {
  readonly p50: number;
  readonly p95: number;
}

export interface EnumerationTimingFigures {
  readonly rounds: number;
  /** Form POST to its answer, per class (ms). */
  readonly answerMillis: Record<ProbeClass, Spread>;
  /** Form POST to the code letter in the asker's inbox, for the classes where the asker gives their own address (ms). */
  readonly codeLetterMillis: Record<'customerPhone' | 'unknownPhone', Spread>;
  /**
   * Customer median over the unknown median, per pair: near 1 when both take the same path.
   * Mann-Whitney's rank-biserial effect size (−1…1, 0 = indistinguishable) says how often one class is slower.
   */
  readonly comparison: Record<'answerByEmail' | 'answerByPhone' | 'codeLetterByPhone', { readonly medianRatio: number; readonly effectSize: number }>;
}

const percentile = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
};
const spread = (values: readonly number[]): Spread => ({ p50: Number(percentile(values, 0.5).toFixed(1)), p95: Number(percentile(values, 0.95).toFixed(1)) });

/** Rank-biserial correlation of two samples: P(a > b) − P(a < b). */
function effectSize(a: readonly number[], b: readonly number[]): number {
  let greater = 0;
  let less = 0;
  for (const x of a) for (const y of b) x > y ? greater++ : x < y ? less++ : undefined;
  return Number(((greater - less) / (a.length * b.length)).toFixed(3));
}

const compare = (customer: readonly number[], unknown: readonly number[]) => ({
  medianRatio: Number((percentile(customer, 0.5) / percentile(unknown, 0.5)).toFixed(3)),
  effectSize: effectSize(customer, unknown),
});

interface StoredMail {
  readonly subject: string;
  readonly destination: { readonly to: readonly string[] };
  readonly body: { readonly text?: string };
}

/** The code letters of request `id` in the local SES, by recipient. */
async function codeLetters(sesUrl: string, id: string): Promise<string[]> {
  const { emails } = (await (await fetch(new URL('/store', sesUrl))).json()) as { emails: StoredMail[] };
  return emails.filter((mail) => mail.subject.includes(id) && /\b\d{6}\b/.test(mail.body.text ?? '')).flatMap((mail) => [...mail.destination.to]);
}

/** How many code letters each class's request sends: a customer's phone also mails the registered address. */
const EXPECTED_CODE_LETTERS: Record<ProbeClass, number> = { customerEmail: 1, unknownEmail: 1, customerPhone: 2, unknownPhone: 1 };

/**
 * Seeds `rounds` customers (one registered address each, so the per-address limit never
 * answers) and sends, round after round, one request of each class in turn, so drift in the
 * machine's load falls on every class alike. The form answers before any customer lookup (the
 * intake may only write the requests table), so the classes should not differ; this measures it.
 */
export async function enumerationTiming(stack: LocalStack, rounds: number): Promise<EnumerationTimingFigures> {
  const featured: FeaturedCustomer[] = Array.from({ length: rounds }, (_, index) => ({
    name: `Probe Kunde ${index}`,
    email: `probe.kunde.${index}.${process.pid}@example.no`,
    subscriptions: 'active',
  }));
  const client = new DynamoDBClient({});
  await seedStores(dynamoDbSeedTargets(client, LOCAL_CUSTOMER_DATA_TABLE_NAMES), syntheticCustomers({ count: rounds, seed: 11, now: new Date(), featured, doorEventsPerCustomer: 5 }));
  const customers = new DynamoDbCustomerStore(client, LOCAL_CUSTOMER_DATA_TABLE_NAMES.customers);
  const phones: string[] = [];
  for (const customer of featured) {
    const [id] = await customers.findByEmail(customer.email);
    const phone = id ? (await customers.getProfile(id))?.phone : undefined;
    if (phone) phones.push(phone);
  }

  const answers: Record<ProbeClass, number[]> = { customerEmail: [], unknownEmail: [], customerPhone: [], unknownPhone: [] };
  const letters: Record<'customerPhone' | 'unknownPhone', number[]> = { customerPhone: [], unknownPhone: [] };
  for (let round = 0; round < rounds; round++) {
    // Each class takes each place in the round equally often, and each probe starts on a quiet
    // system (the one before it has sent all its letters), so no class inherits another's load.
    const order = PROBE_CLASSES.map((_, index) => PROBE_CLASSES[(index + round) % PROBE_CLASSES.length]!);
    for (const probe of order) {
      const stranger = `probe.${probe.toLowerCase()}.${round}.${process.pid}@example.no`;
      const body = {
        language: 'nb',
        name: 'Probe',
        types: ['access'],
        email: probe === 'customerEmail' ? featured[round]!.email : stranger,
        ...(probe === 'customerPhone' ? { phone: phones[round % phones.length] } : probe === 'unknownPhone' ? { phone: `+47 999 ${String(10_000 + round).slice(-5)}` } : {}),
      };
      const started = performance.now();
      const response = await fetch(new URL('/api/requests', stack.urls.app), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const answer = await response.text();
      answers[probe].push(performance.now() - started);
      if (response.status !== 202) throw new Error(`probe ${probe} answered ${response.status}`);
      const { id } = JSON.parse(answer) as { id: string };
      let strangerLetterAt: number | undefined;
      for (;;) {
        const to = await codeLetters(stack.urls.ses, id);
        if (strangerLetterAt === undefined && to.includes(stranger)) strangerLetterAt = performance.now();
        if (to.length >= EXPECTED_CODE_LETTERS[probe]) break;
        if (performance.now() - started > 30_000) throw new Error(`the ${probe} probe's code letters did not all arrive`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      if (probe === 'customerPhone' || probe === 'unknownPhone') letters[probe].push(strangerLetterAt! - started);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }
  return {
    rounds,
    answerMillis: Object.fromEntries(PROBE_CLASSES.map((probe) => [probe, spread(answers[probe])])) as Record<ProbeClass, Spread>,
    codeLetterMillis: { customerPhone: spread(letters.customerPhone), unknownPhone: spread(letters.unknownPhone) },
    comparison: {
      answerByEmail: compare(answers.customerEmail, answers.unknownEmail),
      answerByPhone: compare(answers.customerPhone, answers.unknownPhone),
      codeLetterByPhone: compare(letters.customerPhone, letters.unknownPhone),
    },
  };
}

/** The bench's lines for these figures. */
export function enumerationTimingLines(figures: EnumerationTimingFigures): string[] {
  const row = (label: string, value: Spread) => `  ${label.padEnd(34)} p50 ${String(value.p50).padStart(7)} ms, p95 ${String(value.p95).padStart(7)} ms`;
  const verdict = (label: string, value: { medianRatio: number; effectSize: number }) =>
    `  ${label.padEnd(34)} median ratio ${value.medianRatio}, effect size ${value.effectSize} (0 = indistinguishable)`;
  return [
    `Who is a customer? Timing by class (${figures.rounds} rounds, classes interleaved)`,
    row('answer, customer’s e-mail', figures.answerMillis.customerEmail),
    row('answer, unknown e-mail', figures.answerMillis.unknownEmail),
    row('answer, customer’s phone', figures.answerMillis.customerPhone),
    row('answer, unknown phone', figures.answerMillis.unknownPhone),
    row('code letter, customer’s phone', figures.codeLetterMillis.customerPhone),
    row('code letter, unknown phone', figures.codeLetterMillis.unknownPhone),
    verdict('answer by e-mail', figures.comparison.answerByEmail),
    verdict('answer by phone', figures.comparison.answerByPhone),
    verdict('code letter by phone', figures.comparison.codeLetterByPhone),
  ];
}
