import { describe, expect, it } from 'vitest';
import { readQueuePage } from '../../../functions/domain/console-queue/queue-page.js';
import { queueRows } from '../../../functions/domain/console-queue/queue-rows.js';
import type { RightsRequest } from '../../../functions/domain/request/rights-request.js';
import { renderQueuePage } from '../../../functions/staff-console/pages/queue-page.js';
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

/** A store that counts the request items each page reads. */
function storeWith(requests: readonly RightsRequest[]) {
  const store = new InMemoryRequestStore();
  for (const request of requests) store.seed(request);
  const reads: number[] = [];
  const counting = {
    listOpen: () => store.listOpen(),
    getMany: async (ids: readonly string[]) => {
      reads.push(ids.length);
      return store.getMany(ids);
    },
  };
  return { store: counting, reads };
}

async function walk(store: ReturnType<typeof storeWith>['store'], query: Record<string, string> = {}, pageSize = 50) {
  const pages = [];
  let after: string | undefined;
  do {
    const page = await readQueuePage(store, TODAY, { ...query, ...(after !== undefined && { after }) }, pageSize);
    pages.push(page);
    after = page.nextCursor;
  } while (after !== undefined && pages.length < 100);
  return pages;
}

describe('readQueuePage', () => {
  it('pages every open case exactly once, in the queue order, by a cursor', async () => {
    const cases = openCases(120);
    const { store } = storeWith(cases);

    const pages = await walk(store);

    expect(pages.map((page) => page.rows.length)).toEqual([50, 50, 20]);
    expect(pages.flatMap((page) => page.rows.map((row) => row.reference))).toEqual(queueRows(cases, TODAY, {}).rows.map((row) => row.reference));
    expect(pages.map((page) => [page.total, page.firstPosition, page.continued])).toEqual([
      [120, 1, false],
      [120, 51, true],
      [120, 101, true],
    ]);
  });

  it('reads only the page’s own request items, whatever the number of open cases', async () => {
    const { store, reads } = storeWith(openCases(600));

    await readQueuePage(store, TODAY, {});

    expect(reads).toEqual([50]);
  });

  it('filters by status, type and channel from the index and keeps the filter across pages', async () => {
    const cases = openCases(200);
    const { store } = storeWith(cases);

    const pages = await walk(store, { status: 'awaiting_approval', channel: 'phone' }, 10);

    const expected = queueRows(cases, TODAY, { status: 'awaiting_approval', channel: 'phone' }).rows.map((row) => row.reference);
    expect(expected.length).toBeGreaterThan(10);
    expect(pages.flatMap((page) => page.rows.map((row) => row.reference))).toEqual(expected);
  });

  it('fills a page of search hits across batches of items, and continues after the last hit', async () => {
    const cases = openCases(400);
    const { store } = storeWith(cases);

    const pages = await walk(store, { q: 'ase sok' }, 15);

    const expected = queueRows(cases, TODAY, { q: 'ase sok' }).rows.map((row) => row.reference);
    expect(expected).toHaveLength(40);
    expect(pages.flatMap((page) => page.rows.map((row) => row.reference))).toEqual(expected);
    expect(pages[0]!.total).toBeUndefined();
  });

  it('shows the first page, and says so, for a cursor it cannot read', async () => {
    const { store } = storeWith(openCases(60));

    const page = await readQueuePage(store, TODAY, { after: 'not-a-cursor' });

    expect(page.cursorIgnored).toBe(true);
    expect(page.firstPosition).toBe(1);
    expect(mainText(renderQueuePage({ ...CONTEXT, queue: page }))).toContain('Lenken til neste side var ugyldig');
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
