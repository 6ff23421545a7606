import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDbRequestStore } from '../functions/adapters/dynamodb/dynamodb-request-store.js';
import { nearestRankPercentile } from '../functions/domain/case-register/percentile.js';
import { ENV } from '../functions/platform/env-names.js';
import type { LocalStack } from '../infra/local/local-stack.js';
import { localStaffToken } from '../test/support/staff-token.js';

export interface ConsolePageFigure {
  readonly page: string;
  readonly medianMillis: number;
  readonly p90Millis: number;
  readonly bytes: number;
}

/**
 * How long the console's heaviest pages take, signed in as the privacy officer, with everything
 * the bench has put in the stack (the intake run leaves hundreds of open cases): the queue (open
 * index + batched key reads), the dashboard and the register (the all-requests index).
 */
export async function consolePageTimes(stack: LocalStack, rounds = 20): Promise<{ open: number; figures: ConsolePageFigure[] }> {
  const token = localStaffToken(stack.environment, 'personvernombud', ['staff', 'privacy-officer']);
  const headers = { authorization: `Bearer ${token}` };
  const figures: ConsolePageFigure[] = [];
  const store = new DynamoDbRequestStore(new DynamoDBClient({}), stack.environment[ENV.requestsTable]!);
  let open = 0;
  for await (const _ of store.listOpen()) open += 1;
  for (const page of ['/console', '/console/dashboard', '/console/register.csv']) {
    const times: number[] = [];
    let bytes = 0;
    for (let round = 0; round < rounds + 2; round++) {
      const started = performance.now();
      const response = await fetch(`${stack.urls.app}${page}`, { headers });
      const body = await response.text();
      if (response.status !== 200) throw new Error(`${page} answered ${response.status}`);
      if (round >= 2) times.push(performance.now() - started); // two warm-up rounds
      bytes = Buffer.byteLength(body);
    }
    figures.push({ page, medianMillis: nearestRankPercentile(times, 50) ?? 0, p90Millis: nearestRankPercentile(times, 90) ?? 0, bytes });
  }
  return { open, figures };
}
