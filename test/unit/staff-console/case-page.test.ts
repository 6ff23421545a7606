import { describe, expect, it } from 'vitest';
import type { ActionPlan } from '../../../functions/domain/plan/action-plan.js';
import type { AuditEntry, RightsRequest } from '../../../functions/domain/request/rights-request.js';
import { auditEventText } from '../../../functions/http/console-case/pages/audit-event-text.js';
import { renderCasePage, type CasePageModel } from '../../../functions/http/console-case/pages/case-page.js';
import { aRightsRequest, REQUEST_ID } from '../fixtures/rights-request-fixture.js';
import { tags } from '../web-form/page-inspection.js';
import { CONTEXT, HOSTILE, USER, expectAccessibleMarkup, expectCsrfOnEveryPostForm, mainText, postForms } from './console-page-checks.js';

const PLAN: ActionPlan = {
  requestId: REQUEST_ID,
  builtAt: '2026-11-25T10:00:00Z',
  customerIds: ['C-1'],
  corrections: [],
  rectificationNeedsStaffInput: false,
  erasures: [{ category: 'door_event', recordIds: ['d1', 'd2'], method: 'delete' }],
  kept: [
    {
      category: 'invoice',
      recordIds: ['2024-00017'],
      reason: { nb: 'Fakturaer må oppbevares etter bokføringsloven.', nn: 'Fakturaer må oppbevarast etter bokføringslova.', en: 'Invoices must be kept.' },
      legalBasis: { nb: 'bokføringsloven § 13 første ledd', nn: 'bokføringslova § 13 første ledd', en: 'section 13(1) of the Norwegian Bookkeeping Act' },
      until: '2029-12-31',
      kind: 'legal_obligation',
    },
  ],
  consentChanges: [],
  channelReservations: [],
  restrict: false,
  recipientsToNotify: [{ id: 'unloc', name: 'Unloc AS', categories: ['door_event'], reason: 'erasure' }],
  refusals: [],
  adjustments: [],
  needsTwoApprovers: true,
};

const TRAIL: AuditEntry[] = [
  {
    requestId: REQUEST_ID,
    at: '2026-11-23T20:05:10Z',
    event: 'mail.request_received',
    actor: 'system:email-intake',
    reason: 'sender address not authenticated (DMARC): identity must not rest on it',
    detail: { spf: 'PASS', dkim: 'FAIL', dmarc: 'FAIL', senderAddressTrusted: false },
  },
  { requestId: REQUEST_ID, at: '2026-11-23T20:05:09Z', event: 'request.received', actor: 'requester' },
  { requestId: REQUEST_ID, at: '2026-11-24T08:00:00Z', event: 'data.gathered', actor: 'system:gather', detail: { source: 'access-log', records: 42 } },
  {
    requestId: REQUEST_ID,
    at: '2026-11-24T09:00:00Z',
    event: 'status.changed',
    fromStatus: 'gathering',
    toStatus: 'awaiting_approval',
    actor: 'system:workflow',
  },
  { requestId: REQUEST_ID, at: '2026-11-24T10:00:00Z', event: 'note.added', actor: 'staff:ola', reason: HOSTILE },
];

function model(overrides: Partial<RightsRequest> = {}, extra: Partial<CasePageModel> = {}): CasePageModel {
  return {
    ...CONTEXT,
    request: aRightsRequest({
      channel: 'email',
      status: 'awaiting_approval',
      requester: { name: HOSTILE, email: 'kari@example.no' },
      details: `Slett alt ${HOSTILE}`,
      customerIds: ['C-1'],
      mailsSent: { acknowledgement: { messageId: 'm1', sentAt: '2026-11-23T20:06:00Z' } },
      ...overrides,
    }),
    auditTrail: TRAIL,
    today: '2026-11-30',
    plan: PLAN,
    email: { subject: `Sletting ${HOSTILE}`, from: 'kari@example.no', messageText: HOSTILE, attachmentNames: [`${HOSTILE}.pdf`] },
    canExtend: true,
    ...extra,
  };
}

const formFor = (page: string, actionSuffix: string) =>
  postForms(page).filter((f) => f.attributes.action === `/console/requests/${REQUEST_ID}/${actionSuffix}`);

