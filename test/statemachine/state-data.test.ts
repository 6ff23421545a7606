import { afterEach, describe, expect, it, vi } from 'vitest';
import { REQUEST_ID_PATTERN } from '../../functions/domain/request/request-id.js';
import { OBJECT_KEYS } from '../../functions/domain/storage/object-store.js';
import {
  createFakeWorkflow,
  INSTANT_RETRIES,
  KNOWN_PERSONAL_DATA,
  REQUESTER,
  stopFakeWorkflows,
  traceStateData,
  VERIFICATION_AFTER_REMINDER_TIMEOUT_MS,
  VERIFICATION_TIMEOUT_MS,
  type FakeWorkflow,
  type StateData,
} from './fake-workflow.js';

/**
 * Personal data never travels through the workflow: executions carry the request id, outcomes,
 * S3 keys and record counts; the functions look everything else up and write gathered data to the
 * encrypted bucket. Step Functions keeps every state's input and output in the execution history,
 * which cannot be erased on request, so nothing else may go there.
 */

/** Request ids in the format the intake issues (the execution name). */
const ERASURE = 'NK-20250110-7KQ4M2P0';
const REFUSED = 'NK-20250110-7KQ4M2P1';
const FLAGGED = 'NK-20250110-7KQ4M2P2';
const UNVERIFIED = 'NK-20250110-7KQ4M2P3';

/** An object key under a request's own prefix: `requests/<id>/…` or `exports/<id>/…`. */
function isObjectKey(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const [area, requestId, ...rest] = value.split('/');
  return (
    (area === 'requests' || area === 'exports') &&
    REQUEST_ID_PATTERN.test(requestId ?? '') &&
    rest.length > 0 &&
    rest.every((part) => /^[a-z0-9-]+(\.[a-z]+)?$/.test(part))
  );
}

const ERROR_NAME = /^[A-Za-z][A-Za-z0-9.]*$/;

/** What each field the state data may hold must look like. */
const FIELD_RULES: Record<string, (value: unknown) => boolean> = {
  requestId: (value) => typeof value === 'string' && REQUEST_ID_PATTERN.test(value),
  verification: isObject,
  alreadyVerified: (value) => typeof value === 'boolean',
  // Which paths the request takes (from Acknowledge and StopMarketing): flags only.
  route: isObject,
  marketingStop: (value) => typeof value === 'boolean' || isObject(value),
  processingObjection: (value) => typeof value === 'boolean',
  otherRights: (value) => typeof value === 'boolean',
  decision: isObject,
  outcome: (value) => value === 'approved' || value === 'rejected',
  key: isObjectKey,
  records: (value) => Number.isInteger(value) && (value as number) >= 0,
  failure: isObject,
  Error: (value) => typeof value === 'string' && ERROR_NAME.test(value),
  Cause: (value) => typeof value === 'string',
};

/** Payload fields the functions may receive from the workflow. */
const PAYLOAD_FIELDS = ['requestId', 'taskToken', 'outcome', 'failure', 'action'];

