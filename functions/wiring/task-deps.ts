import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { SESv2Client } from '@aws-sdk/client-sesv2';
import { DynamoDbLetterOutbox } from '../adapters/dynamodb/dynamodb-letter-outbox.js';
import { SesMailer } from '../adapters/ses/ses-mailer.js';
import type { Mailer } from '../domain/mail/mailer.js';
import { RecordingMailer } from '../domain/mail/recording-mailer.js';
import { DynamoDbPostalLetterStore } from '../adapters/dynamodb/dynamodb-postal-letter-store.js';
import { PostOrMailTransport, PostTransport } from '../domain/post/post-transport.js';
import type { WorkflowDeps } from '../domain/workflow/workflow-deps.js';
import { dynamoDbClient } from '../platform/aws-clients/dynamodb.js';
import { sesClient } from '../platform/aws-clients/sesv2.js';
import { parseConfig } from '../platform/config.js';
import { ENV } from '../platform/env-names.js';
import { storeDeps } from './store-deps.js';
import { MailConfigSchema } from './workflow-config.js';

/** Dependencies of a workflow step that also mails the requester. */
export function mailDeps(service: string): WorkflowDeps {
  return { ...storeDeps(service), mailer: mailerFromEnv() };
}

/** The recording SES mailer of a function, from its mail settings (the requests table, our From address). */
export function mailerFromEnv(env: NodeJS.ProcessEnv = process.env): Mailer {
  const config = parseConfig(MailConfigSchema, env);
  return recordingSesMailer({
    dynamoDb: dynamoDbClient(),
    ses: sesClient,
    tableName: config[ENV.requestsTable],
    senderAddress: config[ENV.senderAddress],
    configurationSet: config[ENV.sesConfigurationSet],
  });
}

/**
 * The mailer every function sends letters with: each letter is recorded in the requests table
 * before SES gets it, so a crash can only ever repeat the identical letter. A letter with a postal
 * address (a person without e-mail) is recorded «til utsending per post» instead of mailed.
 */
export function recordingSesMailer(options: {
  readonly dynamoDb: DynamoDBClient;
  /** The client, or the function that makes it on the first letter (`sesClient`). */
  readonly ses: SESv2Client | (() => SESv2Client);
  readonly tableName: string;
  readonly senderAddress: string;
  readonly configurationSet?: string;
}): Mailer {
  return new RecordingMailer(
    new DynamoDbLetterOutbox(options.dynamoDb, options.tableName),
    new PostOrMailTransport(
      new SesMailer(options.ses, options.senderAddress, options.configurationSet),
      new PostTransport(new DynamoDbPostalLetterStore(options.dynamoDb, options.tableName)),
    ),
  );
}
