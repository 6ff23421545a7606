import { describe, expect, it } from 'vitest';
import { InvalidQueueCursorError, QUEUE_COUNT_LIMIT, QUEUE_READ_BUDGET, readQueuePage, type QueuePage } from '../../../functions/domain/console-queue/queue-page.js';
import { queueRows } from '../../../functions/domain/console-queue/queue-rows.js';
import type { RightsRequest } from '../../../functions/domain/request/rights-request.js';
import { renderQueuePage } from '../../../functions/http/console-queue/pages/queue-page.js';
import { InMemoryRequestStore } from '../../support/in-memory-request-store.js';
import { aRightsRequest } from '../fixtures/rights-request-fixture.js';
import { CONTEXT, mainText } from '../staff-console/console-page-checks.js';

const TODAY = '2026-12-01';

/** Open cases received over the autumn, some extended (a later due date), one of every few by phone. */
function openCases(count: number): RightsRequest[] {
  return Array.from({ length: count }, (_, i) => {
    const day = new Date(Date.UTC(2026, 9, 1) + (i % 60) * 86_400_000).toISOString().slice(0, 10);
    const due = new Date(Date.parse(`${day}T00:00:00Z`) + (i % 7 === 0 ? 90 : 30) * 86_400_000).toISOString().slice(0, 10);
    return aRightsRequest({
      id: `NK-${day.replaceAll('-', '')}-${String(i).padStart(8, '0')}`,
      receivedAt: `${day}T${String(8 + (i % 9)).padStart(2, '0')}:00:00.000+01:00`,
      receiptDate: day,
      dueDate: due,
      extended: i % 7 === 0,
      status: i % 3 === 0 ? 'awaiting_approval' : 'awaiting_verification',
      channel: i % 4 === 0 ? 'phone' : 'web',
      requester: { name: i % 10 === 0 ? `Åse Søk ${i}` : `Ola Nordmann ${i}`, email: `person${i}@example.no` },
    });
  });
}

/** A store holding these requests; `queueReads` counts the open requests the pages read. */
function storeWith(requests: readonly RightsRequest[]) {
  const store = new InMemoryRequestStore();
  for (const request of requests) store.seed(request);
  return { store };
}

async function walk(store: InMemoryRequestStore, query: Record<string, string> = {}, pageSize = 50) {
  const pages = [];
  let after: string | undefined;
  do {
    const page = await readQueuePage(store, TODAY, { ...query, ...(after !== undefined && { after }) }, pageSize);
    pages.push(page);
    after = page.nextCursor;
  } while (after !== undefined && pages.length < 100);
  return pages;
}

const references = (pages: readonly QueuePage[]): string[] => pages.flatMap((page) => page.rows.map((row) => row.reference));
const cursorOf = (value: unknown): string => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

