import type { ConsentKind, ContactChannel } from '../customer-data/customer-records.js';
import type { Recipient, RecordCategory } from '../plan/action-plan.js';
import {
  DEFAULT_RECIPIENT_DIRECTORY,
  describeRecipient,
  recipientsHolding,
  type RecipientDirectory,
} from '../recipients/recipient-directory.js';
import type { Language } from '../request/request-vocabulary.js';

/**
 * The information Art. 15(1)(a)–(h) owes every person who asks for access, per record category,
 * in nb, nn and en. One source for the export report and the reply letter, and every statement here
 * is taken from the privacy statement (personvernerklæringen, last changed 17 October 2022): its
 * purposes, its recipients (the OBOS group, the access-system partner, processors, authorities
 * where the law requires) and its retention rules (as long as you are a customer; accounting
 * material under bokføringsloven § 13). Change the statement and this file together.
 *
 * @module
 */

export type Localised = Readonly<Record<Language, string>>;

/** What each record category is called in the report, the letters and the recipient notices. */
export const CATEGORY_LABELS: Readonly<Record<RecordCategory, Localised>> = {
  profile: { nb: 'Profil og kontaktopplysninger', nn: 'Profil og kontaktopplysningar', en: 'Profile and contact details' },
  subscription: { nb: 'Abonnementer', nn: 'Abonnement', en: 'Subscriptions' },
  consent: { nb: 'Samtykker', nn: 'Samtykke', en: 'Consents' },
  reservation: { nb: 'Reservasjoner mot kontaktkanaler', nn: 'Reservasjonar mot kontaktkanalar', en: 'Opt-outs from contact channels' },
  service_note: { nb: 'Notater fra kundeservice', nn: 'Notat frå kundeservice', en: 'Customer-service notes' },
  invoice: { nb: 'Fakturaer', nn: 'Fakturaer', en: 'Invoices' },
  payment: { nb: 'Betalinger', nn: 'Betalingar', en: 'Payments' },
  door_event: { nb: 'Dørhendelser (adgangslogg fra Unloc)', nn: 'Dørhendingar (tilgangslogg frå Unloc)', en: 'Door events (access log from Unloc)' },
};

/**
 * A category's name inside a sentence or a running list: the label starts a line or a table cell
 * («Fakturaer»), but mid-sentence Norwegian and English write it in lower case («… og fakturaer»).
 * Proper nouns inside a label (Unloc) keep their capital.
 */
export const categoryInText = (category: RecordCategory, language: Language): string => {
  const label = CATEGORY_LABELS[category][language];
  return label.charAt(0).toLowerCase() + label.slice(1);
};

export const CONSENT_LABELS: Readonly<Record<ConsentKind, Localised>> = {
  newsletter: { nb: 'nyhetsbrev på e-post', nn: 'nyheitsbrev på e-post', en: 'our newsletter by e-mail' },
  sms: { nb: 'markedsføring på SMS', nn: 'marknadsføring på SMS', en: 'marketing by SMS' },
  phone: { nb: 'markedsføring på telefon', nn: 'marknadsføring på telefon', en: 'marketing by phone' },
};

export const CHANNEL_LABELS: Readonly<Record<ContactChannel, Localised>> = {
  email: { nb: 'e-post', nn: 'e-post', en: 'e-mail' },
  sms: { nb: 'SMS', nn: 'SMS', en: 'SMS' },
  phone: { nb: 'telefon', nn: 'telefon', en: 'phone' },
  post: { nb: 'adressert post', nn: 'adressert post', en: 'addressed post' },
};

export const CORRECTABLE_FIELD_LABELS: Readonly<Record<'name' | 'email' | 'phone' | 'address', Localised>> = {
  name: { nb: 'navn', nn: 'namn', en: 'name' },
  email: { nb: 'e-postadresse', nn: 'e-postadresse', en: 'e-mail address' },
  phone: { nb: 'telefonnummer', nn: 'telefonnummer', en: 'phone number' },
  address: { nb: 'postadresse', nn: 'postadresse', en: 'postal address' },
};

