import { describe, expect, it } from 'vitest';
import { REGISTER_CSV_CONTENT_TYPE } from '../../../functions/domain/case-register/register-csv.js';
import { csrfToken } from '../../../functions/domain/staff-auth/index.js';
import { REQUEST_ID, REQUESTER } from '../fixtures/rights-request-fixture.js';
import { expectCsrfOnEveryPostForm } from '../staff-console/console-page-checks.js';
import { EMAIL_LIKE, tags } from '../web-form/page-inspection.js';
import { serveStaffConsole } from './console-functions.js';
import { issuer } from '../staff-auth/staff-token-fixture.js';
import { mainText } from '../staff-console/console-page-checks.js';
import { BAD_TOKENS, CLOSED_ID, consoleWorld, DEMO, erasurePlanOptions, type ConsoleWorld, header, intakeForm, OTHER_ID, routeEvent, SAME_ORIGIN, TODAY, TOKENS } from './console-world.js';

const STAFF = TOKENS.staff;
const get = (path: string, query?: Record<string, string>, token: string = STAFF) =>
  routeEvent({ method: 'GET', path }, { token, ...(query && { query }) });
const post = (path: string, form: readonly (readonly [string, string])[], token: string = STAFF) =>
  routeEvent({ method: 'POST', path }, { token, headers: { ...SAME_ORIGIN }, form: [...form, ['csrf', csrfToken(token)]] });

const inputValue = (page: string, name: string): string | undefined => tags(page, 'input').find((input) => input.name === name)?.value;

describe('GET /console (the queue)', () => {
  it('lists the open cases by reference and leaves closed ones out', async () => {
    // Prepare
    const world = consoleWorld();

    // Act
    const response = await world.console(get('/console'));

    // Assess
    expect(response.statusCode).toBe(200);
    expect(header(response, 'content-type')).toMatch(/^text\/html/);
    expect(header(response, 'content-security-policy')).toBeDefined();
    expect(response.body).toContain(REQUEST_ID);
    expect(response.body).toContain(OTHER_ID);
    expect(response.body).not.toContain(CLOSED_ID);
  });

  it('filters by the query, and shows a flash message only for a known code', async () => {
    // Prepare
    const world = consoleWorld();

    // Act
    const filtered = await world.console(get('/console', { status: 'awaiting_approval' }));
    const unknownFlash = await world.console(get('/console', { done: '<script>' }));

    // Assess
    expect(filtered.body).toContain(REQUEST_ID);
    expect(filtered.body).not.toContain(OTHER_ID);
    expect(unknownFlash.statusCode).toBe(200);
    expect(unknownFlash.body).not.toContain('<script>');
  });

  it('answers 400 with a way back to the first page (filter kept) for a next-page link it did not make', async () => {
    // Prepare
    const world = consoleWorld();

    // Act
    const tampered = await world.console(get('/console', { status: 'awaiting_approval', after: 'eyJub3QiOiJvdXJzIn0' }));

    // Assess
    expect(tampered.statusCode).toBe(400);
    expect(mainText(tampered.body ?? '')).toContain('Lenken til neste side er ugyldig');
    expect(tampered.body).toContain('href="/console?status=awaiting_approval"');
    expect(tampered.body).not.toContain(REQUEST_ID);
  });

  it("puts the session's csrf token in every form that posts, the sign-out form included", async () => {
    // Prepare
    const world = consoleWorld();

    // Act
    const response = await world.console(get('/console'));

    // Assess
    expectCsrfOnEveryPostForm(response.body ?? '', csrfToken(STAFF));
  });
});

