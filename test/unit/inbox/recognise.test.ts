import { describe, expect, it } from 'vitest';
import { CASE_CONFIDENCE_THRESHOLD } from '../../../functions/domain/inbox/inbound-message.js';
import { explainRecognition, recognise } from '../../../functions/domain/inbox/recognise.js';
import type { RequestType } from '../../../functions/domain/request/request-vocabulary.js';
import { aMessage } from './inbound-message-fixture.js';

const read = (ownText: string, subject = '') => recognise(aMessage({ ownText, subject }));

describe('recognise: each right in each language', () => {
  it.each<[RequestType, string, string]>([
    ['access', 'nb', 'Hei, jeg ønsker innsyn i personopplysningene dere har om meg.'],
    ['access', 'nb', 'hva vet dere egentlig om meg? vil se alt'],
    ['access', 'nn', 'Eg vil gjerne ha ein kopi av opplysningane de har om meg.'],
    ['access', 'sv', 'Jag vill ha ett registerutdrag över mina personuppgifter.'],
    ['access', 'da', 'Jeg vil gerne have indsigt i mine oplysninger hos jer.'],
    ['access', 'en', 'Please send me a copy of all personal data you hold about me.'],
    ['erasure', 'nb', 'Jeg vil at dere sletter alle opplysninger om meg.'],
    ['erasure', 'nb', 'Glem meg, takk. Jeg er ikke kunde lenger.'],
    ['erasure', 'nn', 'Eg vil at de slettar profilen min og alt anna.'],
    ['erasure', 'sv', 'Radera mina uppgifter, tack.'],
    ['erasure', 'da', 'Slet venligst min profil og alle mine oplysninger.'],
    ['erasure', 'en', 'I want to exercise my right to be forgotten.'],
    ['rectification', 'nb', 'Kan dere endre adressen min til Storgata 5, 0155 Oslo?'],
    ['rectification', 'nn', 'Namnet mitt er feil hjå dykk. Kan de rette det?'],
    ['rectification', 'sv', 'Kan ni ändra min e-postadress till lina@example.se?'],
    ['rectification', 'da', 'Mit telefonnummer er forkert, vil I opdatere det til 20 30 40 50?'],
    ['rectification', 'en', 'Please update my phone number to +47 412 34 567.'],
    ['restriction', 'nb', 'Jeg ber dere begrense behandlingen av opplysningene mine til klagen er behandlet.'],
    ['restriction', 'sv', 'Jag begär begränsning av behandlingen av mina uppgifter.'],
    ['restriction', 'en', 'Please restrict the processing of my data until the dispute is settled.'],
    ['portability', 'nb', 'Jeg vil ha dataene mine i et maskinlesbart format.'],
    ['portability', 'da', 'Jeg beder om dataportabilitet for mine bookinger.'],
    ['portability', 'en', 'Please transfer my data to my new coworking provider.'],
    ['objection', 'nb', 'Jeg reserverer meg mot telefonsalg.'],
    ['objection', 'nb', 'Ikke send meg sms med tilbud.'],
    ['objection', 'sv', 'Jag motsätter mig att ni använder mina uppgifter för marknadsföring.'],
    ['processing_objection', 'da', 'Jeg gør indsigelse mod jeres brug af mine oplysninger til statistik.'],
    ['processing_objection', 'en', 'I object to the use of my data for profiling.'],
    ['processing_objection', 'nb', 'Jeg protesterer mot at dere bruker dørloggen min til statistikk over besøk.'],
    ['consent_withdrawal', 'nb', 'Jeg trekker tilbake samtykket mitt til nyhetsbrev.'],
    ['consent_withdrawal', 'nn', 'Meld meg av nyheitsbrevet, takk.'],
    ['consent_withdrawal', 'sv', 'Avregistrera mig från nyhetsbrevet.'],
    ['consent_withdrawal', 'da', 'Jeg trækker mit samtykke tilbage.'],
    ['consent_withdrawal', 'en', 'I withdraw my consent to receive your newsletter.'],
  ])('finds %s in %s: "%s"', (type, language, text) => {
    const recognition = read(text);

    expect(recognition.types).toEqual([type]);
    expect(recognition.language).toBe(language);
    expect(recognition.category).toBe('rights_request');
  });

  it.each<[string, RequestType]>([
    ['GDPR art. 15', 'access'],
    ['artikkel 16', 'rectification'],
    ['Art. 17', 'erasure'],
    ['artikel 18', 'restriction'],
    ['Article 20', 'portability'],
    ['art. 21', 'processing_objection'],
  ])('reads the article number in "Jeg viser til %s." as %s', (article, type) => {
    expect(read(`Jeg viser til ${article}.`).types).toEqual([type]);
  });

  it('finds several rights in one mail, in the vocabulary’s order', () => {
    expect(read('Jeg vil først ha innsyn. Deretter skal dere slette alt dere har om meg.').types).toEqual(['access', 'erasure']);
  });

  it('accepts informal wording and a typo', () => {
    expect(read('hei! vil slete kontoen min asap').types).toEqual(['erasure']);
    expect(read('hva har dere egentli lagret om meg??').types).toEqual(['access']);
  });
});

