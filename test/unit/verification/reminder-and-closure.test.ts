import { describe, expect, it } from 'vitest';
import { REMEDIES } from '../../../functions/domain/letters/letter.js';
import { InvalidTransitionError } from '../../../functions/domain/request/request-errors.js';
import { closeUnverified } from '../../../functions/domain/verification/close-unverified.js';
import { sendVerificationReminder } from '../../../functions/domain/verification/send-verification-reminder.js';
import { startVerification } from '../../../functions/domain/verification/start-verification.js';
import { submitCode } from '../../../functions/domain/verification/submit-code.js';
import { AlreadyVerifiedError, NoRegisteredContactError } from '../../../functions/domain/verification/verification-errors.js';
import { REQUESTER, REQUEST_ID } from '../fixtures/rights-request-fixture.js';
import { DAY, KARI_ID, REGISTERED_ELSEWHERE, STRANGER_EMAIL, aProfile, codeIn, verificationWorld } from './verification-fixture.js';

async function started(...args: Parameters<typeof verificationWorld>) {
  const world = verificationWorld(...args);
  await startVerification(world.deps, REQUEST_ID);
  return world;
}

describe('sendVerificationReminder', () => {
  it('returns reminded after mailing a fresh code to the registered address and recording remindedAt', async () => {
    // Prepare
    const { deps, store, mailer, advance, now } = await started(
      { requester: { name: REQUESTER.name, email: STRANGER_EMAIL, phone: '934 20 183' } },
      { profiles: [aProfile({ email: REGISTERED_ELSEWHERE })] },
    );
    advance(3 * DAY);
    // Act
    const result = await sendVerificationReminder(deps, REQUEST_ID);
    // Assess
    expect(result).toEqual({ reminded: true });
    const reminders = mailer.sent.filter((mail) => mail.purpose === 'verification-reminder');
    // The address the person typed first, so the delay of their letter does not tell whether the phone is a customer's.
    expect(reminders.map((mail) => mail.to)).toEqual([STRANGER_EMAIL, REGISTERED_ELSEWHERE]);
    const reminder = reminders[1]!;
    expect(reminder.subject).toBe(`Påminnelse: bekreft henvendelsen din – referanse ${REQUEST_ID}`);
    const stored = await store.get(REQUEST_ID);
    expect(stored?.verification).toEqual({ status: 'pending', subject: 'customer', remindedAt: now() });
    expect(stored?.mailsSent['verification-reminder']).toEqual({ messageId: 'fake-message-4', sentAt: now() });
    expect((await store.auditTrail(REQUEST_ID)).at(-1)).toMatchObject({ event: 'verification.reminded', actor: 'system:verification' });
    expect(await submitCode(deps, REQUEST_ID, codeIn(reminder.text))).toEqual({ outcome: 'verified' });
  });

  it('sends no second reminder when run again', async () => {
    const { deps, mailer, store } = await started();
    await sendVerificationReminder(deps, REQUEST_ID);
    const trail = (await store.auditTrail(REQUEST_ID)).length;

    expect(await sendVerificationReminder(deps, REQUEST_ID)).toEqual({ reminded: true });
    expect(mailer.sent).toHaveLength(2);
    expect(await store.auditTrail(REQUEST_ID)).toHaveLength(trail);
  });

  it('returns reminded false and sends nothing when the request was verified meanwhile', async () => {
    const { deps, mailer } = await started();
    await submitCode(deps, REQUEST_ID, codeIn(mailer.sent[0]!.text));

    expect(await sendVerificationReminder(deps, REQUEST_ID)).toEqual({ reminded: false });
    expect(mailer.sent).toHaveLength(1);
  });

  it('throws NoRegisteredContactError for staff rather than mail an unregistered address', async () => {
    const { deps, mailer, customers } = await started();
    await customers.deleteProfile(KARI_ID);

    await expect(sendVerificationReminder(deps, REQUEST_ID)).rejects.toBeInstanceOf(NoRegisteredContactError);
    expect(mailer.sent).toHaveLength(1);
  });

  it('throws InvalidTransitionError when verification never started', async () => {
    await expect(sendVerificationReminder(verificationWorld().deps, REQUEST_ID)).rejects.toBeInstanceOf(InvalidTransitionError);
  });
});