describe('GET /console/requests/{id} (the case page)', () => {
  it('shows a stored case, with its actions carrying the csrf token', async () => {
    // Prepare
    const world = consoleWorld();

    // Act
    const response = await world.console(get('/console/requests/{id}'));

    // Assess
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain(REQUEST_ID);
    expect(response.body).toContain(REQUESTER.name);
    expectCsrfOnEveryPostForm(response.body ?? '', csrfToken(STAFF));
  });

  it('answers 404 for a reference that is not stored', async () => {
    // Prepare
    const world = consoleWorld();
    const event = get('/console/requests/{id}');
    event.pathParameters = { id: 'NK-20261201-NOTSTORE' };
    event.rawPath = '/console/requests/NK-20261201-NOTSTORE';

    // Act
    const response = await world.console(event);

    // Assess
    expect(response.statusCode).toBe(404);
    expect(header(response, 'content-type')).toMatch(/^text\/html/);
    expect(response.body).not.toContain(REQUESTER.name);
  });

  it('shows the message of the action just done', async () => {
    // Prepare
    const world = consoleWorld();

    // Act
    const response = await world.console(get('/console/requests/{id}', { done: 'note' }));

    // Assess
    expect(response.body).toContain('Notatet er lagret.');
  });
});

describe('POST /console/requests/{id}/{action} with a problem', () => {
  it('goes back to the case (303), which shows the message with 400, and stores nothing', async () => {
    // Prepare
    const world = consoleWorld();
    const before = await world.snapshot();

    // Act
    const response = await world.followRefusal(await world.console(post('/console/requests/{id}/note', [['text', '   ']])));

    // Assess
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Notatet må ha tekst');
    expect(await world.snapshot()).toBe(before);
  });

  it('names an unknown merge target by its field, with 400, and merges nothing', async () => {
    // Prepare
    const world = consoleWorld();
    const before = await world.snapshot();

    // Act
    const response = await world.followRefusal(
      await world.console(post('/console/requests/{id}/merge', [['into', 'NK-20261201-NOTSTORE'], ['reason', 'Samme person sendte samme krav to ganger.']])),
    );

    // Assess
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Fant ingen sak med referansen NK-20261201-NOTSTORE.');
    expect(await world.snapshot()).toBe(before);
  });

  it('refuses to merge cases of different requesters until the same person is confirmed, then merges with the earliest deadline', async () => {
    // Prepare: this case (received 23 November) has another requester than the target (24 November).
    const world = consoleWorld({ request: { requester: { name: 'Kari N.', email: 'kari.privat@example.no' } } });
    const before = await world.snapshot();
    const fields = [['into', OTHER_ID], ['reason', 'Samme person skrev fra to adresser.']] as const;

    // Act
    const refused = await world.followRefusal(await world.console(post('/console/requests/{id}/merge', fields)));
    const afterRefusal = await world.snapshot();
    const merged = await world.console(post('/console/requests/{id}/merge', [...fields, ['same_person', 'yes']]));

    // Assess
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('Sakene har ulike avsendere');
    expect(refused.body).toContain('href="#merge-same_person"');
    expect(afterRefusal).toBe(before);
    expect(merged.statusCode).toBe(303);
    expect(await world.store.get(OTHER_ID)).toMatchObject({ receiptDate: '2026-11-23', dueDate: '2026-12-23' });
    const trail = await world.store.auditTrail(OTHER_ID);
    expect(trail.find((entry) => entry.event === 'case.merged_in')?.detail).toMatchObject({ samePersonConfirmedBy: 'staff:kari.saksbehandler' });
  });

  it('answers 404 for an action on a case that is not stored', async () => {
    // Prepare
    const world = consoleWorld();
    const event = post('/console/requests/{id}/note', [['text', 'Hei']]);
    event.pathParameters = { id: 'NK-20261201-NOTSTORE' };

    // Act
    const response = await world.console(event);

    // Assess
    expect(response.statusCode).toBe(404);
  });
});

describe('GET /console/intake', () => {
  it('renders the form with the csrf token and a fresh double-submit key', async () => {
    // Prepare
    const world = consoleWorld();

    // Act
    const first = await world.console(get('/console/intake'));
    const second = await world.console(get('/console/intake'));

    // Assess
    expect(first.statusCode).toBe(200);
    expectCsrfOnEveryPostForm(first.body ?? '', csrfToken(STAFF));
    expect(inputValue(first.body ?? '', 'idempotencyKey')).toMatch(/^[0-9a-f-]{36}$/);
    expect(inputValue(second.body ?? '', 'idempotencyKey')).not.toBe(inputValue(first.body ?? '', 'idempotencyKey'));
  });
});

