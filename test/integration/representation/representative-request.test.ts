import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { osloCalendarDate } from '../../../functions/domain/deadline/index.js';
import { csrfToken } from '../../../functions/domain/staff-auth/index.js';
import { eventually, outbox, postRequest, startStackFixture, type StackFixture } from '../../support/local-stack-fixture.js';
import { enterCode, latestCode, staffPost, waitForStatus } from '../../support/rights-driver.js';
import { seedFeatured } from '../../support/seeded-customers.js';
import { localStaffToken } from '../../support/staff-token.js';
import { followConsoleRefusal } from '../../support/console-refusal.js';

let fixture: StackFixture;
/** The data subject: a customer whose mother asks for a copy of her data. */
const SUBJECT = { name: 'Sigrid Datterud', email: 'sigrid.datterud@example.no', subscriptions: 'active' } as const;
const PARENT = { name: 'Mor Datterud', relation: 'parent', email: 'mor.datterud@example.no' } as const;
const STAFF = 'kari.saksbehandler';
/** A one-page PDF as a scanned birth certificate would arrive (the console checks the content, not the name). */
const MANDATE_PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

beforeAll(async () => {
  fixture = await startStackFixture();
  await seedFeatured([SUBJECT]);
});

afterAll(async () => {
  await fixture?.stack.stop();
});

const token = () => localStaffToken(fixture.stack.environment, STAFF);
const casePath = (id: string, action: string) => `/console/requests/${encodeURIComponent(id)}/${action}`;

async function consolePost(path: string, fields: Record<string, string | string[]>): Promise<Response> {
  const session = token();
  const body = new URLSearchParams({ csrf: csrfToken(session) });
  for (const [name, value] of Object.entries(fields)) for (const one of [value].flat()) body.append(name, one);
  return fetch(`${fixture.stack.urls.app}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { authorization: `Bearer ${session}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: body.toString(),
  });
}

