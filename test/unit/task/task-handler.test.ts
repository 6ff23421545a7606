import type { Context } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import { RequestNotFoundError } from '../../../functions/domain/request/request-errors.js';
import { InvalidTaskEventError, taskHandler } from '../../../functions/platform/task-handler.js';
import { TransientError } from '../../../functions/platform/transient-error.js';
import { WITHHELD_MESSAGE } from '../../../functions/platform/withheld-error.js';

const EventSchema = z.object({ requestId: z.string().check(z.minLength(1)) });
const context = {} as Context;

describe('taskHandler', () => {
  let output: string[];

  beforeEach(() => {
    output = [];
    vi.stubEnv('LOG_LEVEL', 'info');
    // Powertools writes info to stdout, warnings and errors to stderr.
    for (const stream of [process.stdout, process.stderr]) {
      vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
        output.push(String(chunk));
        return true;
      });
    }
  });

  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
  });

  it('returns the step result for the parsed event when the event is valid', async () => {
    // Prepare
    const step = vi.fn(async (event: { requestId: string }) => ({ done: event.requestId }));
    const handler = taskHandler('test-step', EventSchema, step);
    // Act
    const result = await handler({ requestId: 'NK-1', extra: 'dropped' }, context);
    // Assess
    expect(result).toEqual({ done: 'NK-1' });
    expect(step).toHaveBeenCalledWith({ requestId: 'NK-1' });
  });

  it.each([
    ['no request id', {}],
    ['an empty request id', { requestId: '' }],
    ['no event', undefined],
  ])('throws InvalidTaskEventError without running the step when the event has %s', async (_label, event) => {
    const step = vi.fn(async () => 'ran');
    const handler = taskHandler('test-step', EventSchema, step);

    await expect(handler(event, context)).rejects.toBeInstanceOf(InvalidTaskEventError);
    await expect(handler(event, context)).rejects.toMatchObject({ name: 'InvalidTaskEventError' });
    expect(step).not.toHaveBeenCalled();
  });

  it('throws TransientError naming the cause when the step is throttled', async () => {
    const throttled = Object.assign(new Error('Rate exceeded for kari@example.no'), { name: 'ThrottlingException' });
    const handler = taskHandler('test-step', EventSchema, async () => {
      throw throttled;
    });

    const attempt = handler({ requestId: 'NK-1' }, context);

    await expect(attempt).rejects.toBeInstanceOf(TransientError);
    await expect(attempt).rejects.toMatchObject({ name: 'TransientError', causeName: 'ThrottlingException' });
  });

  it('throws an error with the domain error\'s name when the step fails for a non-transient reason', async () => {
    const notFound = new RequestNotFoundError('NK-1');
    const handler = taskHandler('test-step', EventSchema, async () => {
      throw notFound;
    });

    await expect(handler({ requestId: 'NK-1' }, context)).rejects.toMatchObject({ name: 'RequestNotFoundError' });
  });

  it('lets a non-transient error leave with its name but without its message or stack', async () => {
    // An SES rejection names the recipient; the runtime would log it and Step Functions keep it as the Cause.
    const rejected = Object.assign(new Error('Email address is not verified: kari.nordmann@example.no'), {
      name: 'MessageRejected',
    });
    const handler = taskHandler('test-step', EventSchema, async () => {
      throw rejected;
    });

    const thrown = await handler({ requestId: 'NK-1' }, context).then(
      () => undefined,
      (error: unknown) => error as Error,
    );

    expect(thrown).toBeInstanceOf(Error);
    expect(thrown?.name).toBe('MessageRejected');
    expect(thrown?.message).toBe(WITHHELD_MESSAGE);
    // What the Lambda runtime reports: errorType, errorMessage and the stack trace.
    const reported = JSON.stringify({ errorType: thrown?.name, errorMessage: thrown?.message, trace: thrown?.stack });
    expect(reported).not.toContain('kari.nordmann');
    expect(reported).not.toContain('not verified');
    expect(thrown?.stack?.split('\n')[0]).toBe(`MessageRejected: ${WITHHELD_MESSAGE}`);
    expect(output.join('')).not.toContain('kari.nordmann');
  });

  it('keeps the names the workflow\'s Catch blocks match (AlreadyVerifiedError, DecisionAlreadyRecordedError)', async () => {
    for (const name of ['AlreadyVerifiedError', 'DecisionAlreadyRecordedError', 'CaseClosedByStaff']) {
      const handler = taskHandler('test-step', EventSchema, async () => {
        throw Object.assign(new Error(`request NK-1 of ola@example.no`), { name });
      });
      await expect(handler({ requestId: 'NK-1' }, context)).rejects.toMatchObject({ name, message: WITHHELD_MESSAGE });
    }
  });

  it('reports a thrown non-Error value as a plain Error', async () => {
    const handler = taskHandler('test-step', EventSchema, async () => {
      throw 'kari@example.no';
    });

    await expect(handler({ requestId: 'NK-1' }, context)).rejects.toMatchObject({ name: 'Error', message: WITHHELD_MESSAGE });
  });

  it('returns after logging the failure with the request id and error name but not the message', async () => {
    const handler = taskHandler('test-step', EventSchema, async () => {
      throw Object.assign(new Error('Rate exceeded for kari@example.no'), { name: 'ThrottlingException' });
    });

    await handler({ requestId: 'NK-1' }, context).catch(() => undefined);

    const lines = output.join('').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toContainEqual(
      expect.objectContaining({ event: 'task.transient_failure', service: 'test-step', requestId: 'NK-1', error: 'ThrottlingException' }),
    );
    expect(output.join('')).not.toContain('kari@example.no');
  });
});
