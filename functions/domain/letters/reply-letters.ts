import { exportLastDay } from '../request/export-window.js';
import type { ActionPlan, Correction, CorrectionRefusal } from '../plan/action-plan.js';
import { NOT_HELD_CATEGORIES } from './not-held-categories.js';
import type { RecipientOutcome } from '../recipients/recipient-changes.js';
import type { RecipientDirectory } from '../recipients/recipient-directory.js';
import { requestTypeLabel } from '../request/request-type-labels.js';
import type { Language } from '../request/request-vocabulary.js';
import type { RightsRequest } from '../request/rights-request.js';
import {
  AUTOMATED_DECISIONS,
  CATEGORY_LABELS,
  CHANNEL_LABELS,
  categoryInText,
  COMPLAINT,
  CONSENT_LABELS,
  GENERAL_RECIPIENTS,
  PURPOSES,
  RIGHTS,
  joinList,
  recipientInText,
  recipientLabel,
  recipientsOf,
  type Localised,
} from './art15-information.js';
import { gdpr, legalBasisIn } from '../letter-format/legal-citations.js';
import { refusalLetter } from './refusal-letter.js';
import { MARKETING_ALREADY_STOPPED, OBJECTION_HEADING, objectionUpheldLines } from './objection-letter-texts.js';
import { osloCalendarDate } from '../deadline/index.js';
import { keptRecordsText, releasedRecordsText } from './kept-records-text.js';
import { replyLead } from './reply-lead.js';
import { restrictionReplyText } from './restriction-texts.js';
import { formatCalendarDate } from '../letter-format/format-calendar-date.js';
import { REMEDIES, SIGNATURE, type Letter, greetingLine, provenName } from './letter.js';

/** How one approved correction ended. */
export interface CorrectionOutcome {
  readonly field: Correction['field'];
  readonly outcome: 'done' | CorrectionRefusal;
}

/**
 * Everything the answer to an approved request is written from: what was planned and approved,
 * and what the carry-out and notify steps recorded. Built by `sendReply` from the stored request,
 * plan and audit trail; pure data, so the letters are tested without stores.
 */
export interface ReplyFacts {
  readonly request: Pick<RightsRequest, 'id' | 'types' | 'language' | 'requester' | 'export' | 'decision' | 'marketingStop'>;
  readonly plan: ActionPlan;
  /** Absolute link to the download page; present when an export package was made. */
  readonly downloadUrl?: string;
  /** The answer goes by post: the copy is printed as a report with the letter, not downloaded. */
  readonly copyByPost?: boolean;
  readonly corrections: readonly CorrectionOutcome[];
  readonly recipients: readonly RecipientOutcome[];
  /** The recipients by name (the `recipientDirectory` setting); the default directory when absent. */
  readonly recipientDirectory?: RecipientDirectory;
}

const PORTABILITY = gdpr({ number: 20 });
const RESTRICTION = gdpr({ number: 18 });
const NOTIFICATION = gdpr({ number: 19 });

type Lines = string[];
const L = <T>(language: Language, texts: Readonly<Record<Language, T>>): T => texts[language];
const bullet = (text: string): string => `  • ${text}`;
const date = (calendarDate: string, language: Language): string => formatCalendarDate(calendarDate, language);

function heading(text: string): Lines {
  return ['', text, '-'.repeat(text.length)];
}

function greeting(facts: ReplyFacts, lead?: string): Lines {
  const { request } = facts;
  const language = request.language;
  return [
    greetingLine(language, provenName(request)),
    '',
    ...(lead ? [lead, ''] : []),
    L(language, {
      nb: `Vi har behandlet henvendelsen din (referanse ${request.id}). Du ba om:`,
      nn: `Vi har handsama førespurnaden din (referanse ${request.id}). Du bad om:`,
      en: `We have handled your request (reference ${request.id}). You asked for:`,
    }),
    ...request.types.map((type) => bullet(requestTypeLabel(type, language))),
  ];
}

