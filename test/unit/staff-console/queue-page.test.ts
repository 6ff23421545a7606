import { describe, expect, it } from 'vitest';
import { queueRows } from '../../../functions/domain/console-queue/queue-rows.js';
import { renderQueuePage } from '../../../functions/http/console-queue/pages/queue-page.js';
import { aRightsRequest } from '../fixtures/rights-request-fixture.js';
import { tags } from '../web-form/page-inspection.js';
import { CONTEXT, HOSTILE, expectAccessibleMarkup, mainText } from './console-page-checks.js';

const TODAY = '2026-12-07'; // Monday

const requests = [
  aRightsRequest({ id: 'NK-20261101-AAAAAAAA', dueDate: '2026-12-04' }),
  aRightsRequest({ id: 'NK-20261102-BBBBBBBB', dueDate: '2026-12-09', requester: { name: HOSTILE, email: 'x@example.no' } }),
  aRightsRequest({ id: 'NK-20261103-CCCCCCCC', dueDate: '2026-12-07' }),
  aRightsRequest({ id: 'NK-20261104-DDDDDDDD', dueDate: '2026-12-23', assignee: { username: 'ola', at: '2026-12-01T09:00:00+01:00' } }),
];

const render = (query: Record<string, string> = {}): string =>
  renderQueuePage({ ...CONTEXT, queue: queueRows(requests, TODAY, query) });

describe('renderQueuePage', () => {
  it('passes the markup checks: one h1, labelled filters, captioned table with scoped headers', () => {
    expectAccessibleMarkup(render());
  });

  it('filters with a GET form of selects and a search field, and offers a reset link', () => {
    const page = render();
    const [form] = tags(page, 'form').filter((f) => f.method === 'get');
    expect(form).toMatchObject({ action: '/console' });
    expect(tags(page, 'select').map((s) => s.name)).toEqual(['status', 'type', 'channel']);
    expect(tags(page, 'input').find((i) => i.name === 'q')).toMatchObject({ type: 'search' });
    expect(page).toContain('<a class="button-link" href="/console">Nullstill</a>');
  });

  it('labels urgency in words, never by colour alone', () => {
    const text = mainText(render());
    expect(text).toContain('Over fristen (1 arbeidsdag)');
    expect(text).toContain('Frist i dag');
    expect(text).toContain('2 arbeidsdager igjen');
    expect(text).toContain('12 arbeidsdager igjen');
  });

  it('lists the most urgent first and links each case', () => {
    const links = tags(render(), 'a').filter((a) => a.href?.startsWith('/console/requests/'));
    expect(links.map((a) => a.href)).toEqual([
      '/console/requests/NK-20261101-AAAAAAAA',
      '/console/requests/NK-20261103-CCCCCCCC',
      '/console/requests/NK-20261102-BBBBBBBB',
      '/console/requests/NK-20261104-DDDDDDDD',
    ]);
  });

  it('shows the count, the assignee and the last activity column', () => {
    const page = render();
    expect(mainText(page)).toContain('4 henvendelser');
    expect(page).toContain('<th scope="col">Siste aktivitet</th>');
    expect(page).toContain('<td>ola</td>');
  });

  it('escapes a hostile requester name', () => {
    const page = render();
    expect(page).not.toContain(HOSTILE);
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('keeps the chosen filter and search in the form', () => {
    const page = render({ status: 'received', q: 'kari "x"' });
    expect(page).toMatch(/<option value="received" selected>/);
    expect(tags(page, 'input').find((i) => i.name === 'q')?.value).toBe('kari "x"');
  });

  it('says when nothing matches, and names ignored filter values (escaped)', () => {
    const page = render({ q: 'ingen-slik-person', channel: '<fax>' });
    const text = mainText(page);
    expect(text).toContain('0 henvendelser');
    expect(text).toContain('Ingen henvendelser passer til filteret.');
    expect(page).toContain('kanal: «&lt;fax&gt;»');
    expect(page).not.toContain('<table');
  });
});
