import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { SFNClient } from '@aws-sdk/client-sfn';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';
import { DynamoDbInboxStore } from '../../../functions/adapters/dynamodb/dynamodb-inbox-store.js';
import { DynamoDbRequestStore } from '../../../functions/adapters/dynamodb/dynamodb-request-store.js';
import type { InboundMessage, Recognition } from '../../../functions/domain/inbox/inbound-message.js';
import type { SesReceiptEventInput } from '../../../functions/domain/intake-mail/ses-receipt-event.js';
import { EmailIntakeConfigSchema } from '../../../functions/mail/email-intake/email-intake-config.js';
import { emailIntakeDeps } from '../../../functions/mail/email-intake/email-intake-deps.js';
import { createEmailIntakeHandler, type EmailIntakeResult } from '../../../functions/mail/email-intake/email-intake.js';
import { createLogger } from '../../../functions/platform/logger.js';
import { startDynamoDbLocal, type DynamoDbLocal } from '../../../infra/local/emulators/dynamodb-local.js';
import { startS3Local, type S3Local } from '../../../infra/local/emulators/s3-local.js';
import { startSmtpInbox, type SmtpInbox } from '../../../infra/local/emulators/smtp-inbox.js';
import { lambdaContext } from '../../../infra/local/lambda/lambda-context.js';
import { createRequestsTable } from '../../../infra/local/setup/create-requests-table.js';
import { FakeWorkflowStarter } from '../../support/in-memory-request-store.js';

export const INBOX_ADDRESS = 'naerkontor@obos.no';
const TABLE = 'it-requests';
const BUCKET = 'it-inbound-mail';
const PREFIX = 'inbound/';
const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };

export interface IntakeHarness {
  readonly smtp: SmtpInbox;
  readonly requests: DynamoDbRequestStore;
  readonly inbox: DynamoDbInboxStore;
  readonly workflow: FakeWorkflowStarter;
  readonly s3: S3Client;
  readonly bucket: string;
  /** Every SES event the SMTP inbox built, with the handler's result, in order of delivery. */
  readonly delivered: { readonly event: SesReceiptEventInput; readonly result: EmailIntakeResult }[];
  readonly transport: ReturnType<typeof createTransport>;
  /** Hands an SES event to the intake again, as Lambda does when it retries an invocation. */
  redeliver(event: SesReceiptEventInput): Promise<EmailIntakeResult>;
  stop(): Promise<void>;
}

/**
 * DynamoDB Local with the requests table, the local S3 with the inbound bucket, and the SMTP
 * inbox wired to the real intake handler and adapters — as local mode will wire them — with a
 * recording workflow starter instead of Step Functions. The caller passes the parser and
 * recogniser (the real ones, or fakes to pin an outcome).
 */
export async function startIntakeHarness(options: {
  readonly parse: (raw: Buffer | string) => Promise<InboundMessage>;
  readonly recognise: (message: InboundMessage) => Recognition;
}): Promise<IntakeHarness> {
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const step of stops.reverse()) await step().catch(() => undefined);
  };
  try {
    const dynamo: DynamoDbLocal = await startDynamoDbLocal({});
    stops.push(dynamo.stop);
    const directory = mkdtempSync(join(tmpdir(), 'dsr-intake-s3-'));
    stops.push(async () => rmSync(directory, { recursive: true, force: true }));
    const s3Local: S3Local = await startS3Local({ directory, buckets: [BUCKET] });
    stops.push(s3Local.stop);

    const dynamoDb = new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'eu-north-1', credentials });
    const s3 = new S3Client({ endpoint: s3Local.endpoint, region: 'eu-north-1', credentials, forcePathStyle: true });
    stops.push(async () => {
      dynamoDb.destroy();
      s3.destroy();
    });
    await createRequestsTable(dynamoDb, TABLE);

    const config = EmailIntakeConfigSchema.parse({
      REQUESTS_TABLE_NAME: TABLE,
      STATE_MACHINE_ARN: 'arn:aws:states:eu-north-1:000000000000:stateMachine:it',
      INBOUND_MAIL_BUCKET: BUCKET,
      INBOUND_MAIL_PREFIX: PREFIX,
      SENDER_ADDRESS: INBOX_ADDRESS,
    });
    const workflow = new FakeWorkflowStarter();
    const deps = emailIntakeDeps(
      config,
      { dynamoDb, s3, sfn: new SFNClient({ region: 'eu-north-1', credentials }) },
      { parse: options.parse, recognise: options.recognise },
      { workflow, logger: createLogger('email-intake', 'silent') },
    );
    const handler = createEmailIntakeHandler(deps);
    const delivered: { event: SesReceiptEventInput; result: EmailIntakeResult }[] = [];
    const smtp = await startSmtpInbox({
      port: 0,
      host: '127.0.0.1',
      acceptRecipients: [INBOX_ADDRESS],
      prefix: PREFIX,
      logger: createLogger('smtp-inbox', 'silent'),
      store: async (key, raw) => {
        await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: raw, ContentType: 'message/rfc822' }));
      },
      deliver: async (event) => {
        delivered.push({ event, result: await handler(event, lambdaContext('dsr-email-intake')) });
      },
    });
    stops.push(smtp.stop);
    const transport = createTransport({ host: '127.0.0.1', port: smtp.port, secure: false, ignoreTLS: true });
    stops.push(async () => transport.close());

    return {
      smtp,
      requests: new DynamoDbRequestStore(dynamoDb, TABLE),
      inbox: new DynamoDbInboxStore(dynamoDb, TABLE),
      workflow,
      s3,
      bucket: BUCKET,
      delivered,
      transport,
      redeliver: (event) => handler(event, lambdaContext('dsr-email-intake')),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}
