import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { createRequest, type CreateRequestDeps } from '../../../functions/http/create-request/create-request.js';
import type { FormLimits, RateLimit, RateLimiter } from '../../../functions/domain/abuse/rate-limiter.js';
import { systemAddressCheck } from '../../../functions/domain/request/system-addresses.js';
import { FakeWorkflowStarter, InMemoryRequestStore } from '../../support/in-memory-request-store.js';
import { capturingLogger } from '../fixtures/rights-request-fixture.js';
import { formPost, jsonPost } from '../fixtures/http-event-fixture.js';

/** Counts in memory per key, limit and window, like the DynamoDB adapter. */
class InMemoryRateLimiter implements RateLimiter {
  private readonly counts = new Map<string, number>();

  async take(key: string, limits: readonly RateLimit[], now: Date): Promise<boolean> {
    for (const limit of limits) {
      const counter = `${limit.name} ${key} ${Math.floor(now.getTime() / 1000 / limit.windowSeconds)}`;
      const count = this.counts.get(counter) ?? 0;
      if (count >= limit.max) return false;
      this.counts.set(counter, count + 1);
    }
    return true;
  }
}

const LIMITS: FormLimits = {
  perRecipient: [{ name: 'recipient-hour', max: 3, windowSeconds: 3600 }],
  perSource: [{ name: 'source-10min', max: 5, windowSeconds: 600 }],
};

function setUp() {
  const store = new InMemoryRequestStore();
  const workflow = new FakeWorkflowStarter();
  let ids = 0;
  let clock = Date.parse('2026-11-23T20:05:09.120Z');
  const deps: CreateRequestDeps = {
    store,
    workflow,
    now: () => new Date(clock),
    formatInstant: (at) => at.toISOString(),
    receiptDate: (receivedAt) => receivedAt.slice(0, 10),
    dueDate: () => '2026-12-23',
    newId: (receiptDate) => `NK-${receiptDate.replaceAll('-', '')}-${String(++ids).padStart(8, '0')}`,
    newFormKey: () => 'fresh-key',
    logger: capturingLogger('create-request').logger,
    limiter: new InMemoryRateLimiter(),
    formLimits: LIMITS,
    isSystemAddress: systemAddressCheck(['avsender@obos.no']),
  };
  const from = (event: APIGatewayProxyEventV2, sourceIp: string) => {
    event.requestContext.http.sourceIp = sourceIp;
    return createRequest(deps, event);
  };
  return { store, workflow, from, advance: (ms: number) => (clock += ms) };
}

const submission = (email: string) => ({ name: 'Skript', email, types: ['access'], language: 'nb' });

describe('createRequest against abuse', () => {
  it('answers 429 with Retry-After once an address has had its requests this hour, from any source, and starts nothing', async () => {
    const { from, workflow, advance } = setUp();
    const statuses = [];
    for (let index = 0; index < 5; index += 1) statuses.push((await from(jsonPost(submission('offer@example.no')), `198.51.100.${index}`)).statusCode);

    expect(statuses).toEqual([202, 202, 202, 429, 429]);
    expect(workflow.started).toHaveLength(3);
    const refused = await from(jsonPost(submission('offer@example.no')), '198.51.100.9');
    expect(refused.headers?.['retry-after']).toBe('600');
    advance(3600_000);
    expect((await from(jsonPost(submission('offer@example.no')), '198.51.100.9')).statusCode).toBe(202);
  });

  it('limits one source across many addresses, with the same answer shape as any other refusal', async () => {
    const { from } = setUp();
    const statuses = [];
    for (let index = 0; index < 7; index += 1) statuses.push((await from(jsonPost(submission(`offer.${index}@example.no`)), '203.0.113.7')).statusCode);

    expect(statuses).toEqual([202, 202, 202, 202, 202, 429, 429]);
    expect((await from(jsonPost(submission('another@example.no')), '203.0.113.8')).statusCode).toBe(202);
  });

  it.each(['naerkontor@obos.no', 'Personvern@OBOS.no', 'naerkontor+loop@obos.no', 'avsender@obos.no'])(
    'refuses the system address %s as the requester’s, on the form and in JSON, writing nothing',
    async (email) => {
      const { from, store, workflow } = setUp();

      const json = await from(jsonPost(submission(email)), '192.0.2.10');
      const form = await from(formPost([['name', 'X'], ['email', email], ['types', 'access'], ['language', 'nb']]), '192.0.2.10');

      expect(json.statusCode).toBe(400);
      expect(JSON.parse(json.body ?? '{}')).toEqual({ errors: [{ field: 'email', message: expect.stringContaining('egne adresser') }] });
      expect(form.statusCode).toBe(400);
      expect(workflow.started).toEqual([]);
      const open = [];
      for await (const entry of store.listOpen()) open.push(entry);
      expect(open).toEqual([]);
    },
  );
});
