import { describe, expect, it } from 'vitest';
import { csrfToken } from '../../../functions/domain/staff-auth/index.js';
import { OBJECT_KEYS } from '../../../functions/domain/storage/object-store.js';
import { REQUEST_ID } from '../fixtures/rights-request-fixture.js';
import { BASE_URL, consoleWorld, erasurePlanOptions, header, rectificationCaseOptions, restrictedCaseOptions, routeEvent, TOKENS } from './console-world.js';

const CONSOLE_PLAN = { method: 'POST', path: '/console/requests/{id}/plan' } as const;
const API_PLAN = { method: 'POST', path: '/api/staff/requests/{id}/plan' } as const;
const CASE_PAGE = { method: 'GET', path: '/console/requests/{id}' } as const;
const token = TOKENS.staff;

const post = (fields: [string, string][]) =>
  routeEvent(CONSOLE_PLAN, { token, headers: { origin: BASE_URL }, form: [...fields, ['csrf', csrfToken(token)]] });

const KEEP_LOG: [string, string][] = [
  ['plan_action', 'keep'],
  ['records', 'door_event:*'],
  ['ground', 'legal_claim'],
  ['until', '2027-06-30'],
  ['reason', 'Varslet arbeidsrettssak.'],
];

describe('plan corrections in the console', () => {
  it('offers the correction form with the plan’s record references on an erasure case waiting for approval', async () => {
    const world = consoleWorld(erasurePlanOptions());

    const page = await world.console(routeEvent(CASE_PAGE, { token }));

    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Rett planen før godkjenning');
    expect(page.body).toContain(`action="/console/requests/${REQUEST_ID}/plan"`);
    expect(page.body).toContain('door_event:E-1');
    expect(page.body).toContain('invoice:2024-00017');
  });

  it('keeps the door log, records it in the audit trail in the staff member’s name and shows the correction on the case', async () => {
    const world = consoleWorld(erasurePlanOptions());

    const response = await world.console(post(KEEP_LOG));

    expect(response.statusCode).toBe(303);
    expect(header(response, 'location')).toBe(`/console/requests/${REQUEST_ID}?done=plan-corrected`);
    expect((await world.store.get(REQUEST_ID))?.planKey).toBe(OBJECT_KEYS.correctedPlan(REQUEST_ID, 1));
    const [audit] = (await world.store.auditTrail(REQUEST_ID)).filter((entry) => entry.event === 'plan.corrected');
    expect(audit).toMatchObject({ actor: 'staff:kari.saksbehandler', reason: 'Varslet arbeidsrettssak.', detail: { action: 'keep', until: '2027-06-30' } });
    const page = await world.console(routeEvent(CASE_PAGE, { token, query: { done: 'plan-corrected' } }));
    expect(page.body).toContain('Rettet av saksbehandler');
    expect(page.body).toContain('30. juni 2027');
  });

  it.each([
    ['an unknown record', [['records', 'invoice:FINNES-IKKE']], 'Finner ikke disse oppføringene', 'invoice:FINNES-IKKE'],
    ['a past date', [['until', '2026-11-30']], 'Datoen er passert', undefined],
    ['no ground', [['ground', '']], 'Velg grunnlaget', undefined],
    ['some door events only', [['records', 'door_event:E-1']], 'Dørhendelser kan bare beholdes eller frigis samlet', undefined],
  ] as const)('answers %s with 400 and a Norwegian message by the field, changing nothing', async (_what, changes, message, echoed) => {
    const world = consoleWorld(erasurePlanOptions());
    const before = await world.snapshot();
    const fields = KEEP_LOG.map(([name, value]) => [name, changes.find(([n]) => n === name)?.[1] ?? value] as [string, string]);

    const response = await world.followRefusal(await world.console(post(fields)));

    expect(response.statusCode).toBe(400);
    expect(response.body).toContain(message);
    if (echoed) expect(response.body).toContain(echoed);
    expect(await world.snapshot()).toBe(before);
  });

  it('answers 409 to releasing a hold the Bookkeeping Act makes', async () => {
    const world = consoleWorld(erasurePlanOptions());

    const response = await world.followRefusal(await world.console(post([['plan_action', 'release'], ['records', 'invoice:2024-00017']])));

    expect(response.statusCode).toBe(409);
    expect(response.body).toContain('kan ikke frigis');
  });
});