describe('recognise: negation and competing readings', () => {
  it('does not read "jeg vil IKKE slette kontoen" as erasure', () => {
    const recognition = read('Jeg vil IKKE slette kontoen min. Men telefonnummeret må endres til 900 11 222.');

    expect(recognition.types).toEqual(['rectification']);
  });

  it('reads a negated request alone as no request', () => {
    expect(read("I don't want you to delete anything, I'm just asking about parking.").types).toEqual([]);
  });

  it('reads "slett meg fra nyhetsbrevet" as consent withdrawal, not erasure', () => {
    expect(read('Slett meg fra nyhetsbrevet.').types).toEqual(['consent_withdrawal']);
  });

  it('reads "ikke ring meg" as an objection although it says "ikke"', () => {
    expect(read('Ikke ring meg mer.').types).toEqual(['objection']);
  });

  it('reads a copy in a machine-readable format as portability, not also access', () => {
    expect(read('Send me a copy of my data in a machine-readable format.').types).toEqual(['portability']);
  });

  it('reads cancelling a booking as a booking matter, not erasure', () => {
    expect(read('Kan dere slette bookingen min på torsdag?')).toMatchObject({ types: [], category: 'booking' });
  });

  it('reads a statement about the company’s practice as no request', () => {
    expect(read('Jeg leste at dere sletter inaktive kontoer etter to år. Stemmer det?').types).toEqual([]);
  });
});

describe('recognise: what is not read', () => {
  it('ignores a request in the quoted text: the new text decides', () => {
    const recognition = recognise(aMessage({ subject: 'SV: Slett meg', inReplyTo: '<a@obos.no>', ownText: 'Takk!', quotedText: '> Slett meg fra alle systemer.' }));

    expect(recognition).toMatchObject({ types: [], category: 'other' });
  });

  it('ignores the signature, even a disclaimer asking to delete', () => {
    const recognition = recognise(aMessage({ ownText: 'Når åpner dere på Løren?', signature: 'Mvh Per\nHvis du har mottatt denne ved en feil, vennligst slett den.' }));

    expect(recognition.types).toEqual([]);
  });

  it('reads the subject of a new mail, but not of a reply', () => {
    expect(recognise(aMessage({ subject: 'Slett meg', ownText: 'Jeg har sagt opp.' })).types).toEqual(['erasure']);
    expect(recognise(aMessage({ subject: 'Re: Slett meg', ownText: 'Jeg har sagt opp.' })).types).toEqual([]);
  });
});

describe('recognise: automated mail never carries rights', () => {
  it.each([
    ['auto_reply', { 'auto-submitted': 'auto-replied' }, 'Jeg er på ferie. Vil du slette kontoen, kontakt kollega.'],
    ['auto_reply', { 'x-autoreply': 'yes' }, 'Out of office.'],
    ['bounce', { 'content-type': 'multipart/report; report-type=delivery-status; boundary="b"' }, 'Delivery failed for a request to delete my data.'],
    ['newsletter', { 'list-unsubscribe': '<mailto:u@example.com>' }, 'You have the right to access and delete your data under GDPR.'],
    ['newsletter', { precedence: 'bulk' }, 'Du kan be om innsyn og sletting når som helst.'],
    ['spam', { 'x-spam-flag': 'YES' }, 'Verify your account or it will be deleted.'],
  ])('gives %s with high confidence and no rights', (category, headers, ownText) => {
    const recognition = recognise(aMessage({ headers, ownText }));

    expect(recognition.types).toEqual([]);
    expect(recognition.category).toBe(category);
    expect(recognition.confidence).toBeGreaterThanOrEqual(CASE_CONFIDENCE_THRESHOLD);
  });

  it('recognises a bounce from mailer-daemon and an out-of-office by its subject and wording', () => {
    expect(recognise(aMessage({ from: { address: 'MAILER-DAEMON@mx.example.no' }, subject: 'Undelivered Mail Returned to Sender', ownText: 'x' })).category).toBe('bounce');
    expect(recognise(aMessage({ subject: 'Frånvaro', ownText: 'Jag är på semester och läser inte min e-post.' })).category).toBe('auto_reply');
  });
});

