import { DynamoDbRequestStore } from '../adapters/dynamodb/dynamodb-request-store.js';
import { DynamoDbLetterOutbox } from '../adapters/dynamodb/dynamodb-letter-outbox.js';
import { SesMailer } from '../adapters/ses/ses-mailer.js';
import { RecordingMailer } from '../domain/mail/recording-mailer.js';
import type { Mailer } from '../domain/mail/mailer.js';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { SESv2Client } from '@aws-sdk/client-sesv2';
import type { StoreDeps, WorkflowDeps } from '../domain/workflow/workflow-deps.js';
import { dynamoDbClient, sesClient } from './aws-clients.js';
import { parseConfig } from './config.js';
import { ENV } from './env-names.js';
import { createLogger } from './logger.js';
import { MailConfigSchema, TableConfigSchema } from './workflow-config.js';

/** Dependencies of a workflow step that reads and writes requests; built once at cold start. */
export function storeDeps(service: string): StoreDeps {
  const config = parseConfig(TableConfigSchema);
  return {
    store: new DynamoDbRequestStore(dynamoDbClient(), config[ENV.requestsTable]),
    now: () => new Date(),
    logger: createLogger(service),
  };
}

/** Dependencies of a workflow step that also mails the requester. */
export function mailDeps(service: string): WorkflowDeps {
  const config = parseConfig(MailConfigSchema);
  return {
    ...storeDeps(service),
    mailer: recordingSesMailer({
      dynamoDb: dynamoDbClient(),
      ses: sesClient(),
      tableName: config[ENV.requestsTable],
      senderAddress: config[ENV.senderAddress],
      configurationSet: config[ENV.sesConfigurationSet],
    }),
  };
}

/**
 * The mailer every function sends letters with: each letter is recorded in the requests table
 * before SES gets it, so a crash can only ever repeat the identical letter.
 */
export function recordingSesMailer(options: {
  readonly dynamoDb: DynamoDBClient;
  readonly ses: SESv2Client;
  readonly tableName: string;
  readonly senderAddress: string;
  readonly configurationSet?: string;
}): Mailer {
  return new RecordingMailer(
    new DynamoDbLetterOutbox(options.dynamoDb, options.tableName),
    new SesMailer(options.ses, options.senderAddress, options.configurationSet),
  );
}