/** Art. 15(1) "whether or not": said so that it reveals nothing about anyone else. */
function nothingHeld(facts: ReplyFacts): Lines {
  const language = facts.request.language;
  const changes = facts.request.types.some((type) => type !== 'access' && type !== 'portability');
  return [
    '',
    L(language, {
      nb:
        'Vi har søkt etter opplysninger om deg i kunderegisteret, i fakturasystemet og i adgangssystemet. Vi har ingen ' +
        'personopplysninger om deg utover denne henvendelsen og korrespondansen om den. Henvendelsen oppbevarer vi for ' +
        'å kunne dokumentere hvordan vi har behandlet den.',
      nn:
        'Vi har søkt etter opplysningar om deg i kunderegisteret, i fakturasystemet og i tilgangssystemet. Vi har ingen ' +
        'personopplysningar om deg utover denne førespurnaden og korrespondansen om han. Førespurnaden oppbevarer vi for ' +
        'å kunne dokumentere korleis vi har handsama han.',
      en:
        'We have searched our customer register, our invoicing system and our access system for data about you. We ' +
        'hold no personal data about you other than this request and our correspondence about it. We keep the request ' +
        'to be able to document how we handled it.',
    }),
    ...(changes
      ? [
          L(language, {
            nb: 'Det er derfor ingenting å rette, slette, begrense eller endre.',
            nn: 'Det er difor ingenting å rette, slette, avgrense eller endre.',
            en: 'There is therefore nothing to correct, erase, restrict or change.',
          }),
        ]
      : []),
  ];
}

