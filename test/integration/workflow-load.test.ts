import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUEST_TYPES } from '../../functions/domain/request/request-vocabulary.js';
import { workflowLoad } from '../../bench/workflow-load-bench.js';
import { startStackFixture, type StackFixture } from '../support/local-stack-fixture.js';

let fixture: StackFixture;
beforeAll(async () => {
  // As the bench runs it: functions in worker threads, each an environment of its own.
  fixture = await startStackFixture({ redrive: false, functionWorkers: 2 });
});
afterAll(async () => fixture?.stack.stop());

describe('many requests at once through the whole workflow (the bench driver, small)', () => {
  it('closes every one, by form and by mail, with none lost or started twice', async () => {
    const total = REQUEST_TYPES.length * 3;
    const figures = await workflowLoad(fixture.stack, { total, concurrency: 8, mailShare: 0.4, timeoutSeconds: 150 });
    expect(figures.unfinished).toEqual({});
    expect(figures.lost).toBe(0);
    expect(figures.duplicated).toBe(0);
    expect(figures.closed).toBe(total);
    expect(figures.byChannel.email).toBeGreaterThan(0);
    expect(Object.keys(figures.byType).sort()).toEqual([...REQUEST_TYPES].sort());
    expect(figures.closingMillis.p95).toBeGreaterThanOrEqual(figures.closingMillis.p50);
    // The workers' calls are counted too: every request is read and written in DynamoDB.
    expect(figures.awsCallsPerRequest.byService.dynamodb).toBeGreaterThan(10);
  }, 240_000);
});
