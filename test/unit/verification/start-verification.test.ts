import { describe, expect, it } from 'vitest';
import { InvalidTransitionError } from '../../../functions/domain/request/request-errors.js';
import type { Status } from '../../../functions/domain/request/request-vocabulary.js';
import { startVerification } from '../../../functions/domain/verification/start-verification.js';
import { AmbiguousRequesterError } from '../../../functions/domain/verification/verification-errors.js';
import { REQUESTER, REQUEST_ID } from '../fixtures/rights-request-fixture.js';
import { KARI_ID, REGISTERED_ELSEWHERE, START, STRANGER_EMAIL, aProfile, verificationWorld } from './verification-fixture.js';

describe('startVerification', () => {
  it('returns alreadyVerified false after mailing a code to the registered address and recording awaiting_verification', async () => {
    // Prepare
    const { deps, store, mailer } = verificationWorld();
    // Act
    const result = await startVerification(deps, REQUEST_ID);
    // Assess
    expect(result).toEqual({ alreadyVerified: false });
    expect(mailer.sent.map((mail) => [mail.to, mail.purpose])).toEqual([[REQUESTER.email, 'verification-code']]);
    const stored = await store.get(REQUEST_ID);
    expect(stored).toMatchObject({
      status: 'awaiting_verification',
      verification: { status: 'pending', subject: 'customer' },
      customerIds: [KARI_ID],
      mailsSent: { 'verification-code': { messageId: 'fake-message-1', sentAt: START } },
    });
    expect(await store.auditTrail(REQUEST_ID)).toEqual([
      {
        requestId: REQUEST_ID,
        at: START,
        event: 'verification.started',
        fromStatus: 'received',
        toStatus: 'awaiting_verification',
        actor: 'system:verification',
        detail: { purpose: 'verification-code', codes: 1, messageIds: ['fake-message-1'] },
      },
    ]);
  });

  it('sends the customer code to the registered address, and the unregistered one the request came from only a code proving that address, that one first', async () => {
    // A customer writes from a new address, giving their registered phone number.
    const { deps, store, mailer } = verificationWorld(
      { requester: { name: REQUESTER.name, email: STRANGER_EMAIL, phone: '934 20 183' } },
      { profiles: [aProfile({ email: REGISTERED_ELSEWHERE })] },
    );

    await startVerification(deps, REQUEST_ID);

    // The person asking is mailed first: their letter comes no later when the phone they typed is a customer's.
    expect(mailer.sent.map((mail) => mail.to)).toEqual([STRANGER_EMAIL, REGISTERED_ELSEWHERE]);
    expect(await store.get(REQUEST_ID)).toMatchObject({ verification: { subject: 'customer' }, customerIds: [KARI_ID] });
    const record = await deps.verifications.get(REQUEST_ID);
    expect(record?.codes.map((code) => [code.destination, code.customerIds])).toEqual([['registered', [KARI_ID]], ['given', []]]);
  });

  it('sends the code to the given address and marks the request subject address when the requester is no customer', async () => {
    const { deps, store, mailer } = verificationWorld(
      { requester: { name: 'Ola Nordmann', email: STRANGER_EMAIL, phone: '+47 400 00 000' } },
      { profiles: [aProfile()] },
    );

    await startVerification(deps, REQUEST_ID);

    expect(mailer.sent.map((mail) => mail.to)).toEqual([STRANGER_EMAIL]);
    const stored = await store.get(REQUEST_ID);
    expect(stored?.verification).toEqual({ status: 'pending', subject: 'address' });
    expect(stored?.customerIds).toBeUndefined();
  });

  it('prefers the customer registered with the address the request came from when e-mail and phone match different customers', async () => {
    const { deps, store, mailer } = verificationWorld(
      {},
      { profiles: [aProfile(), aProfile({ customerId: 'C-2002', email: REGISTERED_ELSEWHERE, phone: '+4793420183' })] },
    );

    await startVerification(deps, REQUEST_ID);

    expect(mailer.sent.map((mail) => mail.to)).toEqual([REQUESTER.email]);
    expect((await store.get(REQUEST_ID))?.customerIds).toEqual([KARI_ID]);
  });

  it('sends one code per registered address when the phone matches customers registered with different addresses', async () => {
    const { deps, store, mailer, verifications } = verificationWorld(
      { requester: { name: REQUESTER.name, email: STRANGER_EMAIL, phone: '93420183' } },
      {
        profiles: [
          aProfile({ email: 'b@example.no' }),
          aProfile({ customerId: 'C-2002', email: 'a@example.no' }),
        ],
      },
    );

    await startVerification(deps, REQUEST_ID);

    expect(mailer.sent.map((mail) => mail.to)).toEqual([STRANGER_EMAIL, 'a@example.no', 'b@example.no']);
    expect((await store.get(REQUEST_ID))?.customerIds).toEqual([KARI_ID, 'C-2002']);
    const record = await verifications.get(REQUEST_ID);
    expect(record?.codes.map((code) => code.customerIds)).toEqual([['C-2002'], [KARI_ID], []]);
    expect(record?.codes.map((code) => code.destination)).toEqual(['registered', 'registered', 'given']);
  });

  it('throws AmbiguousRequesterError and sends nothing when the matches have more than three registered addresses', async () => {
    const profiles = ['a', 'b', 'c', 'd'].map((letter, i) => aProfile({ customerId: `C-${i}`, email: `${letter}@example.no` }));
    const { deps, store, mailer } = verificationWorld({ requester: { name: REQUESTER.name, email: STRANGER_EMAIL, phone: '93420183' } }, { profiles });

    await expect(startVerification(deps, REQUEST_ID)).rejects.toBeInstanceOf(AmbiguousRequesterError);
    expect(mailer.attempts).toEqual([]);
    expect((await store.get(REQUEST_ID))?.status).toBe('received');
  });

  it('ignores an anonymised customer and treats the requester as the owner of the address', async () => {
    const { deps, store, mailer, customers } = verificationWorld();
    await customers.anonymiseProfile(KARI_ID, START);

    await startVerification(deps, REQUEST_ID);

    expect(mailer.sent.map((mail) => mail.to)).toEqual([REQUESTER.email]);
    expect((await store.get(REQUEST_ID))?.verification?.subject).toBe('address');
  });

  it('stores only a salted hash of the code, never the code itself or an address', async () => {
    const { deps, verifications, codes } = verificationWorld();

    await startVerification(deps, REQUEST_ID);

    expect(codes).toHaveLength(1);
    expect(verifications.writes).toHaveLength(1);
    const written = verifications.writes[0]!;
    expect(written).not.toContain(codes[0]);
    expect(written).not.toContain(REQUESTER.email);
    expect(written).not.toContain('@');
    const record = JSON.parse(written) as { codes: { hash: string; salt: string }[]; expiresAt: string; attempts: number };
    expect(record.codes[0]!.hash).toMatch(/^[\w-]{43}$/);
    expect(record.codes[0]!.salt).toMatch(/^[\w-]{22}$/);
    expect(record.expiresAt).toBe('2026-11-24T08:30:00.000Z');
    expect(record.attempts).toBe(0);
  });

  it('returns alreadyVerified true and sends nothing when staff verified the request first', async () => {
    const { deps, store, mailer } = verificationWorld({
      verification: { status: 'verified', subject: 'customer', method: 'manual', verifiedAt: START, verifiedBy: 'staff:ola', reason: 'phone' },
    });

    expect(await startVerification(deps, REQUEST_ID)).toEqual({ alreadyVerified: true });
    expect(mailer.attempts).toEqual([]);
    expect(await store.auditTrail(REQUEST_ID)).toEqual([]);
  });

  it('sends nothing again and writes nothing when run twice (a re-driven request)', async () => {
    const { deps, store, mailer, verifications } = verificationWorld();
    await startVerification(deps, REQUEST_ID);

    const again = await startVerification(deps, REQUEST_ID);

    expect(again).toEqual({ alreadyVerified: false });
    expect(mailer.sent).toHaveLength(1);
    expect(verifications.writes).toHaveLength(1);
    expect(await store.auditTrail(REQUEST_ID)).toHaveLength(1);
  });

  it('puts a pending request flagged for staff back to awaiting_verification without a new code', async () => {
    const { deps, store, mailer } = verificationWorld({ status: 'needs_attention', verification: { status: 'pending', subject: 'customer' } });

    await startVerification(deps, REQUEST_ID);

    expect(mailer.sent).toEqual([]);
    expect((await store.get(REQUEST_ID))?.status).toBe('awaiting_verification');
    expect((await store.auditTrail(REQUEST_ID)).map((e) => [e.event, e.fromStatus, e.toStatus])).toEqual([
      ['status.changed', 'needs_attention', 'awaiting_verification'],
    ]);
  });

  it.each<Status>(['closed', 'replied', 'rejected', 'unverified'])('throws InvalidTransitionError when the request is %s', async (status) => {
    const { deps, mailer } = verificationWorld({ status });

    await expect(startVerification(deps, REQUEST_ID)).rejects.toBeInstanceOf(InvalidTransitionError);
    expect(mailer.attempts).toEqual([]);
  });

  it('logs identifiers and counts only, never an address, a name or the code', async () => {
    const { deps, logLines, codes } = verificationWorld();

    await startVerification(deps, REQUEST_ID);

    const log = logLines.join('\n');
    expect(log).toContain('verification.started');
    for (const secret of [REQUESTER.email, REQUESTER.name, codes[0]!, 'customer']) expect(log).not.toContain(secret);
  });
});