describe('GET /console/intake: the receipt time', () => {
  it('starts at now in Oslo time, across the date line of summer time', async () => {
    // Prepare: 22:30 UTC on 1 July is already 00:30 on 2 July in Oslo (UTC+2)
    const world = consoleWorld();
    const summerNight = { ...world.deps, now: () => new Date('2026-07-01T22:30:00.000Z') };

    // Act
    const winter = await world.console(get('/console/intake'));
    const summer = await serveStaffConsole(summerNight, get('/console/intake'));

    // Assess: NOW is 09:00 UTC on 1 December, 10:00 in Oslo (UTC+1)
    expect(inputValue(winter.body ?? '', 'received_date')).toBe('2026-12-01');
    expect(inputValue(winter.body ?? '', 'received_time')).toBe('10:00');
    expect(inputValue(summer.body ?? '', 'received_date')).toBe('2026-07-02');
    expect(inputValue(summer.body ?? '', 'received_time')).toBe('00:30');
  });
});

describe('GET /console without a valid session', () => {
  it('asks a first visitor to «Logg inn», and tells only a browser with an ended session that it ran out', async () => {
    // Prepare
    const world = consoleWorld();

    // Act
    const first = await world.console(routeEvent({ method: 'GET', path: '/console' }));
    const expired = await world.console(routeEvent({ method: 'GET', path: '/console' }, { token: BAD_TOKENS.expired }));

    // Assess
    expect(first.statusCode).toBe(401);
    expect(first.body).toContain('<h1>Logg inn</h1>');
    expect(first.body).not.toContain('utløpt');
    expect(expired.statusCode).toBe(401);
    expect(expired.body).toContain('<h1>Økten din er utløpt</h1>');
  });
});

describe('POST /console/intake', () => {
  it('registers a phone request at its original receipt time, starts its workflow and goes to the new case', async () => {
    // Prepare
    const world = consoleWorld();

    // Act
    const response = await world.console(post('/console/intake', intakeForm()));

    // Assess
    expect(response.statusCode).toBe(303);
    const id = /^\/console\/requests\/(NK-20261129-[0-9A-Z]{8})\?done=registered$/.exec(header(response, 'location') ?? '')?.[1];
    expect(id).toBeDefined();
    const stored = await world.store.get(id!);
    expect(stored).toMatchObject({
      channel: 'phone',
      types: ['access'],
      receivedAt: '2026-11-29T14:05:00.000+01:00',
      receiptDate: '2026-11-29',
      language: 'nb',
      requester: { name: 'Ola Nordmann', email: 'ola.nordmann@example.no' },
      status: 'received',
    });
    expect(world.workflow.started).toEqual([id]);
    const trail = await world.store.auditTrail(id!);
    expect(trail.map((entry) => [entry.event, entry.actor])).toEqual([
      ['request.received', 'staff:kari.saksbehandler'],
      ['note.added', 'staff:kari.saksbehandler'],
    ]);
  });

  it('registers a form sent twice with the same key once', async () => {
    // Prepare
    const world = consoleWorld();
    const sizeBefore = world.store.size;

    // Act
    const first = await world.console(post('/console/intake', intakeForm()));
    const second = await world.console(post('/console/intake', intakeForm()));

    // Assess
    expect(header(second, 'location')).toBe(header(first, 'location'));
    expect(world.store.size).toBe(sizeBefore + 1);
  });

  it('answers an invalid form with 400, keeps what was typed, and stores nothing', async () => {
    // Prepare
    const world = consoleWorld();
    const before = await world.snapshot();

    // Act
    const response = await world.console(post('/console/intake', intakeForm({ received_date: '2026-12-05', email: 'ikke-en-adresse' })));

    // Assess
    expect(response.statusCode).toBe(400);
    expect(header(response, 'content-type')).toMatch(/^text\/html/);
    expect(response.body).toContain('Datoen er fram i tid');
    expect(inputValue(response.body ?? '', 'name')).toBe('Ola Nordmann');
    expect(inputValue(response.body ?? '', 'email')).toBe('ikke-en-adresse');
    expect(inputValue(response.body ?? '', 'received_date')).toBe('2026-12-05');
    expect(inputValue(response.body ?? '', 'idempotencyKey')).toBe('6f1d2c9a-1b7e-4c1a-9f3e-2a5b8c7d9e01');
    expectCsrfOnEveryPostForm(response.body ?? '', csrfToken(STAFF));
    expect(await world.snapshot()).toBe(before);
    expect(world.workflow.attempts).toEqual([]);
  });
});

