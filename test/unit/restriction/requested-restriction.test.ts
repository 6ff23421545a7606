import { describe, expect, it } from 'vitest';
import { createRequest, type CreateRequestDeps } from '../../../functions/http/create-request/create-request.js';
import { validateManualIntake } from '../../../functions/domain/manual-intake/manual-intake-form.js';
import { validateSubmission } from '../../../functions/domain/request/request-submission.js';
import { proposedRestriction, withRequestedRestriction } from '../../../functions/domain/restriction/requested-restriction.js';
import { RESTRICTION_GROUNDS } from '../../../functions/domain/restriction/restriction.js';
import { renderRequestFormPage } from '../../../functions/http/web-form/pages/request-form-page.js';
import { RESTRICTION_GROUND_CHOICES } from '../../../functions/http/web-form/pages/request-form-text.js';
import { FakeWorkflowStarter, InMemoryRequestStore } from '../../support/in-memory-request-store.js';
import { formPost } from '../fixtures/http-event-fixture.js';
import { capturingLogger, REQUEST_ID, REQUESTER } from '../fixtures/rights-request-fixture.js';
import { consoleWorld, erasurePlanOptions, routeEvent, TOKENS, type WorldOptions } from '../staff-console-router/console-world.js';
import { tags } from '../web-form/page-inspection.js';

const base = { name: REQUESTER.name, email: REQUESTER.email, types: ['restriction'], language: 'nb' };

describe('the restriction a requester asks for', () => {
  it('is accepted with a ground of Art. 18(1) and categories, and kept on the submission', () => {
    const result = validateSubmission({ ...base, restriction: { ground: 'c', scope: ['invoice', 'payment'] } }, 'nb');

    expect(result).toMatchObject({ ok: true, value: { restriction: { ground: 'c', scope: ['invoice', 'payment'] } } });
  });

  it.each([
    ['an unknown ground', { ground: 'e' }],
    ['an unknown category', { ground: 'a', scope: ['salary'] }],
    ['an empty category list', { scope: [] }],
    ['an unknown key', { ground: 'a', why: 'fordi' }],
  ])('refuses %s with one message on the restriction field, in the form language', (_name, restriction) => {
    const nb = validateSubmission({ ...base, restriction }, 'nb');
    const en = validateSubmission({ ...base, language: 'en', restriction }, 'en');

    expect(nb).toEqual({ ok: false, errors: [{ field: 'restriction', message: 'Velg én av grunnene i listen, og bare kategorier som står der.' }] });
    expect(en).toEqual({ ok: false, errors: [{ field: 'restriction', message: 'Choose one of the reasons in the list, and only categories listed there.' }] });
  });

  it('refuses a reason given without asking for restriction, rather than dropping it', () => {
    const result = validateSubmission({ ...base, types: ['access'], restriction: { ground: 'a' } }, 'nb');

    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map((e) => e.field)).toEqual(['restriction']);
  });

  it('treats an empty choice as none', () => {
    const result = validateSubmission({ ...base, restriction: {} }, 'nb');

    expect(result.ok && 'restriction' in result.value).toBe(false);
  });

  it('reads the flat form fields: one radio for the ground, ticked boxes for the scope, nothing when neither is chosen', () => {
    expect(withRequestedRestriction({ name: 'x', restriction_ground: 'b', restriction_scope: ['profile', 'door_event'] })).toEqual({
      name: 'x',
      restriction: { ground: 'b', scope: ['profile', 'door_event'] },
    });
    expect(withRequestedRestriction({ restriction_scope: 'consent' })).toEqual({ restriction: { scope: ['consent'] } });
    expect(withRequestedRestriction({ name: 'x', restriction_ground: '  ', restriction_scope: [] })).toEqual({ name: 'x' });
  });

  it('proposes what staff set, else what the requester chose', () => {
    const requested = { ground: 'a' as const, scope: ['profile' as const] };

    expect(proposedRestriction({ requestedRestriction: requested })).toEqual(requested);
    expect(proposedRestriction({ requestedRestriction: requested, restriction: { ground: 'c', scope: ['invoice'] } })).toEqual({ ground: 'c', scope: ['invoice'] });
    expect(proposedRestriction({})).toEqual({});
  });
});

