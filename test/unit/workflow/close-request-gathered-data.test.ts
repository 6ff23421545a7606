import { describe, expect, it } from 'vitest';
import { closeRequest } from '../../../functions/domain/workflow/close-request.js';
import { InMemoryObjectStore } from '../gather/in-memory-stores.js';
import { REQUEST_ID } from '../fixtures/rights-request-fixture.js';
import { workflowWith } from './workflow-fixture.js';

const replied = { reply: { messageId: 'm-1', sentAt: '2026-11-24T07:30:00.000Z' } };
const gathered = {
  subscriptions: `requests/${REQUEST_ID}/gathered/subscriptions.json`,
  billing: `requests/${REQUEST_ID}/gathered/billing.json`,
  'access-log': `requests/${REQUEST_ID}/gathered/access-log.json`,
};

describe('closeRequest and the gathered copies', () => {
  it('deletes the gathered copies of the stores on closing, keeping the plan for the record', async () => {
    const objects = new InMemoryObjectStore();
    for (const key of Object.values(gathered)) await objects.putJson(key, { source: 'x' });
    await objects.putJson(`requests/${REQUEST_ID}/plan.json`, { requestId: REQUEST_ID });
    const { deps, store } = workflowWith({ status: 'replied', mailsSent: replied, gathered });

    await closeRequest({ ...deps, objects }, REQUEST_ID);

    expect(await objects.list(`requests/${REQUEST_ID}/`)).toEqual([`requests/${REQUEST_ID}/plan.json`]);
    expect((await store.get(REQUEST_ID))?.gathered).toEqual({});
    const audit = await store.auditTrail(REQUEST_ID);
    expect(audit.at(-1)).toMatchObject({ toStatus: 'closed', detail: { gatheredCopiesDeleted: 3 } });
  });

  it('closes a request that gathered nothing without touching the bucket', async () => {
    const objects = new InMemoryObjectStore();
    const { deps, store } = workflowWith({ status: 'replied', mailsSent: replied });

    await closeRequest({ ...deps, objects }, REQUEST_ID);

    expect((await store.get(REQUEST_ID))?.status).toBe('closed');
  });
});
