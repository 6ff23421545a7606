import * as z from 'zod';
import { DynamoDbInboxStore } from '../adapters/dynamodb/dynamodb-inbox-store.js';
import { dynamoDbClient } from '../shared/aws-clients/dynamodb.js';
import { parseConfig } from '../shared/config.js';
import { ENV } from '../shared/env-names.js';
import { taskHandler } from '../shared/task-handler.js';
import { mailDeps } from '../shared/task-deps.js';
import { watchDeadlines, type WatchDeadlinesDeps } from './watch-deadlines.js';

/** The staff mailbox for the daily digest and deadline warnings. */
export const STAFF_DIGEST_ADDRESS_ENV = ENV.staffDigestAddress;

const config = parseConfig(
  z.object({
    [STAFF_DIGEST_ADDRESS_ENV]: z.email(),
    [ENV.publicBaseUrl]: z.url().optional(),
    [ENV.requestsTable]: z.string().min(1),
  }),
);

const deps: WatchDeadlinesDeps = {
  ...mailDeps('watch-deadlines'),
  staffAddress: config[STAFF_DIGEST_ADDRESS_ENV],
  publicBaseUrl: config[ENV.publicBaseUrl],
  inbox: new DynamoDbInboxStore(dynamoDbClient(), config[ENV.requestsTable]),
  // EMF must be a line of its own on stdout, not wrapped by the logger, for CloudWatch to read it.
  emitMetric: (line) => console.log(line),
};

/** Run by EventBridge Scheduler every morning (and by a timer locally); the event carries nothing. */
const EventSchema = z.object({}).loose();

export const handler = taskHandler('watch-deadlines', EventSchema, () => watchDeadlines(deps));
