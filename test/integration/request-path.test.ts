import { executionArnFor } from '../../infra/local/step-functions/arns.js';
import { DescribeExecutionCommand } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordDecision } from '../../functions/domain/workflow/record-decision.js';
import { StepFunctionsWorkflow } from '../../functions/adapters/sfn/step-functions-workflow.js';
import { createLogger } from '../../functions/platform/logger.js';
import { statutoryDeadline } from '../../functions/domain/deadline/index.js';
import { eventually, outbox, postRequest, startStackFixture, type StackFixture } from '../support/local-stack-fixture.js';
import { enterCode, latestCode } from '../support/rights-driver.js';

let fixture: StackFixture;

beforeAll(async () => {
  fixture = await startStackFixture();
});

afterAll(async () => {
  await fixture?.stack.stop();
});

const waitForStatus = (id: string, status: string) =>
  eventually(async () => {
    const request = await fixture.store.get(id);
    return request?.status === status ? request : undefined;
  }, `request ${id} to reach ${status}`);

const executionStatus = async (id: string): Promise<string | undefined> => {
  const result = await fixture.sfn.send(
    new DescribeExecutionCommand({ executionArn: executionArnFor(fixture.stack.environment.STATE_MACHINE_ARN!, id) }),
  );
  return result.status;
};

describe('a web request from POST to closed', () => {
  it('is stored once, acknowledged, approved through Step Functions, answered and closed', async () => {
    const email = `kari.${Date.now()}@example.no`;
    const body = { name: 'Kari Nordmann', email, types: ['access', 'erasure'], language: 'nb' };

    const first = await postRequest(fixture.stack.urls.app, body, { 'Idempotency-Key': 'form-123' });
    const again = await postRequest(fixture.stack.urls.app, body, { 'Idempotency-Key': 'form-123' });

    expect(first.status).toBe(202);
    expect(again).toEqual(first);
    const id = String(first.json.id);
    const stored = await fixture.store.get(id);
    expect(stored).toMatchObject({ channel: 'web', types: ['access', 'erasure'], requester: { email } });
    expect(first.json.dueDate).toBe(statutoryDeadline(stored!.receivedAt));

    const acknowledgement = await eventually(async () => (await outbox(fixture.stack.urls.ses, email))[0], 'acknowledgement');
    expect(acknowledgement.subject).toContain(id);
    expect(acknowledgement.body.text).toContain('Innsyn i opplysningene om meg');
    // The requester is not a customer: the code proves control of the given address.
    await waitForStatus(id, 'awaiting_verification');
    expect((await enterCode(fixture, id, await latestCode(fixture, email))).status).toBe(200);
    await waitForStatus(id, 'awaiting_approval');

    const deps = {
      store: fixture.store,
      callbacks: new StepFunctionsWorkflow(fixture.sfn, fixture.stack.environment.STATE_MACHINE_ARN!),
      now: () => new Date(),
      logger: createLogger('test', 'silent'),
    };
    // An erasure needs two different approvers: the first approval alone resumes nothing.
    const firstApproval = await recordDecision(deps, { requestId: id, outcome: 'approved', actor: 'staff:anne' });
    expect(firstApproval).toEqual({ delivered: false, awaitingSecondApprover: true });
    const secondApproval = await recordDecision(deps, { requestId: id, outcome: 'approved', actor: 'staff:bjorn' });
    expect(secondApproval.delivered).toBe(true);

    await waitForStatus(id, 'closed');
    // The request is closed by the last task; the execution ends a moment later.
    await eventually(async () => ((await executionStatus(id)) === 'SUCCEEDED' ? true : undefined), 'execution to succeed');
    const mails = await outbox(fixture.stack.urls.ses, email);
    expect(mails.map((mail) => mail.subject)).toEqual([
      `Vi har mottatt henvendelsen din – referanse ${id}`,
      `Engangskode for henvendelsen din – referanse ${id}`,
      `Henvendelsen din er behandlet – referanse ${id}`,
    ]);
    const trail = await fixture.store.auditTrail(id);
    const statuses = trail.filter((entry) => entry.toStatus).map((entry) => entry.toStatus);
    expect(statuses).toEqual(['received', 'awaiting_verification', 'gathering', 'awaiting_approval', 'carrying_out', 'replied', 'closed']);
    const events = trail.map((entry) => entry.event);
    for (const event of ['verification.verified', 'plan.built', 'decision.first_approval', 'decision.approved']) {
      expect(events).toContain(event);
    }
    expect(events.indexOf('decision.first_approval')).toBeLessThan(events.indexOf('decision.approved'));
  });

  it('answers 400 with field errors in the request language and writes nothing', async () => {
    const before = await countOpen();

    const response = await postRequest(fixture.stack.urls.app, {
      name: '',
      email: 'not-an-address',
      types: ['everything'],
      language: 'en',
    });

    expect(response.status).toBe(400);
    const errors = response.json.errors as { field: string; message: string }[];
    expect(errors.map((error) => error.field).sort()).toEqual(['email', 'name', 'types']);
    expect(errors.find((error) => error.field === 'email')?.message).toBe('Enter a valid e-mail address.');
    expect(await countOpen()).toBe(before);
  });

  it('refuses the same Idempotency-Key with a different body, keeping the first request only', async () => {
    const body = { name: 'Ola', email: `ola.${Date.now()}@example.no`, types: ['access'], language: 'nb' };
    const first = await postRequest(fixture.stack.urls.app, body, { 'Idempotency-Key': 'reused-key' });
    const before = await countOpen();

    const second = await postRequest(fixture.stack.urls.app, { ...body, types: ['erasure'] }, { 'Idempotency-Key': 'reused-key' });

    expect(first.status).toBe(202);
    expect(second.status).toBe(422);
    expect(await countOpen()).toBe(before);
  });
});

async function countOpen(): Promise<number> {
  let count = 0;
  for await (const _ of fixture.store.listOpen()) count++;
  return count;
}