describe('the public form', () => {
  it.each(['nb', 'en'] as const)('offers every ground in plain words (%s), «no reason» checked first, and every category', (language) => {
    const page = renderRequestFormPage({ language, idempotencyKey: 'k' });
    const radios = tags(page, 'input').filter((input) => input.name === 'restriction_ground');
    const boxes = tags(page, 'input').filter((input) => input.name === 'restriction_scope');

    expect(radios.map((radio) => radio.value)).toEqual(['', ...RESTRICTION_GROUNDS]);
    for (const ground of RESTRICTION_GROUNDS) expect(page).toContain(RESTRICTION_GROUND_CHOICES[ground][language]);
    expect(page).not.toMatch(/artikkel 18|Article 18/);
    expect(boxes.map((box) => box.value)).toEqual(['profile', 'subscription', 'consent', 'reservation', 'service_note', 'invoice', 'payment', 'door_event']);
  });

  it('is stored from a form post with the chosen ground and categories, and shown again as chosen after an error', async () => {
    const store = new InMemoryRequestStore();
    const deps: CreateRequestDeps = {
      store,
      workflow: new FakeWorkflowStarter(),
      now: () => new Date('2026-11-23T20:05:09.120Z'),
      formatInstant: () => '2026-11-23T21:05:09.120+01:00',
      receiptDate: (receivedAt) => receivedAt.slice(0, 10),
      dueDate: () => '2026-12-23',
      newId: (receiptDate) => `NK-${receiptDate.replaceAll('-', '')}-00000001`,
      newFormKey: () => 'fresh-key',
      logger: capturingLogger('create-request').logger,
    };
    const fields = (types: string[], email: string): [string, string][] => [
      ['language', 'nb'],
      ['idempotencyKey', `key-${email}`],
      ['name', REQUESTER.name],
      ['email', email],
      ...types.map((type): [string, string] => ['types', type]),
      ['restriction_ground', 'a'],
      ['restriction_scope', 'profile'],
      ['restriction_scope', 'door_event'],
    ];

    const refused = await createRequest(deps, formPost(fields(['restriction'], 'not-an-address')));
    const accepted = await createRequest(deps, formPost(fields(['restriction', 'rectification'], REQUESTER.email)));

    expect(refused.statusCode).toBe(400);
    const again = tags(String(refused.body), 'input');
    expect(again.find((input) => input.name === 'restriction_ground' && input.value === 'a')).toHaveProperty('checked');
    expect(again.filter((input) => input.name === 'restriction_scope' && 'checked' in input).map((input) => input.value)).toEqual(['profile', 'door_event']);
    expect(accepted.statusCode).toBe(303);
    expect((await store.get('NK-20261123-00000001'))?.requestedRestriction).toEqual({ ground: 'a', scope: ['profile', 'door_event'] });
    expect((await store.auditTrail('NK-20261123-00000001'))[0]?.detail).toMatchObject({ requestedRestriction: { ground: 'a', scope: ['profile', 'door_event'] } });
  });
});

describe('manual intake (phone and post)', () => {
  it('takes down the ground and categories the person gave, under the page’s field names', () => {
    const form = {
      channel: 'phone',
      received_date: '2026-11-23',
      received_time: '14:05',
      intake_note: 'Telefon til sentralbordet.',
      name: REQUESTER.name,
      email: REQUESTER.email,
      types: ['restriction'],
      language: 'nb',
      restriction_ground: 'd',
      restriction_scope: ['door_event'],
    };

    const taken = validateManualIntake(form, new Date('2026-11-24T08:00:00.000Z'));
    const wrong = validateManualIntake({ ...form, restriction_ground: 'x' }, new Date('2026-11-24T08:00:00.000Z'));

    expect(taken).toMatchObject({ ok: true, value: { submission: { restriction: { ground: 'd', scope: ['door_event'] } } } });
    expect(wrong.ok).toBe(false);
    expect(!wrong.ok && wrong.errors.map((e) => e.field)).toEqual(['restriction']);
  });
});

describe('staff confirm what the requester chose', () => {
  const asked = (): WorldOptions => {
    const options = erasurePlanOptions(['restriction']);
    return { ...options, request: { ...options.request, requestedRestriction: { ground: 'c', scope: ['invoice'] } } };
  };
  const setRestriction = (json: unknown) =>
    routeEvent({ method: 'POST', path: '/api/staff/requests/{id}/restriction' }, { token: TOKENS.staff, via: 'bearer', json });

  it('pre-fills the console’s restriction form with the requester’s ground and categories, and says so', async () => {
    const world = consoleWorld(asked());

    const page = String((await world.console(routeEvent({ method: 'GET', path: '/console/requests/{id}' }, { token: TOKENS.staff }))).body);

    const inputs = tags(page, 'input');
    expect(inputs.filter((input) => input.name === 'restriction_ground' && 'checked' in input).map((input) => input.value)).toEqual(['c']);
    expect(inputs.filter((input) => input.name === 'scope' && 'checked' in input).map((input) => input.value)).toEqual(['invoice']);
    expect(page).toContain('Den registrerte ba om');
  });

  it('sets the requester’s choice through the staff API when staff send no ground or scope, and staff’s own where they send one', async () => {
    const confirmed = consoleWorld(asked());
    const changed = consoleWorld(asked());

    const confirm = await confirmed.api(setRestriction({}));
    const change = await changed.api(setRestriction({ ground: 'b' }));

    expect(confirm.statusCode).toBe(200);
    expect((await confirmed.store.get(REQUEST_ID))?.restriction).toMatchObject({ ground: 'c', scope: ['invoice'], setBy: 'staff:kari.saksbehandler' });
    expect(change.statusCode).toBe(200);
    expect((await changed.store.get(REQUEST_ID))?.restriction).toMatchObject({ ground: 'b', scope: ['invoice'] });
  });

  it('asks staff for what the requester did not give, naming each field, and changes nothing', async () => {
    const world = consoleWorld(erasurePlanOptions(['restriction']));
    const before = await world.snapshot();

    const response = await world.api(setRestriction({ note: 'Ringte kunden.' }));

    expect(response.statusCode).toBe(400);
    expect(JSON.parse(String(response.body)).errors.map((error: { field: string }) => error.field)).toEqual(['ground', 'scope']);
    expect(await world.snapshot()).toBe(before);
  });
});