describe('recognise: categories of mail that asks for no right', () => {
  it.each([
    ['billing', 'Jeg har fått faktura to ganger for samme måned. Kan dere kreditere den ene?'],
    ['billing', 'Could you resend the invoice with our VAT number?'],
    ['booking', 'Kan jeg booke et møterom for seks personer på fredag?'],
    ['complaint', 'Det er altfor mye støy i stillesonen, og jeg er skikkelig misfornøyd.'],
    ['spam', 'Gratulerer! Du har vunnet 1 000 000 kr. Klikk her og oppgi kontonummer innen 24 timer.'],
    ['other', 'Hvor lenge er dere åpne på lørdager?'],
  ])('sorts it as %s', (category, ownText) => {
    expect(read(ownText)).toMatchObject({ types: [], category });
  });
});

describe('recognise: flags', () => {
  it.each([
    'På vegne av min klient Ola Hansen ber jeg om innsyn. Fullmakt er vedlagt.',
    'We act for Ms Berg and request erasure of her data.',
    'Min datter (25) ønsker at dere sletter opplysningene om henne.',
    'Som arbeidsgiver ber vi om en utskrift av adgangsloggen for vår ansatt Per Li.',
    'Vi er et byrå som på vegne av våre brukere sender innsynsbegjæringer.',
  ])('flags "%s" as written on behalf of someone else', (ownText) => {
    expect(read(ownText).onBehalfOfOther).toBe(true);
  });

  it('does not flag a booking for "våre ansatte" as written on behalf of someone else', () => {
    expect(read('Vi vil booke møterom til våre ansatte neste uke.').onBehalfOfOther).toBe(false);
  });

  it.each([
    'Jeg fikk en annen kundes faktura i posten i dag.',
    "I received someone else's booking confirmation with their phone number.",
    'Feil person fikk tilsendt kontrakten min.',
    'Jeg tror det har vært en datalekkasje hos dere.',
    'Noen andre har tilgang til profilen min i appen.',
    'Jag fick en annan kunds faktura.',
  ])('flags "%s" as a possible breach, with no rights unless asked', (ownText) => {
    const recognition = read(ownText);

    expect(recognition.possibleBreach).toBe(true);
    expect(recognition.types).toEqual([]);
    expect(recognition.category).toBe('other');
  });

  it('keeps the rights of a breach report that also asks for one', () => {
    expect(read('Feil person fikk fakturaen min. Slett personnummeret mitt fra systemene deres.')).toMatchObject({ types: ['erasure'], possibleBreach: true });
  });
});

describe('recognise: confidence', () => {
  it('is high for a clear request', () => {
    expect(read('Jeg ber om innsyn i alle opplysninger dere har om meg.').confidence).toBeGreaterThanOrEqual(CASE_CONFIDENCE_THRESHOLD);
  });

  it.each([
    ['very short and ambiguous', 'fjern meg'],
    ['only asked about', 'Hvordan sletter jeg profilen min?'],
    ['a follow-up on an earlier request', 'Jeg har ikke fått svar på kravet om sletting jeg sendte i oktober.'],
    ['mixed with an unrelated complaint', 'Kaffemaskinen er ødelagt igjen, helt uakseptabelt. Og gi meg innsyn i hva dere har om meg.'],
    ['deictic, depending on a quoted question', 'Ja, slett den.'],
  ])('is below the case threshold when the request is %s, but keeps its rights', (_doubt, ownText) => {
    const recognition = read(ownText);

    expect(recognition.types.length).toBeGreaterThan(0);
    expect(recognition.confidence).toBeLessThan(CASE_CONFIDENCE_THRESHOLD);
  });

  it.each([
    ['en', 'What do you hold about me? After that I want the lot deleted.'],
    ['da', 'Hvad har I om mig? Bagefter skal det hele slettes.'],
  ])('sends a %s request to a person when it names another right that no phrase asks for', (_language, ownText) => {
    const { recognition, cues } = explainRecognition(aMessage({ ownText }));

    expect(recognition.types.length).toBeGreaterThan(0);
    expect(cues.some((cue) => cue.for === 'unexplained_right_word')).toBe(true);
    expect(recognition.confidence).toBeLessThan(CASE_CONFIDENCE_THRESHOLD);
  });

  it.each([
    'Slett meg fra nyhetsbrevet, takk.',
    'Jeg vil ikke slette kontoen, bare endre adressen min til Storgata 5.',
    'Jeg ber om innsyn i alle opplysninger dere har om meg.',
  ])('does not doubt a request whose every right word was read: %s', (ownText) => {
    const { cues } = explainRecognition(aMessage({ ownText }));

    expect(cues.filter((cue) => cue.for === 'unexplained_right_word')).toEqual([]);
  });

  it('keeps the rights of a request that is also a complaint', () => {
    expect(read('Dette er elendig service. Slett kontoen min nå.').types).toEqual(['erasure']);
  });

  it('stays between 0 and 1', () => {
    for (const text of ['', 'x', 'slett meg innsyn retting begrens portabilitet protest samtykke']) {
      const { confidence } = read(text);
      expect(confidence).toBeGreaterThanOrEqual(0);
      expect(confidence).toBeLessThanOrEqual(1);
    }
  });
});
