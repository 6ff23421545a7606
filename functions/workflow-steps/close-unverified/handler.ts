import * as z from 'zod/mini';
import { closeUnverified } from '../../domain/verification/close-unverified.js';
import { parseConfig } from '../../platform/config.js';
import { ENV } from '../../platform/env-names.js';
import { mailDeps } from '../../wiring/task-deps.js';
import { taskHandler } from '../../platform/task-handler.js';
import { RequestTaskEventSchema } from '../workflow-events.js';

const config = parseConfig(z.object({ [ENV.publicBaseUrl]: z.optional(z.url()) }));
const deps = { ...mailDeps('close-unverified'), publicBaseUrl: config[ENV.publicBaseUrl] };

export const handler = taskHandler('close-unverified', RequestTaskEventSchema, (event) =>
  closeUnverified(deps, event.requestId),
);
