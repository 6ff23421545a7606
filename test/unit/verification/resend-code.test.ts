import { describe, expect, it } from 'vitest';
import { resendCode } from '../../../functions/domain/verification/resend-code.js';
import { startVerification } from '../../../functions/domain/verification/start-verification.js';
import { submitCode } from '../../../functions/domain/verification/submit-code.js';
import { REQUESTER, REQUEST_ID } from '../fixtures/rights-request-fixture.js';
import { DAY, KARI_ID, MINUTE, REGISTERED_ELSEWHERE, STRANGER_EMAIL, aProfile, codeIn, verificationWorld } from './verification-fixture.js';

async function started(...args: Parameters<typeof verificationWorld>) {
  const world = verificationWorld(...args);
  await startVerification(world.deps, REQUEST_ID);
  return world;
}

describe('resendCode', () => {
  it('returns sent after replacing the old code: the old one no longer works, the new one does', async () => {
    // Prepare
    const { deps, mailer, advance } = await started();
    const first = codeIn(mailer.sent[0]!.text);
    advance(MINUTE);
    // Act
    const result = await resendCode(deps, REQUEST_ID);
    // Assess
    expect(result).toEqual({ outcome: 'sent' });
    const second = codeIn(mailer.sent[1]!.text);
    expect(second).not.toBe(first);
    expect(mailer.sent[1]!.purpose).toBe('verification-code');
    expect(await submitCode(deps, REQUEST_ID, first)).toEqual({ outcome: 'wrong_code', triesLeft: 4 });
    expect(await submitCode(deps, REQUEST_ID, second)).toEqual({ outcome: 'verified' });
  });

  it('gives a new code its own five tries and thirty minutes', async () => {
    const { deps, mailer, advance, verifications } = await started();
    for (let i = 0; i < 5; i += 1) await submitCode(deps, REQUEST_ID, '000000');
    advance(29 * MINUTE);

    await resendCode(deps, REQUEST_ID);
    advance(29 * MINUTE);

    expect((await verifications.get(REQUEST_ID))?.attempts).toBe(0);
    expect(await submitCode(deps, REQUEST_ID, codeIn(mailer.sent[1]!.text))).toEqual({ outcome: 'verified' });
  });

  it('records the resend with an audit entry and the latest message id', async () => {
    const { deps, store, advance, now } = await started();
    advance(2 * MINUTE);

    await resendCode(deps, REQUEST_ID);

    const stored = await store.get(REQUEST_ID);
    expect(stored?.mailsSent['verification-code']).toEqual({ messageId: 'fake-message-2', sentAt: now() });
    expect((await store.auditTrail(REQUEST_ID)).at(-1)).toMatchObject({
      event: 'verification.code_resent',
      actor: 'requester',
      detail: { purpose: 'verification-code', codes: 1 },
    });
  });

  it('returns too_soon with the seconds to wait when asked again within a minute, and sends nothing', async () => {
    const { deps, mailer, advance } = await started();
    advance(20_000);

    expect(await resendCode(deps, REQUEST_ID)).toEqual({ outcome: 'too_soon', retryAfterSeconds: 40 });
    expect(mailer.sent).toHaveLength(1);
  });

  it('returns limit_reached after five codes in 24 hours, and sends again once the first is a day old', async () => {
    const { deps, mailer, advance } = await started();
    const results = [];
    for (let i = 0; i < 5; i += 1) {
      advance(MINUTE);
      results.push((await resendCode(deps, REQUEST_ID)).outcome);
    }
    expect(results).toEqual(['sent', 'sent', 'sent', 'sent', 'limit_reached']);
    expect(mailer.sent).toHaveLength(5);

    advance(DAY - 4 * MINUTE);
    expect(await resendCode(deps, REQUEST_ID)).toEqual({ outcome: 'sent' });
  });

  it('lets only one of two parallel resends through', async () => {
    const { deps, mailer, advance } = await started();
    advance(MINUTE);

    const results = await Promise.all([resendCode(deps, REQUEST_ID), resendCode(deps, REQUEST_ID)]);

    expect(results.map((r) => r.outcome).sort()).toEqual(['sent', 'too_soon']);
    expect(mailer.sent).toHaveLength(2);
  });

  it('sends the new codes to the registered address and, proving only itself, the address the request came from', async () => {
    const { deps, mailer, advance } = await started(
      { requester: { name: REQUESTER.name, email: STRANGER_EMAIL, phone: '+47 934 20 183' } },
      { profiles: [aProfile({ email: REGISTERED_ELSEWHERE })] },
    );
    advance(MINUTE);

    await resendCode(deps, REQUEST_ID);

    expect(mailer.sent.map((mail) => mail.to)).toEqual([STRANGER_EMAIL, REGISTERED_ELSEWHERE, STRANGER_EMAIL, REGISTERED_ELSEWHERE]);
  });

  it('returns limit_reached, not an error, when the customer has no registered address any more', async () => {
    const { deps, mailer, advance, customers } = await started();
    await customers.deleteProfile(KARI_ID);
    advance(MINUTE);

    expect(await resendCode(deps, REQUEST_ID)).toEqual({ outcome: 'limit_reached' });
    expect(mailer.sent).toHaveLength(1);
  });

  it('returns not_pending for an unknown request, and for a verified one', async () => {
    const { deps, mailer, advance } = await started();
    advance(MINUTE);

    expect(await resendCode(deps, 'NK-20261123-ZZZZZZZZ')).toEqual({ outcome: 'not_pending' });
    await submitCode(deps, REQUEST_ID, codeIn(mailer.sent[0]!.text));
    expect(await resendCode(deps, REQUEST_ID)).toEqual({ outcome: 'not_pending' });
    expect(mailer.sent).toHaveLength(1);
  });
});
