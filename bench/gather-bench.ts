import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { pathToFileURL } from 'node:url';
import type { CustomerDataTableNames } from '../functions/adapters/dynamodb/customer-data-tables-layout.js';
import { DynamoDbAccessLogStore } from '../functions/adapters/dynamodb/dynamodb-access-log-store.js';
import { DynamoDbBillingStore } from '../functions/adapters/dynamodb/dynamodb-billing-store.js';
import { DynamoDbCustomerStore } from '../functions/adapters/dynamodb/dynamodb-customer-store.js';
import type { DoorEvent, Invoice } from '../functions/domain/customer-data/customer-records.js';
import { readAllPages } from '../functions/domain/gather/read-all-pages.js';
import { startDynamoDbLocal } from '../infra/local/emulators/dynamodb-local.js';
import { createCustomerDataTables } from '../infra/local/setup/create-customer-data-tables.js';

/** One size of the access log and how long gathering one customer took at that size. */
export interface GatherFlatnessPoint {
  /** Door events in the access-log table. */
  readonly totalEvents: number;
  /** Door events of the customer whose data was gathered. */
  readonly customerEvents: number;
  /** Median time to read all of that customer's events, profile and invoices through the adapters. */
  readonly millis: number;
  /** Events written to grow the table to this size, and how fast. */
  readonly filledEvents: number;
  readonly fillSeconds: number;
  readonly fillEventsPerSecond: number;
}

export interface GatherFlatnessOptions {
  /** Door events of the gathered customer (default 2,000). */
  readonly targetEvents?: number;
  /** Timed gathers per size; the median is reported (default 5). */
  readonly runs?: number;
  /** Door events of each filler customer (default 50). */
  readonly eventsPerFillerCustomer?: number;
  /** BatchWriteItem requests in flight while filling (default 16). */
  readonly concurrency?: number;
  readonly onProgress?: (line: string) => void;
}

const TARGET = 'bench-target';
const DAY = 86_400_000;
/** Events generated and written per round while filling. */
const FILL_ROUND = 25_000;

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** `count` events of one customer, one every few working hours back from `end`. */
function eventsOf(customerId: string, count: number, end: number, location: string): DoorEvent[] {
  return Array.from({ length: count }, (_, index) => ({
    eventId: `${customerId}-${index}`,
    customerId,
    at: new Date(end - index * 3 * 3_600_000 - (index % 7) * 61_000).toISOString(),
    location,
    door: index % 10 === 0 ? 'Sykkelrom' : 'Hovedinngang',
    result: 'granted' as const,
    restricted: false,
  }));
}

const monthlyInvoices = (customerId: string, months: number, end: Date): Invoice[] =>
  Array.from({ length: months }, (_, index) => {
    const issued = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - index, 1));
    const issuedOn = issued.toISOString().slice(0, 10);
    return {
      invoiceNo: `${issuedOn.slice(0, 7).replace('-', '')}-${customerId}`,
      customerId,
      issuedOn,
      dueOn: new Date(issued.getTime() + 14 * DAY).toISOString().slice(0, 10),
      amountOre: 2_490_00,
      description: 'Flex-medlemskap Bøler',
      status: 'paid' as const,
      restricted: false,
    };
  });

/**
 * Shows that gathering one customer's data does not slow down as the access log grows: for each
 * size (ascending), fills the access-log table with door events of many other customers up to
 * that many events in all (BatchWriteItem, `concurrency` requests in flight; the fill rate is
 * reported too), then times reading all of one customer's events (every page), profile and
 * invoices through the adapters, the median of `runs` gathers. Reads go by key, so the figure
 * should stay flat from ten thousand to a million events.
 *
 * Creates the tables if needed; meant for an empty, throw-away DynamoDB Local.
 */
