import { carryOut } from '../../../functions/domain/carry-out/carry-out.js';
import { notifyRecipients } from '../../../functions/domain/workflow/notify-recipients.js';
import { sendReply } from '../../../functions/domain/workflow/send-reply.js';
import { scenario, type ScenarioInput } from '../carry-out/carry-out-fixture.js';

type Fixture = ReturnType<typeof scenario>;

/**
 * Runs an approved request through the steps after approval, as the workflow does (carry out,
 * notify recipients, reply), and returns the reply mailed to the requester with the fixture.
 */
export async function answeredWith<F extends Fixture>(fixture: F) {
  await carryOut(fixture.deps, fixture.request.id);
  await notifyRecipients(fixture.deps, fixture.request.id);
  await sendReply(fixture.deps, fixture.request.id, 'approved');
  const reply = fixture.mailer.sent.find((mail) => mail.purpose === 'reply');
  if (!reply) throw new Error('no reply was sent');
  return { ...fixture, reply, text: reply.text };
}

/** {@link answeredWith} for a fresh scenario. */
export const answered = (input: ScenarioInput) => answeredWith(scenario(input));
