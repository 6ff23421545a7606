import * as z from 'zod/mini';
import { S3ObjectStore } from '../../adapters/s3/s3-object-store.js';
import { osloCalendarDate } from '../../domain/deadline/index.js';
import { s3Client } from '../../platform/aws-clients/s3.js';
import { parseConfig } from '../../platform/config.js';
import { ENV } from '../../platform/env-names.js';
import { consoleDeps, consoleHandler, receivedMailDeps } from '../../wiring/console-wiring.js';
import { TableConfigSchema } from '../../wiring/workflow-config.js';
import { CONSOLE_CASE } from './console-case.js';
import type { ConsoleCaseDeps } from './console-case-deps.js';

const config = parseConfig(
  z.extend(TableConfigSchema, {
    [ENV.dataBucket]: z.string().check(z.minLength(3)),
    [ENV.dataBucketEncryption]: z.optional(z.enum(['aws:kms', ''])),
  }),
);

const deps: ConsoleCaseDeps = {
  ...consoleDeps('console-case'),
  ...receivedMailDeps(),
  objects: new S3ObjectStore(s3Client, config[ENV.dataBucket], config[ENV.dataBucketEncryption] || undefined),
  today: () => osloCalendarDate(new Date()),
};

export const handler = consoleHandler(CONSOLE_CASE, deps);