export async function gatherFlatness(
  client: DynamoDBClient,
  tableNames: CustomerDataTableNames,
  sizes: readonly number[] = [10_000, 100_000, 1_000_000],
  options: GatherFlatnessOptions = {},
): Promise<GatherFlatnessPoint[]> {
  const targetEvents = options.targetEvents ?? 2_000;
  const runs = options.runs ?? 5;
  const perFiller = options.eventsPerFillerCustomer ?? 50;
  const concurrency = options.concurrency ?? 16;
  const progress = options.onProgress ?? (() => undefined);
  await createCustomerDataTables(client, tableNames);
  const customers = new DynamoDbCustomerStore(client, tableNames.customers);
  const billing = new DynamoDbBillingStore(client, tableNames.billing);
  const accessLog = new DynamoDbAccessLogStore(client, tableNames.accessLog);

  const end = new Date('2026-03-13T15:00:00.000Z');
  await customers.putRecords({
    profiles: [
      {
        customerId: TARGET,
        name: 'Bench Kunde',
        email: 'bench.kunde@example.no',
        phone: '+4793420183',
        preferences: { language: 'nb' },
        createdAt: '2020-01-02T09:00:00+01:00',
        version: 1,
      },
    ],
  });
  await billing.putRecords({ invoices: monthlyInvoices(TARGET, 72, end) });
  await accessLog.putRecords({ doorEvents: eventsOf(TARGET, targetEvents, end.getTime(), 'Bøler') }, { concurrency });

  let totalEvents = targetEvents;
  let fillerCustomers = 0;
  const points: GatherFlatnessPoint[] = [];
  for (const size of sizes) {
    if (size < totalEvents) throw new RangeError(`sizes must be ascending and at least ${totalEvents}`);
    const filledEvents = size - totalEvents;
    const fillStarted = performance.now();
    while (totalEvents < size) {
      const round: DoorEvent[] = [];
      while (round.length < FILL_ROUND && totalEvents + round.length < size) {
        const count = Math.min(perFiller, size - totalEvents - round.length);
        round.push(...eventsOf(`bench-${String(fillerCustomers++).padStart(7, '0')}`, count, end.getTime() - (fillerCustomers % 500) * DAY, 'Nydalen'));
      }
      await accessLog.putRecords({ doorEvents: round }, { concurrency });
      totalEvents += round.length;
    }
    const fillSeconds = (performance.now() - fillStarted) / 1000;
    const fillEventsPerSecond = filledEvents === 0 ? 0 : Math.round(filledEvents / fillSeconds);
    if (filledEvents > 0) progress(`filled ${filledEvents} events in ${fillSeconds.toFixed(1)} s (${fillEventsPerSecond}/s); table holds ${totalEvents}`);

    const gather = async (): Promise<{ millis: number; events: number }> => {
      const started = performance.now();
      const [profile, invoices, events] = await Promise.all([
        customers.getProfile(TARGET),
        readAllPages((cursor) => billing.invoices(TARGET, cursor)),
        readAllPages((cursor) => accessLog.events(TARGET, cursor)),
      ]);
      const millis = performance.now() - started;
      if (!profile || invoices.length !== 72 || events.length !== targetEvents) throw new Error('the gather read an incomplete history');
      return { millis, events: events.length };
    };
    await gather(); // warm-up: JIT and DynamoDB Local's caches
    const timings: number[] = [];
    for (let run = 0; run < runs; run++) timings.push((await gather()).millis);
    const millis = Number(median(timings).toFixed(1));
    progress(`${totalEvents} events: gathered ${targetEvents} events + profile + 72 invoices in ${millis} ms (median of ${runs})`);
    points.push({ totalEvents, customerEvents: targetEvents, millis, filledEvents, fillSeconds: Number(fillSeconds.toFixed(1)), fillEventsPerSecond });
  }
  return points;
}

/** `npx tsx bench/gather-bench.ts [size ...]`: runs against a fresh in-memory DynamoDB Local. */
async function main(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const sizes = process.argv.slice(2).map(Number);
  const dynamoDb = await startDynamoDbLocal({});
  const client = new DynamoDBClient({
    endpoint: dynamoDb.endpoint,
    region: 'eu-north-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    const names = { customers: 'bench-customers', billing: 'bench-billing', accessLog: 'bench-access-log' };
    const points = await gatherFlatness(client, names, sizes.length > 0 ? sizes : undefined, {
      onProgress: (line) => process.stdout.write(`  ${line}\n`),
    });
    process.stdout.write(
      [
        '',
        'Gather one customer (2,000 door events + profile + 72 invoices) as the access log grows',
        '  total events   gather (median)   fill rate',
        ...points.map(
          (point) =>
            `  ${point.totalEvents.toLocaleString('en-US').padStart(12)}   ${`${point.millis} ms`.padStart(15)}   ${point.fillEventsPerSecond.toLocaleString('en-US')} events/s`,
        ),
        '',
        `BENCH ${JSON.stringify({ gatherFlatness: points, node: process.version })}`,
        '',
      ].join('\n'),
    );
  } finally {
    client.destroy();
    await dynamoDb.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`gather bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