describe('plan corrections in the staff API', () => {
  const call = (json: unknown) => routeEvent(API_PLAN, { token, via: 'bearer', json });

  it('keeps records and answers with the plan now in force', async () => {
    const world = consoleWorld(erasurePlanOptions());

    const response = await world.api(call({ action: 'keep', records: ['door_event:*'], ground: 'legal_claim', until: '2027-06-30', note: 'Tvist.' }));

    expect(response.statusCode).toBe(200);
    expect(JSON.parse(String(response.body))).toMatchObject({ planKey: OBJECT_KEYS.correctedPlan(REQUEST_ID, 1), records: 2 });
  });

  it.each([
    [{ action: 'keep', records: ['payment:NOPE'], ground: 'legal_claim', until: '2027-06-30' }, 400, 'records'],
    [{ action: 'keep', records: ['door_event:*'], until: '2027-06-30' }, 400, 'ground'],
    [{ action: 'keep', records: ['door_event:*'], ground: 'legal_claim', until: '2020-01-01' }, 400, 'until'],
    [{ action: 'keep', records: ['door_event:*'], ground: 'legal_claim' }, 400, 'until'],
    [{ action: 'release', records: ['invoice:2024-00017'] }, 409, 'records'],
  ])('refuses %j with %i, naming the field', async (body, status, field) => {
    const world = consoleWorld(erasurePlanOptions());
    const before = await world.snapshot();

    const response = await world.api(call(body));

    expect(response.statusCode).toBe(status);
    expect(JSON.parse(String(response.body))).toMatchObject({ field, error: expect.any(String) });
    expect(await world.snapshot()).toBe(before);
  });

  it('refuses an unknown ground or action with 400 before anything is read', async () => {
    const world = consoleWorld(erasurePlanOptions());

    const response = await world.api(call({ action: 'forget', records: ['door_event:*'], ground: 'whim' }));

    expect(response.statusCode).toBe(400);
    expect(JSON.parse(String(response.body)).errors.map((e: { field: string }) => e.field).sort()).toEqual(['action', 'ground']);
  });
});

describe('restriction in the console and the staff API', () => {
  const consolePost = (path: string, fields: [string, string][]) =>
    routeEvent({ method: 'POST', path }, { token, headers: { origin: BASE_URL }, form: [...fields, ['csrf', csrfToken(token)]] });

  it('asks for ground and scope on a restriction case, and refuses approval until they are set', async () => {
    const world = consoleWorld(erasurePlanOptions(['restriction']));

    const page = await world.console(routeEvent(CASE_PAGE, { token }));
    const approval = await world.followRefusal(await world.console(consolePost('/console/requests/{id}/decision', [['outcome', 'approved']])));

    expect(page.body).toContain('Grunnlag og omfang for begrensning');
    expect(page.body).toContain('Riktigheten er bestridt');
    expect(approval.statusCode).toBe(409);
    expect(approval.body).toContain('Angi grunnlag og omfang for begrensningen');
  });

  it('records ground and scope, and refuses a missing ground or scope with 400', async () => {
    const world = consoleWorld(erasurePlanOptions(['restriction']));

    const noGround = await world.followRefusal(await world.console(consolePost('/console/requests/{id}/restriction', [['scope', 'profile']])));
    const noScope = await world.followRefusal(await world.console(consolePost('/console/requests/{id}/restriction', [['restriction_ground', 'a']])));
    const done = await world.console(consolePost('/console/requests/{id}/restriction', [['restriction_ground', 'c'], ['scope', 'invoice'], ['scope', 'payment']]));

    expect(noGround.statusCode).toBe(400);
    expect(noScope.statusCode).toBe(400);
    expect(done.statusCode).toBe(303);
    expect((await world.store.get(REQUEST_ID))?.restriction).toMatchObject({ ground: 'c', scope: ['invoice', 'payment'], setBy: 'staff:kari.saksbehandler' });
  });

  it('lifts a restriction in force only after mailing the notice, and says so', async () => {
    const world = consoleWorld(restrictedCaseOptions());
    await world.data.customers.setRestricted('C-1001', true);

    const page = await world.console(routeEvent(CASE_PAGE, { token }));
    const refused = await world.followRefusal(await world.console(consolePost('/console/requests/{id}/lift-restriction', [['reason', '']])));
    const lifted = await world.console(consolePost('/console/requests/{id}/lift-restriction', [['reason', 'Opplysningene er kontrollert.']]));

    expect(page.body).toContain('Opphev begrensningen');
    expect(refused.statusCode).toBe(400);
    expect(lifted.statusCode).toBe(303);
    expect(world.mailer.sent.map((mail) => mail.purpose)).toEqual(['restriction-lift-notice']);
    expect(world.mailer.sent[0]?.text).toContain('Opplysningene er kontrollert.');
    expect((await world.data.customers.getProfile('C-1001'))?.restricted).toBe(false);
    expect((await world.store.get(REQUEST_ID))?.restriction?.liftedAt).toBeDefined();
  });

  it('lifts through the staff API too, and answers 409 when nothing is restricted', async () => {
    const world = consoleWorld(restrictedCaseOptions());
    const plain = consoleWorld();
    const lift = (json: unknown) => routeEvent({ method: 'POST', path: '/api/staff/requests/{id}/restriction/lift' }, { token, via: 'bearer', json });

    expect((await world.api(lift({ reason: 'Kontrollert.' }))).statusCode).toBe(200);
    expect((await plain.api(lift({ reason: 'Kontrollert.' }))).statusCode).toBe(409);
    expect((await world.api(lift({}))).statusCode).toBe(400);
  });

  it('disputes a correction: the profile is restricted and the person told', async () => {
    const world = consoleWorld(rectificationCaseOptions());

    const response = await world.console(consolePost('/console/requests/{id}/dispute', [['reason', 'Adressen stemmer med folkeregisteret.']]));

    expect(response.statusCode).toBe(303);
    expect((await world.data.customers.getProfile('C-1001'))?.restricted).toBe(true);
    expect(world.mailer.sent.map((mail) => mail.purpose)).toEqual(['restriction-disputed-correction']);
  });
});
