import { acknowledgeRequest } from '../../domain/workflow/acknowledge-request.js';
import { mailDeps } from '../../wiring/task-deps.js';
import { taskHandler } from '../../platform/task-handler.js';
import { RequestTaskEventSchema } from '../workflow-events.js';

const deps = mailDeps('acknowledge');

export const handler = taskHandler('acknowledge', RequestTaskEventSchema, (event) =>
  acknowledgeRequest(deps, event.requestId),
);
