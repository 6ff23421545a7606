import { executionArnFor } from '../infra/local/step-functions/arns.js';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { LOCAL_CUSTOMER_DATA_TABLE_NAMES } from '../functions/adapters/dynamodb/customer-data-tables-layout.js';
import { MARKETING_STOP_TYPES, REQUEST_TYPES, type RequestType } from '../functions/domain/request/request-vocabulary.js';
import type { LocalStack } from '../infra/local/local-stack.js';
import { dynamoDbSeedTargets, seedStores } from '../infra/local/seed/seed-stores.js';
import { syntheticCustomers } from '../infra/local/seed/synthetic-customers.js';
import { DynamoDbRequestStore } from '../functions/adapters/dynamodb/dynamodb-request-store.js';
import { SFNClient } from '@aws-sdk/client-sfn';
import { staffPost, submitVerified, waitForStatus } from '../test/support/rights-driver.js';
import { postRequest, type StackFixture } from '../test/support/local-stack-fixture.js';

export interface TransitionCount {
  readonly path: string;
  /** States entered from start to end (Parallel branches included), as the executor records them. */
  readonly states: number;
  /** Marketing stops: milliseconds from the POST to the closed request (the goal is under a minute). */
  readonly stopMillis?: number;
}

/**
 * Runs one request of each type (and a refusal) through the running local stack on seeded
 * customers, end to end, and counts the state transitions each took — the figure Step Functions
 * bills by and a guard against a workflow that grows by accident.
 */
export async function transitionsPerType(stack: LocalStack): Promise<TransitionCount[]> {
  const fixture: StackFixture = {
    stack,
    store: new DynamoDbRequestStore(new DynamoDBClient({}), stack.environment.REQUESTS_TABLE_NAME!),
    sfn: new SFNClient({}),
  };
  const paths: (RequestType | 'refused')[] = [...REQUEST_TYPES, 'refused'];
  const people = paths.map((path, index) => ({
    name: `Bench ${path}`,
    email: `bench.${index}.${path.replace('_', '-')}@example.no`,
    subscriptions: 'active' as const,
  }));
  await seedStores(
    dynamoDbSeedTargets(new DynamoDBClient({}), LOCAL_CUSTOMER_DATA_TABLE_NAMES),
    syntheticCustomers({ count: people.length, seed: 11, now: new Date(), featured: people }),
  );
  const counts: TransitionCount[] = [];
  for (const [index, path] of paths.entries()) {
    const person = people[index]!;
    const type: RequestType = path === 'refused' ? 'access' : path;
    if (MARKETING_STOP_TYPES.includes(type)) {
      // The fast path: no code, no decision; timed from the POST to the closed request.
      const started = performance.now();
      const response = await postRequest(stack.urls.app, { name: person.name, email: person.email, types: [type], language: 'nb' });
      const stopId = String(response.json.id);
      await waitForStatus(fixture, stopId, 'closed');
      const stopMillis = performance.now() - started;
      const stopArn = executionArnFor(stack.environment.STATE_MACHINE_ARN!, stopId);
      await stack.executor.waitForCompletion(stopArn);
      counts.push({ path, states: stack.executor.stateHistory(stopArn).length, stopMillis });
      continue;
    }
    const id = await submitVerified(fixture, { name: person.name, email: person.email, types: [type] });
    if (path === 'refused') {
      await staffPost(fixture, id, 'decision', { outcome: 'rejected', reason: 'Benchmark refusal.' });
    } else {
      const body =
        type === 'rectification'
          ? { outcome: 'approved', corrections: [{ field: 'phone', to: '+4791234567' }] }
          : type === 'processing_objection'
            ? { outcome: 'approved', reason: 'Benchmark: the objection is upheld after weighing the interests.' }
            : { outcome: 'approved' };
      for (const staff of type === 'erasure' ? ['anne', 'bjorn'] : ['anne']) await staffPost(fixture, id, 'decision', body, staff);
    }
    await waitForStatus(fixture, id, 'closed');
    const executionArn = executionArnFor(stack.environment.STATE_MACHINE_ARN!, id);
    await stack.executor.waitForCompletion(executionArn);
    counts.push({ path, states: stack.executor.stateHistory(executionArn).length });
  }
  return counts;
}
