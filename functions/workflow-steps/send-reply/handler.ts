import { s3Client } from '../../platform/aws-clients/s3.js';
import * as z from 'zod/mini';
import { S3ObjectStore } from '../../adapters/s3/s3-object-store.js';
import { sendReply } from '../../domain/workflow/send-reply.js';
import { parseConfig } from '../../platform/config.js';
import { ENV } from '../../platform/env-names.js';
import { RecipientDirectoryVariable } from '../../wiring/recipient-directory-config.js';
import { mailDeps } from '../../wiring/task-deps.js';
import { taskHandler } from '../../platform/task-handler.js';
import { SendReplyEventSchema } from '../workflow-events.js';

const config = parseConfig(
  z.object({
    [ENV.dataBucket]: z.string().check(z.minLength(1)),
    [ENV.dataBucketEncryption]: z.optional(z.enum(['aws:kms', ''])),
    [ENV.publicBaseUrl]: z.optional(z.url()),
    [ENV.recipientDirectory]: RecipientDirectoryVariable,
  }),
);
const deps = {
  ...mailDeps('send-reply'),
  objects: new S3ObjectStore(s3Client, config[ENV.dataBucket], config[ENV.dataBucketEncryption] || undefined),
  publicBaseUrl: config[ENV.publicBaseUrl],
  recipients: config[ENV.recipientDirectory],
};

export const handler = taskHandler('send-reply', SendReplyEventSchema, (event) => sendReply(deps, event.requestId, event.outcome));
