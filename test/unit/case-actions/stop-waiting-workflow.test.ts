import { describe, expect, it } from 'vitest';
import { isStaleTaskTokenError } from '../../../functions/domain/case-actions/stop-waiting-workflow.js';
import { TaskTimedOutError } from '../../../infra/local/step-functions/api-errors.js';

describe('isStaleTaskTokenError', () => {
  it.each(['TaskTimedOut', 'TaskDoesNotExist', 'InvalidToken'])('recognises the SDK exception %s', (name) => {
    expect(isStaleTaskTokenError(Object.assign(new Error('x'), { name }))).toBe(true);
  });

  it('recognises the local Step Functions emulator error by its AWS code', () => {
    expect(isStaleTaskTokenError(new TaskTimedOutError('task timed out'))).toBe(true);
  });

  it.each([
    ['an access error', Object.assign(new Error('x'), { name: 'AccessDeniedException' })],
    ['a plain error', new Error('TaskTimedOut')],
    ['a non-error', { name: 'TaskTimedOut' }],
  ])('does not treat %s as a stale token', (_label, error) => {
    expect(isStaleTaskTokenError(error)).toBe(false);
  });
});
