import { acknowledgeRequest } from '../domain/workflow/acknowledge-request.js';
import { mailDeps } from '../shared/task-deps.js';
import { taskHandler } from '../shared/task-handler.js';
import { RequestTaskEventSchema } from '../shared/workflow-events.js';

const deps = mailDeps('acknowledge');

export const handler = taskHandler('acknowledge', RequestTaskEventSchema, (event) =>
  acknowledgeRequest(deps, event.requestId),
);