function copySection(facts: ReplyFacts): Lines {
  const { request, plan } = facts;
  const language = request.language;
  if (!plan.export || !request.export || (!facts.downloadUrl && !facts.copyByPost)) return [];
  const expires = date(exportLastDay(request.export), language);
  const howToGetIt: Lines = facts.copyByPost
    ? [
        L(language, {
          nb: 'Kopien følger med dette brevet som en utskrevet rapport, etter brevets siste side.',
          nn: 'Kopien følgjer med dette brevet som ein utskriven rapport, etter den siste sida i brevet.',
          en: 'The copy comes with this letter as a printed report, after the last page of the letter.',
        }),
        '',
      ]
    : [
        L(language, { nb: 'Kopien er klar til nedlasting her:', nn: 'Kopien er klar til nedlasting her:', en: 'The copy is ready to download here:' }),
        facts.downloadUrl ?? '',
        '',
        L(language, {
          nb:
            'Av sikkerhetshensyn sender vi ikke opplysningene i e-post. Siden ber deg om en engangskode, som vi sender til ' +
            `denne e-postadressen. Lenken virker til og med ${expires}.`,
          nn:
            'Av omsyn til tryggleiken sender vi ikkje opplysningane i e-post. Sida ber deg om ein eingongskode, som vi sender til ' +
            `denne e-postadressa. Lenkja verkar til og med ${expires}.`,
          en:
            'For your security we do not send the data by e-mail. The page asks for a one-time code, which we send to this ' +
            `e-mail address. The link works until ${expires} inclusive.`,
        }),
      ];
  return [
    ...heading(L(language, { nb: 'Kopi av opplysningene dine', nn: 'Kopi av opplysningane dine', en: 'A copy of your data' })),
    ...howToGetIt,
    facts.copyByPost
      ? L(language, {
          nb: 'Rapporten inneholder disse kategoriene (antall oppføringer):',
          nn: 'Rapporten inneheld desse kategoriane (talet på oppføringar):',
          en: 'The report holds these categories (number of records):',
        })
      : L(language, {
          nb: 'Kopien består av en lesbar rapport og en maskinlesbar fil (JSON). Den inneholder disse kategoriene (antall oppføringer):',
          nn: 'Kopien består av ein lesbar rapport og ei maskinlesbar fil (JSON). Han inneheld desse kategoriane (talet på oppføringar):',
          en: 'The copy consists of a readable report and a machine-readable file (JSON). It holds these categories (number of records):',
        }),
    ...plan.export.categories.map((entry) => bullet(`${CATEGORY_LABELS[entry.category][language]}: ${entry.records}`)),
    ...(plan.export.portable && facts.copyByPost && facts.downloadUrl
      ? [
          '',
          L(language, {
            nb:
              `Du ba også om dataportabilitet (${PORTABILITY.nb}). Et brev kan ikke bære en fil, så den strukturerte og maskinlesbare filen (JSON) ligger klar på nedlastingssiden:`,
            nn:
              `Du bad òg om dataportabilitet (${PORTABILITY.nn}). Eit brev kan ikkje bere ei fil, så den strukturerte og maskinlesbare fila (JSON) ligg klar på nedlastingssida:`,
            en: `You also asked for data portability (${PORTABILITY.en}). A letter cannot carry a file, so the structured, machine-readable file (JSON) is ready on the download page:`,
          }),
          facts.downloadUrl,
          L(language, {
            nb: `Der ber du om en engangskode. Den sender vi deg i posten, og den virker til og med ${expires}. Får du ikke brukt siden, kan du ringe oss på 934 20 183.`,
            nn: `Der ber du om ein eingongskode. Han sender vi deg i posten, og han verkar til og med ${expires}. Får du ikkje brukt sida, kan du ringje oss på 934 20 183.`,
            en: `There you ask for a one-time code. We send it to you by post, and it works until ${expires} inclusive. If you cannot use the page, you can call us on +47 934 20 183.`,
          }),
        ]
      : []),
    ...(plan.export.portable && !facts.copyByPost
      ? [
          L(language, {
            nb: `JSON-filen er strukturert og maskinlesbar, slik at du kan ta opplysningene med til en annen tjeneste (dataportabilitet etter ${PORTABILITY.nb}).`,
            nn: `JSON-fila er strukturert og maskinlesbar, slik at du kan ta med opplysningane til ei anna teneste (dataportabilitet etter ${PORTABILITY.nn}).`,
            en: `The JSON file is structured and machine-readable, so that you can take the data to another service (data portability under ${PORTABILITY.en}).`,
          }),
        ]
      : []),
  ];
}

/** The Art. 15(1)(a)–(h) summary; the report has the full detail per category. */
/**
 * What the privacy statement names that this system does not hold, where it is and how to get it
 * (Art. 15(1), 15(3)): said in every answer to an access or portability request, so nothing is
 * silently left out.
 */
function notHeldSection(facts: ReplyFacts): Lines {
  const language = facts.request.language;
  if (!facts.request.types.some((type) => type === 'access' || type === 'portability')) return [];
  return [
    ...heading(L(language, { nb: 'Opplysninger som ligger andre steder', nn: 'Opplysningar som ligg andre stader', en: 'Data held elsewhere' })),
    L(language, {
      nb: 'Vi behandler også disse opplysningene, men de ligger utenfor dette systemet og er derfor ikke med i kopien:',
      nn: 'Vi behandlar også desse opplysningane, men dei ligg utanfor dette systemet og er difor ikkje med i kopien:',
      en: 'We also process these data, but they are held outside this system and are therefore not in the copy:',
    }),
    ...NOT_HELD_CATEGORIES.map((entry) => bullet(`${entry.category[language]}: ${entry.heldBy[language]}. ${entry.howToGet[language]}`)),
  ];
}

