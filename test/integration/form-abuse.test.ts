import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_FORM_LIMITS } from '../../functions/domain/abuse/rate-limiter.js';
import { eventually, outbox, postRequest, startStackFixture, type StackFixture } from '../support/local-stack-fixture.js';

let fixture: StackFixture;
beforeAll(async () => {
  fixture = await startStackFixture();
});
afterAll(async () => fixture?.stack.stop());

describe('the form through the local stack, scripted against one address', () => {
  it('accepts only the hourly limit of requests naming one address, so only their letters reach it', async () => {
    const victim = `offer.${Date.now()}@example.no`;
    const perHour = DEFAULT_FORM_LIMITS.perRecipient[0]!.max;
    const statuses: number[] = [];
    for (let index = 0; index < perHour + 5; index += 1) {
      statuses.push((await postRequest(fixture.stack.urls.app, { language: 'nb', name: `Skript ${index} <b>kjøp nå</b>`, email: victim, types: ['access'] })).status);
    }

    expect(statuses.filter((status) => status === 202)).toHaveLength(perHour);
    expect(statuses.slice(perHour)).toEqual(Array(5).fill(429));
    // Each accepted request sends its acknowledgement and one code: nothing more reaches the address.
    const mails = await eventually(async () => {
      const sent = await outbox(fixture.stack.urls.ses, victim);
      return sent.length >= perHour * 2 ? sent : undefined;
    }, 'the accepted requests’ letters');
    expect(mails).toHaveLength(perHour * 2);
    for (const mail of mails) expect(mail.body.text).not.toContain('Skript');
  });

  it('refuses the system’s own address as a requester’s', async () => {
    const response = await postRequest(fixture.stack.urls.app, { language: 'en', name: 'Loop', email: 'naerkontor@obos.no', types: ['access'] });

    expect(response.status).toBe(400);
    expect(response.json).toEqual({ errors: [{ field: 'email', message: 'This is one of our own addresses. Enter your own e-mail address.' }] });
  });
});
