import middy from '@middy/core';
import type * as z from 'zod/mini';
import { createLogger, errorName } from './logger.js';
import { observability } from './observability.js';
import { TransientError, isTransient } from './transient-error.js';
import { withheld } from './withheld-error.js';

/** A workflow task's event failed validation: a bug in the ASL or a caller, never retried. */
export class InvalidTaskEventError extends Error {
  override readonly name = 'InvalidTaskEventError';
}

/**
 * Wraps a workflow step as a Lambda handler: validates the event, runs the step and turns
 * retryable failures into {@link TransientError} (which the ASL retries); every other error leaves
 * with its name only (see {@link withheld}), so the ASL's Catch routes it to staff while its
 * message, which may name the requester, stays out of the runtime's log and the execution history.
 */
export function taskHandler<S extends z.ZodMiniType, R>(
  service: string,
  eventSchema: S,
  step: (event: z.infer<S>) => Promise<R>,
) {
  const logger = createLogger(service);
  return middy(async (event: unknown): Promise<R> => {
    const parsed = eventSchema.safeParse(event);
    if (!parsed.success) throw new InvalidTaskEventError(`invalid ${service} event`);
    try {
      return await step(parsed.data);
    } catch (error) {
      const requestId = (parsed.data as { requestId?: string }).requestId;
      if (isTransient(error)) {
        logger.warn('task.transient_failure', { requestId, error: errorName(error) });
        throw new TransientError(errorName(error));
      }
      logger.error('task.failed', { requestId, error: errorName(error) });
      throw withheld(error);
    }
  }).use(observability(service));
}