function processingSection(facts: ReplyFacts): Lines {
  const { request, plan } = facts;
  const language = request.language;
  if (!plan.export) return [];
  const categories = plan.export.categories.map((entry) => entry.category);
  const purposes = [...new Map(categories.flatMap((c) => PURPOSES[c]).map((p) => [p.en, p])).values()];
  const recipients = [...new Set(categories.flatMap((c) => recipientsOf(c, language, facts.recipientDirectory)))];
  return [
    ...heading(L(language, { nb: 'Om behandlingen av opplysningene dine', nn: 'Om behandlinga av opplysningane dine', en: 'How we process your data' })),
    L(language, { nb: 'Formål:', nn: 'Føremål:', en: 'Purposes:' }),
    ...purposes.map((purpose) => bullet(purpose[language])),
    L(language, { nb: 'Kategorier:', nn: 'Kategoriar:', en: 'Categories:' }) + ' ' + joinList(categories.map((c) => categoryInText(c, language)), language) + '.',
    L(language, { nb: 'Mottakere:', nn: 'Mottakarar:', en: 'Recipients:' }),
    ...[...recipients, ...GENERAL_RECIPIENTS.map((recipient) => recipient[language])].map(bullet),
    L(language, {
      nb:
        'Lagringstid: Så lenge du er kunde; når abonnementet er avsluttet, sletter vi opplysningene uten ugrunnet ' +
        'opphold. Fakturaer oppbevarer vi i fem år og betalingsoppføringer i tre år og seks måneder etter utgangen av ' +
        'regnskapsåret (bokføringsloven § 13). ' +
        'Rapporten viser datoen for hver faktura og betaling.',
      nn:
        'Lagringstid: Så lenge du er kunde; når abonnementet er avslutta, slettar vi opplysningane utan ugrunna ' +
        'opphald. Fakturaer oppbevarer vi i fem år og betalingsoppføringar i tre år og seks månader etter utgangen av ' +
        'rekneskapsåret (bokføringslova § 13). ' +
        'Rapporten viser datoen for kvar faktura og betaling.',
      en:
        'Storage period: As long as you are a customer; when your subscription has ended we delete the data without ' +
        'undue delay. Invoices are kept for five years and payment records for three years and six months after the end ' +
        'of the financial year (section 13 of the Norwegian Bookkeeping Act). The report shows the date for each invoice and payment.',
    }),
    L(language, {
      nb:
        'Kilde: Fra deg selv, eller fra bedriften din hvis den registrerte deg på et bedriftsabonnement. Dørhendelsene ' +
        'kommer fra adgangssystemet Unloc. Fakturaer og kundeservicenotater lager vi selv.',
      nn:
        'Kjelde: Frå deg sjølv, eller frå verksemda di dersom ho registrerte deg på eit bedriftsabonnement. Dørhendingane ' +
        'kjem frå tilgangssystemet Unloc. Fakturaer og kundeservicenotat lagar vi sjølve.',
      en:
        'Source: From you, or from your company if it registered you on a corporate subscription. Door events come from ' +
        'the Unloc access system. Invoices and customer-service notes are made by us.',
    }),
    `${L(language, { nb: 'Rettighetene dine:', nn: 'Rettane dine:', en: 'Your rights:' })} ${RIGHTS[language]}`,
    `${L(language, { nb: 'Klage:', nn: 'Klage:', en: 'Complaints:' })} ${COMPLAINT[language]}`,
    `${L(language, { nb: 'Automatiserte avgjørelser:', nn: 'Automatiserte avgjerder:', en: 'Automated decisions:' })} ${AUTOMATED_DECISIONS[language]}`,
  ];
}

function rectificationSection(facts: ReplyFacts): Lines {
  const language = facts.request.language;
  if (!facts.request.types.includes('rectification')) return [];
  const fields = (outcomes: readonly CorrectionOutcome[]) =>
    joinList([...new Set(outcomes.map((c) => YOUR_FIELD[c.field][language]))], language);
  const done = facts.corrections.filter((c) => c.outcome === 'done');
  return [
    ...heading(L(language, { nb: 'Retting', nn: 'Retting', en: 'Correction' })),
    done.length > 0
      ? L(language, {
          nb: `Vi har rettet ${fields(done)}. Rettingen gjelder fra nå.`,
          nn: `Vi har retta ${fields(done)}. Rettinga gjeld frå no.`,
          en: `We have corrected ${fields(done)}. The correction applies from now.`,
        })
      : L(language, { nb: 'Vi har ikke rettet noe.', nn: 'Vi har ikkje retta noko.', en: 'We have not corrected anything.' }),
  ];
}