/** The purposes of the privacy statement, worded as it words them. */
const PURPOSE = {
  identification: {
    nb: 'å identifisere deg som kunde, også for å verifisere kjøp av varer og tjenester',
    nn: 'å identifisere deg som kunde, også for å stadfeste kjøp av varer og tenester',
    en: 'identifying you as a customer, including verifying purchases of goods and services',
  },
  subscription: {
    nb: 'å drifte, administrere og vedlikeholde abonnementet ditt, også å gi deg adgang til lokalene',
    nn: 'å drifte, administrere og halde ved like abonnementet ditt, også å gje deg tilgang til lokala',
    en: 'operating, administering and maintaining your subscription, including giving you access to the premises',
  },
  information: {
    nb: 'å gi deg viktig informasjon om abonnementet og om endringer i de tekniske løsningene',
    nn: 'å gje deg viktig informasjon om abonnementet og om endringar i dei tekniske løysingane',
    en: 'giving you important information about your subscription and about changes to our technical solutions',
  },
  billing: { nb: 'fakturering og betalingsoppfølging', nn: 'fakturering og oppfølging av betalingar', en: 'invoicing and following up payments' },
  service: { nb: 'feilretting, kundeservice og klagebehandling', nn: 'feilretting, kundeservice og klagehandsaming', en: 'fixing faults, customer service and handling complaints' },
  legal: {
    nb: 'å oppfylle lovbestemte plikter, som regnskapsføring etter bokføringsloven § 13',
    nn: 'å oppfylle lovfesta plikter, som rekneskapsføring etter bokføringslova § 13',
    en: 'meeting legal obligations, such as bookkeeping under section 13 of the Norwegian Bookkeeping Act',
  },
  analysis: {
    nb: 'analyse og utvikling av tjenestene, hovedsakelig med anonymiserte eller pseudonymiserte opplysninger på aggregert nivå',
    nn: 'analyse og utvikling av tenestene, hovudsakleg med anonymiserte eller pseudonymiserte opplysningar på aggregert nivå',
    en: 'analysing and developing our services, mainly with anonymised or pseudonymised data at an aggregated level',
  },
  marketing: {
    nb: 'markedsføring, der loven tillater det eller du har samtykket (nyhetsbrev, markedsundersøkelser, adressert post, samtaler på telefon)',
    nn: 'marknadsføring, der lova tillèt det eller du har samtykt (nyheitsbrev, marknadsundersøkingar, adressert post, samtalar på telefon)',
    en: 'marketing where the law allows it or you have consented (newsletters, market surveys, addressed post, phone calls)',
  },
  choices: {
    nb: 'å respektere valgene dine om markedsføring og om hvilke kanaler vi kontakter deg i',
    nn: 'å respektere vala dine om marknadsføring og om kva kanalar vi kontaktar deg i',
    en: 'respecting your choices about marketing and about the channels we contact you through',
  },
} as const satisfies Record<string, Localised>;

/** Art. 15(1)(a): why we process each category. */
export const PURPOSES: Readonly<Record<RecordCategory, readonly Localised[]>> = {
  profile: [PURPOSE.identification, PURPOSE.subscription, PURPOSE.information, PURPOSE.billing, PURPOSE.service, PURPOSE.marketing],
  subscription: [PURPOSE.subscription, PURPOSE.billing, PURPOSE.analysis],
  consent: [PURPOSE.choices, PURPOSE.marketing],
  reservation: [PURPOSE.choices, PURPOSE.information],
  service_note: [PURPOSE.service],
  invoice: [PURPOSE.billing, PURPOSE.legal],
  payment: [PURPOSE.billing, PURPOSE.legal],
  door_event: [PURPOSE.subscription, PURPOSE.analysis],
};

const AS_LONG_AS_CUSTOMER: Localised = {
  nb: 'Så lenge du er kunde. Når abonnementet er avsluttet, slettes opplysningene uten ugrunnet opphold, bortsett fra det loven krever at vi oppbevarer.',
  nn: 'Så lenge du er kunde. Når abonnementet er avslutta, blir opplysningane sletta utan ugrunna opphald, bortsett frå det lova krev at vi oppbevarer.',
  en: 'As long as you are a customer. When your subscription has ended, the data are deleted without undue delay, except what the law requires us to keep.',
};

