import type { InboundMessage, Recognition } from '../../../functions/domain/inbox/inbound-message.js';
import { receiveMail } from '../../../functions/domain/intake-mail/receive-mail.js';
import { aMessage, aRecognition, setUp } from '../email-intake/intake-fixture.js';

export const ACTOR = 'staff:kari.saksbehandler';

/**
 * The e-mail intake with fakes, and a way to put a mail in triage through it, so triage actions
 * work on entries exactly as the intake writes them. The clock stands three days after receipt.
 */
export function setUpTriage() {
  const intake = setUp({ now: '2026-11-26T09:00:00.000Z' });
  /** Receives a mail recognition is unsure of (or given `recognition`); it lands in triage. */
  const triaged = async (
    sesMessageId: string,
    mail: { readonly message?: InboundMessage; readonly recognition?: Recognition } = {},
  ): Promise<string> => {
    const event = intake.arrive(
      { message: mail.message ?? aMessage({ messageId: `<${sesMessageId}@example.no>` }), recognition: mail.recognition ?? aRecognition({ confidence: 0.5 }) },
      { sesMessageId },
    );
    const [result] = await receiveMail(intake.deps, event);
    if (result?.outcome !== 'triage') throw new Error(`test bug: ${sesMessageId} went to ${result?.outcome}`);
    return sesMessageId;
  };
  return { ...intake, triaged };
}
