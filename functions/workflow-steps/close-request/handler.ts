import * as z from 'zod/mini';
import { S3ObjectStore } from '../../adapters/s3/s3-object-store.js';
import { closeRequest } from '../../domain/workflow/close-request.js';
import { s3Client } from '../../platform/aws-clients/s3.js';
import { parseConfig } from '../../platform/config.js';
import { ENV } from '../../platform/env-names.js';
import { storeDeps } from '../../wiring/store-deps.js';
import { taskHandler } from '../../platform/task-handler.js';
import { RequestTaskEventSchema } from '../workflow-events.js';

const config = parseConfig(z.object({ [ENV.dataBucket]: z.string().check(z.minLength(1)) }));
const deps = { ...storeDeps('close-request'), objects: new S3ObjectStore(s3Client, config[ENV.dataBucket]) };

export const handler = taskHandler('close-request', RequestTaskEventSchema, (event) => closeRequest(deps, event.requestId));
