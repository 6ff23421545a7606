import { describe, expect, it } from 'vitest';
import type { QuarantineEntry } from '../../../functions/domain/intake-mail/inbox-entries.js';
import { renderTriagePage, type TriageItem } from '../../../functions/http/console-mail/pages/triage-page.js';
import { tags } from '../web-form/page-inspection.js';
import { CONTEXT, HOSTILE, expectAccessibleMarkup, expectCsrfOnEveryPostForm, mainText, postForms } from './console-page-checks.js';

const AUTH = { spf: 'PASS', dkim: 'PASS', dmarc: 'FAIL', addressTrusted: false, failed: true } as const;

const uncertain: TriageItem = {
  inboxId: 'inbox/uncertain 1',
  receivedAt: '2026-11-23T09:00:00+01:00',
  rawKey: 'raw/1',
  reason: 'uncertain',
  urgent: false,
  subject: `Spørsmål ${HOSTILE}`,
  from: { address: 'per@example.no', name: HOSTILE },
  authentication: AUTH,
  recognition: { types: ['access'], language: 'en', confidence: 0.52, category: 'rights_request', onBehalfOfOther: true, thirdParty: false, possibleBreach: false },
  excerpt: HOSTILE,
};

const breach: TriageItem = {
  inboxId: 'inbox-breach',
  receivedAt: '2026-11-23T10:00:00+01:00',
  rawKey: 'raw/2',
  reason: 'possible_breach',
  urgent: true,
  respondBy: '2026-11-26T09:00:00Z',
  subject: 'Jeg fikk en annen kundes faktura',
  authentication: AUTH,
  relatedCaseId: 'NK-20261101-AAAAAAAA',
};

const quarantined: QuarantineEntry = {
  inboxId: 'q1',
  receivedAt: '2026-11-22T08:00:00Z',
  rawKey: 'raw/q1',
  reason: 'virus',
  from: HOSTILE,
  subject: 'Faktura',
  authentication: AUTH,
};

/** Three Oslo days after both mails came in. */
const TODAY = '2026-11-26';

const render = (): string => renderTriagePage({ ...CONTEXT, entries: [uncertain, breach], quarantine: [quarantined], today: TODAY });

