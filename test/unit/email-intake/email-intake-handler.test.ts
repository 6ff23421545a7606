import { describe, expect, it } from 'vitest';
import { createEmailIntakeHandler } from '../../../functions/mail/email-intake/email-intake.js';
import { WITHHELD_MESSAGE } from '../../../functions/platform/withheld-error.js';
import { lambdaContext } from '../../../infra/local/lambda/lambda-context.js';
import { sesEvent, setUp } from './intake-fixture.js';

describe('createEmailIntakeHandler', () => {
  it('takes in the mails of a valid SES event and reports each outcome', async () => {
    const { deps, arrive } = setUp();
    arrive({}, { sesMessageId: 'ses-h1' });
    const handler = createEmailIntakeHandler(deps);
    const result = await handler(sesEvent({ sesMessageId: 'ses-h1' }), lambdaContext('dsr-email-intake'));
    expect(result).toEqual({ mails: [expect.objectContaining({ inboxId: 'ses-h1', outcome: 'case', recorded: true })] });
  });

  it('throws InvalidSesEventError for an event that is not an SES receipt, naming only paths', async () => {
    const { deps, log } = setUp();
    const handler = createEmailIntakeHandler(deps);
    await expect(handler({ Records: [{ eventSource: 'aws:s3' }] }, lambdaContext('dsr-email-intake'))).rejects.toMatchObject({
      name: 'InvalidSesEventError',
    });
    expect(log.events()).toContain('intake.invalid_event');
  });

  it('lets a store failure through so Lambda retries the invocation', async () => {
    const { deps, arrive, inbox } = setUp();
    arrive({}, { sesMessageId: 'ses-h2' });
    inbox.claimMessage = async () => {
      throw Object.assign(new Error('throttled'), { name: 'ThrottlingException' });
    };
    const handler = createEmailIntakeHandler(deps);
    await expect(handler(sesEvent({ sesMessageId: 'ses-h2' }), lambdaContext('dsr-email-intake'))).rejects.toMatchObject({ name: 'ThrottlingException' });
  });

  it('lets a failure leave with its name only, never the message that may quote the sender', async () => {
    const { deps, arrive, inbox } = setUp();
    arrive({}, { sesMessageId: 'ses-h3' });
    inbox.claimMessage = async () => {
      throw Object.assign(new Error('Item for sender per.hansen@example.no too large'), { name: 'ValidationException' });
    };
    const handler = createEmailIntakeHandler(deps);
    const thrown = await handler(sesEvent({ sesMessageId: 'ses-h3' }), lambdaContext('dsr-email-intake')).then(
      () => undefined,
      (error: unknown) => error as Error,
    );
    expect(thrown).toMatchObject({ name: 'ValidationException', message: WITHHELD_MESSAGE });
    expect(`${thrown?.message}\n${thrown?.stack}`).not.toContain('per.hansen');
  });
});
