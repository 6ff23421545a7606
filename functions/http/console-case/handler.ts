import * as z from 'zod/mini';
import { parseConfig } from '../../platform/config.js';
import { consoleDeps, consoleHandler, receivedMailDeps } from '../../wiring/console-wiring.js';
import { TableConfigSchema } from '../../wiring/workflow-config.js';
import { CONSOLE_CASE } from './console-case.js';
import type { ConsoleCaseDeps } from './console-case-deps.js';
import { DataBucketConfigSchema, dataObjectStore } from '../../wiring/data-bucket-config.js';

const config = parseConfig(
  z.extend(TableConfigSchema, {
    ...DataBucketConfigSchema.shape,
  }),
);

const deps: ConsoleCaseDeps = {
  ...consoleDeps('console-case'),
  ...receivedMailDeps(),
  objects: dataObjectStore(config),
};

export const handler = consoleHandler(CONSOLE_CASE, deps);