/**
 * Art. 15(1)(d): how long, or the criteria. Concrete end dates (each invoice and payment, records
 * kept after an erasure) are added where they are known: in the report's tables and the letters.
 */
export const RETENTION: Readonly<Record<RecordCategory, Localised>> = {
  profile: AS_LONG_AS_CUSTOMER,
  subscription: AS_LONG_AS_CUSTOMER,
  consent: {
    nb: 'Så lenge du er kunde. Trekker du et samtykke tilbake, registrerer vi det, så vi vet at det ikke gjelder lenger.',
    nn: 'Så lenge du er kunde. Trekkjer du eit samtykke tilbake, registrerer vi det, så vi veit at det ikkje gjeld lenger.',
    en: 'As long as you are a customer. If you withdraw a consent, we record that, so that we know it no longer applies.',
  },
  reservation: {
    nb: 'Så lenge du er kunde, slik at vi fortsatt respekterer valgene dine.',
    nn: 'Så lenge du er kunde, slik at vi framleis respekterer vala dine.',
    en: 'As long as you are a customer, so that we go on respecting your choices.',
  },
  service_note: {
    nb: 'Loggført dialog med kundeservice har et kortere lagringsbehov enn kundeforholdet: vi beholder notatene så lenge de trengs for å følge opp saken, og ikke lenger enn kundeforholdet.',
    nn: 'Loggført dialog med kundeservice treng ikkje lagrast så lenge som kundeforholdet: vi tek vare på notata så lenge dei trengst for å følgje opp saka, og ikkje lenger enn kundeforholdet.',
    en: 'Logged dialogue with customer service needs to be kept for a shorter time than the customer relationship: we keep the notes as long as they are needed to follow up the matter, and no longer than the customer relationship.',
  },
  invoice: {
    nb: 'Fem år etter utgangen av regnskapsåret fakturaen hører til (bokføringsloven § 13 første ledd). Datoen for hver faktura står i tabellen.',
    nn: 'Fem år etter utgangen av rekneskapsåret fakturaen høyrer til (bokføringslova § 13 første ledd). Datoen for kvar faktura står i tabellen.',
    en: 'Five years after the end of the financial year the invoice belongs to (section 13(1) of the Norwegian Bookkeeping Act). The date for each invoice is in the table.',
  },
  payment: {
    nb: 'Fem år etter utgangen av regnskapsåret betalingen hører til (bokføringsloven § 13 første ledd). Datoen for hver betaling står i tabellen.',
    nn: 'Fem år etter utgangen av rekneskapsåret betalinga høyrer til (bokføringslova § 13 første ledd). Datoen for kvar betaling står i tabellen.',
    en: 'Five years after the end of the financial year the payment belongs to (section 13(1) of the Norwegian Bookkeeping Act). The date for each payment is in the table.',
  },
  door_event: {
    nb: 'Så lenge det trengs for adgangen til lokalene, og ikke lenger enn kundeforholdet: når abonnementet er avsluttet, slettes loggen uten ugrunnet opphold.',
    nn: 'Så lenge det trengst for tilgangen til lokala, og ikkje lenger enn kundeforholdet: når abonnementet er avslutta, blir loggen sletta utan ugrunna opphald.',
    en: 'As long as needed for access to the premises, and no longer than the customer relationship: when your subscription has ended, the log is deleted without undue delay.',
  },
};

