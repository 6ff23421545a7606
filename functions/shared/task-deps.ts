import { DynamoDbRequestStore } from '../adapters/dynamodb/dynamodb-request-store.js';
import { SesMailer } from '../adapters/ses/ses-mailer.js';
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
    mailer: new SesMailer(sesClient(), config[ENV.senderAddress], config[ENV.sesConfigurationSet]),
  };
}
