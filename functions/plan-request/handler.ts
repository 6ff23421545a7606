import { s3Client } from '../shared/aws-clients/s3.js';
import * as z from 'zod';
import { S3ObjectStore } from '../adapters/s3/s3-object-store.js';
import { osloCalendarDate } from '../domain/deadline/index.js';
import { planRequest } from '../domain/plan/plan-request.js';
import { parseConfig } from '../shared/config.js';
import { ENV } from '../shared/env-names.js';
import { storeDeps } from '../shared/store-deps.js';
import { taskHandler } from '../shared/task-handler.js';
import { RequestTaskEventSchema } from '../shared/workflow-events.js';

const config = parseConfig(
  z.object({
    [ENV.dataBucket]: z.string().min(1),
    [ENV.dataBucketEncryption]: z.enum(['aws:kms', '']).optional(),
  }),
);
const deps = {
  ...storeDeps('plan-request'),
  objects: new S3ObjectStore(s3Client(), config[ENV.dataBucket], config[ENV.dataBucketEncryption] || undefined),
};

export const handler = taskHandler('plan-request', RequestTaskEventSchema, (event) =>
  planRequest(deps, event.requestId, osloCalendarDate(deps.now())),
);
