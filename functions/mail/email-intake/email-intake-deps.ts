import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import type { SESv2Client } from '@aws-sdk/client-sesv2';
import type { SFNClient } from '@aws-sdk/client-sfn';
import { DynamoDbInboxStore } from '../../adapters/dynamodb/dynamodb-inbox-store.js';
import { DynamoDbRequestStore } from '../../adapters/dynamodb/dynamodb-request-store.js';
import { S3ObjectStore } from '../../adapters/s3/s3-object-store.js';
import { StepFunctionsWorkflow } from '../../adapters/sfn/step-functions-workflow.js';
import { osloCalendarDate, statutoryDeadline } from '../../domain/deadline/index.js';
import type { ReceiveMailDeps } from '../../domain/intake-mail/receive-mail.js';
import { newRequestId } from '../../domain/request/request-id.js';
import { toOsloIsoString } from '../../domain/deadline/oslo-calendar-date.js';
import { ENV } from '../../platform/env-names.js';
import { createLogger, type Logger } from '../../platform/logger.js';
import { systemAddressCheckFrom } from '../../wiring/system-address-config.js';
import { recordingSesMailer } from '../../wiring/task-deps.js';
import { INTAKE_ENV, type EmailIntakeConfig } from './email-intake-config.js';

/** Reading a mail: the inbox parser and recogniser (`functions/domain/inbox/`). */
export type MailReading = Pick<ReceiveMailDeps, 'parse' | 'recognise'>;

export interface EmailIntakeClients {
  readonly dynamoDb: DynamoDBClient;
  /** S3, Step Functions and SES: a client, or the function that makes it when first used. */
  readonly s3: S3Client | (() => S3Client);
  readonly sfn: SFNClient | (() => SFNClient);
  /** Sends the acknowledgement of a mail set aside for triage; without it (or a sender address) none goes. */
  readonly ses?: SESv2Client | (() => SESv2Client);
}

/**
 * The intake's dependencies from its config, SDK clients and mail reading: the same wiring in
 * Lambda and local mode (through `handler.ts`) and in the integration tests, which replace
 * `workflow` with a recording fake.
 */
export function emailIntakeDeps(
  config: EmailIntakeConfig,
  clients: EmailIntakeClients,
  reading: MailReading,
  overrides: Partial<ReceiveMailDeps> & { readonly logger?: Logger } = {},
): ReceiveMailDeps {
  const table = config[ENV.requestsTable];
  const senderAddress = config[ENV.senderAddress];
  // The raw bucket is encrypted by its default key (SES writes it), so reading names none.
  const rawStore = new S3ObjectStore(clients.s3, config[INTAKE_ENV.inboundMailBucket]);
  return {
    // Bytes, not text: an 8bit body in ISO-8859-1 or windows-1252 is decoded by the parser.
    rawMail: { read: (key) => rawStore.getBytes(key) },
    rawMailPrefix: config[INTAKE_ENV.inboundMailPrefix],
    store: new DynamoDbRequestStore(clients.dynamoDb, table),
    inbox: new DynamoDbInboxStore(clients.dynamoDb, table),
    workflow: new StepFunctionsWorkflow(clients.sfn, config[ENV.stateMachineArn]),
    parse: reading.parse,
    recognise: reading.recognise,
    ownAddresses: senderAddress ? [senderAddress] : [],
    isSystemAddress: systemAddressCheckFrom(config),
    mailer:
      clients.ses && senderAddress
        ? recordingSesMailer({
            dynamoDb: clients.dynamoDb,
            ses: clients.ses,
            tableName: table,
            senderAddress,
            configurationSet: config[ENV.sesConfigurationSet],
          })
        : undefined,
    now: () => new Date(),
    formatInstant: toOsloIsoString,
    receiptDate: (receivedAt: string) => osloCalendarDate(receivedAt),
    dueDate: (receivedAt: string) => statutoryDeadline(receivedAt),
    newId: newRequestId,
    logger: createLogger('email-intake'),
    ...overrides,
  };
}
