import { describe, expect, it } from 'vitest';
import type { RequestStore } from '../../../functions/domain/request/request-store.js';
import { sendVerificationReminder } from '../../../functions/domain/verification/send-verification-reminder.js';
import { startVerification } from '../../../functions/domain/verification/start-verification.js';
import { submitCode } from '../../../functions/domain/verification/submit-code.js';
import { REQUEST_ID } from '../fixtures/rights-request-fixture.js';
import { DAY, codeIn, verificationWorld, type VerificationWorld } from './verification-fixture.js';

/** The next `apply` dies as a process would after SES accepted the mail: nothing is recorded. */
function crashNextApply(store: RequestStore): void {
  const apply = store.apply.bind(store);
  let crashed = false;
  store.apply = async (...args) => {
    if (!crashed) {
      crashed = true;
      throw new Error('process killed');
    }
    return apply(...args);
  };
}

const textsFor = (world: VerificationWorld, purpose: string): string[] =>
  world.mailer.sent.filter((mail) => mail.purpose === purpose).map((mail) => mail.text);

describe('code letters after a crash', () => {
  it('sends no second, different code when the start step dies after the code went out and runs again', async () => {
    const world = verificationWorld();
    crashNextApply(world.store);
    await expect(startVerification(world.deps, REQUEST_ID)).rejects.toThrow('process killed');

    await startVerification(world.deps, REQUEST_ID);

    const letters = textsFor(world, 'verification-code');
    expect(letters).toHaveLength(1);
    expect(world.codes).toHaveLength(1);
    expect((await world.store.get(REQUEST_ID))?.verification).toMatchObject({ status: 'pending' });
    expect(await submitCode(world.deps, REQUEST_ID, codeIn(letters[0]!))).toEqual({ outcome: 'verified' });
  });

  it('sends the identical recorded letter when the step died before SES accepted it', async () => {
    const world = verificationWorld();
    world.mailer.failWith(new Error('connection reset'), 1);
    await expect(startVerification(world.deps, REQUEST_ID)).rejects.toThrow('connection reset');

    await startVerification(world.deps, REQUEST_ID);

    const letters = textsFor(world, 'verification-code');
    expect(letters).toHaveLength(1);
    expect(world.mailer.attempts.map((mail) => mail.text)).toEqual([letters[0], letters[0]]);
    expect(await submitCode(world.deps, REQUEST_ID, codeIn(letters[0]!))).toEqual({ outcome: 'verified' });
  });

  it('sends no second, different reminder when the reminder step dies after sending and runs again', async () => {
    const world = verificationWorld();
    await startVerification(world.deps, REQUEST_ID);
    world.advance(3 * DAY);
    crashNextApply(world.store);
    await expect(sendVerificationReminder(world.deps, REQUEST_ID)).rejects.toThrow('process killed');

    expect(await sendVerificationReminder(world.deps, REQUEST_ID)).toEqual({ reminded: true });

    const reminders = textsFor(world, 'verification-reminder');
    expect(reminders).toHaveLength(1);
    expect((await world.store.get(REQUEST_ID))?.verification?.remindedAt).toBeDefined();
    expect(await submitCode(world.deps, REQUEST_ID, codeIn(reminders[0]!))).toEqual({ outcome: 'verified' });
  });
});
