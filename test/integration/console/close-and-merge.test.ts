import { DescribeExecutionCommand } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csrfToken, type StaffGroup } from '../../../functions/domain/staff-auth/index.js';
import { executionArnFor } from '../../../infra/local/step-functions/arns.js';
import { eventually, outbox, startStackFixture, type StackFixture } from '../../support/local-stack-fixture.js';
import { osloCalendarDate } from '../../../functions/domain/deadline/index.js';
import { enterCode, latestCode, staffPost, submitVerified, waitForStatus } from '../../support/rights-driver.js';
import { postRequest } from '../../support/local-stack-fixture.js';
import { seedFeatured } from '../../support/seeded-customers.js';
import { localStaffToken } from '../../support/staff-token.js';
import { followConsoleRefusal } from '../../support/console-refusal.js';

let fixture: StackFixture;
const PEOPLE = {
  unfounded: { name: 'Ulf Gjentakelse', email: 'ulf.gjentakelse@example.no', subscriptions: 'ended' },
  duplicate: { name: 'Dora Dobbel', email: 'dora.dobbel@example.no', subscriptions: 'ended' },
  twoAddresses: { name: 'Tor Toadresse', email: 'tor.toadresse@example.no', subscriptions: 'ended' },
  planned: { name: 'Pia Planlagt', email: 'pia.planlagt@example.no', subscriptions: 'ended' },
  apiMerge: { name: 'Arne Apiflett', email: 'arne.apiflett@example.no', subscriptions: 'ended' },
} as const;
/** Tor's private address, which no customer has: he phoned in from it before he used the form. */
const TOR_PRIVATE = 'tor.privat@example.org';

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

/** The case page a refused action redirects to, loaded as the same staff member with the refusal cookie. */
const refusedPage = (refused: Response, user: { name: string; groups: StaffGroup[] }) =>
  followConsoleRefusal(fixture.stack.urls.app, refused, { authorization: `Bearer ${localStaffToken(fixture.stack.environment, user.name, user.groups)}` });

const executionStatus = async (id: string) =>
  (await fixture.sfn.send(new DescribeExecutionCommand({ executionArn: executionArnFor(fixture.stack.environment.STATE_MACHINE_ARN!, id) }))).status;

const OFFICER = { name: 'personvernombud', groups: ['staff', 'privacy-officer'] as StaffGroup[] };
const STAFF = { name: 'kari.saksbehandler', groups: ['staff'] as StaffGroup[] };