describe('GET /console/register.csv', () => {
  it('downloads the case register as CSV with its header row and no contact details', async () => {
    // Prepare
    const world = consoleWorld();

    // Act
    const response = await world.console(get('/console/register.csv', undefined, TOKENS.privacyOfficer));

    // Assess
    expect(response.statusCode).toBe(200);
    expect(header(response, 'content-type')).toMatch(/^text\/csv/);
    expect(header(response, 'content-disposition')).toBe(`attachment; filename="saksregister-${TODAY}.csv"`);
    const lines = (response.body ?? '').replace(/^\uFEFF/, '').split(/\r?\n/).filter((line) => line !== '');
    expect(lines[0]).toBe(
      'referanse,typer,kanal,mottatt,mottaksdato,frist,opprinnelig_frist,forlenget,besvart_dato,avsluttet_dato,utfall,besvart_i_tide',
    );
    expect(lines).toHaveLength(4);
    expect(response.body).toContain(REQUEST_ID);
    expect(response.body).toContain(CLOSED_ID);
    expect(response.body).not.toContain(REQUESTER.email);
    expect(response.body).not.toContain(REQUESTER.name);
    expect(response.body?.match(EMAIL_LIKE) ?? []).toEqual([]);
    expect(world.log.events()).toContain('console.register_exported');
  });

  it("answers with the register's documented content type, which says the first row is a header", async () => {
    // Prepare
    const world = consoleWorld();

    // Act
    const response = await world.console(get('/console/register.csv', undefined, TOKENS.privacyOfficer));

    // Assess
    expect(header(response, 'content-type')).toBe(REGISTER_CSV_CONTENT_TYPE);
  });
});

describe('GET /console/dashboard', () => {
  it('renders the overview for staff', async () => {
    // Prepare
    const world = consoleWorld();

    // Act
    const response = await world.console(get('/console/dashboard'));

    // Assess
    expect(response.statusCode).toBe(200);
    expect(header(response, 'content-type')).toMatch(/^text\/html/);
    expect(response.body).toContain('<h1>Oversikt</h1>');
  });
});

describe('the triage routes', () => {
  it('lists the mail waiting in triage', async () => {
    // Prepare
    const world = consoleWorld();

    // Act
    const response = await world.console(get('/console/triage'));

    // Assess
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Spørsmål om mine data');
    expectCsrfOnEveryPostForm(response.body ?? '', csrfToken(STAFF));
  });

  it('turns a triaged mail into an e-mail case at the mail’s receipt time', async () => {
    // Prepare
    const world = consoleWorld();

    // Act
    const response = await world.console(post('/console/triage/{inboxId}/case', [['types', 'access'], ['language', 'nb']]));

    // Assess
    expect(response.statusCode).toBe(303);
    const id = /^\/console\/requests\/(NK-20261130-[0-9A-Z]{8})\?done=triaged-case$/.exec(header(response, 'location') ?? '')?.[1];
    expect(await world.store.get(id ?? '')).toMatchObject({ channel: 'email', receivedAt: '2026-11-30T08:15:00.000+01:00' });
    expect(world.inbox.triage).toEqual([]);
    expect(world.workflow.started).toEqual([id]);
  });

  it('keeps the mail waiting and answers 400 when a dismissal has no reason', async () => {
    // Prepare
    const world = consoleWorld();
    const before = await world.snapshot();

    // Act
    const response = await world.console(post('/console/triage/{inboxId}/dismiss', [['reason', '']]));

    // Assess
    expect(response.statusCode).toBe(400);
    expect(await world.snapshot()).toBe(before);
  });

  it('answers 404 for a mail that is not in triage', async () => {
    // Prepare
    const world = consoleWorld();
    const event = post('/console/triage/{inboxId}/dismiss', [['reason', 'Ikke en henvendelse.']]);
    event.pathParameters = { inboxId: 'inbox-unknown' };

    // Act
    const response = await world.console(event);

    // Assess
    expect(response.statusCode).toBe(404);
  });
});

