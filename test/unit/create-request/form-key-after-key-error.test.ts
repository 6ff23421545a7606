import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { createRequest, type CreateRequestDeps } from '../../../functions/http/create-request/create-request.js';
import { FakeWorkflowStarter, InMemoryRequestStore } from '../../support/in-memory-request-store.js';
import { formPost } from '../fixtures/http-event-fixture.js';
import { REQUESTER, capturingLogger } from '../fixtures/rights-request-fixture.js';

function setup() {
  let ids = 0;
  let keys = 0;
  const store = new InMemoryRequestStore();
  const deps: CreateRequestDeps = {
    store,
    workflow: new FakeWorkflowStarter(),
    now: () => new Date('2026-11-23T20:05:09.120Z'),
    formatInstant: () => '2026-11-23T21:05:09.120+01:00',
    receiptDate: (receivedAt) => receivedAt.slice(0, 10),
    dueDate: () => '2026-12-23',
    newId: (receiptDate) => `NK-${receiptDate.replaceAll('-', '')}-${String(++ids).padStart(8, '0')}`,
    newFormKey: () => `fresh-key-${++keys}`,
    logger: capturingLogger().logger,
  };
  const call = (event: APIGatewayProxyEventV2) => createRequest(deps, event);
  const form = (key: string, details: string): [string, string][] => [
    ['language', 'nb'],
    ['idempotencyKey', key],
    ['name', REQUESTER.name],
    ['email', REQUESTER.email],
    ['types', 'access'],
    ['details', details],
  ];
  const keyIn = (body: string | undefined): string => /name="idempotencyKey" value="([^"]*)"/.exec(body ?? '')?.[1] ?? '';
  return { store, call, form, keyIn };
}

describe('createRequest form re-shown after an idempotency-key error', () => {
  it('returns 303 when the person sends again the form re-rendered after a 422', async () => {
    const { store, call, form, keyIn } = setup();
    await call(formPost(form('form-key-1', 'Første henvendelse')));
    const conflict = await call(formPost(form('form-key-1', 'En annen henvendelse')));

    const resent = await call(formPost(form(keyIn(conflict.body), 'En annen henvendelse')));

    expect(conflict.statusCode).toBe(422);
    expect(resent.statusCode).toBe(303);
    expect(store.size).toBe(2);
  });

  it('returns 303 when the person sends again the form re-rendered after an invalid key', async () => {
    const { store, call, form, keyIn } = setup();
    const invalid = await call(formPost(form('has a space', 'Henvendelse')));

    const resent = await call(formPost(form(keyIn(invalid.body), 'Henvendelse')));

    expect(invalid.statusCode).toBe(400);
    expect(resent.statusCode).toBe(303);
    expect(store.size).toBe(1);
  });
});
