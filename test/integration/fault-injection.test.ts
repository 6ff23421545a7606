import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { ExecutionAlreadyExists, SFNClient } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbAuditChain } from '../../functions/adapters/dynamodb/dynamodb-audit-chain.js';
import { DynamoDbLetterOutbox } from '../../functions/adapters/dynamodb/dynamodb-letter-outbox.js';
import { DynamoDbRequestStore } from '../../functions/adapters/dynamodb/dynamodb-request-store.js';
import { S3ObjectStore } from '../../functions/adapters/s3/s3-object-store.js';
import { StepFunctionsWorkflow } from '../../functions/adapters/sfn/step-functions-workflow.js';
import { verifyAuditChain } from '../../functions/domain/audit/audit-chain.js';
import type { MailTransport, OutgoingMail } from '../../functions/domain/mail/mailer.js';
import { RecordingMailer } from '../../functions/domain/mail/recording-mailer.js';
import { startDynamoDbLocal, type DynamoDbLocal } from '../../infra/local/emulators/dynamodb-local.js';
import { createRequestsTable } from '../../infra/local/setup/create-requests-table.js';
import { aRightsRequest } from '../unit/fixtures/rights-request-fixture.js';

const TABLE = 'fault-requests';
const LOCAL = { region: 'eu-north-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };

/** An error the SDK's standard retry treats as throttling (by name, as AWS sends it). */
const throttled = (name: string): Error => Object.assign(new Error('Rate exceeded'), { name, $metadata: { httpStatusCode: 400 } });


/**
 * Puts a fault injector inside the SDK's retry loop (the deserialize step runs per attempt):
 * `plan` decides per call of a command whether it throws, passes through, or answers `output`.
 */
function injectFaults(
  client: { readonly middlewareStack: unknown },
  plan: (command: string, attempt: number) => { throw: Error } | { output: Record<string, unknown> } | 'pass',
): { calls: Map<string, number> } {
  const calls = new Map<string, number>();
  (client.middlewareStack as { add: (middleware: unknown, options: { step: string; name: string }) => void }).add(
    (next: (args: unknown) => Promise<unknown>, context: { commandName: string }) => async (args: unknown) => {
      const attempt = (calls.get(context.commandName) ?? 0) + 1;
      calls.set(context.commandName, attempt);
      const decision = plan(context.commandName, attempt);
      if (decision === 'pass') return next(args);
      if ('throw' in decision) throw decision.throw;
      return { response: { statusCode: 200, headers: {} }, output: { $metadata: {}, ...decision.output } };
    },
    { step: 'deserialize', name: 'faultInjector' },
  );
  return { calls };
}

let dynamo: DynamoDbLocal;
beforeAll(async () => {
  dynamo = await startDynamoDbLocal({});
  await createRequestsTable(new DynamoDBClient({ endpoint: dynamo.endpoint, ...LOCAL }), TABLE);
});
afterAll(async () => dynamo?.stop());

const dynamoClient = () => new DynamoDBClient({ endpoint: dynamo.endpoint, ...LOCAL });
let serial = 0;
const freshRequest = () => aRightsRequest({ id: `NK-20261207-FAVLT${String(++serial).padStart(3, '0')}`.replace(/[ILOU]/g, 'X') });

describe('DynamoDB throttled and failing', () => {
  it('retries throttled writes: the request and its audit entries are written once, the chain whole', async () => {
    const client = dynamoClient();
    const { calls } = injectFaults(client, (command, attempt) =>
      command === 'TransactWriteItemsCommand' && attempt % 3 !== 0 ? { throw: throttled('ProvisionedThroughputExceededException') } : 'pass',
    );
    const store = new DynamoDbRequestStore(client, TABLE);
    const request = freshRequest();

    await store.create(request, { requestId: request.id, at: request.receivedAt, event: 'request.received', actor: 'requester' });
    await store.apply(request.id, {
      expectedVersion: request.version,
      set: { status: 'awaiting_verification', updatedAt: request.receivedAt },
      audit: { requestId: request.id, at: request.receivedAt, event: 'status.changed', fromStatus: 'received', toStatus: 'awaiting_verification', actor: 'system:test' },
    });

    expect(calls.get('TransactWriteItemsCommand')).toBe(6);
    const chain = await new DynamoDbAuditChain(dynamoClient(), TABLE).read(request.id);
    expect(verifyAuditChain(chain.links, chain.head)).toMatchObject({ ok: true, entries: 2 });
    expect((await store.get(request.id))?.status).toBe('awaiting_verification');
  });

  it('fails the change when retries run out and leaves nothing half-written', async () => {
    const healthy = new DynamoDbRequestStore(dynamoClient(), TABLE);
    const request = freshRequest();
    await healthy.create(request, { requestId: request.id, at: request.receivedAt, event: 'request.received', actor: 'requester' });
    const client = dynamoClient();
    injectFaults(client, (command) => (command === 'TransactWriteItemsCommand' ? { throw: throttled('ThrottlingException') } : 'pass'));

    await expect(
      new DynamoDbRequestStore(client, TABLE).apply(request.id, {
        expectedVersion: request.version,
        set: { status: 'awaiting_verification', updatedAt: request.receivedAt },
        audit: { requestId: request.id, at: request.receivedAt, event: 'status.changed', actor: 'system:test' },
      }),
    ).rejects.toMatchObject({ name: 'ThrottlingException' });

    expect(await healthy.get(request.id)).toMatchObject({ status: request.status, version: request.version });
    expect(await healthy.auditTrail(request.id)).toHaveLength(1);
  });
});

describe('SES failing while the outbox is throttled', () => {
  it('sends each letter exactly once, identical, however the failures fall', async () => {
    const client = dynamoClient();
    injectFaults(client, (command, attempt) => (attempt % 2 === 1 ? { throw: throttled('ThrottlingException') } : 'pass'));
    const delivered: OutgoingMail[] = [];
    let failures = 2;
    const ses: MailTransport = {
      deliver: async (mail) => {
        if (failures-- > 0) throw throttled('TooManyRequestsException');
        delivered.push(mail);
        return { messageId: `ses-${delivered.length}` };
      },
    };
    const mailer = new RecordingMailer(new DynamoDbLetterOutbox(client, TABLE), ses);
    const letter: OutgoingMail = { to: 'a@example.no', subject: 'Kvittering', text: 'første', purpose: 'acknowledgement', requestId: freshRequest().id, letterId: 'acknowledgement' };

    await expect(mailer.send(letter)).rejects.toMatchObject({ name: 'TooManyRequestsException' });
    await expect(mailer.send({ ...letter, text: 'andre' })).rejects.toMatchObject({ name: 'TooManyRequestsException' });
    const sent = await mailer.send({ ...letter, text: 'tredje' });
    const again = await mailer.send({ ...letter, text: 'fjerde' });

    expect(delivered.map((mail) => mail.text)).toEqual(['første']);
    expect(again).toEqual(sent);
  });
});

describe('S3 and Step Functions throttled', () => {
  it('retries a throttled S3 write until it holds', async () => {
    const client = new S3Client({ endpoint: 'http://127.0.0.1:9', forcePathStyle: true, ...LOCAL });
    const { calls } = injectFaults(client, (_command, attempt) => (attempt < 3 ? { throw: throttled('SlowDown') } : { output: { ETag: '"x"' } }));

    await new S3ObjectStore(client, 'bucket').putJson('requests/x/plan.json', { ok: true });

    expect(calls.get('PutObjectCommand')).toBe(3);
  });

  it('retries a throttled start, and a start the service already has counts as started', async () => {
    const client = new SFNClient({ endpoint: 'http://127.0.0.1:9', ...LOCAL });
    const { calls } = injectFaults(client, (_command, attempt) =>
      attempt < 3
        ? { throw: throttled('ThrottlingException') }
        : { throw: new ExecutionAlreadyExists({ message: 'Execution already exists', $metadata: {} }) },
    );

    await new StepFunctionsWorkflow(client, 'arn:aws:states:eu-north-1:000000000000:stateMachine:x').start('NK-20261207-ABCDEFGH');

    expect(calls.get('StartExecutionCommand')).toBe(3);
  });

  it('gives up after the SDK attempts when Step Functions stays throttled, so the caller can flag or retry', async () => {
    const client = new SFNClient({ endpoint: 'http://127.0.0.1:9', ...LOCAL });
    const { calls } = injectFaults(client, () => ({ throw: throttled('ThrottlingException') }));

    await expect(new StepFunctionsWorkflow(client, 'arn:aws:states:eu-north-1:000000000000:stateMachine:x').start('NK-20261207-ABCDEFGH')).rejects.toMatchObject({
      name: 'ThrottlingException',
    });
    expect(calls.get('StartExecutionCommand')).toBe(3);
  });
});
