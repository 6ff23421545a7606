import { describe, expect, it } from 'vitest';
import { GATHERED_PAGE_SIZE } from '../../../functions/http/console-case/pages/gathered-records-section.js';
import { FORMER_CUSTOMER } from '../carry-out/carry-out-fixture.js';
import { consoleWorld, erasurePlanOptions, routeEvent, TOKENS } from './console-world.js';

const casePage = (query?: Record<string, string>) =>
  routeEvent({ method: 'GET', path: '/console/requests/{id}' }, { token: TOKENS.staff, ...(query && { query }) });

/** The text of the «Innhentede opplysninger» section. */
const gatheredSection = (body: string): string => /<section aria-labelledby="section-gathered-records">([\s\S]*?)<\/section>/.exec(body)?.[1] ?? '';

describe('the case page: the gathered records themselves', () => {
  it('shows each store’s records from the gathered copies, not only counts', async () => {
    const world = consoleWorld(erasurePlanOptions());

    const page = gatheredSection((await world.console(casePage())).body ?? '');

    const invoice = FORMER_CUSTOMER.invoices![0]!;
    expect(page).toContain('Kunde- og abonnementsregisteret');
    expect(page).toContain('Fakturering');
    expect(page).toContain(invoice.invoiceNo);
    expect(page).toContain(FORMER_CUSTOMER.events![0]!.eventId);
  });

  it('pages a store on its own, and leaves the other stores on their first page', async () => {
    // A door log longer than a page: 60 events in the gathered copy.
    const options = erasurePlanOptions();
    const key = options.request!.gathered!['access-log']!;
    const copy = options.objects![key] as { events: { eventId: string }[] };
    const events = Array.from({ length: 60 }, (_, i) => ({ ...copy.events[0]!, eventId: `EV-${String(i).padStart(4, '0')}` }));
    const world = consoleWorld({ ...options, objects: { ...options.objects, [key]: { ...copy, events } } });

    const first = gatheredSection((await world.console(casePage())).body ?? '');
    const second = gatheredSection((await world.console(casePage({ store: 'access-log', page: '2' }))).body ?? '');

    expect(first).toContain(events[0]!.eventId);
    expect(first).not.toContain(`>${events[GATHERED_PAGE_SIZE]!.eventId}<`);
    expect(second).toContain(`>${events[GATHERED_PAGE_SIZE]!.eventId}<`);
    expect(second).not.toContain(`>${events[0]!.eventId}<`);
    expect(second).toContain(FORMER_CUSTOMER.invoices![0]!.invoiceNo);
    expect(second).toMatch(/Side 2 av \d+/);
  });

  it('says so when nothing has been gathered', async () => {
    const world = consoleWorld();

    const page = gatheredSection((await world.console(casePage())).body ?? '');

    expect(page).toContain('Ingen innhentede kopier å vise');
  });
});
