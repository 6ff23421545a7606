import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDsr } from '../support/dsr-cli.js';
import { statutoryDeadline } from '../../functions/domain/deadline/index.js';
import { writeEndpoints } from '../../infra/local/local-settings.js';
import { eventually, outbox, startStackFixture, tempDataDir, type StackFixture } from '../support/local-stack-fixture.js';
import { submitVerified } from '../support/rights-driver.js';
import { localStaffToken } from '../support/staff-token.js';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { aRightsRequest } from '../unit/fixtures/rights-request-fixture.js';
import { csrfToken } from '../../functions/domain/staff-auth/index.js';
import { osloCalendarDate } from '../../functions/domain/deadline/index.js';


let fixture: StackFixture;
let dataDir: string;

const dsr = (...args: string[]) => runDsr(dataDir, ...args);

beforeAll(async () => {
  fixture = await startStackFixture();
  dataDir = tempDataDir();
  writeEndpoints(dataDir, fixture.stack.environment, fixture.stack.urls);
});

afterAll(async () => {
  await fixture?.stack.stop();
});

/** A request from someone who proves the address with the mailed code, waiting for staff. */
const submit = (email: string, language: 'nb' | 'en' = 'nb') =>
  submitVerified(fixture, { name: 'Per Hansen', email, types: ['erasure'], language });