/** A corrected field as the object of a sentence: «Vi har rettet e-postadressen din» / "We have corrected your e-mail address". */
const YOUR_FIELD: Readonly<Record<Correction['field'], Localised>> = {
  name: { nb: 'navnet ditt', nn: 'namnet ditt', en: 'your name' },
  email: { nb: 'e-postadressen din', nn: 'e-postadressa di', en: 'your e-mail address' },
  phone: { nb: 'telefonnummeret ditt', nn: 'telefonnummeret ditt', en: 'your phone number' },
  address: { nb: 'postadressen din', nn: 'postadressa di', en: 'your postal address' },
};

const REFUSED_CORRECTION: Readonly<Record<CorrectionRefusal, Localised>> = {
  stale: {
    nb: 'opplysningen er endret etter at vi vurderte henvendelsen din, så vi har ikke overskrevet den. Ta kontakt med oss hvis den fortsatt er feil.',
    nn: 'opplysninga er endra etter at vi vurderte førespurnaden din, så vi har ikkje skrive over ho. Ta kontakt med oss dersom ho framleis er feil.',
    en: 'the data were changed after we assessed your request, so we did not overwrite them. Contact us if they are still wrong.',
  },
  invalid_value: {
    nb: 'den nye verdien er ikke gyldig. Ta kontakt med oss med riktig verdi.',
    nn: 'den nye verdien er ikkje gyldig. Ta kontakt med oss med rett verdi.',
    en: 'the new value is not valid. Contact us with the correct value.',
  },
  no_profile: {
    nb: 'vi fant ingen kundeprofil å rette.',
    nn: 'vi fann ingen kundeprofil å rette.',
    en: 'we found no customer profile to correct.',
  },
};

const count = (n: number, language: Language): string =>
  L(language, { nb: n === 1 ? '1 oppføring' : `${n} oppføringer`, nn: n === 1 ? '1 oppføring' : `${n} oppføringar`, en: n === 1 ? '1 record' : `${n} records` });

function erasureSection(facts: ReplyFacts): Lines {
  const { request, plan } = facts;
  const language = request.language;
  if (!request.types.includes('erasure')) return [];
  const erased = plan.erasures.map((erasure) =>
    bullet(
      `${CATEGORY_LABELS[erasure.category][language]}: ${count(erasure.recordIds.length, language)} ` +
        (erasure.method === 'anonymise'
          ? L(language, {
              nb: 'anonymisert (navn og kontaktopplysninger er fjernet)',
              nn: 'anonymisert (namn og kontaktopplysningar er fjerna)',
              en: 'anonymised (name and contact details removed)',
            })
          : L(language, { nb: 'slettet', nn: 'sletta', en: 'erased' })),
    ),
  );
  const kept = keptRecordsText(plan, language);
  const released = releasedRecordsText(plan, language);
  return [
    ...heading(L(language, { nb: 'Sletting', nn: 'Sletting', en: 'Erasure' })),
    ...(erased.length > 0
      ? [L(language, { nb: 'Dette har vi slettet:', nn: 'Dette har vi sletta:', en: 'This is what we have erased:' }), ...erased]
      : [L(language, { nb: 'Vi har ikke slettet noe.', nn: 'Vi har ikkje sletta noko.', en: 'We have not erased anything.' })]),
    ...(kept.length > 0
      ? [
          '',
          L(language, {
            nb: 'Dette beholder vi, hvorfor og hvor lenge. Vi sletter det når tiden er ute:',
            nn: 'Dette tek vi vare på, kvifor og kor lenge. Vi slettar det når tida er ute:',
            en: 'This is what we keep, why and for how long. We delete it when the time is up:',
          }),
          ...kept,
        ]
      : []),
    ...(released.length > 0 ? ['', ...released] : []),
  ];
}