function isObject(value: unknown): boolean {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Every field of `data` that is not an id, outcome, key or count, as `path: value` lines. */
function disallowedFields(data: unknown, path = '$'): string[] {
  if (Array.isArray(data)) return data.flatMap((item, index) => disallowedFields(item, `${path}[${index}]`));
  if (!isObject(data)) return [`${path}: ${JSON.stringify(data)}`];
  return Object.entries(data as Record<string, unknown>).flatMap(([field, value]) => {
    const rule = FIELD_RULES[field];
    const here = `${path}.${field}`;
    if (!rule || !rule(value)) return [`${here}: ${JSON.stringify(value)}`];
    return isObject(value) ? disallowedFields(value, here) : [];
  });
}

function expectNoPersonalData(text: string): void {
  for (const personal of KNOWN_PERSONAL_DATA) expect(text).not.toContain(personal);
}

/** Runs `scenario` with the state data traced, then checks every piece of it. */
async function expectOnlyIdsOutcomesKeysAndCounts(
  workflow: FakeWorkflow,
  scenario: (workflow: FakeWorkflow) => Promise<string>,
): Promise<StateData[]> {
  const trace = traceStateData();
  let arn: string;
  try {
    arn = await scenario(workflow);
  } finally {
    trace.stop();
  }
  const description = workflow.executor.describeExecution(arn);

  expect(trace.entries.length).toBeGreaterThan(0);
  const states = new Set(trace.entries.map((entry) => entry.state));
  for (const state of workflow.executor.stateHistory(arn)) expect(states, state).toContain(state);
  for (const entry of trace.entries) {
    expect(disallowedFields(entry.data), `${entry.event} ${entry.state ?? ''}`).toEqual([]);
  }
  expect(disallowedFields(JSON.parse(description.input))).toEqual([]);
  if (description.output !== undefined) expect(disallowedFields(JSON.parse(description.output))).toEqual([]);

  for (const [folder, events] of Object.entries(workflow.calls)) {
    for (const event of events) {
      expect(Object.keys(event as object).filter((field) => !PAYLOAD_FIELDS.includes(field)), folder).toEqual([]);
    }
  }

  expectNoPersonalData(
    JSON.stringify({ entries: trace.entries, description, calls: workflow.calls, history: workflow.executor.stateHistory(arn) }),
  );
  return trace.entries;
}

afterEach(() => {
  stopFakeWorkflows();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('state data carries ids, outcomes, keys and counts only', () => {
  it('approved erasure: the gathered personal data is in the bucket, the execution holds only keys and counts', async () => {
    const workflow = createFakeWorkflow({ requests: { [ERASURE]: { type: 'erasure' } } });
    const entries = await expectOnlyIdsOutcomesKeysAndCounts(workflow, async ({ start, verify, decide, executor }) => {
      const arn = start(ERASURE);
      await verify();
      await decide('approved');
      expect((await executor.waitForCompletion(arn)).status).toBe('SUCCEEDED');
      return arn;
    });

    // What the branches passed on: exactly a key and a count each.
    const branchOutputs = entries
      .filter((entry) => entry.event === 'StateExited' && entry.state?.startsWith('Gather') && entry.state !== 'Gather')
      .map((entry) => [entry.state, entry.data]);
    expect(Object.fromEntries(branchOutputs)).toEqual({
      GatherSubscriptions: { key: OBJECT_KEYS.gathered(ERASURE, 'subscriptions'), records: 2 },
      GatherBilling: { key: OBJECT_KEYS.gathered(ERASURE, 'billing'), records: 1 },
      GatherAccessLog: { key: OBJECT_KEYS.gathered(ERASURE, 'access-log'), records: 3 },
    });
    expect(workflow.world.objects.get(OBJECT_KEYS.gathered(ERASURE, 'access-log'))).toContain(REQUESTER.email);
    // The Parallel's results are dropped (ResultPath null): later states see only the id.
    const planInput = entries.find((entry) => entry.event === 'StateEntered' && entry.state === 'PlanRequest');
    expect(planInput?.data).toEqual({
      requestId: ERASURE,
      route: { marketingStop: false, processingObjection: false },
      verification: { alreadyVerified: false },
    });
  });

  it('refused request', async () => {
    const workflow = createFakeWorkflow({ requests: { [REFUSED]: { type: 'access' } } });
    await expectOnlyIdsOutcomesKeysAndCounts(workflow, async ({ start, verify, decide, executor }) => {
      const arn = start(REFUSED);
      await verify();
      await decide('rejected');
      expect((await executor.waitForCompletion(arn)).status).toBe('SUCCEEDED');
      return arn;
    });
    // The fakes did handle personal data, so its absence from the execution means something.
    expect(workflow.world.objects.get(OBJECT_KEYS.gathered(REFUSED, 'subscriptions'))).toContain(REQUESTER.email);
  });

  it('flagged request: the failure carries the error name and an id-only cause', async () => {
    const workflow = createFakeWorkflow({
      behaviours: {
        'carry-out': async (event) => {
          const error = new Error(`export for ${(event as { requestId: string }).requestId} failed`);
          error.name = 'ExportFailedError';
          throw error;
        },
      },
      retryIntervalOverrides: INSTANT_RETRIES,
    });
    const entries = await expectOnlyIdsOutcomesKeysAndCounts(workflow, async ({ start, verify, decide, executor }) => {
      const arn = start(FLAGGED);
      await verify();
      await decide('approved');
      expect((await executor.waitForCompletion(arn)).status).toBe('FAILED');
      return arn;
    });
    expect(workflow.world.objects.get(OBJECT_KEYS.gathered(FLAGGED, 'billing'))).toContain(REQUESTER.name);
    const flagInput = entries.find((entry) => entry.event === 'StateEntered' && entry.state === 'FlagNeedsAttention');
    expect(flagInput?.data).toMatchObject({ requestId: FLAGGED, failure: { Error: 'ExportFailedError' } });
  });

  it('unverified request: nothing gathered, nothing personal', async () => {
    vi.useFakeTimers();
    const workflow = createFakeWorkflow();
    await expectOnlyIdsOutcomesKeysAndCounts(workflow, async ({ start, called, executor }) => {
      const arn = start(UNVERIFIED);
      await called('await-verification');
      await vi.advanceTimersByTimeAsync(VERIFICATION_TIMEOUT_MS);
      await called('await-verification', 2);
      await vi.advanceTimersByTimeAsync(VERIFICATION_AFTER_REMINDER_TIMEOUT_MS);
      expect((await executor.waitForCompletion(arn)).status).toBe('SUCCEEDED');
      return arn;
    });
    expect(workflow.world.objects.size).toBe(0);
  });

  it('the checker itself rejects personal data and unknown fields', () => {
    expect(disallowedFields({ requestId: ERASURE, email: REQUESTER.email })).toEqual([`$.email: "${REQUESTER.email}"`]);
    expect(disallowedFields({ requestId: REQUESTER.email })).toHaveLength(1);
    expect(disallowedFields({ key: OBJECT_KEYS.gathered(ERASURE, 'billing'), records: 1.5 })).toHaveLength(1);
    expect(disallowedFields({ key: `requests/${ERASURE}/${REQUESTER.email}.json`, records: 1 })).toHaveLength(1);
    expect(disallowedFields({ key: `requests/${REQUESTER.name}/plan.json`, records: 1 })).toHaveLength(1);
    expect(disallowedFields({ decision: { outcome: 'approved', note: 'call Kari' } })).toEqual(['$.decision.note: "call Kari"']);
    expect(disallowedFields({ verification: { alreadyVerified: false, email: REQUESTER.email } })).toHaveLength(1);
    expect(disallowedFields([{ key: OBJECT_KEYS.gathered(ERASURE, 'billing'), records: 2 }])).toEqual([]);
    expect(disallowedFields({ key: OBJECT_KEYS.plan(ERASURE) })).toEqual([]);
    expect(disallowedFields({ key: OBJECT_KEYS.exportPackage(ERASURE) })).toEqual([]);
  });
});