/** Art. 15(1)(g): where the data come from. `companyName` is the company that registered the user. */
export function sourceOf(category: RecordCategory, language: Language, companyName?: string): string {
  const company = companyName
    ? {
        nb: `, eller fra bedriften som registrerte deg (${companyName})`,
        nn: `, eller frå verksemda som registrerte deg (${companyName})`,
        en: `, or from the company that registered you (${companyName})`,
      }
    : {
        nb: ', eller fra bedriften din hvis den registrerte deg på et bedriftsabonnement',
        nn: ', eller frå verksemda di dersom ho registrerte deg på eit bedriftsabonnement',
        en: ', or from your company if it registered you on a corporate subscription',
      };
  const texts: Record<RecordCategory, Localised> = {
    profile: {
      nb: `Fra deg selv, da du kjøpte tjenesten eller registrerte deg${company.nb}.`,
      nn: `Frå deg sjølv, då du kjøpte tenesta eller registrerte deg${company.nn}.`,
      en: `From you, when you bought the service or registered${company.en}.`,
    },
    subscription: {
      nb: `Fra deg selv, da du valgte abonnement${company.nb}.`,
      nn: `Frå deg sjølv, då du valde abonnement${company.nn}.`,
      en: `From you, when you chose your subscription${company.en}.`,
    },
    consent: { nb: 'Fra deg selv.', nn: 'Frå deg sjølv.', en: 'From you.' },
    reservation: { nb: 'Fra deg selv.', nn: 'Frå deg sjølv.', en: 'From you.' },
    service_note: {
      nb: 'Skrevet av kundeservice hos oss, ut fra kontakten du har hatt med oss.',
      nn: 'Skrivne av kundeservice hos oss, ut frå kontakten du har hatt med oss.',
      en: 'Written by our customer service, from the contact you have had with us.',
    },
    invoice: { nb: 'Laget av oss ut fra abonnementet ditt.', nn: 'Laga av oss ut frå abonnementet ditt.', en: 'Created by us from your subscription.' },
    payment: {
      nb: 'Registrert når du betaler (med kort, Vipps, faktura eller AvtaleGiro).',
      nn: 'Registrert når du betaler (med kort, Vipps, faktura eller AvtaleGiro).',
      en: 'Recorded when you pay (by card, Vipps, invoice or AvtaleGiro).',
    },
    door_event: {
      nb: 'Fra adgangssystemet Unloc, som registrerer når du åpner en dør i lokalene våre.',
      nn: 'Frå tilgangssystemet Unloc, som registrerer når du opnar ei dør i lokala våre.',
      en: 'From the Unloc access system, which records when you open a door at our premises.',
    },
  };
  return texts[category][language];
}

/** Recipients everything may go to, as the privacy statement names them. */
export const GENERAL_RECIPIENTS: readonly Localised[] = [
  {
    nb: 'Selskaper i OBOS-konsernet (OBOS BBL eier Nærkontoret), til de samme formålene',
    nn: 'Selskap i OBOS-konsernet (OBOS BBL eig Nærkontoret), til dei same føremåla',
    en: 'Companies in the OBOS group (OBOS BBL owns Nærkontoret), for the same purposes',
  },
  {
    nb: 'Offentlige myndigheter, bare når loven eller en rettslig avgjørelse pålegger oss det',
    nn: 'Offentlege styresmakter, berre når lova eller ei rettsleg avgjerd pålegg oss det',
    en: 'Public authorities, only when the law or a court decision requires it',
  },
];

/** What each registered recipient is called in the requester's language. */
export const RECIPIENT_LABELS: Readonly<Record<Recipient['id'], Localised>> = {
  unloc: { nb: 'Unloc (adgangssystemet)', nn: 'Unloc (tilgangssystemet)', en: 'Unloc (the access system)' },
  invoicing: { nb: 'Regnskaps- og fakturaleverandøren vår', nn: 'Rekneskaps- og fakturaleverandøren vår', en: 'Our accounting and invoicing provider' },
  email_platform: { nb: 'E-postplattformen for nyhetsbrev', nn: 'E-postplattforma for nyheitsbrev', en: 'The e-mail platform for newsletters' },
};

/** A recipient's name in `language`, falling back to the name the plan gives it. */
export const recipientLabel = (recipient: Pick<Recipient, 'id' | 'name'>, language: Language): string =>
  RECIPIENT_LABELS[recipient.id]?.[language] ?? recipient.name;

/**
 * A recipient's name inside a sentence: lower case first («varslet regnskaps- og
 * fakturaleverandøren vår»), except a name that is itself a proper noun (Unloc).
 */
export const recipientInText = (recipient: Pick<Recipient, 'id' | 'name'>, language: Language): string => {
  const label = recipientLabel(recipient, language);
  return /^Unloc\b/.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1);
};

