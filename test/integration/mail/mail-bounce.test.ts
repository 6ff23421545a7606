import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNDELIVERABLE_EVENT } from '../../../functions/domain/mail/delivery-problem.js';
import { LocalFunctions } from '../../../infra/local/lambda/local-functions.js';
import { eventually, outbox, postRequest, startStackFixture, tempDataDir, type StackFixture } from '../../support/local-stack-fixture.js';

const EMAIL = 'finnes.ikke@example.no';

/** The SNS event Lambda gets when SES publishes a permanent bounce of one message. */
const snsBounce = (messageId: string, requestId: string) => ({
  Records: [
    {
      EventSource: 'aws:sns',
      Sns: {
        Type: 'Notification',
        MessageId: 'sns-1',
        TopicArn: 'arn:aws:sns:eu-north-1:000000000000:ses-events',
        Message: JSON.stringify({
          eventType: 'Bounce',
          mail: { messageId, destination: [EMAIL], tags: { request: [requestId], purpose: ['acknowledgement'] } },
          bounce: { bounceType: 'Permanent', bounceSubType: 'NoEmail', bouncedRecipients: [{ emailAddress: EMAIL }] },
        }),
      },
    },
  ],
});

describe('a bounced mail, through the local stack', () => {
  let fixture: StackFixture;

  beforeAll(async () => {
    fixture = await startStackFixture({ dataDir: tempDataDir() });
  }, 120_000);

  afterAll(async () => {
    await fixture?.stack.stop();
  });

  it('sends with the configuration set named (local SES accepts it), and a permanent bounce flags the request for staff', async () => {
    expect(fixture.stack.environment.SES_CONFIGURATION_SET ?? process.env.SES_CONFIGURATION_SET).toBe('obos-naerkontor-dsr-local');
    const { status, json } = await postRequest(fixture.stack.urls.app, {
      name: 'Finnes Ikke',
      email: EMAIL,
      types: ['access'],
      language: 'nb',
    });
    expect(status).toBe(202);
    const id = String(json.id);
    // The receipt went out (through the local SES, configuration set and all) and the workflow waits for the code.
    const request = await eventually(async () => {
      const stored = await fixture.store.get(id);
      const waiting = stored?.mailsSent.acknowledgement && stored.status === 'awaiting_verification' && (await fixture.store.taskToken(id));
      return waiting ? stored : undefined;
    }, 'the acknowledgement and the wait for verification');
    expect((await outbox(fixture.stack.urls.ses, EMAIL)).length).toBeGreaterThan(0);

    await new LocalFunctions().invoke('mail-events', snsBounce(request.mailsSent.acknowledgement!.messageId, id));

    const flagged = await fixture.store.get(id);
    expect(flagged?.status).toBe('needs_attention');
    const entry = (await fixture.store.auditTrail(id)).find((audit) => audit.event === UNDELIVERABLE_EVENT);
    expect(entry).toMatchObject({
      fromStatus: 'awaiting_verification',
      toStatus: 'needs_attention',
      detail: { kind: 'bounce', purpose: 'acknowledgement', undeliverableAddresses: [EMAIL] },
    });
  }, 120_000);
});