describe('dsr CLI against the local stack', () => {
  it('prints one due date per receipt instant without a stack', async () => {
    const plain = await dsr('deadline', '2026-03-02T10:00:00+01:00', '2026-01-31T23:30:00Z');
    const extended = await dsr('deadline', '--extended', '2026-01-31T23:30:00Z');

    // 2 Mar + 1 month = 2 Apr 2026, Maundy Thursday → Easter chain → Tue 7 Apr.
    // 31 Jan 23:30Z is 1 Feb in Oslo; + 1 month = Sun 1 Mar → Mon 2 Mar.
    expect(plain).toMatchObject({ code: 0, stdout: '2026-04-07\n2026-03-02\n' });
    // + 3 months = Fri 1 May, a public holiday → Sat, Sun → Mon 4 May.
    expect(extended).toMatchObject({ code: 0, stdout: '2026-05-04\n' });
  });

  it('rejects with a reason: the refusal names it and the remedies, and the request closes', async () => {
    const email = `per.${Date.now()}@example.no`;
    const id = await submit(email);

    const rejected = await dsr('reject', id, '--reason', 'Vi har ikke funnet noen opplysninger om deg.', '--by', 'anne');

    expect(rejected.code).toBe(0);
    expect(JSON.parse(rejected.stdout)).toMatchObject({ id, decision: 'rejected', delivered: true });
    await eventually(async () => ((await fixture.store.get(id))?.status === 'closed' ? true : undefined), 'closed');
    const status = JSON.parse((await dsr('status', id)).stdout) as { decision: unknown; auditTrail: { event: string; actor: string }[] };
    expect(status.decision).toMatchObject({ outcome: 'rejected', decidedBy: 'staff:anne' });
    expect(status.auditTrail).toContainEqual(expect.objectContaining({ event: 'decision.rejected', actor: 'staff:anne' }));
    const mails = JSON.parse((await dsr('outbox', '--to', email)).stdout) as { subject: string; text: string }[];
    // Receipt, one-time code, refusal.
    expect(mails).toHaveLength(3);
    expect(mails[2]!.text).toContain('Vi har ikke funnet noen opplysninger om deg.');
    expect(mails[2]!.text).toContain('Datatilsynet');
    expect(mails[2]!.text).toContain('domstolene');
  });

  it('approves an erasure with two different staff members and the English reply arrives', async () => {
    const email = `sam.${Date.now()}@example.com`;
    const id = await submit(email, 'en');

    const first = await dsr('approve', id, '--by', 'anne');
    const again = await dsr('approve', id, '--by', 'anne');
    const second = await dsr('approve', id, '--by', 'bjorn');

    expect(JSON.parse(first.stdout)).toMatchObject({ approval: 'first' });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('different staff member');
    expect(JSON.parse(second.stdout)).toMatchObject({ decision: 'approved', delivered: true });

    const reply = await eventually(async () => (await outbox(fixture.stack.urls.ses, email))[2], 'reply');
    expect(reply.subject).toBe(`Your request has been handled – reference ${id}`);
  });

  it('extends the deadline with a reason, mails the notice and refuses a second extension', async () => {
    const email = `extend.${Date.now()}@example.no`;
    const id = await submit(email);
    const receivedAt = (await fixture.store.get(id))!.receivedAt;

    const extended = await dsr('extend', id, '--reason', 'Vi må hente dørlogger for flere år.', '--by', 'anne');
    const again = await dsr('extend', id, '--reason', 'En gang til.');

    expect(JSON.parse(extended.stdout)).toEqual({ id, extended: true, dueDate: statutoryDeadline(receivedAt, { extended: true }) });
    expect((await fixture.store.get(id))?.dueDate).toBe(statutoryDeadline(receivedAt, { extended: true }));
    const notice = (await outbox(fixture.stack.urls.ses, email)).find((mail) => mail.subject.startsWith('Vi trenger mer tid'));
    expect(notice?.body.text).toContain('Vi må hente dørlogger for flere år.');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already extended');
  });

  it('runs the deadline watch now: a digest and one warning for a case near its due date, without personal data, never twice', async () => {
    // A phone request taken down 27 days ago: a few working days are left.
    const email = `watch.${Date.now()}@example.no`;
    const received = new Date(Date.now() - 27 * 24 * 60 * 60 * 1000);
    const token = localStaffToken(fixture.stack.environment, 'kari.saksbehandler');
    const registered = await fetch(`${fixture.stack.urls.app}/console/intake`, {
      method: 'POST',
      redirect: 'manual',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        csrf: csrfToken(token),
        channel: 'phone',
        received_date: osloCalendarDate(received),
        received_time: '09:30',
        name: 'Vera Varsel',
        email,
        types: 'access',
        language: 'nb',
        intake_note: 'Ringte inn, notert av Kari.',
      }).toString(),
    });
    expect(registered.status).toBe(303);
    const id = decodeURIComponent(registered.headers.get('location')!.split('/').pop()!.split('?')[0]!);

    const first = await dsr('watch-deadlines');
    const again = await dsr('watch-deadlines');

    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ digestSent: true, warningsFailed: 0 });
    expect(JSON.parse(first.stdout).warningsSent).toBeGreaterThanOrEqual(1);
    expect(JSON.parse(again.stdout)).toMatchObject({ digestSent: true, warningsSent: 0 });
    const toStaff = await outbox(fixture.stack.urls.ses, 'personvern@obos.no');
    const aboutCase = toStaff.filter((mail) => mail.body.text?.includes(id));
    expect(aboutCase.some((mail) => mail.subject.startsWith('Personvernhenvendelser'))).toBe(true);
    const warnings = aboutCase.filter((mail) => !mail.subject.startsWith('Personvernhenvendelser'));
    expect(warnings).toHaveLength(1);
    for (const mail of aboutCase) {
      expect(mail.body.text).toContain(`/console/requests/${id}`);
      expect(mail.body.text).not.toContain(email);
      expect(mail.body.text).not.toContain('Vera Varsel');
    }
    const trail = await fixture.store.auditTrail(id);
    expect(trail.filter((entry) => entry.event === 'deadline.warning_sent').length).toBeGreaterThanOrEqual(1);
  });

  it('register-backfill puts a request written before the register index into it, once', async () => {
    // A request item as an older version wrote it: no registerPk, so the register cannot see it.
    const old = aRightsRequest({ id: `NK-20250101-OLD${String(Date.now()).slice(-5)}`, receivedAt: '2025-01-01T10:00:00.000+01:00' });
    await DynamoDBDocumentClient.from(new DynamoDBClient({})).send(
      new PutCommand({ TableName: fixture.stack.environment.REQUESTS_TABLE_NAME, Item: { pk: `REQUEST#${old.id}`, sk: 'REQUEST', ...old } }),
    );
    const listed = async () => {
      const ids: string[] = [];
      for await (const request of fixture.store.listAll()) ids.push(request.id);
      return ids;
    };
    expect(await listed()).not.toContain(old.id);

    const first = await dsr('register-backfill');
    const again = await dsr('register-backfill');

    expect(JSON.parse(first.stdout)).toEqual({ requestsWithoutRegisterEntry: 1, updated: 1 });
    expect(JSON.parse(again.stdout)).toEqual({ requestsWithoutRegisterEntry: 0, updated: 0 });
    expect(await listed()).toContain(old.id);
  });

  it('exits non-zero with a message on stderr for mistakes', async () => {
    const noReason = await dsr('reject', 'NK-20261123-ABCDEFGH');
    const unknown = await dsr('status', 'NK-20261123-ABCDEFGH');
    const badCommand = await dsr('frobnicate');
    const badDate = await dsr('deadline', '2026-13-45');

    expect(noReason).toMatchObject({ code: 2, stdout: '' });
    expect(noReason.stderr).toContain('--reason');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no request with id NK-20261123-ABCDEFGH');
    expect(badCommand.code).toBe(2);
    expect(badDate.code).toBe(2);
  });

  it('refuses to approve a request twice', async () => {
    const id = await submit(`twice.${Date.now()}@example.no`);
    await dsr('approve', id, '--by', 'anne');
    await dsr('approve', id, '--by', 'bjorn');

    const second = await dsr('approve', id, '--by', 'carl');

    expect(second.code).toBe(1);
    expect(second.stderr).toContain('not waiting for a decision');
  });
});