/** A split request: the marketing stop took effect at receipt; the reply only recalls it. */
function marketingStopSection(facts: ReplyFacts): Lines {
  const { request } = facts;
  if (!request.marketingStop) return [];
  const language = request.language;
  return [
    ...heading(L(language, { nb: 'Markedsføring', nn: 'Marknadsføring', en: 'Marketing' })),
    MARKETING_ALREADY_STOPPED[language](date(osloCalendarDate(request.marketingStop.at), language)),
  ];
}

/** Art. 21(1): the objection upheld, with the balancing staff wrote (the closing gives the remedies). */
function objectionSection(facts: ReplyFacts): Lines {
  const { request, plan } = facts;
  if (!plan.processingObjection) return [];
  return [...heading(OBJECTION_HEADING[request.language]), ...objectionUpheldLines(request.language, request.decision?.reason ?? '')];
}

function changesSection(facts: ReplyFacts): Lines {
  const { request, plan } = facts;
  const language = request.language;
  const lines: Lines = [...marketingStopSection(facts), ...objectionSection(facts)];
  if ((request.types.includes('consent_withdrawal') && !request.marketingStop) || plan.consentChanges.length > 0) {
    lines.push(...heading(L(language, { nb: 'Samtykker', nn: 'Samtykke', en: 'Consents' })));
    const kinds = joinList(plan.consentChanges.map((change) => CONSENT_LABELS[change.kind][language]), language);
    lines.push(
      plan.consentChanges.length > 0
        ? L(language, {
            nb: `Vi har registrert at du trekker tilbake samtykket til ${kinds}. Det gjelder fra nå. Behandling før du trakk samtykket tilbake, er fortsatt lovlig.`,
            nn: `Vi har registrert at du trekkjer tilbake samtykket til ${kinds}. Det gjeld frå no. Behandling før du trekte samtykket tilbake, er framleis lovleg.`,
            en: `We have recorded that you withdraw your consent to ${kinds}. This applies from now. Processing before the withdrawal remains lawful.`,
          })
        : L(language, {
            nb: 'Du hadde ingen samtykker som gjaldt, så det var ingenting å trekke tilbake.',
            nn: 'Du hadde ingen samtykke som gjaldt, så det var ingenting å trekkje tilbake.',
            en: 'You had no consents in force, so there was nothing to withdraw.',
          }),
    );
  }
  if (plan.channelReservations.length > 0) {
    const channels = joinList(plan.channelReservations.map((r) => CHANNEL_LABELS[r.channel][language]), language);
    lines.push(
      ...heading(L(language, { nb: 'Reservasjon mot markedsføring', nn: 'Reservasjon mot marknadsføring', en: 'Opting out of marketing' })),
      L(language, {
        nb: `Du er nå reservert mot markedsføring på ${channels}. Det gjelder fra nå.`,
        nn: `Du er no reservert mot marknadsføring på ${channels}. Det gjeld frå no.`,
        en: `You are now opted out of marketing by ${channels}. This applies from now.`,
      }),
    );
  }
  if (plan.restrict && plan.restriction) {
    lines.push(
      ...heading(L(language, { nb: 'Begrensning av behandlingen', nn: 'Avgrensing av behandlinga', en: 'Restriction of processing' })),
      ...restrictionReplyText(plan.restriction, language),
    );
  } else if (plan.restrict) {
    lines.push(
      ...heading(L(language, { nb: 'Begrensning av behandlingen', nn: 'Avgrensing av behandlinga', en: 'Restriction of processing' })),
      request.types.includes('restriction')
        ? L(language, {
            nb:
              'Fra nå lagrer vi bare opplysningene om deg og bruker dem ikke til noe annet, med mindre du samtykker eller det ' +
              `trengs for et rettskrav (${RESTRICTION.nb}). Vi gir deg beskjed før begrensningen oppheves.`,
            nn:
              'Frå no lagrar vi berre opplysningane om deg og bruker dei ikkje til noko anna, med mindre du samtykkjer eller det ' +
              `trengst for eit rettskrav (${RESTRICTION.nn}). Vi gjev deg beskjed før avgrensinga blir oppheva.`,
            en:
              'From now on we only store your data and use them for nothing else, unless you consent or they are needed for ' +
              `a legal claim (${RESTRICTION.en}). We will tell you before the restriction is lifted.`,
          })
        : L(language, {
            nb: `Det vi beholder, bruker vi fra nå bare til formålet vi beholder det for (begrenset behandling etter ${RESTRICTION.nb}).`,
            nn: `Det vi tek vare på, bruker vi frå no berre til føremålet vi tek vare på det for (avgrensa behandling etter ${RESTRICTION.nn}).`,
            en: `What we keep is from now on used only for the purpose we keep it for (restricted processing under ${RESTRICTION.en}).`,
          }),
    );
  }
  return lines;
}

