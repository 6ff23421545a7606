import { SendTaskSuccessCommand } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, outbox, postRequest, startStackFixture, type StackFixture } from '../support/local-stack-fixture.js';
import { enterCode, latestCode, staffPost, submitVerified, waitForStatus } from '../support/rights-driver.js';
import { seedFeatured } from '../support/seeded-customers.js';

/**
 * Every event that can arrive twice — the verification and decision callbacks (the task token
 * used again), a staff decision posted again, by the same approver or after the case moved on —
 * changes nothing the second time: the request, its audit trail and the mails are as they were.
 */
let fixture: StackFixture;
const PERSON = { name: 'Dag Dobbel', email: 'dag.dobbel@example.no', subscriptions: 'ended' } as const;

beforeAll(async () => {
  fixture = await startStackFixture();
  await seedFeatured([PERSON]);
});
afterAll(async () => fixture?.stack.stop());

/** What a repeated event must leave untouched: the request, its trail, and every mail to the person. */
async function snapshot(id: string) {
  return {
    request: await fixture.store.get(id),
    trail: await fixture.store.auditTrail(id),
    mails: (await outbox(fixture.stack.urls.ses, PERSON.email)).map((mail) => mail.messageId),
  };
}

/** Sends a task token to the workflow again, as a retried callback would; answers the API's error name, if any. */
async function sendTokenAgain(token: string, output: unknown): Promise<string | undefined> {
  try {
    await fixture.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify(output) }));
    return undefined;
  } catch (error) {
    return (error as Error).name;
  }
}

/** Lets anything a repeated event might have started run before comparing. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 1500));

describe('duplicate delivery changes nothing', { timeout: 180_000 }, () => {
  it('a verification callback sent twice (code entered again, task token replayed) leaves the case waiting for approval as it was', async () => {
    const response = await postRequest(fixture.stack.urls.app, { language: 'nb', name: PERSON.name, email: PERSON.email, types: ['access'] });
    const id = String(response.json.id);
    await waitForStatus(fixture, id, 'awaiting_verification');
    const verificationToken = await eventually(() => fixture.store.taskToken(id), 'the verification task token');
    const code = await latestCode(fixture, PERSON.email);
    await enterCode(fixture, id, code);
    await waitForStatus(fixture, id, 'awaiting_approval');
    await eventually(() => fixture.store.taskToken(id).then((token) => (token && token !== verificationToken ? token : undefined)), 'the decision task token');
    const before = await snapshot(id);

    const again = await enterCode(fixture, id, code);
    await again.arrayBuffer();
    const replayed = await sendTokenAgain(verificationToken, { verified: true, method: 'code' });
    await settle();

    expect(again.status).toBeLessThan(500);
    expect(replayed).toMatch(/TaskTimedOut|InvalidToken|TaskDoesNotExist/);
    expect(await snapshot(id)).toEqual(before);
  });

  it('a decision posted twice, then again after the case closed, and its callback replayed, is recorded and answered once', async () => {
    const id = await submitVerified(fixture, { name: PERSON.name, email: PERSON.email, types: ['access'] });
    const decisionToken = await eventually(() => fixture.store.taskToken(id), 'the decision task token');

    const first = await staffPost(fixture, id, 'decision', { outcome: 'approved' });
    const twice = await staffPost(fixture, id, 'decision', { outcome: 'approved' });
    await waitForStatus(fixture, id, 'closed');
    await settle();
    const before = await snapshot(id);

    const afterClosing = await staffPost(fixture, id, 'decision', { outcome: 'approved' });
    const otherWay = await staffPost(fixture, id, 'decision', { outcome: 'rejected', reason: 'Ombestemt etter at saken var lukket.' });
    const replayed = await sendTokenAgain(decisionToken, { outcome: 'approved' });
    await settle();

    expect(first.status).toBe(200);
    expect(twice.status).toBe(409);
    expect([afterClosing.status, otherWay.status]).toEqual([409, 409]);
    expect(replayed).toMatch(/TaskTimedOut|InvalidToken|TaskDoesNotExist/);
    expect(before.trail.filter((entry) => entry.event.startsWith('decision.'))).toHaveLength(1);
    expect(await snapshot(id)).toEqual(before);
  });

  it('the HTML form sent twice with its key (a double click, a retry) makes one request, one acknowledgement and one code', async () => {
    const email = `dobbelt.skjema.${Date.now()}@example.no`;
    const form = new URLSearchParams([['name', 'Dobbel Klikk'], ['email', email], ['types', 'access'], ['language', 'nb'], ['idempotencyKey', `twice-${Date.now()}`]]);
    const post = () =>
      fetch(new URL('/api/requests', fixture.stack.urls.app), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
        body: form.toString(),
        redirect: 'manual',
      });

    const [first, second] = await Promise.all([post(), post()]);
    const id = /\/receipt\/(NK-[0-9A-Z-]+)/.exec(first.headers.get('location') ?? '')?.[1];
    await waitForStatus(fixture, id!, 'awaiting_verification');
    await settle();

    expect([first.status, second.status]).toEqual([303, 303]);
    expect(second.headers.get('location')).toBe(first.headers.get('location'));
    let requests = 0;
    for await (const request of fixture.store.listAll()) if (request.requester.email === email) requests += 1;
    expect(requests).toBe(1);
    expect((await outbox(fixture.stack.urls.ses, email)).map((mail) => mail.subject.includes(id!))).toEqual([true, true]);
  });

  it('the same approver approving an erasure twice leaves one approval and the case waiting for a second person', async () => {
    const id = await submitVerified(fixture, { name: PERSON.name, email: PERSON.email, types: ['erasure'] });

    const first = await staffPost(fixture, id, 'decision', { outcome: 'approved' }, 'anne');
    const before = await snapshot(id);
    const again = await staffPost(fixture, id, 'decision', { outcome: 'approved' }, 'anne');
    await settle();

    expect(first).toMatchObject({ status: 202, json: { awaitingSecondApprover: true } });
    expect(again.status).toBe(409);
    expect(before.request).toMatchObject({ status: 'awaiting_approval', approvals: [expect.objectContaining({ by: 'staff:anne' })] });
    expect(await snapshot(id)).toEqual(before);
  });
});
