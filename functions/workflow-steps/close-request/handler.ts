import { closeRequest } from '../../domain/workflow/close-request.js';
import { parseConfig } from '../../platform/config.js';
import { storeDeps } from '../../wiring/store-deps.js';
import { taskHandler } from '../../platform/task-handler.js';
import { RequestTaskEventSchema } from '../workflow-events.js';
import { DataBucketConfigSchema, dataObjectStore } from '../../wiring/data-bucket-config.js';

const config = parseConfig(DataBucketConfigSchema);
const deps = { ...storeDeps('close-request'), objects: dataObjectStore(config) };

export const handler = taskHandler('close-request', RequestTaskEventSchema, (event) => closeRequest(deps, event.requestId));
