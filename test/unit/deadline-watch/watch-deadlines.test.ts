import { describe, expect, it } from 'vitest';
import type { Mailer, OutgoingMail } from '../../../functions/domain/mail/mailer.js';
import type { TriageEntry } from '../../../functions/domain/intake-mail/inbox-entries.js';
import type { RightsRequest } from '../../../functions/domain/request/rights-request.js';
import { watchDeadlines, type WatchDeadlinesDeps } from '../../../functions/schedule/watch-deadlines/watch-deadlines.js';
import { FakeMailer, InMemoryRequestStore } from '../../support/in-memory-request-store.js';
import { REQUESTER, capturingLogger } from '../fixtures/rights-request-fixture.js';
import { aCase } from './deadline-watch-fixture.js';

const STAFF = 'personvern@obos.no';
const BASE = 'https://personvern.example.no';
/** 07:00 in Oslo on Tuesday 1 December 2026 (06:00 UTC). */
const TUESDAY_MORNING = '2026-12-01T06:00:00.000Z';

/** A mailer that refuses the digest only, as SES might after the warnings went out. */
class DigestRefusingMailer implements Mailer {
  readonly inner = new FakeMailer();
  refuse = true;

  async send(mail: OutgoingMail): Promise<{ readonly messageId: string }> {
    if (this.refuse && mail.purpose === 'deadline-digest') throw new Error('SES throttled');
    return this.inner.send(mail);
  }

  resend(requestId: string, letterId: string): Promise<{ readonly messageId: string } | undefined> {
    return this.inner.resend(requestId, letterId);
  }
}

function watchWith(requests: readonly RightsRequest[], mailer: Mailer = new FakeMailer()) {
  const store = new InMemoryRequestStore();
  for (const request of requests) store.seed(request);
  const log = capturingLogger('watch-deadlines');
  const metrics: Record<string, number>[] = [];
  let now = new Date(TUESDAY_MORNING);
  const deps: WatchDeadlinesDeps = {
    store,
    mailer,
    now: () => now,
    logger: log.logger,
    staffAddress: STAFF,
    publicBaseUrl: BASE,
    recordCounts: (counts) => metrics.push({ ...counts }),
  };
  const setNow = (iso: string): void => {
    now = new Date(iso);
  };
  return { deps, store, log, metrics, setNow };
}

const warningsIn = async (store: InMemoryRequestStore, id: string): Promise<unknown[]> =>
  (await store.auditTrail(id)).filter((entry) => entry.event === 'deadline.warning_sent').map((entry) => entry.detail?.threshold);