describe('readQueuePage', () => {
  it('pages every open case exactly once, in the queue order, by a cursor', async () => {
    const cases = openCases(120);
    const { store } = storeWith(cases);

    const pages = await walk(store);

    expect(pages.map((page) => page.rows.length)).toEqual([50, 50, 20]);
    expect(references(pages)).toEqual(queueRows(cases, TODAY, {}).rows.map((row) => row.reference));
    expect(pages.map((page) => [page.total, page.firstPosition, page.continued])).toEqual([
      [120, 1, false],
      [120, 51, true],
      [120, 101, true],
    ]);
  });

  it('puts overdue cases first and the working days left never fall down the pages', async () => {
    const { store } = storeWith(openCases(150));

    const rows = (await walk(store, {}, 20)).flatMap((page) => page.rows);

    const left = rows.map((row) => row.workingDaysLeft!);
    expect(left.slice(1).every((days, i) => days >= left[i]!)).toBe(true);
    expect(rows[0]!.urgency).toBe('overdue');
    expect(rows.at(-1)!.urgency).toBe('normal');
  });

  it('reads only the page’s own cases, whatever the number of open cases', async () => {
    const { store } = storeWith(openCases(600));

    await readQueuePage(store, TODAY, {});
    const afterFirst = store.queueReads;
    // A third of the cases await approval: a filtered page reads about three cases per row.
    await readQueuePage(store, TODAY, { status: 'awaiting_approval' });

    expect(afterFirst).toBe(50);
    expect(store.queueReads - afterFirst).toBeLessThanOrEqual(150);
  });

  it('continues where the page before ended even when cases closed or arrived meanwhile', async () => {
    const cases = openCases(60);
    const { store } = storeWith(cases);
    const first = await readQueuePage(store, TODAY, {}, 20);
    const closing = first.rows[19]!.reference;
    const request = (await store.get(closing))!;
    await store.apply(closing, { expectedVersion: request.version, set: { status: 'closed' }, audit: { requestId: closing, at: '2026-12-01T10:00:00.000Z', actor: 'staff:kari', event: 'status.changed', toStatus: 'closed' } });

    const second = await readQueuePage(store, TODAY, { after: first.nextCursor! }, 20);

    const order = queueRows(cases, TODAY, {}).rows.map((row) => row.reference);
    expect(second.rows.map((row) => row.reference)).toEqual(order.slice(20, 40));
    expect(second.firstPosition).toBe(21);
  });

  it('filters by status, type and channel and keeps the filter across pages', async () => {
    const cases = openCases(200);
    const { store } = storeWith(cases);

    const pages = await walk(store, { status: 'awaiting_approval', channel: 'phone' }, 10);
    const byType = await walk(store, { type: 'access', channel: 'web' }, 10);

    const expected = queueRows(cases, TODAY, { status: 'awaiting_approval', channel: 'phone' }).rows.map((row) => row.reference);
    expect(expected.length).toBeGreaterThan(10);
    expect(references(pages)).toEqual(expected);
    expect(pages[0]!.total).toBe(expected.length);
    expect(references(byType)).toEqual(queueRows(cases, TODAY, { type: 'access', channel: 'web' }).rows.map((row) => row.reference));
  });

  it('fills a page of search hits from the queue, and continues after the last case read', async () => {
    const cases = openCases(400);
    const { store } = storeWith(cases);

    const pages = await walk(store, { q: 'ase sok' }, 15);

    const expected = queueRows(cases, TODAY, { q: 'ase sok' }).rows.map((row) => row.reference);
    expect(expected).toHaveLength(40);
    expect(references(pages)).toEqual(expected);
    expect(pages[0]!.total).toBeUndefined();
    expect(pages[0]!.searchedBy).toBe('queue');
  });

  it('reads at most QUEUE_READ_BUDGET cases for a page, says so, and «Søk videre» goes on', async () => {
    const cases = openCases(QUEUE_READ_BUDGET + 300);
    const rare = queueRows(cases, TODAY, {}).rows.at(-1)!.reference; // the last case in the queue
    const { store } = storeWith(cases.map((request) => (request.id === rare ? { ...request, requester: { name: 'Sjelden Sigrid', email: 'x@example.no' } } : request)));

    const first = await readQueuePage(store, TODAY, { q: 'sjelden' });
    const readByFirst = store.queueReads;
    const pages = await walk(store, { q: 'sjelden' });
    const html = renderQueuePage({ ...CONTEXT, queue: first });

    expect(readByFirst).toBe(QUEUE_READ_BUDGET);
    expect(store.queueReads - readByFirst).toBe(cases.length); // the walk reads every case once, over two pages
    expect(pages).toHaveLength(2);
    expect(first.rows).toHaveLength(0);
    expect(first.lookedThrough).toBe(QUEUE_READ_BUDGET);
    expect(mainText(html)).toContain('leser hver side høyst 1 000 åpne henvendelser');
    expect(html).toMatch(/rel="next">Søk videre<\/a>/);
    expect(references(pages)).toEqual([rare]);
  });

  it('finds a whole reference or e-mail address by key, without reading the queue', async () => {
    const cases = openCases(300);
    const { store } = storeWith(cases);
    const wanted = cases[123]!;

    const byReference = await readQueuePage(store, TODAY, { q: wanted.id.toLowerCase() });
    const byEmail = await readQueuePage(store, TODAY, { q: ` ${wanted.requester.email!.toUpperCase()} ` });
    const filteredOut = await readQueuePage(store, TODAY, { q: wanted.id, channel: wanted.channel === 'web' ? 'phone' : 'web' });

    expect(store.queueReads).toBe(0);
    expect(byReference.rows.map((row) => row.reference)).toEqual([wanted.id]);
    expect(byReference.searchedBy).toBe('reference');
    expect(byEmail.rows.map((row) => row.reference)).toEqual([wanted.id]);
    expect(byEmail.searchedBy).toBe('email');
    expect(filteredOut.rows).toEqual([]);
    expect(mainText(renderQueuePage({ ...CONTEXT, queue: byEmail }))).toContain('1 henvendelse');
  });

  it('looks for a whole e-mail address in the queue when no case has its lookup key', async () => {
    // As for cases written before the lookup keys: the address finds no request by key.
    class WithoutLookupKeys extends InMemoryRequestStore {
      override async requestIdsBySubject(): Promise<string[]> {
        return [];
      }
    }
    const store = new WithoutLookupKeys();
    for (const request of openCases(80)) store.seed(request);

    const page = await readQueuePage(store, TODAY, { q: 'person7@example.no' });

    expect(page.rows.map((row) => row.requesterName)).toEqual(['Ola Nordmann 7']);
    expect(page.searchedBy).toBe('queue');
    expect(store.queueReads).toBe(80);
  });

  it('counts the open cases up to QUEUE_COUNT_LIMIT, and says «over» beyond, without reading them', async () => {
    const { store } = storeWith(openCases(QUEUE_COUNT_LIMIT + 1));

    const page = await readQueuePage(store, TODAY, {});
    const filtered = await readQueuePage(store, TODAY, { channel: 'phone' });

    expect(page.total).toBeUndefined();
    expect(page.totalOver).toBe(QUEUE_COUNT_LIMIT);
    expect(mainText(renderQueuePage({ ...CONTEXT, queue: page }))).toContain('Viser 1–50 av over 2 000 henvendelser');
    expect(filtered.total).toBeUndefined();
    expect(mainText(renderQueuePage({ ...CONTEXT, queue: filtered }))).toMatch(/Viser 1–50(?! av)/);
  });

  it.each([
    ['not base64url', 'not a cursor!'],
    ['not JSON', Buffer.from('{{', 'utf8').toString('base64url')],
    ['the old shape', cursorOf([0, 3, 1764000000000, 'NK-20261001-00000001'])],
    ['a position of another shape', cursorOf(['2026-11-01#x#NK-1', 50])],
    ['a negative count', cursorOf(['2026-11-01#2026-10-01T07:00:00.000Z#NK-20261001-00000001', -1])],
    ['too long', 'A'.repeat(301)],
  ])('refuses a cursor it did not make (%s) with InvalidQueueCursorError', async (_, after) => {
    const { store } = storeWith(openCases(60));

    await expect(readQueuePage(store, TODAY, { after })).rejects.toBeInstanceOf(InvalidQueueCursorError);
    expect(store.queueReads).toBe(0);
  });

  it('links to the next page with the filter kept, and counts «Viser 1–50 av 120 henvendelser»', async () => {
    const { store } = storeWith(openCases(120));

    const page = await readQueuePage(store, TODAY, { channel: 'web' }, 50);
    const html = renderQueuePage({ ...CONTEXT, queue: page });

    expect(html).toMatch(/<a href="\/console\?channel=web&amp;after=[\w-]+" rel="next">Neste side<\/a>/);
    expect(mainText(html)).toContain(`Viser 1–50 av ${page.total} henvendelser`);
  });
});

