import * as z from 'zod/mini';
import { RecipientAddressesSchema } from '../../domain/recipients/recipient-addresses.js';
import { notifyRecipients } from '../../domain/workflow/notify-recipients.js';
import { parseConfig } from '../../platform/config.js';
import { ENV } from '../../platform/env-names.js';
import { mailDeps } from '../../wiring/task-deps.js';
import { taskHandler } from '../../platform/task-handler.js';
import { RequestTaskEventSchema } from '../workflow-events.js';
import { DataBucketConfigSchema, dataObjectStore } from '../../wiring/data-bucket-config.js';

const config = parseConfig(
  z.object({
    ...DataBucketConfigSchema.shape,
    // No map yet is a valid setting: every notice is then recorded as not sent, and the reply says so.
    [ENV.recipientAddresses]: z._default(RecipientAddressesSchema, {}),
  }),
);
const deps = {
  ...mailDeps('notify-recipients'),
  objects: dataObjectStore(config),
  recipientAddresses: config[ENV.recipientAddresses],
};

export const handler = taskHandler('notify-recipients', RequestTaskEventSchema, (event) =>
  notifyRecipients(deps, event.requestId),
);