/** Uploads a file on the case page's «Last opp fullmakt» form, as the browser sends it (multipart). */
async function uploadMandate(id: string, bytes: Buffer, type: string, name: string): Promise<Response> {
  const session = token();
  const form = new FormData();
  form.append('csrf', csrfToken(session));
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
  return fetch(`${fixture.stack.urls.app}${casePath(id, 'mandate-document')}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { authorization: `Bearer ${session}` },
    body: form,
  });
}

const consoleGet = (path: string) => fetch(`${fixture.stack.urls.app}${path}`, { headers: { authorization: `Bearer ${token()}` } });

describe("a parent's request for her child's data, through the local stack", () => {
  it('records the representative, verifies the data subject, waits for the mandate, and answers the parent on the child’s behalf', async () => {
    // Intake: the parent asks through the API; the person whose data it is is the data subject.
    const response = await postRequest(fixture.stack.urls.app, { name: SUBJECT.name, email: SUBJECT.email, types: ['access'], language: 'nn', representative: PARENT });
    expect(response.status, JSON.stringify(response.json)).toBe(202);
    const id = String(response.json.id);
    expect((await fixture.store.get(id))?.representative).toEqual(PARENT);

    // The acknowledgement goes to the parent, says whose data it is about and that a mandate is needed.
    const acknowledgement = await eventually(async () => (await outbox(fixture.stack.urls.ses, PARENT.email))[0], 'the acknowledgement to the parent', 400);
    expect(acknowledgement.body.text).toContain(`Du har spurt på vegner av ${SUBJECT.name} som forelder.`);
    expect(acknowledgement.body.text).toContain('treng vi ei skriftleg fullmakt');

    // The identity check is of the data subject: the code goes to her registered address, not to the parent.
    await waitForStatus(fixture, id, 'awaiting_verification');
    const code = await latestCode(fixture, SUBJECT.email);
    // The code letter tells her that someone asks on her behalf (without echoing the name they typed).
    const codeMail = (await outbox(fixture.stack.urls.ses, SUBJECT.email)).find((mail) => mail.body.text?.includes(code));
    expect(codeMail?.body.text).toContain('seier at dei handlar på dine vegner');
    expect(codeMail?.body.text).not.toContain(PARENT.name);
    expect((await outbox(fixture.stack.urls.ses, PARENT.email)).some((mail) => /\b\d{6}\b/.test(mail.body.text ?? ''))).toBe(false);
    await enterCode(fixture, id, code);
    await waitForStatus(fixture, id, 'awaiting_approval');

    // Without a mandate the plan cannot be approved; the queue shows «Fullmakt mangler».
    const early = await staffPost(fixture, id, 'decision', { outcome: 'approved' });
    expect(early.status).toBe(409);
    expect(String(early.json.message ?? JSON.stringify(early.json))).toContain('Fullmakt mangler');
    expect(await (await consoleGet(`/console?q=${encodeURIComponent(id)}`)).text()).toContain('Fullmakt mangler');

    // A file that is not a PDF or an image is refused with a clear message, and nothing is kept.
    // (post/redirect/get: back to the case, which shows the refusal with its status)
    const refused = await uploadMandate(id, Buffer.from('just some text'), 'application/pdf', 'fullmakt.pdf');
    const wrong = await followConsoleRefusal(fixture.stack.urls.app, refused, { authorization: `Bearer ${token()}` });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain('Fullmakten må være en PDF, PNG eller JPEG');
    expect((await fixture.store.get(id))?.mandate).toBeUndefined();

    // Staff attach the scanned document: kept with the case, downloadable from the console.
    const uploaded = await uploadMandate(id, MANDATE_PDF, 'application/pdf', 'fødselsattest.pdf');
    expect(uploaded.status).toBe(303);
    expect((await fixture.store.get(id))?.mandate).toMatchObject({ status: 'attached', document: { contentType: 'application/pdf', bytes: MANDATE_PDF.length } });
    const download = await consoleGet(casePath(id, 'mandate-document'));
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await download.arrayBuffer()).equals(MANDATE_PDF)).toBe(true);
    // Attached but not checked: still no approval.
    expect((await staffPost(fixture, id, 'decision', { outcome: 'approved' })).status).toBe(409);

    // Staff check it: scope, last valid day, what was checked; a missing note is refused.
    const validUntil = osloCalendarDate(new Date(Date.now() + 90 * 24 * 60 * 60 * 1000));
    const noNoteRefused = await consolePost(casePath(id, 'mandate'), { outcome: 'accepted', mandate_scope: ['access'], valid_until: validUntil, note: '' });
    const noNote = await followConsoleRefusal(fixture.stack.urls.app, noNoteRefused, { authorization: `Bearer ${token()}` });
    expect(noNote.status).toBe(400);
    expect(await noNote.text()).toContain('Skriv hva du har kontrollert');
    const accepted = await consolePost(casePath(id, 'mandate'), {
      outcome: 'accepted',
      mandate_scope: ['access'],
      valid_until: validUntil,
      note: 'Fødselsattest viser at mor har foreldreansvar; barnet er 12 år.',
    });
    expect(accepted.status).toBe(303);
    const casePage = await (await consoleGet(`/console/requests/${encodeURIComponent(id)}`)).text();
    expect(casePage).toContain('Representant og fullmakt');
    expect(casePage).toContain('Fullmakt godtatt');
    const trail = await fixture.store.auditTrail(id);
    expect(trail.find((entry) => entry.event === 'mandate.attached')?.actor).toBe(`staff:${STAFF}`);
    expect(trail.find((entry) => entry.event === 'mandate.accepted')).toMatchObject({ actor: `staff:${STAFF}`, detail: { relation: 'parent', scope: ['access'], validUntil } });

    // Now the plan can be approved; the answer and the copy go to the parent, on the child's behalf.
    expect((await staffPost(fixture, id, 'decision', { outcome: 'approved' })).status).toBe(200);
    await waitForStatus(fixture, id, 'closed');
    const reply = await eventually(
      async () => (await outbox(fixture.stack.urls.ses, PARENT.email)).find((mail) => mail.body.text?.includes('/download/')),
      'the reply to the parent',
      400,
    );
    expect(reply.body.text).toContain(`vi sender det til deg på vegner av ${SUBJECT.name}`);
    expect(reply.body.text).not.toContain('treng vi ei skriftleg fullmakt');
    // The data subject received only her code; no answer went to her address.
    expect((await outbox(fixture.stack.urls.ses, SUBJECT.email)).every((mail) => /\b\d{6}\b/.test(mail.body.text ?? ''))).toBe(true);
  }, 300_000);

  it('refuses a representative without a way to answer them, saying what is missing', async () => {
    const response = await postRequest(fixture.stack.urls.app, {
      name: SUBJECT.name,
      email: SUBJECT.email,
      types: ['access'],
      language: 'nb',
      representative: { name: 'Advokat Uten Adresse', relation: 'lawyer' },
    });
    expect(response.status).toBe(400);
    expect(response.json.errors).toEqual([{ field: 'representative', message: expect.stringContaining('e-postadressen din') }]);
  });
});
