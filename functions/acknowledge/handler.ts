import * as z from 'zod';
import { acknowledgeRequest } from '../domain/workflow/acknowledge-request.js';
import { mailDeps } from '../shared/task-deps.js';
import { taskHandler } from '../shared/task-handler.js';

const deps = mailDeps('acknowledge');

export const handler = taskHandler('acknowledge', z.object({ requestId: z.string().min(1) }), (event) =>
  acknowledgeRequest(deps, event.requestId),
);