const REASON_LABELS: Readonly<Record<RecipientOutcome['changes'][number]['reason'], Localised>> = {
  rectification: { nb: 'retting', nn: 'retting', en: 'correction' },
  erasure: { nb: 'sletting', nn: 'sletting', en: 'erasure' },
  restriction: { nb: 'begrensning', nn: 'avgrensing', en: 'restriction' },
};

/** Art. 19: the data subject is told who the recipients are. */
function recipientsSection(facts: ReplyFacts): Lines {
  const language = facts.request.language;
  const notified = facts.recipients.filter((r) => r.status === 'notified');
  if (notified.length === 0) return [];
  return [
    ...heading(L(language, { nb: 'Mottakere vi har varslet', nn: 'Mottakarar vi har varsla', en: 'Recipients we have notified' })),
    L(language, {
      nb: `Disse har fått opplysninger om deg fra oss. Vi har varslet dem om endringene og bedt dem gjøre det samme hos seg (${NOTIFICATION.nb}):`,
      nn: `Desse har fått opplysningar om deg frå oss. Vi har varsla dei om endringane og bede dei gjere det same hos seg (${NOTIFICATION.nn}):`,
      en: `These have received data about you from us. We have told them of the changes and asked them to do the same on their side (${NOTIFICATION.en}):`,
    }),
    ...notified.map((r) => bullet(`${recipientLabel(r, language)}: ${joinList(r.changes.map((c) => REASON_LABELS[c.reason][language]), language)}`)),
  ];
}

/** Everything not done as asked, with the reasons (Art. 12(4)); empty when all was done. */
function notDoneItems(facts: ReplyFacts): Lines {
  const language = facts.request.language;
  const items: Lines = [];
  for (const refusal of facts.plan.refusals) {
    items.push(bullet(`${refusal.reason[language]} (${L(language, { nb: 'Rettslig grunnlag', nn: 'Rettsleg grunnlag', en: 'Legal basis' })}: ${legalBasisIn(refusal.legalBasis, language)})`));
  }
  for (const correction of facts.corrections) {
    if (correction.outcome === 'done') continue;
    items.push(
      bullet(
        L(language, {
          nb: `Vi har ikke rettet ${YOUR_FIELD[correction.field].nb}: ${REFUSED_CORRECTION[correction.outcome].nb}`,
          nn: `Vi har ikkje retta ${YOUR_FIELD[correction.field].nn}: ${REFUSED_CORRECTION[correction.outcome].nn}`,
          en: `We have not corrected ${YOUR_FIELD[correction.field].en}: ${REFUSED_CORRECTION[correction.outcome].en}`,
        }),
      ),
    );
  }
  for (const recipient of facts.recipients) {
    if (recipient.status !== 'no_address' && recipient.status !== 'pending') continue;
    items.push(
      bullet(
        L(language, {
          nb: `Vi har ennå ikke fått varslet ${recipientInText(recipient, 'nb')} om endringene. Vi følger opp dette og varsler dem så snart vi kan.`,
          nn: `Vi har enno ikkje fått varsla ${recipientInText(recipient, 'nn')} om endringane. Vi følgjer opp dette og varslar dei så snart vi kan.`,
          en: `We have not yet been able to notify ${recipientInText(recipient, 'en')} of the changes. We are following this up and will notify them as soon as we can.`,
        }),
      ),
    );
  }
  return items;
}