describe('the queue on an erasure halfway approved', () => {
  it('shows «1 av 2 godkjenninger», and nothing of the kind on a plan one person approves', async () => {
    const halfway = aRightsRequest({
      id: 'NK-20261120-HALFWAY1',
      types: ['erasure'],
      status: 'awaiting_approval',
      approvals: [{ by: 'staff:kari', at: '2026-11-30T10:00:00.000Z' }],
    });
    const single = aRightsRequest({ id: 'NK-20261121-SINGLE01', types: ['access'], status: 'awaiting_approval' });
    const { store } = storeWith([halfway, single]);

    const page = await readQueuePage(store, TODAY, {});
    const html = renderQueuePage({ ...CONTEXT, queue: page });

    expect(page.rows.find((row) => row.reference === halfway.id)?.approvals).toEqual({ given: 1, needed: 2 });
    expect(page.rows.find((row) => row.reference === single.id)?.approvals).toBeUndefined();
    const halfwayRow = /<tr>\s*<th scope="row"><a href="\/console\/requests\/NK-20261120-HALFWAY1">[\s\S]*?<\/tr>/.exec(html)?.[0] ?? '';
    expect(halfwayRow).toContain('1 av 2 godkjenninger');
    expect(html.match(/godkjenninger/g)).toHaveLength(1);
  });
});
