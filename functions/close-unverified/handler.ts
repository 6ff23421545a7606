import * as z from 'zod';
import { closeUnverified } from '../domain/verification/close-unverified.js';
import { parseConfig } from '../shared/config.js';
import { ENV } from '../shared/env-names.js';
import { mailDeps } from '../shared/task-deps.js';
import { taskHandler } from '../shared/task-handler.js';
import { RequestTaskEventSchema } from '../shared/workflow-events.js';

const config = parseConfig(z.object({ [ENV.publicBaseUrl]: z.url().optional() }));
const deps = { ...mailDeps('close-unverified'), publicBaseUrl: config[ENV.publicBaseUrl] };

export const handler = taskHandler('close-unverified', RequestTaskEventSchema, (event) =>
  closeUnverified(deps, event.requestId),
);