function closing(facts: ReplyFacts, notDone: Lines): Lines {
  const language = facts.request.language;
  const remedies = REMEDIES[language];
  return [
    ...(notDone.length > 0
      ? [
          ...heading(L(language, { nb: 'Dette har vi ikke gjort, og hvorfor', nn: 'Dette har vi ikkje gjort, og kvifor', en: 'What we have not done, and why' })),
          ...notDone,
          '',
          remedies,
        ]
      : []),
    '',
    notDone.length > 0
      ? L(language, {
          nb: 'Har du spørsmål om svaret, ta gjerne kontakt med oss.',
          nn: 'Har du spørsmål om svaret, er det berre å ta kontakt med oss.',
          en: 'If you have questions about our answer, please contact us.',
        })
      : L(language, {
          nb: `Er du ikke fornøyd med svaret, ta gjerne kontakt med oss. ${remedies}`,
          nn: `Er du ikkje nøgd med svaret, er det berre å ta kontakt med oss. ${remedies}`,
          en: `If you are not satisfied with our answer, please contact us. ${remedies}`,
        }),
    '',
    SIGNATURE[language],
  ];
}

/**
 * The answer to an approved request, after it was carried out, in the requester's language:
 * for access and portability the download link (never the data), its expiry and the Art. 15
 * summary; what was corrected, erased (and what is kept, why and until when), which consents and
 * channels changed and that a restriction applies, all effective now; which recipients were told
 * (Art. 19); and, when anything was refused or only partly done, the reasons with the right to
 * complain to Datatilsynet and to go to court (Art. 12(4)). Several request types share one letter.
 * A requester we hold nothing about is told so, and nothing else. The first paragraph after the
 * greeting says what we did not do and why ({@link replyLead}), or that everything was done.
 */
export function approvedReplyLetter(facts: ReplyFacts): Letter {
  const { request } = facts;
  const language = request.language;
  const subject = L(language, {
    nb: `Henvendelsen din er behandlet – referanse ${request.id}`,
    nn: `Førespurnaden din er handsama – referanse ${request.id}`,
    en: `Your request has been handled – reference ${request.id}`,
  });
  if (facts.plan.customerIds.length === 0) {
    return { subject, text: [...greeting(facts), ...nothingHeld(facts), ...notHeldSection(facts), ...closing(facts, [])].join('\n') };
  }
  const notDone = notDoneItems(facts);
  const text = [
    ...greeting(facts, replyLead(facts)),
    ...copySection(facts),
    ...rectificationSection(facts),
    ...erasureSection(facts),
    ...changesSection(facts),
    ...recipientsSection(facts),
    ...processingSection(facts),
    ...notHeldSection(facts),
    ...closing(facts, notDone),
  ];
  return { subject, text: text.join('\n') };
}

/** The answer when staff refused the request: the reason and both remedies (Art. 12(4)). */
export function rejectedReplyLetter(request: Pick<RightsRequest, 'id' | 'types' | 'language' | 'requester'>, reason: string): Letter {
  return refusalLetter(request, reason);
}