describe('merging through the staff API, through the local stack', () => {
  it('merges a request from another address only with the same-person confirmation: the duplicate closes with its letter, the first keeps every right', async () => {
    const person = PEOPLE.apiMerge;
    const first = await submitVerified(fixture, { name: person.name, email: person.email, types: ['access'] });
    const other = await postRequest(fixture.stack.urls.app, { name: person.name, email: 'arne.privat@example.org', types: ['access'], language: 'nb' });
    expect(other.status).toBe(202);
    const duplicate = String(other.json.id);
    await waitForStatus(fixture, duplicate, 'awaiting_verification');
    const body = { into: first, reason: 'Samme person ringte og bekreftet begge adressene.' };

    const unconfirmed = await staffPost(fixture, duplicate, 'merge', body);
    const confirmed = await staffPost(fixture, duplicate, 'merge', { ...body, samePersonConfirmed: true });

    expect(unconfirmed.status).toBe(409);
    expect(unconfirmed.json).toMatchObject({ field: 'samePersonConfirmed' });
    expect(confirmed.status).toBe(200);
    expect(confirmed.json).toMatchObject({ requestId: duplicate, mergedInto: first, types: ['access'] });
    expect(await fixture.store.get(duplicate)).toMatchObject({ status: 'closed', closure: { kind: 'merged', mergedInto: first } });
    const mergedIn = (await fixture.store.auditTrail(first)).find((entry) => entry.event === 'case.merged_in');
    expect(mergedIn?.detail).toMatchObject({ from: duplicate, requesterMatch: 'confirmed_by_staff', samePersonConfirmedBy: 'staff:anne' });
    await eventually(async () => ((await executionStatus(duplicate)) === 'SUCCEEDED' ? true : undefined), 'the duplicate execution to end');
    expect(await executionStatus(first)).toBe('RUNNING');
    const letter = (await outbox(fixture.stack.urls.ses, 'arne.privat@example.org')).find((mail) => mail.subject.includes(duplicate) && mail.body.text?.includes(first));
    expect(letter).toBeDefined();
  });
});

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

  it('merges an earlier phone request from another address, once staff confirm the same person: every right, the earliest deadline, a letter saying where the answer goes', async () => {
    const person = PEOPLE.twoAddresses;
    // The form request: identity not yet verified, so its plan is not made and it can take new rights.
    const posted = await postRequest(fixture.stack.urls.app, { name: person.name, email: person.email, types: ['access'], language: 'nb' });
    const target = String(posted.json.id);
    await waitForStatus(fixture, target, 'awaiting_verification');
    // A phone call taken down ten days earlier, from the person's private address, asking for erasure.
    const received = new Date(Date.now() - 10 * 24 * 60 * 60 * 1000);
    const token = localStaffToken(fixture.stack.environment, STAFF.name, STAFF.groups);
    const registered = await fetch(`${fixture.stack.urls.app}/console/intake`, {
      method: 'POST',
      redirect: 'manual',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        csrf: csrfToken(token),
        channel: 'phone',
        received_date: osloCalendarDate(received),
        received_time: '09:30',
        name: person.name,
        email: TOR_PRIVATE,
        types: 'erasure',
        language: 'nb',
        intake_note: 'Ringte inn, notert av Kari.',
      }).toString(),
    });
    expect(registered.status).toBe(303);
    const duplicate = decodeURIComponent(registered.headers.get('location')!.split('/').pop()!.split('?')[0]!);
    await waitForStatus(fixture, duplicate, 'awaiting_verification');
    const phoned = (await fixture.store.get(duplicate))!;
    const reason = 'Samme person: ringte først, brukte så skjemaet fra jobbadressen.';

    const unconfirmed = await refusedPage(await caseAction(duplicate, 'merge', { into: target, reason }, STAFF), STAFF);
    expect(unconfirmed.status).toBe(409);
    const unconfirmedPage = await unconfirmed.text();
    expect(unconfirmedPage).toContain('Sakene har ulike avsendere');
    expect(unconfirmedPage).toContain(target);
    expect((await fixture.store.get(duplicate))?.status).toBe('awaiting_verification');

    const merged = await caseAction(duplicate, 'merge', { into: target, reason, same_person: 'yes' }, STAFF);

    expect(merged.status).toBe(303);
    const survivor = await fixture.store.get(target);
    expect(survivor).toMatchObject({
      types: ['access', 'erasure'],
      receivedAt: phoned.receivedAt,
      receiptDate: phoned.receiptDate,
      dueDate: phoned.dueDate,
      status: 'awaiting_verification',
    });
    expect(await fixture.store.get(duplicate)).toMatchObject({ status: 'closed', closure: { kind: 'merged', mergedInto: target } });
    const mergedIn = (await fixture.store.auditTrail(target)).find((entry) => entry.event === 'case.merged_in');
    expect(mergedIn).toMatchObject({
      actor: `staff:${STAFF.name}`,
      detail: { from: duplicate, addedTypes: ['erasure'], requesterMatch: 'confirmed_by_staff', samePersonConfirmedBy: `staff:${STAFF.name}` },
    });
    const letter = await eventually(
      async () => (await outbox(fixture.stack.urls.ses, TOR_PRIVATE)).find((mail) => mail.subject.includes(duplicate) && mail.body.text?.includes(target)),
      'the merge letter',
    );
    expect(letter.body.text).toContain(`Vi sender svaret på e-post til ${person.email} senest`);

    // The surviving case plans the merged-in right once its requester is verified.
    await enterCode(fixture, target, await latestCode(fixture, person.email));
    await waitForStatus(fixture, target, 'awaiting_approval');
    const planned = (await fixture.store.auditTrail(target)).find((entry) => entry.event === 'plan.built');
    expect(planned?.detail).toMatchObject({ needsTwoApprovers: true });
    expect(Number(planned?.detail?.erasures)).toBeGreaterThan(0);
  });

  it('refuses to merge a right into a case whose plan is already made, saying why, and changes neither case', async () => {
    const person = PEOPLE.planned;
    const target = await submitVerified(fixture, { name: person.name, email: person.email, types: ['access'] });
    const duplicate = await submitVerified(fixture, { name: person.name, email: person.email, types: ['erasure'] });
    const before = [await fixture.store.get(target), await fixture.store.get(duplicate)];

    const refused = await refusedPage(await caseAction(duplicate, 'merge', { into: target, reason: 'Samme person, to henvendelser.' }, STAFF), STAFF);

    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('Slå heller sammen motsatt vei');
    expect([await fixture.store.get(target), await fixture.store.get(duplicate)]).toEqual(before);
  });
});
