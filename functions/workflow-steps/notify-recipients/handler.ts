import { s3Client } from '../../platform/aws-clients/s3.js';
import * as z from 'zod/mini';
import { S3ObjectStore } from '../../adapters/s3/s3-object-store.js';
import { RecipientAddressesSchema } from '../../domain/recipients/recipient-addresses.js';
import { notifyRecipients } from '../../domain/workflow/notify-recipients.js';
import { parseConfig } from '../../platform/config.js';
import { ENV } from '../../platform/env-names.js';
import { mailDeps } from '../../wiring/task-deps.js';
import { taskHandler } from '../../platform/task-handler.js';
import { RequestTaskEventSchema } from '../workflow-events.js';

const config = parseConfig(
  z.object({
    [ENV.dataBucket]: z.string().check(z.minLength(1)),
    [ENV.dataBucketEncryption]: z.optional(z.enum(['aws:kms', ''])),
    // No map yet is a valid setting: every notice is then recorded as not sent, and the reply says so.
    [ENV.recipientAddresses]: z._default(RecipientAddressesSchema, {}),
  }),
);
const deps = {
  ...mailDeps('notify-recipients'),
  objects: new S3ObjectStore(s3Client, config[ENV.dataBucket], config[ENV.dataBucketEncryption] || undefined),
  recipientAddresses: config[ENV.recipientAddresses],
};

export const handler = taskHandler('notify-recipients', RequestTaskEventSchema, (event) =>
  notifyRecipients(deps, event.requestId),
);
