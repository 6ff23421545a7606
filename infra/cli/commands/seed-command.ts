import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { CustomerDataTableNames, RecordKind } from '../../../functions/adapters/dynamodb/customer-data-tables-layout.js';
import { dynamoDbSeedTargets, seedStores } from '../../local/seed/seed-stores.js';
import { syntheticCustomerBatches } from '../../local/seed/synthetic-customers.js';
import { UsageError } from '../cli-errors.js';

export const MAX_SEED_CUSTOMERS = 100_000;
export const DEFAULT_SEED = 1;

export interface SeedCommandDeps {
  readonly dynamoDb: DynamoDBClient;
  readonly tableNames: CustomerDataTableNames;
  /** The moment the synthetic history ends; the current time when not given. */
  readonly now?: () => Date;
  /** Time source for the elapsed figure, in ms. */
  readonly clock?: () => number;
}

/** Customers generated and written per round, so memory stays flat however many are asked for. */
const CUSTOMERS_PER_ROUND = 250;

const KIND_LABELS: Readonly<Record<RecordKind, string>> = {
  profiles: 'profiles',
  subscriptions: 'subscriptions',
  consents: 'consents',
  reservations: 'channel reservations',
  notes: 'service notes',
  invoices: 'invoices',
  payments: 'payments',
  doorEvents: 'door events',
};

/**
 * `dsr seed --customers N [--seed S]`: writes N synthetic customers with six years of history
 * into the customer-data tables (the same seed gives the same customers, so running it again
 * rewrites them rather than adding more). Returns a summary with counts per kind and the time.
 *
 * @throws {UsageError} when N is not a whole number from 1 to 100 000, or the seed is not a whole number ≥ 0
 */
export async function seedCommand(options: { readonly customers: number; readonly seed?: number }, deps: SeedCommandDeps): Promise<string> {
  const { customers } = options;
  if (!Number.isInteger(customers) || customers < 1 || customers > MAX_SEED_CUSTOMERS) {
    throw new UsageError(`--customers must be a whole number from 1 to ${MAX_SEED_CUSTOMERS.toLocaleString('en-US')}, got ${String(customers)}`);
  }
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isSafeInteger(seed) || seed < 0) throw new UsageError(`--seed must be a whole number of 0 or more, got ${String(seed)}`);
  const clock = deps.clock ?? (() => performance.now());
  const started = clock();
  const stores = dynamoDbSeedTargets(deps.dynamoDb, deps.tableNames);
  const totals = Object.fromEntries(Object.keys(KIND_LABELS).map((kind) => [kind, 0])) as Record<RecordKind, number>;
  const batches = syntheticCustomerBatches({ count: customers, seed, now: deps.now?.() ?? new Date() }, CUSTOMERS_PER_ROUND);
  for (const batch of batches) {
    const counts = await seedStores(stores, batch);
    for (const kind of Object.keys(counts) as RecordKind[]) totals[kind] += counts[kind];
  }
  const seconds = (clock() - started) / 1000;
  const items = Object.values(totals).reduce((sum, count) => sum + count, 0);
  const width = Math.max(...Object.values(totals).map((count) => count.toLocaleString('en-US').length));
  return [
    `Seeded ${customers.toLocaleString('en-US')} synthetic customers (seed ${seed}) in ${seconds.toFixed(1)} s ` +
      `(${Math.round(items / Math.max(seconds, 0.001)).toLocaleString('en-US')} items/s):`,
    ...(Object.keys(KIND_LABELS) as RecordKind[]).map(
      (kind) => `  ${totals[kind].toLocaleString('en-US').padStart(width)} ${KIND_LABELS[kind]}`,
    ),
    `  tables: ${deps.tableNames.customers}, ${deps.tableNames.billing}, ${deps.tableNames.accessLog}`,
  ].join('\n');
}