describe('renderCasePage', () => {
  it('passes the markup checks and puts the CSRF token in every POST form', () => {
    const page = renderCasePage(model());
    expectAccessibleMarkup(page);
    expectCsrfOnEveryPostForm(page);
  });

  it('escapes hostile requester and mail data everywhere', () => {
    const page = renderCasePage(model());
    expect(page).not.toContain(HOSTILE);
    expect(page).not.toMatch(/<script/i);
    expect(page.split('&lt;script&gt;').length - 1).toBeGreaterThanOrEqual(6);
  });

  it('has the sections in order: the request, identity, gathered (counts, then the records), plan, mail, history, actions', () => {
    const headings = [...renderCasePage(model()).matchAll(/<h2 id="section-[^"]*">([^<]*)<\/h2>/g)].map((m) => m[1]);
    expect(headings).toEqual(['Henvendelsen', 'Identitetskontroll', 'Innhentet', 'Innhentede opplysninger', 'Plan', 'E-post', 'Historikk', 'Handlinger']);
  });

  it('shows the e-mail as received: SPF/DKIM/DMARC from the audit entry, the untrusted-sender warning, attachments', () => {
    const text = mainText(renderCasePage(model()));
    expect(text).toContain('SPF bestått (PASS)');
    expect(text).toContain('DKIM feilet (FAIL)');
    expect(text).toContain('DMARC feilet (FAIL)');
    expect(text).toContain('Avsenderadressen er ikke bekreftet (DMARC).');
    expect(text).toContain('Vedlegg &lt;script&gt;');
    expect(text).toContain('Innsyn i opplysningene om meg');
    expect(text).toContain('Sletting av opplysningene om meg');
    expect(text).toContain('Mottatt 23.11.2026 kl. 21:05 (norsk tid)'); // stored as 21:05:09+01:00
  });

  it('renders the plan: erased, kept with reason, legal basis and end date, recipients told', () => {
    const text = mainText(renderCasePage(model()));
    expect(text).toContain('Dørlogg (Unloc): 2 poster (slettes)');
    expect(text).toContain('Fakturaer må oppbevares etter bokføringsloven.');
    expect(text).toContain('bokføringsloven § 13 første ledd');
    expect(text).toContain('31. desember 2029');
    expect(text).toContain('Unloc AS');
  });

  it('summarises gathered records per source and lists sent mail', () => {
    const text = mainText(renderCasePage(model()));
    expect(text).toContain('Dørlogg (Unloc) 42');
    expect(text).toContain('Bekreftelse på mottatt henvendelse');
  });

  it('shows the history as an ordered timeline, oldest first, in words with actor and reason', () => {
    const page = renderCasePage(model());
    const timeline = /<ol class="timeline">([\s\S]*?)<\/ol>/.exec(page)![1]!;
    const items = [...timeline.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
    expect(items).toHaveLength(5);
    expect(items[0]).toContain('Den registrerte: Henvendelsen ble registrert');
    expect(items[1]).toContain('Henvendelsen kom inn på e-post');
    expect(items[2]).toContain('24.11.2026 kl. 09:00 – Systemet (gather): Data innhentet fra Dørlogg (Unloc) (42 oppføringer)'); // 08:00Z
    expect(items[3]).toContain('Status endret fra «Innhenter data» til «Venter på godkjenning»');
    expect(items[4]).toContain('ola: Notat');
    expect(items[4]).toContain('Begrunnelse: &lt;script&gt;');
  });

  it('requires a reason to reject, to verify manually, to extend, to merge and to close; not to approve', () => {
    const page = renderCasePage(model({ status: 'awaiting_approval' }));
    const required = (form: { inner: string }) => tags(form.inner, 'textarea').find((t) => t.name === 'reason')?.required;
    const [approve, reject] = formFor(page, 'decision');
    expect(tags(approve!.inner, 'input').find((i) => i.name === 'outcome')?.value).toBe('approved');
    expect(required(approve!)).toBeUndefined();
    expect(tags(reject!.inner, 'input').find((i) => i.name === 'outcome')?.value).toBe('rejected');
    expect(required(reject!)).toBe('');
    for (const action of ['extend', 'merge', 'close']) expect(required(formFor(page, action)[0]!), action).toBe('');
    const verifying = renderCasePage(model({ status: 'awaiting_verification', verification: { status: 'pending', subject: 'customer' } }));
    expect(required(formFor(verifying, 'verify')[0]!)).toBe('');
  });

  it('offers close grounds as a required radio group and merge with a target reference', () => {
    const page = renderCasePage(model());
    const close = formFor(page, 'close')[0]!;
    const radios = tags(close.inner, 'input').filter((i) => i.type === 'radio');
    expect(radios.map((r) => [r.name, r.value, r.required])).toEqual([
      ['ground', 'manifestly_unfounded', ''],
      ['ground', 'excessive', ''],
    ]);
    expect(tags(formFor(page, 'merge')[0]!.inner, 'input').find((i) => i.name === 'into')?.required).toBe('');
    const samePerson = tags(formFor(page, 'merge')[0]!.inner, 'input').find((i) => i.name === 'same_person');
    expect([samePerson?.type, samePerson?.value]).toEqual(['checkbox', 'yes']);
    expect(formFor(page, 'merge')[0]!.inner).toContain('Jeg har kontrollert at begge henvendelsene kommer fra samme person');
    expect(formFor(page, 'take')).toHaveLength(1);
    expect(tags(formFor(page, 'note')[0]!.inner, 'textarea').find((t) => t.name === 'text')?.required).toBe('');
  });

  it('offers closing as unfounded or excessive only to the privacy officer, and tells other staff who decides', () => {
    const staffOnly = renderCasePage(model({}, { user: { username: 'per.saksbehandler', groups: ['staff'] } }));
    expect(formFor(staffOnly, 'close')).toHaveLength(0);
    expect(mainText(staffOnly)).toContain('Bare personvernombudet kan avslutte');
    expect(formFor(renderCasePage(model()), 'close')).toHaveLength(1);
  });

  it('says erasure needs two different approvers before anyone approves', () => {
    const text = mainText(renderCasePage(model()));
    expect(text).toContain('Sletting krever godkjenning fra to ulike saksbehandlere');
    expect(text).toContain('Din godkjenning blir den første');
  });

  it('tells the first approver they cannot be the second, and offers them no approve form', () => {
    const page = renderCasePage(model({ approvals: [{ by: `staff:${USER.username}`, at: '2026-11-25T09:00:00Z' }] }));
    const text = mainText(page);
    expect(text).toContain(`Godkjent av ${USER.username}`);
    expect(text).toContain('Du godkjente første gang og kan ikke også være den andre godkjenneren.');
    const outcomes = formFor(page, 'decision').map((f) => tags(f.inner, 'input').find((i) => i.name === 'outcome')?.value);
    expect(outcomes).toEqual(['rejected']);
  });

  it('lets a different staff member give the second approval', () => {
    const page = renderCasePage(model({ approvals: [{ by: 'staff:ola', at: '2026-11-25T09:00:00Z' }] }));
    expect(mainText(page)).toContain('Godkjent av ola');
    expect(mainText(page)).toContain('Din godkjenning blir den andre');
    expect(formFor(page, 'decision')).toHaveLength(2);
  });

  it('offers correction rows when approving a rectification', () => {
    const page = renderCasePage(model({ types: ['rectification'] }, { plan: { ...PLAN, needsTwoApprovers: false, rectificationNeedsStaffInput: true } }));
    const approve = formFor(page, 'decision')[0]!;
    expect(tags(approve.inner, 'select').filter((s) => s.name === 'correction_field')).toHaveLength(3);
    expect(tags(approve.inner, 'input').filter((i) => i.name === 'correction_to')).toHaveLength(3);
    expect(tags(approve.inner, 'input').filter((i) => i.name === 'correction_customer').map((i) => i.value)).toEqual(['C-1', 'C-1', 'C-1']);
    expect(mainText(page)).not.toContain('Sletting krever godkjenning');
  });

  it('hides the extend form when canExtend is false and explains why', () => {
    const page = renderCasePage(model({}, { canExtend: false, extendExplanation: 'Fristen er allerede forlenget.' }));
    expect(formFor(page, 'extend')).toEqual([]);
    expect(mainText(page)).toContain('Fristen er allerede forlenget.');
    expect(formFor(renderCasePage(model()), 'extend')).toHaveLength(1);
  });

  it('offers no decision form outside awaiting_approval, and only a message to the requester and notes on a closed case', () => {
    expect(formFor(renderCasePage(model({ status: 'gathering' })), 'decision')).toEqual([]);
    const closed = renderCasePage(model({ status: 'closed' }, { canExtend: false }));
    expect(postForms(closed).map((f) => f.attributes.action)).toEqual([
      '/console/sign-out',
      `/console/requests/${REQUEST_ID}/message`,
      `/console/requests/${REQUEST_ID}/note`,
    ]);
  });

  it('after a failed action shows an error summary linking to the field, and keeps what was typed', () => {
    const page = renderCasePage(
      model({}, {
        errors: [{ action: 'extend', field: 'reason', message: 'Oppgi en begrunnelse.' }],
        values: { action: 'extend', fields: { reason: 'Mange <systemer>' } },
      }),
    );
    expectAccessibleMarkup(page);
    expect(page).toContain('<a href="#extend-reason">Oppgi en begrunnelse.</a>');
    expect(tags(page, 'textarea').find((t) => t.id === 'extend-reason')).toMatchObject({ 'aria-invalid': 'true' });
    expect(page).toContain('Mange &lt;systemer&gt;</textarea>');
    expect(page).toContain('<title>Feil: Sak');
  });
});

describe('audit events in words', () => {
  it('names staff closures and merges, and names an unknown event in words, never by its key', () => {
    const base = { requestId: REQUEST_ID, at: '2026-11-24T10:00:00Z', actor: 'staff:ola' };
    expect(auditEventText({ ...base, event: 'case.closed_by_staff', detail: { kind: 'excessive' } })).toBe('Saken ble avsluttet som overdreven');
    expect(auditEventText({ ...base, event: 'case.merged_in', detail: { from: 'NK-2' } })).toBe('Sak NK-2 ble slått sammen med denne');
    expect(auditEventText({ ...base, event: 'mail.sent', detail: { purpose: 'closure-merged' } })).toBe('E-post sendt: Varsel om sammenslåing');
    expect(
      auditEventText({
        ...base,
        event: 'case.merged_in',
        detail: { from: 'NK-2', addedTypes: ['erasure'], dueDate: { from: '2026-12-21', to: '2026-12-10' }, samePersonConfirmedBy: 'staff:ola' },
      }),
    ).toBe(
      'Sak NK-2 ble slått sammen med denne; nye rettigheter: sletting av opplysningene om meg; fristen er nå 2026-12-10 (tidligste mottak); ulike avsendere, bekreftet som samme person av ola',
    );
    expect(auditEventText({ ...base, event: 'something.new' })).toBe('Hendelse uten beskrivelse');
  });
});
