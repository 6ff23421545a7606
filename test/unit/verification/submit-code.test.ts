import { describe, expect, it } from 'vitest';
import { startVerification } from '../../../functions/domain/verification/start-verification.js';
import { normaliseCode, submitCode } from '../../../functions/domain/verification/submit-code.js';
import { REQUESTER, REQUEST_ID } from '../fixtures/rights-request-fixture.js';
import { KARI_ID, MINUTE, STRANGER_EMAIL, aProfile, codeIn, verificationWorld } from './verification-fixture.js';

/** A world whose verification has started and whose workflow waits with `token-1`. */
async function started(...args: Parameters<typeof verificationWorld>) {
  const world = verificationWorld(...args);
  await startVerification(world.deps, REQUEST_ID);
  await world.store.apply(REQUEST_ID, {
    expectedVersion: (await world.store.get(REQUEST_ID))!.version,
    set: { taskToken: 'token-1' },
    audit: { requestId: REQUEST_ID, at: world.now(), event: 'verification.awaiting', actor: 'system:workflow' },
  });
  return { ...world, code: codeIn(world.mailer.sent[0]!.text) };
}

describe('submitCode', () => {
  it('returns verified, records it with an audit entry and resumes the waiting workflow when the code is right', async () => {
    // Prepare
    const { deps, store, callbacks, code, advance, now } = await started();
    advance(5 * MINUTE);
    // Act
    const result = await submitCode(deps, REQUEST_ID, code);
    // Assess
    expect(result).toEqual({ outcome: 'verified' });
    const stored = await store.get(REQUEST_ID);
    expect(stored).toMatchObject({
      status: 'awaiting_verification',
      verification: { status: 'verified', subject: 'customer', method: 'code', verifiedAt: now() },
      customerIds: [KARI_ID],
    });
    expect(callbacks.succeeded).toEqual([{ taskToken: 'token-1', output: { verified: true, method: 'code' } }]);
    expect(await store.taskToken(REQUEST_ID)).toBeUndefined();
    expect((await store.auditTrail(REQUEST_ID)).at(-1)).toEqual({
      requestId: REQUEST_ID,
      at: now(),
      event: 'verification.verified',
      actor: 'requester',
      detail: { method: 'code', subject: 'customer', customers: 1 },
    });
  });

  it('accepts the code typed with spaces', async () => {
    const { deps, code } = await started();

    expect(await submitCode(deps, REQUEST_ID, ` ${code.slice(0, 3)} ${code.slice(3)} `)).toEqual({ outcome: 'verified' });
  });

  it('returns wrong_code with the tries left and counts each try', async () => {
    const { deps, verifications } = await started();

    expect(await submitCode(deps, REQUEST_ID, '000000')).toEqual({ outcome: 'wrong_code', triesLeft: 4 });
    expect(await submitCode(deps, REQUEST_ID, '000001')).toEqual({ outcome: 'wrong_code', triesLeft: 3 });
    expect((await verifications.get(REQUEST_ID))?.attempts).toBe(2);
  });

  it('returns too_many_tries for the right code after five wrong tries: the code is dead', async () => {
    const { deps, store, callbacks, code } = await started();
    const results = [];
    for (let i = 0; i < 5; i += 1) results.push(await submitCode(deps, REQUEST_ID, '000000'));

    const right = await submitCode(deps, REQUEST_ID, code);

    expect(results.map((r) => (r.outcome === 'wrong_code' ? r.triesLeft : r.outcome))).toEqual([4, 3, 2, 1, 0]);
    expect(right).toEqual({ outcome: 'too_many_tries' });
    expect((await store.get(REQUEST_ID))?.verification?.status).toBe('pending');
    expect(callbacks.attempts).toEqual([]);
  });

  it('never counts more than five tries when tries arrive in parallel', async () => {
    const { deps, verifications } = await started();
    await submitCode(deps, REQUEST_ID, '000000');
    await submitCode(deps, REQUEST_ID, '000000');

    const results = await Promise.all(Array.from({ length: 6 }, () => submitCode(deps, REQUEST_ID, '000000')));

    expect((await verifications.get(REQUEST_ID))?.attempts).toBe(5);
    const wrong = results.filter((r) => r.outcome === 'wrong_code');
    expect(wrong.map((r) => (r.outcome === 'wrong_code' ? r.triesLeft : -1)).sort()).toEqual([0, 1, 2]);
    expect(results.filter((r) => r.outcome === 'too_many_tries')).toHaveLength(3);
  });

  it('returns expired for the right code 30 minutes after it was sent', async () => {
    const { deps, code, advance, store } = await started();
    advance(30 * MINUTE);

    expect(await submitCode(deps, REQUEST_ID, code)).toEqual({ outcome: 'expired' });
    expect((await store.get(REQUEST_ID))?.verification?.status).toBe('pending');
  });

  it('accepts the right code one millisecond before it expires', async () => {
    const { deps, code, advance } = await started();
    advance(30 * MINUTE - 1);

    expect(await submitCode(deps, REQUEST_ID, code)).toEqual({ outcome: 'verified' });
  });

  it('returns malformed and uses no try when the input is not six digits', async () => {
    const { deps, verifications } = await started();

    for (const input of ['', '12345', '1234567', 'abcdef', '12 34 5x']) {
      expect(await submitCode(deps, REQUEST_ID, input)).toEqual({ outcome: 'malformed' });
    }
    expect((await verifications.get(REQUEST_ID))?.attempts).toBe(0);
  });

  it('returns not_pending for an unknown request, and for one already verified or closed', async () => {
    const { deps, code, store } = await started();

    expect(await submitCode(deps, 'NK-20261123-ZZZZZZZZ', code)).toEqual({ outcome: 'not_pending' });
    await submitCode(deps, REQUEST_ID, code);
    expect(await submitCode(deps, REQUEST_ID, code)).toEqual({ outcome: 'not_pending' });
    expect((await store.auditTrail(REQUEST_ID)).filter((e) => e.event === 'verification.verified')).toHaveLength(1);
  });

  it('returns expired when the record is gone (removed by TTL) so a new code can be asked for', async () => {
    const { deps, code, verifications } = await started();
    verifications.forget(REQUEST_ID);

    expect(await submitCode(deps, REQUEST_ID, code)).toEqual({ outcome: 'expired' });
  });

  it('verifies only the customers whose registered address received the code that was entered', async () => {
    const { deps, store, mailer } = await started(
      { requester: { name: REQUESTER.name, email: STRANGER_EMAIL, phone: '93420183' } },
      { profiles: [aProfile({ email: 'b@example.no' }), aProfile({ customerId: 'C-2002', email: 'a@example.no' })] },
    );
    const toB = mailer.sent.find((mail) => mail.to === 'b@example.no')!;

    await submitCode(deps, REQUEST_ID, codeIn(toB.text));

    expect((await store.get(REQUEST_ID))?.customerIds).toEqual([KARI_ID]);
  });

  it('verifies a non-customer as the owner of the address only', async () => {
    const { deps, store, code } = await started({ requester: { name: 'Ola', email: STRANGER_EMAIL } });

    await submitCode(deps, REQUEST_ID, code);

    const stored = await store.get(REQUEST_ID);
    expect(stored?.verification).toMatchObject({ status: 'verified', subject: 'address', method: 'code' });
    expect(stored?.customerIds).toBeUndefined();
  });

  it('returns verified and keeps the verification when the workflow cannot be reached', async () => {
    const { deps, store, callbacks, code, logLines } = await started();
    callbacks.failWith(Object.assign(new Error('down'), { name: 'ServiceUnavailable' }));

    expect(await submitCode(deps, REQUEST_ID, code)).toEqual({ outcome: 'verified' });
    expect((await store.get(REQUEST_ID))?.verification?.status).toBe('verified');
    expect(logLines.join('\n')).toContain('verification.delivery_failed');
  });

  it('finishes a verification whose record was written but whose request was not (a crash in between)', async () => {
    const { deps, store, verifications, code } = await started();
    const record = (await verifications.get(REQUEST_ID))!;
    const { version, ...data } = record;
    await verifications.save({ ...data, attempts: 1, verifiedAt: record.issuedAt }, version);

    expect(await submitCode(deps, REQUEST_ID, '000000')).toEqual({ outcome: 'not_pending' });
    expect(await submitCode(deps, REQUEST_ID, code)).toEqual({ outcome: 'verified' });
    expect((await store.get(REQUEST_ID))?.verification?.status).toBe('verified');
  });

  it('returns not_pending once the request was closed as unverified, even with the right code', async () => {
    const { deps, store, code } = await started();
    const request = (await store.get(REQUEST_ID))!;
    await store.apply(REQUEST_ID, {
      expectedVersion: request.version,
      set: { status: 'unverified' },
      audit: { requestId: REQUEST_ID, at: request.updatedAt, event: 'status.changed', actor: 'system:verification' },
    });

    expect(await submitCode(deps, REQUEST_ID, code)).toEqual({ outcome: 'not_pending' });
  });
});

describe('normaliseCode', () => {
  it.each([
    ['123456', '123456'],
    [' 123 456 ', '123456'],
    ['123-456', '123456'],
    ['12345', undefined],
    ['１２３４５６', undefined],
  ])('returns %j as %j', (input, expected) => {
    expect(normaliseCode(input)).toBe(expected);
  });
});