/**
 * Art. 15(1)(c) and 15(2): the recipients of a category by name, role and country, with the
 * safeguard of a transfer outside the EEA, from the recipient directory (a setting), so the letter
 * and the report name the same parties. All of them process the data under data-processing agreements.
 */
export function recipientsOf(category: RecordCategory, language: Language, directory: RecipientDirectory = DEFAULT_RECIPIENT_DIRECTORY): readonly string[] {
  return recipientsHolding(directory, category).map((recipient) => describeRecipient(recipient, language));
}

/** Art. 15(1)(e): the other rights, and how to use them. */
export const RIGHTS: Localised = {
  nb:
    'Du har rett til innsyn, til å få rettet feil, til å få opplysninger slettet, til å begrense behandlingen, ' +
    'til å protestere mot behandlingen (også mot markedsføring), til dataportabilitet og til å trekke tilbake ' +
    'samtykker når som helst. Kontakt oss på naerkontor@obos.no eller 934 20 183.',
  nn:
    'Du har rett til innsyn, til å få retta feil, til å få opplysningar sletta, til å avgrense behandlinga, ' +
    'til å protestere mot behandlinga (også mot marknadsføring), til dataportabilitet og til å trekkje tilbake ' +
    'samtykke når som helst. Kontakt oss på naerkontor@obos.no eller 934 20 183.',
  en:
    'You have the right of access, to have inaccurate data corrected, to have data erased, to restrict ' +
    'processing, to object to processing (including marketing), to data portability and to withdraw a consent at ' +
    'any time. Contact us at naerkontor@obos.no or +47 934 20 183.',
};

/** Art. 15(1)(f). */
export const COMPLAINT: Localised = {
  nb: 'Du har rett til å klage til Datatilsynet (www.datatilsynet.no, Postboks 458 Sentrum, 0105 Oslo).',
  nn: 'Du har rett til å klage til Datatilsynet (www.datatilsynet.no, Postboks 458 Sentrum, 0105 Oslo).',
  en: 'You have the right to lodge a complaint with the Norwegian Data Protection Authority, Datatilsynet (www.datatilsynet.no, Postboks 458 Sentrum, 0105 Oslo, Norway).',
};

/** Art. 15(1)(h): the privacy statement's statistics are aggregated and decide nothing about a person. */
export const AUTOMATED_DECISIONS: Localised = {
  nb:
    'Vi treffer ingen avgjørelser om deg som bare bygger på automatisk behandling, heller ikke profilering ' +
    '(personvernforordningen artikkel 22). Statistikken vi lager for å forstå bruken av tjenestene, er på ' +
    'aggregert nivå og brukes ikke til avgjørelser om enkeltpersoner.',
  nn:
    'Vi tek ingen avgjerder om deg som berre byggjer på automatisk behandling, heller ikkje profilering ' +
    '(personvernforordninga artikkel 22). Statistikken vi lagar for å forstå bruken av tenestene, er på ' +
    'aggregert nivå og blir ikkje brukt til avgjerder om enkeltpersonar.',
  en:
    'We make no decisions about you based solely on automated processing, including profiling (Article 22 of the ' +
    'General Data Protection Regulation). ' +
    'The statistics we make to understand how our services are used are aggregated and are not used for ' +
    'decisions about individuals.',
};

/** Door events are the subject's own (Art. 15(4)): what the report and letter say about others. */
export const DOOR_EVENTS_NOTE: Localised = {
  nb:
    'Dørhendelsene gjelder bare deg: adgangssystemet registrerer hvem som åpnet døren. Hendelser for andre ' +
    'personer ved de samme dørene er ikke tatt med.',
  nn:
    'Dørhendingane gjeld berre deg: tilgangssystemet registrerer kven som opna døra. Hendingar for andre ' +
    'personar ved dei same dørene er ikkje tekne med.',
  en:
    'The door events are yours only: the access system records who opened the door. Events of other people at ' +
    'the same doors are not included.',
};

/** Joins a list for running text: "a, b og c" / "a, b and c". */
export function joinList(items: readonly string[], language: Language): string {
  if (items.length <= 1) return items.join('');
  const last = items[items.length - 1];
  return `${items.slice(0, -1).join(', ')} ${language === 'en' ? 'and' : 'og'} ${last}`;
}