describe('watchDeadlines', () => {
  const overdue = aCase('2026-11-30', { status: 'awaiting_approval' });
  const dueThursday = aCase('2026-12-03', { status: 'needs_attention' }); // 2 working days left
  const dueInSeven = aCase('2026-12-10', { status: 'gathering' }); // 7 working days left
  const farAway = aCase('2026-12-31');
  const answered = aCase('2026-11-02', { status: 'replied' });
  const all = [overdue, dueThursday, dueInSeven, farAway, answered];

  it('warns staff once per case reached, records the warnings and mails the digest', async () => {
    const { deps, store } = watchWith(all);
    const mailer = deps.mailer as FakeMailer;

    const summary = await watchDeadlines(deps);

    expect(summary).toEqual({ open: 4, overdue: 1, warningsSent: 2, warningsFailed: 0, digestSent: true });
    expect(mailer.sent.map(({ to, purpose, requestId }) => ({ to, purpose, requestId }))).toEqual([
      { to: STAFF, purpose: 'deadline-warning-2', requestId: dueThursday.id },
      { to: STAFF, purpose: 'deadline-warning-7', requestId: dueInSeven.id },
      { to: STAFF, purpose: 'deadline-digest', requestId: 'digest-2026-12-01' },
    ]);
    expect(await warningsIn(store, dueThursday.id)).toEqual([7, 2]);
    expect(await warningsIn(store, dueInSeven.id)).toEqual([7]);
    expect(await warningsIn(store, overdue.id)).toEqual([]);
    expect((await store.auditTrail(dueInSeven.id)).at(-1)).toMatchObject({
      event: 'deadline.warning_sent',
      actor: 'system:deadline-watch',
      at: TUESDAY_MORNING,
    });
  });

  it('leaves the requests themselves unchanged, so no running workflow step loses its write', async () => {
    const { deps, store } = watchWith(all);

    await watchDeadlines(deps);

    expect(await store.get(dueThursday.id)).toEqual(dueThursday);
    expect(await store.get(dueInSeven.id)).toEqual(dueInSeven);
  });

  it('sends no warning twice when run again the same day or the next', async () => {
    const { deps, setNow } = watchWith(all);
    const mailer = deps.mailer as FakeMailer;
    await watchDeadlines(deps);

    const again = await watchDeadlines(deps);
    setNow('2026-12-02T06:00:00.000Z');
    const nextDay = await watchDeadlines(deps);

    expect([again.warningsSent, nextDay.warningsSent]).toEqual([0, 0]);
    expect(mailer.sent.slice(3).map((mail) => mail.requestId)).toEqual(['digest-2026-12-01', 'digest-2026-12-02']);
  });

  it('sends the 2-day warning when a case that had the 7-day one gets there', async () => {
    const { deps, store, setNow } = watchWith([dueInSeven]);
    const mailer = deps.mailer as FakeMailer;
    await watchDeadlines(deps);

    setNow('2026-12-08T06:00:00.000Z'); // Tuesday: 9 and 10 December left
    await watchDeadlines(deps);

    expect(mailer.sent.filter((mail) => mail.purpose.startsWith('deadline-warning')).map((mail) => mail.purpose)).toEqual([
      'deadline-warning-7',
      'deadline-warning-2',
    ]);
    expect(await warningsIn(store, dueInSeven.id)).toEqual([7, 2]);
  });

  it('takes today in Oslo, not in UTC: 23:30 UTC on 30 November is already 1 December', async () => {
    const { deps, setNow } = watchWith([aCase('2026-11-30')]);
    setNow('2026-11-30T23:30:00.000Z');

    expect((await watchDeadlines(deps)).overdue).toBe(1);
  });

  it('reports the overdue count and the cases due within 2 working days once per run', async () => {
    const { deps, metrics } = watchWith([...all, aCase('2026-12-01')]);

    await watchDeadlines(deps);

    expect(metrics).toHaveLength(1);
    expect(metrics[0]).toEqual({ OverdueRequests: 1, RequestsDueWithin2WorkingDays: 2 });
  });

  it('mails the digest and reports zero when there is nothing to watch', async () => {
    const { deps, metrics } = watchWith([]);
    const mailer = deps.mailer as FakeMailer;

    const summary = await watchDeadlines(deps);

    expect(summary).toEqual({ open: 0, overdue: 0, warningsSent: 0, warningsFailed: 0, digestSent: true });
    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0]!.text).toContain('Ingen saker trenger handling i dag.');
    expect(metrics[0]).toEqual({ OverdueRequests: 0, RequestsDueWithin2WorkingDays: 0 });
  });

  it('goes on after a failed warning, reports it in the digest and sends it on the next run', async () => {
    const { deps, store, log } = watchWith([dueThursday, dueInSeven]);
    const mailer = deps.mailer as FakeMailer;
    mailer.failWith(new Error('SES throttled'), 1);

    const first = await watchDeadlines(deps);

    expect(first).toMatchObject({ warningsSent: 1, warningsFailed: 1, digestSent: true });
    expect(await warningsIn(store, dueThursday.id)).toEqual([]);
    expect(mailer.sent.at(-1)!.text).toContain('Ett fristvarsel kunne ikke sendes i dag');
    expect(log.events()).toContain('deadline.warning_failed');

    const second = await watchDeadlines(deps);

    expect(second).toMatchObject({ warningsSent: 1, warningsFailed: 0 });
    expect(await warningsIn(store, dueThursday.id)).toEqual([7, 2]);
  });

  it('fails the run when the digest cannot be sent, and a retry sends only the digest', async () => {
    const mailer = new DigestRefusingMailer();
    const { deps, metrics } = watchWith([dueThursday], mailer);

    await expect(watchDeadlines(deps)).rejects.toThrow('SES throttled');
    expect(metrics).toHaveLength(1);
    mailer.refuse = false;
    const retry = await watchDeadlines(deps);

    expect(retry.warningsSent).toBe(0);
    expect(mailer.inner.sent.map((mail) => mail.purpose)).toEqual(['deadline-warning-2', 'deadline-digest']);
  });

  it('puts no requester name, address or phone number in mails, logs or metrics', async () => {
    const { deps, log, metrics } = watchWith(all);
    const mailer = deps.mailer as FakeMailer;

    await watchDeadlines(deps);

    const everything = [...mailer.sent.flatMap((mail) => [mail.subject, mail.text]), ...log.lines, ...metrics.map((counts) => JSON.stringify(counts))].join('\n');
    for (const value of Object.values(REQUESTER)) expect(everything).not.toContain(value);
  });
});

describe('watchDeadlines: mail set aside for triage', () => {
  const entry = (inboxId: string, receivedAt: string, urgent = false) =>
    ({ inboxId, receivedAt, urgent, reason: urgent ? 'possible_breach' : 'uncertain', rawKey: `inbound/${inboxId}` }) as unknown as TriageEntry;

  it('counts every unresolved triage mail in the digest with the age of the oldest, and stops once it is resolved', async () => {
    const { deps } = watchWith([]);
    const open = [entry('ses-a', '2026-11-24T10:00:00.000+01:00'), entry('ses-b', '2026-11-30T08:00:00.000+01:00', true)];
    const withInbox: WatchDeadlinesDeps = { ...deps, inbox: { listTriage: async function* () { yield* open; } } };
    const mailer = deps.mailer as FakeMailer;

    await watchDeadlines(withInbox);
    open.splice(0, open.length);
    await watchDeadlines(withInbox);

    const [first, second] = mailer.sent.filter((mail) => mail.purpose === 'deadline-digest');
    expect(first?.subject).toContain('2 e-post til vurdering');
    expect(first?.text).toContain('2 e-poster i innboksen er ikke gjort om til sak eller avvist, 1 av dem mulig brudd');
    expect(first?.text).toContain('Den eldste kom inn 24. november 2026 (for 7 dager siden)');
    expect(first?.text).toContain(`${BASE}/console/triage`);
    expect(first?.text).not.toContain('ses-a');
    expect(second?.subject).not.toContain('til vurdering');
    expect(second?.text).not.toContain('E-POST TIL VURDERING');
  });
});