describe('POST /console/requests/{id}/decision: approvals are bound to the signed-in user', () => {
  it('refuses a second erasure approval by the same signed-in user, whatever the form names, and takes one by another user', async () => {
    // Prepare: an erasure waiting for its approvals
    const world = consoleWorld(erasurePlanOptions());
    const perToken = issuer().issue({ username: DEMO.otherStaff.username, groups: ['staff'] });

    // Act: kari approves, then approves again with a form that tries to name someone else
    const first = await world.console(post('/console/requests/{id}/decision', [['outcome', 'approved']]));
    const again = await world.followRefusal(
      await world.console(post('/console/requests/{id}/decision', [['outcome', 'approved'], ['by', 'per.saksbehandler'], ['actor', 'staff:per.saksbehandler']])),
    );
    const afterAgain = await world.store.get(REQUEST_ID);
    const second = await world.console(post('/console/requests/{id}/decision', [['outcome', 'approved']], perToken));

    // Assess
    expect(header(first, 'location')).toBe(`/console/requests/${REQUEST_ID}?done=first-approval`);
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('Sletting må godkjennes av en annen saksbehandler enn den som godkjente først.');
    expect(afterAgain?.approvals?.map((approval) => approval.by)).toEqual(['staff:kari.saksbehandler']);
    expect(header(second, 'location')).toBe(`/console/requests/${REQUEST_ID}?done=approved`);
    const decided = await world.store.get(REQUEST_ID);
    expect(decided?.decision).toMatchObject({ outcome: 'approved', decidedBy: 'staff:per.saksbehandler' });
  });
});

describe('after an action, the case page shows the state the action wrote', () => {
  /** Posts the action, follows the redirect as a browser would, and returns the page's main text. */
  async function actAndFollow(world: ConsoleWorld, path: string, form: readonly (readonly [string, string])[], token: string = STAFF) {
    const posted = await world.console(post(path, form, token));
    expect(posted.statusCode, path).toBe(303);
    const location = new URL(header(posted, 'location') ?? '', 'https://x.example');
    const page = await world.console(get('/console/requests/{id}', Object.fromEntries(location.searchParams), token));
    return mainText(page.body ?? '');
  }

  it('shows the first of two approvals with who gave it, and the assignee the first action set', async () => {
    const world = consoleWorld(erasurePlanOptions());

    const text = await actAndFollow(world, '/console/requests/{id}/decision', [['outcome', 'approved']]);

    expect(text).toContain('1 av 2 godkjenninger (kari.saksbehandler');
    expect(text).toMatch(/Saksbehandler kari\.saksbehandler \(siden/);
  });

  it('shows a note in the history, an extension’s new date and a restriction’s ground at once', async () => {
    const world = consoleWorld({ request: { receivedAt: '2026-11-23T10:00:00.000+01:00', receiptDate: '2026-11-23', dueDate: '2026-12-23', types: ['restriction'], customerIds: ['C-1'] } });

    const afterNote = await actAndFollow(world, '/console/requests/{id}/note', [['text', 'Ringte kunden, venter på svar.']]);
    const afterExtension = await actAndFollow(world, '/console/requests/{id}/extend', [['reason', 'Saken omfatter svært mange opplysninger fra flere systemer.']]);

    expect(afterNote).toContain('Ringte kunden, venter på svar.');
    expect(afterExtension).toContain('forlenget fra 23. desember 2026');
    expect(afterExtension).toContain('Fristen er forlenget til 2027-02-23');
  });

  it('does not take a case that already has an assignee, and a refused action assigns nobody', async () => {
    const held = consoleWorld({ request: { assignee: { username: 'per.saksbehandler', at: '2026-11-30T08:00:00.000Z' } } });
    const refused = consoleWorld();

    await held.console(post('/console/requests/{id}/note', [['text', 'Et notat.']]));
    const response = await refused.followRefusal(await refused.console(post('/console/requests/{id}/note', [['text', '']])));

    expect((await held.store.get(REQUEST_ID))?.assignee?.username).toBe('per.saksbehandler');
    expect(response.statusCode).toBe(400);
    expect((await refused.store.get(REQUEST_ID))?.assignee).toBeUndefined();
  });
});
