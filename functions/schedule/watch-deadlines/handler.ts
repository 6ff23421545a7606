import { MetricUnit } from '@aws-lambda-powertools/metrics';
import * as z from 'zod/mini';
import { DEADLINE_WATCH_SERVICE } from '../../domain/deadline-watch/deadline-metrics.js';
import { serviceMetrics } from '../../platform/observability.js';
import { DynamoDbPostalLetterStore } from '../../adapters/dynamodb/dynamodb-postal-letter-store.js';
import { DynamoDbInboxStore } from '../../adapters/dynamodb/dynamodb-inbox-store.js';
import { dynamoDbClient } from '../../platform/aws-clients/dynamodb.js';
import { parseConfig } from '../../platform/config.js';
import { ENV } from '../../platform/env-names.js';
import { taskHandler } from '../../platform/task-handler.js';
import { mailDeps } from '../../wiring/task-deps.js';
import { watchDeadlines, type WatchDeadlinesDeps } from './watch-deadlines.js';

/** The staff mailbox for the daily digest and deadline warnings. */
export const STAFF_DIGEST_ADDRESS_ENV = ENV.staffDigestAddress;

const config = parseConfig(
  z.object({
    [STAFF_DIGEST_ADDRESS_ENV]: z.email(),
    [ENV.publicBaseUrl]: z.optional(z.url()),
    [ENV.requestsTable]: z.string().check(z.minLength(1)),
  }),
);

const metrics = serviceMetrics(DEADLINE_WATCH_SERVICE);

const deps: WatchDeadlinesDeps = {
  ...mailDeps('watch-deadlines'),
  postalLetters: new DynamoDbPostalLetterStore(dynamoDbClient(), parseConfig(z.object({ [ENV.requestsTable]: z.string().check(z.minLength(1)) }))[ENV.requestsTable]),
  staffAddress: config[STAFF_DIGEST_ADDRESS_ENV],
  publicBaseUrl: config[ENV.publicBaseUrl],
  recordCounts: (counts) => {
    for (const [name, value] of Object.entries(counts)) metrics.addMetric(name, MetricUnit.Count, value);
  },
  inbox: new DynamoDbInboxStore(dynamoDbClient(), config[ENV.requestsTable]),
};

/** Run by EventBridge Scheduler every morning (and by a timer locally); the event carries nothing. */
const EventSchema = z.looseObject({});

export const handler = taskHandler(DEADLINE_WATCH_SERVICE, EventSchema, () => watchDeadlines(deps));
