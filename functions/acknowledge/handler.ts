import { z } from 'zod';
import { DynamoDbRequestStore } from '../adapters/dynamodb/dynamodb-request-store.js';
import { SesMailer } from '../adapters/ses/ses-mailer.js';
import { acknowledgeRequest } from '../domain/workflow/acknowledge-request.js';
import { dynamoDbClient, sesClient } from '../shared/aws-clients.js';
import { parseConfig } from '../shared/config.js';
import { ENV } from '../shared/env-names.js';
import { createLogger } from '../shared/logger.js';
import { taskHandler } from '../shared/task-handler.js';
import { MailConfigSchema } from '../shared/workflow-config.js';

const config = parseConfig(MailConfigSchema);
const deps = {
  store: new DynamoDbRequestStore(dynamoDbClient(), config[ENV.requestsTable]),
  mailer: new SesMailer(sesClient(), config[ENV.senderAddress], config[ENV.sesConfigurationSet]),
  now: () => new Date(),
  logger: createLogger('acknowledge'),
};

export const handler = taskHandler('acknowledge', z.object({ requestId: z.string().min(1) }), (event) =>
  acknowledgeRequest(deps, event.requestId),
);
