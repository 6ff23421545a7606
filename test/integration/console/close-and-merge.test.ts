import { DescribeExecutionCommand } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csrfToken, type StaffGroup } from '../../../functions/domain/staff-auth/index.js';
import { executionArnFor } from '../../../infra/local/step-functions/arns.js';
import { eventually, outbox, startStackFixture, type StackFixture } from '../../support/local-stack-fixture.js';
import { submitVerified } from '../../support/rights-driver.js';
import { seedFeatured } from '../../support/seeded-customers.js';
import { localStaffToken } from '../../support/staff-token.js';

let fixture: StackFixture;
const PEOPLE = {
  unfounded: { name: 'Ulf Gjentakelse', email: 'ulf.gjentakelse@example.no', subscriptions: 'ended' },
  duplicate: { name: 'Dora Dobbel', email: 'dora.dobbel@example.no', subscriptions: 'ended' },
} as const;

beforeAll(async () => {
  fixture = await startStackFixture();
  await seedFeatured(Object.values(PEOPLE));
});

afterAll(async () => {
  await fixture?.stack.stop();
});

/** Posts a case-page form as a signed-in staff member would (session token, its CSRF token). */
async function caseAction(id: string, action: string, fields: Record<string, string>, user: { name: string; groups: StaffGroup[] }) {
  const token = localStaffToken(fixture.stack.environment, user.name, user.groups);
  return fetch(`${fixture.stack.urls.app}/console/requests/${encodeURIComponent(id)}/${action}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrf: csrfToken(token), ...fields }).toString(),
  });
}

const executionStatus = async (id: string) =>
  (await fixture.sfn.send(new DescribeExecutionCommand({ executionArn: executionArnFor(fixture.stack.environment.STATE_MACHINE_ARN!, id) }))).status;

const OFFICER = { name: 'personvernombud', groups: ['staff', 'privacy-officer'] as StaffGroup[] };
const STAFF = { name: 'kari.saksbehandler', groups: ['staff'] as StaffGroup[] };

describe('closing from the console, through the local stack', () => {
  it('closes a request as manifestly unfounded: the Art. 12(4) letter, status closed, the waiting workflow ends without a reply', async () => {
    const person = PEOPLE.unfounded;
    const id = await submitVerified(fixture, { name: person.name, email: person.email, types: ['access'] });
    const reason = 'Du har sendt samme henvendelse tolv ganger denne måneden, og vi svarte fullstendig 3. november.';

    expect((await caseAction(id, 'close', { ground: 'excessive', reason }, STAFF)).status).toBe(403);
    const closed = await caseAction(id, 'close', { ground: 'excessive', reason }, OFFICER);

    expect(closed.status).toBe(303);
    const stored = await fixture.store.get(id);
    expect(stored).toMatchObject({ status: 'closed', closure: { kind: 'excessive', by: 'staff:personvernombud' } });
    await eventually(async () => ((await executionStatus(id)) === 'SUCCEEDED' ? true : undefined), 'the execution to end');
    const mails = await outbox(fixture.stack.urls.ses, person.email);
    const letter = mails.at(-1)!;
    expect(letter.body.text).toContain(reason);
    expect(letter.body.text).toContain('Datatilsynet');
    expect(mails.some((mail) => mail.subject.startsWith('Henvendelsen din er behandlet'))).toBe(false);
  });

  it('merges a duplicate into the first request: the duplicate closes with a letter naming the first, whose trail records it', async () => {
    const person = PEOPLE.duplicate;
    const first = await submitVerified(fixture, { name: person.name, email: person.email, types: ['access'] });
    const duplicate = await submitVerified(fixture, { name: person.name, email: person.email, types: ['access'] });

    const merged = await caseAction(duplicate, 'merge', { into: first, reason: 'Samme person, samme spørsmål, sendt to ganger.' }, STAFF);

    expect(merged.status).toBe(303);
    expect(await fixture.store.get(duplicate)).toMatchObject({ status: 'closed', closure: { kind: 'merged', mergedInto: first } });
    expect((await fixture.store.get(first))?.status).toBe('awaiting_approval');
    expect((await fixture.store.auditTrail(first)).some((entry) => entry.event === 'case.merged_in' && entry.detail?.from === duplicate)).toBe(true);
    await eventually(async () => ((await executionStatus(duplicate)) === 'SUCCEEDED' ? true : undefined), 'the duplicate execution to end');
    expect(await executionStatus(first)).toBe('RUNNING');
    const letter = (await outbox(fixture.stack.urls.ses, person.email)).find((mail) => mail.body.text?.includes(first) && mail.subject.includes(duplicate));
    expect(letter).toBeDefined();
  });
});