describe('closeUnverified', () => {
  it('returns closed after moving the request to unverified, mailing the closure letter and closing it', async () => {
    // Prepare
    const { deps, store, mailer, advance, now } = await started({}, { taskToken: 'token-2' });
    advance(14 * DAY);
    // Act
    const result = await closeUnverified(deps, REQUEST_ID);
    // Assess
    expect(result).toEqual({ closed: true });
    const letter = mailer.sent[1]!;
    expect([letter.to, letter.purpose]).toEqual([REQUESTER.email, 'unverified-closure']);
    expect(letter.subject).toBe(`Henvendelsen din er avsluttet – referanse ${REQUEST_ID}`);
    expect(letter.text).toContain(REMEDIES.nb);
    expect(letter.text).toContain('når som helst');
    expect(await store.taskToken(REQUEST_ID)).toBeUndefined();
    expect((await store.get(REQUEST_ID))?.status).toBe('closed');
    const trail = (await store.auditTrail(REQUEST_ID)).slice(1);
    expect(trail.map((entry) => [entry.event, entry.fromStatus, entry.toStatus, entry.at])).toEqual([
      ['status.changed', 'awaiting_verification', 'unverified', now()],
      ['mail.sent', undefined, undefined, now()],
      ['status.changed', 'unverified', 'closed', now()],
    ]);
  });

  it('changes and sends nothing when run again', async () => {
    const { deps, store, mailer } = await started();
    await closeUnverified(deps, REQUEST_ID);
    const trail = (await store.auditTrail(REQUEST_ID)).length;

    expect(await closeUnverified(deps, REQUEST_ID)).toEqual({ closed: true });
    expect(mailer.sent).toHaveLength(2);
    expect(await store.auditTrail(REQUEST_ID)).toHaveLength(trail);
  });

  it('finishes a closure interrupted after the unverified status was recorded, sending the letter once', async () => {
    const { deps, store, mailer } = await started();
    mailer.failWith(new Error('SES down'), 1);
    await expect(closeUnverified(deps, REQUEST_ID)).rejects.toThrow('SES down');
    expect((await store.get(REQUEST_ID))?.status).toBe('unverified');

    await closeUnverified(deps, REQUEST_ID);

    expect(mailer.sent.filter((mail) => mail.purpose === 'unverified-closure')).toHaveLength(1);
    expect((await store.get(REQUEST_ID))?.status).toBe('closed');
  });

  it('refuses a right code once the closure began', async () => {
    const { deps, mailer } = await started();
    mailer.failWith(new Error('SES down'), 1);
    await closeUnverified(deps, REQUEST_ID).catch(() => undefined);

    expect(await submitCode(deps, REQUEST_ID, codeIn(mailer.sent[0]!.text))).toEqual({ outcome: 'not_pending' });
  });

  it('throws AlreadyVerifiedError and closes nothing when the requester was verified at the last moment', async () => {
    const { deps, store, mailer } = await started();
    await submitCode(deps, REQUEST_ID, codeIn(mailer.sent[0]!.text));

    await expect(closeUnverified(deps, REQUEST_ID)).rejects.toBeInstanceOf(AlreadyVerifiedError);
    expect((await store.get(REQUEST_ID))?.status).toBe('awaiting_verification');
    expect(mailer.sent).toHaveLength(1);
  });

  it('throws InvalidTransitionError for a request past verification', async () => {
    const { deps } = verificationWorld({ status: 'gathering' });

    await expect(closeUnverified(deps, REQUEST_ID)).rejects.toBeInstanceOf(InvalidTransitionError);
  });
});
