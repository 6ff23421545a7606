import { z } from 'zod';
import { DynamoDbRequestStore } from '../adapters/dynamodb/dynamodb-request-store.js';
import { SesMailer } from '../adapters/ses/ses-mailer.js';
import { sendReply } from '../domain/workflow/send-reply.js';
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
  logger: createLogger('send-reply'),
};

const EventSchema = z.object({ requestId: z.string().min(1), outcome: z.enum(['approved', 'rejected']) });

export const handler = taskHandler('send-reply', EventSchema, (event) => sendReply(deps, event.requestId, event.outcome));
