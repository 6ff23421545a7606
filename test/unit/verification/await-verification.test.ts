import { describe, expect, it } from 'vitest';
import { InvalidTransitionError, RequestNotFoundError } from '../../../functions/domain/request/request-errors.js';
import { awaitVerification } from '../../../functions/domain/verification/await-verification.js';
import { AlreadyVerifiedError } from '../../../functions/domain/verification/verification-errors.js';
import { REQUEST_ID } from '../fixtures/rights-request-fixture.js';
import { START, verificationWorld } from './verification-fixture.js';

const PENDING = { status: 'awaiting_verification' as const, verification: { status: 'pending' as const, subject: 'customer' as const } };

describe('awaitVerification', () => {
  it('returns waiting after storing the task token with an audit entry', async () => {
    // Prepare
    const { deps, store } = verificationWorld(PENDING);
    // Act
    const result = await awaitVerification(deps, REQUEST_ID, 'token-1');
    // Assess
    expect(result).toEqual({ waiting: true });
    expect(await store.taskToken(REQUEST_ID)).toBe('token-1');
    expect(await store.auditTrail(REQUEST_ID)).toEqual([
      { requestId: REQUEST_ID, at: START, event: 'verification.awaiting', actor: 'system:workflow' },
    ]);
  });

  it('replaces the token when the workflow waits again after the reminder', async () => {
    const { deps, store } = verificationWorld(PENDING, { taskToken: 'token-1' });

    await awaitVerification(deps, REQUEST_ID, 'token-2');

    expect(await store.taskToken(REQUEST_ID)).toBe('token-2');
  });

  it('writes nothing when called again with the same token (a retried invocation)', async () => {
    const { deps, store } = verificationWorld(PENDING, { taskToken: 'token-1' });

    await awaitVerification(deps, REQUEST_ID, 'token-1');

    expect(await store.auditTrail(REQUEST_ID)).toEqual([]);
  });

  it('throws AlreadyVerifiedError and keeps no token when the request is verified', async () => {
    const { deps, store } = verificationWorld({
      status: 'awaiting_verification',
      verification: { status: 'verified', subject: 'customer', method: 'manual', verifiedAt: START },
    });

    const attempt = awaitVerification(deps, REQUEST_ID, 'token-1');

    await expect(attempt).rejects.toBeInstanceOf(AlreadyVerifiedError);
    await expect(attempt).rejects.toMatchObject({ name: 'AlreadyVerifiedError' });
    expect(await store.taskToken(REQUEST_ID)).toBeUndefined();
  });

  it('throws InvalidTransitionError when verification has not started or the request is closed', async () => {
    await expect(awaitVerification(verificationWorld().deps, REQUEST_ID, 't')).rejects.toBeInstanceOf(InvalidTransitionError);
    const closed = verificationWorld({ ...PENDING, status: 'unverified' });
    await expect(awaitVerification(closed.deps, REQUEST_ID, 't')).rejects.toBeInstanceOf(InvalidTransitionError);
  });

  it('throws RequestNotFoundError for an unknown request', async () => {
    await expect(awaitVerification(verificationWorld().deps, 'NK-20261123-ZZZZZZZZ', 't')).rejects.toBeInstanceOf(RequestNotFoundError);
  });
});