describe('renderTriagePage', () => {
  it('passes the markup checks and puts the CSRF token in every POST form', () => {
    expectAccessibleMarkup(render());
    expectCsrfOnEveryPostForm(render());
  });

  it('puts possible breaches first, marked urgent in words, with the Art. 33 deadline', () => {
    const page = render();
    const titles = [...page.matchAll(/<h3 id="triage-\d+-title">([\s\S]*?)<\/h3>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
    expect(titles[0]).toBe('Haster Jeg fikk en annen kundes faktura');
    expect(mainText(page)).toContain('Haster: mulig brudd på personopplysningssikkerheten.');
    expect(mainText(page)).toContain('26.11.2026 kl. 10:00');
  });

  it('shows recognition category, confidence and flags, and the unverified sender', () => {
    const text = mainText(render());
    expect(text).toContain('Gjenkjent som: Personvernhenvendelse, sikkerhet 52 %');
    expect(text).toContain('Sendt på vegne av en annen: sjekk fullmakt');
    expect(text).toContain('avsenderadressen er ikke bekreftet');
  });

  it('says a request about someone else is not that person own request, and asks for no mandate', () => {
    const aboutSomeoneElse: TriageItem = {
      ...uncertain,
      inboxId: 'inbox/third 1',
      reason: 'third_party',
      recognition: { ...uncertain.recognition!, confidence: 0.84, thirdParty: true },
    };
    const text = mainText(renderTriagePage({ ...CONTEXT, entries: [aboutSomeoneElse], quarantine: [], today: TODAY }));
    expect(text).toContain('Hvorfor i innboksen: Ber om opplysninger om en annen person (arbeidsgiver, myndighet eller annen kunde)');
    expect(text).toContain('ikke personens egen henvendelse');
    expect(text).not.toContain('sjekk fullmakt');
  });

  it('says in words that an employer asking about an employee is not the employee own request', () => {
    const employer: TriageItem = {
      ...uncertain,
      inboxId: 'inbox/employer 1',
      reason: 'third_party',
      recognition: { ...uncertain.recognition!, confidence: 0.84, thirdParty: true, employer: true },
    };
    const text = mainText(renderTriagePage({ ...CONTEXT, entries: [employer], quarantine: [], today: TODAY }));
    expect(text).toContain('Arbeidsgiver ber om opplysninger om en ansatt.');
    expect(text).toContain('ikke en henvendelse fra den ansatte om egne opplysninger');
    expect(text).toContain('startes ikke som den ansattes sak');
  });

  it('offers a case form with type checkboxes in a fieldset, pre-filled from recognition, and a dismiss form with a required reason', () => {
    const page = render();
    const caseForms = postForms(page).filter((f) => f.attributes.action?.endsWith('/case'));
    expect(caseForms.map((f) => f.attributes.action)).toEqual([
      '/console/triage/inbox-breach/case',
      '/console/triage/inbox%2Funcertain%201/case',
    ]);
    const boxes = tags(caseForms[1]!.inner, 'input').filter((i) => i.type === 'checkbox');
    expect(boxes.filter((b) => 'checked' in b).map((b) => b.value)).toEqual(['access']);
    expect(caseForms[1]!.inner).toMatch(/<fieldset[^>]*>\s*<legend>Hva ber personen om\?<\/legend>/);
    expect(tags(caseForms[1]!.inner, 'input').find((i) => i.name === 'email')?.value).toBe('per@example.no');
    expect(tags(caseForms[1]!.inner, 'input').find((i) => i.name === 'language' && i.value === 'en')).toHaveProperty('checked');
    const dismiss = postForms(page).filter((f) => f.attributes.action?.endsWith('/dismiss'));
    expect(dismiss).toHaveLength(2);
    for (const form of dismiss) expect(tags(form.inner, 'textarea')[0]).toMatchObject({ name: 'reason', required: '' });
  });

  it('lists quarantined mail with its reason in a separate section, escaped', () => {
    const page = render();
    expect(page).toContain('<h2 id="quarantine-heading">Karantene</h2>');
    expect(mainText(page)).toContain('Virus funnet');
    expect(page).not.toContain(HOSTILE);
  });

  it('shows each mail\'s age in Oslo calendar days next to its receipt time', () => {
    const at = (receivedAt: string, today: string): string => {
      const page = renderTriagePage({ ...CONTEXT, entries: [{ ...uncertain, receivedAt }], quarantine: [], today });
      return /<dt>Mottatt<\/dt><dd>([\s\S]*?)<\/dd>/.exec(page)?.[1]?.replace(/<[^>]+>/g, '') ?? '';
    };
    expect(at('2026-11-23T09:00:00+01:00', '2026-11-26')).toBe('23.11.2026 kl. 09:00 (3 dager)');
    expect(at('2026-11-25T12:00:00Z', '2026-11-26')).toBe('25.11.2026 kl. 13:00 (1 dag)');
    expect(at('2026-11-26T07:00:00+01:00', '2026-11-26')).toBe('26.11.2026 kl. 07:00 (i dag)');
    // 23:30 UTC is already the next day in Oslo: the age counts Oslo days, not UTC days.
    expect(at('2026-11-25T23:30:00Z', '2026-11-26')).toBe('26.11.2026 kl. 00:30 (i dag)');
    // Across the summer-time change and a month end.
    expect(at('2026-03-28T12:00:00Z', '2026-04-02')).toBe('28.03.2026 kl. 13:00 (5 dager)');
    // A receipt time a little in the future (a clock ahead) is not a negative age.
    expect(at('2026-11-27T08:00:00+01:00', '2026-11-26')).toBe('27.11.2026 kl. 08:00 (i dag)');
    // Unreadable input is shown as given, without an age, rather than breaking the page.
    expect(at('not a time', '2026-11-26')).toBe('not a time');
  });

  it('says when nothing waits', () => {
    const text = mainText(renderTriagePage({ ...CONTEXT, entries: [], quarantine: [], today: TODAY }));
    expect(text).toContain('Ingen e-post venter på vurdering.');
    expect(text).toContain('Ingen e-post i karantene.');
  });
});
