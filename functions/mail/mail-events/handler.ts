import middy from '@middy/core';
import type { SNSEvent } from 'aws-lambda';
import { readSesEvent, recordDeliveryProblem, UnreadableMailEventError } from '../../domain/mail/delivery-problem.js';
import { errorName } from '../../platform/logger.js';
import { storeDeps } from '../../wiring/store-deps.js';
import { observability } from '../../platform/observability.js';

const deps = storeDeps('mail-events');

/**
 * SES bounce and complaint events from the configuration set's topic: each flags its request for
 * staff (see {@link recordDeliveryProblem}). An unreadable message is logged by its error name and
 * skipped (retrying cannot fix it); any other failure is thrown so Lambda retries the event and,
 * after that, puts it in the failed-events queue.
 */
export const handler = middy(async (event: SNSEvent): Promise<void> => {
  for (const record of event.Records) {
    let problem;
    try {
      problem = readSesEvent(record.Sns.Message);
    } catch (error) {
      if (!(error instanceof UnreadableMailEventError)) throw error;
      deps.logger.warn('mail.event_unreadable', { error: errorName(error) });
      continue;
    }
    if (problem === undefined) continue;
    await recordDeliveryProblem(deps, problem);
  }
}).use(observability('mail-events'));
