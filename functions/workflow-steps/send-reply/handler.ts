import * as z from 'zod/mini';
import { sendReply } from '../../domain/workflow/send-reply.js';
import { parseConfig } from '../../platform/config.js';
import { ENV } from '../../platform/env-names.js';
import { RecipientDirectoryVariable } from '../../wiring/recipient-directory-config.js';
import { mailDeps } from '../../wiring/task-deps.js';
import { taskHandler } from '../../platform/task-handler.js';
import { SendReplyEventSchema } from '../workflow-events.js';
import { DataBucketConfigSchema, dataObjectStore } from '../../wiring/data-bucket-config.js';

const config = parseConfig(
  z.object({
    ...DataBucketConfigSchema.shape,
    [ENV.publicBaseUrl]: z.optional(z.url()),
    [ENV.recipientDirectory]: RecipientDirectoryVariable,
  }),
);
const deps = {
  ...mailDeps('send-reply'),
  objects: dataObjectStore(config),
  publicBaseUrl: config[ENV.publicBaseUrl],
  recipients: config[ENV.recipientDirectory],
};

export const handler = taskHandler('send-reply', SendReplyEventSchema, (event) => sendReply(deps, event.requestId, event.outcome));
