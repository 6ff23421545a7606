import { describe, expect, it } from 'vitest';
import { InvalidTransitionError } from '../../../functions/domain/request/request-errors.js';
import { startVerification } from '../../../functions/domain/verification/start-verification.js';
import { submitCode } from '../../../functions/domain/verification/submit-code.js';
import {
  AlreadyVerifiedError,
  UnknownVerificationCustomerError,
  VerificationReasonRequiredError,
} from '../../../functions/domain/verification/verification-errors.js';
import { verifyManually } from '../../../functions/domain/verification/verify-manually.js';
import { CommandError, UsageError } from '../../../infra/cli/cli-errors.js';
import { verifyCommand } from '../../../infra/cli/commands/verify-command.js';
import { REQUESTER, REQUEST_ID } from '../fixtures/rights-request-fixture.js';
import { KARI_ID, STRANGER_EMAIL, aProfile, codeIn, verificationWorld } from './verification-fixture.js';

const REASON = 'Ringte registrert nummer, bekreftet abonnement og adresse';

async function waiting(...args: Parameters<typeof verificationWorld>) {
  const world = verificationWorld(...args);
  await startVerification(world.deps, REQUEST_ID);
  const request = (await world.store.get(REQUEST_ID))!;
  await world.store.apply(REQUEST_ID, {
    expectedVersion: request.version,
    set: { taskToken: 'token-1' },
    audit: { requestId: REQUEST_ID, at: world.now(), event: 'verification.awaiting', actor: 'system:workflow' },
  });
  return world;
}

describe('verifyManually', () => {
  it('returns delivered after recording who verified and why, and resumes the waiting workflow', async () => {
    // Prepare
    const { deps, store, callbacks, now } = await waiting();
    // Act
    const result = await verifyManually(deps, REQUEST_ID, { actor: 'staff:ola', reason: `  ${REASON} ` });
    // Assess
    expect(result).toEqual({ subject: 'customer', delivered: true });
    expect((await store.get(REQUEST_ID))?.verification).toEqual({
      status: 'verified',
      subject: 'customer',
      method: 'manual',
      verifiedAt: now(),
      verifiedBy: 'staff:ola',
      reason: REASON,
    });
    expect(callbacks.succeeded).toEqual([{ taskToken: 'token-1', output: { verified: true, method: 'manual' } }]);
    expect((await store.auditTrail(REQUEST_ID)).at(-1)).toMatchObject({
      event: 'verification.verified',
      actor: 'staff:ola',
      reason: REASON,
      detail: { method: 'manual' },
    });
  });

  it.each(['', '   '])('throws VerificationReasonRequiredError and changes nothing when the reason is %j', async (reason) => {
    const { deps, store, callbacks } = await waiting();

    await expect(verifyManually(deps, REQUEST_ID, { actor: 'staff:ola', reason })).rejects.toBeInstanceOf(VerificationReasonRequiredError);
    expect((await store.get(REQUEST_ID))?.verification?.status).toBe('pending');
    expect(callbacks.attempts).toEqual([]);
  });

  it('verifies before the workflow started verification, which then goes straight on without a code', async () => {
    const { deps, store, mailer } = verificationWorld();

    const result = await verifyManually(deps, REQUEST_ID, { actor: 'staff:ola', reason: REASON });

    expect(result).toEqual({ subject: 'customer', delivered: false });
    expect((await store.get(REQUEST_ID))?.customerIds).toEqual([KARI_ID]);
    expect(await startVerification(deps, REQUEST_ID)).toEqual({ alreadyVerified: true });
    expect(mailer.sent).toEqual([]);
  });

  it('verifies a non-customer as the owner of the address', async () => {
    const { deps, store } = verificationWorld({ requester: { name: 'Ola', email: STRANGER_EMAIL } });

    expect(await verifyManually(deps, REQUEST_ID, { actor: 'staff:ola', reason: REASON })).toMatchObject({ subject: 'address' });
    expect((await store.get(REQUEST_ID))?.customerIds).toBeUndefined();
  });

  it('narrows the customers to those staff name, and refuses one the request did not match', async () => {
    const profiles = [aProfile({ email: 'b@example.no' }), aProfile({ customerId: 'C-2002', email: 'a@example.no' })];
    const { deps, store } = await waiting({ requester: { name: REQUESTER.name, email: STRANGER_EMAIL, phone: '93420183' } }, { profiles });

    await expect(
      verifyManually(deps, REQUEST_ID, { actor: 'staff:ola', reason: REASON, customerIds: ['C-9999'] }),
    ).rejects.toBeInstanceOf(UnknownVerificationCustomerError);
    await verifyManually(deps, REQUEST_ID, { actor: 'staff:ola', reason: REASON, customerIds: ['C-2002'] });

    expect((await store.get(REQUEST_ID))?.customerIds).toEqual(['C-2002']);
  });

  it('throws AlreadyVerifiedError when the code was entered first, and resumes nothing twice', async () => {
    const { deps, mailer, callbacks } = await waiting();
    await submitCode(deps, REQUEST_ID, codeIn(mailer.sent[0]!.text));

    await expect(verifyManually(deps, REQUEST_ID, { actor: 'staff:ola', reason: REASON })).rejects.toBeInstanceOf(AlreadyVerifiedError);
    expect(callbacks.attempts).toHaveLength(1);
  });

  it('throws InvalidTransitionError for a request closed as unverified', async () => {
    const { deps } = verificationWorld({ status: 'closed', verification: { status: 'pending', subject: 'customer' } });

    await expect(verifyManually(deps, REQUEST_ID, { actor: 'staff:ola', reason: REASON })).rejects.toBeInstanceOf(InvalidTransitionError);
  });
});

describe('verifyCommand', () => {
  it('returns JSON saying the request is verified and the workflow resumed', async () => {
    const { deps } = await waiting();

    const output = await verifyCommand(deps, { requestId: REQUEST_ID, actor: 'staff:ola', reason: REASON });

    expect(JSON.parse(output)).toEqual({ id: REQUEST_ID, verified: true, method: 'manual', subject: 'customer', delivered: true });
  });

  it('throws UsageError without --reason', async () => {
    const { deps } = await waiting();

    await expect(verifyCommand(deps, { requestId: REQUEST_ID, actor: 'staff:ola', reason: undefined })).rejects.toBeInstanceOf(UsageError);
  });

  it('throws CommandError for an unknown or already verified request', async () => {
    const { deps } = await waiting();
    await verifyCommand(deps, { requestId: REQUEST_ID, actor: 'staff:ola', reason: REASON });

    await expect(verifyCommand(deps, { requestId: REQUEST_ID, actor: 'staff:kari', reason: REASON })).rejects.toThrow(CommandError);
    await expect(
      verifyCommand(deps, { requestId: 'NK-20261123-ZZZZZZZZ', actor: 'staff:ola', reason: REASON }),
    ).rejects.toThrow(/no request with id/);
  });
});
