import { formatCalendarDate } from '../../letter-format/format-calendar-date.js';
import { citeAll, gdpr, norwegianAct } from '../../letter-format/legal-citations.js';
import { ACCOUNTING_MATERIAL } from '../../retention/index.js';
import type { KeptRecords, Refusal, StaffKeepGround } from '../action-plan.js';

/**
 * What the requester reads about each record kept after an erasure request (Art. 12(4), 17(3);
 * requirement 8.5): why, on what legal basis and until when, in plain nb, nn and en.
 */
export type KeepGround = Omit<KeptRecords, 'category' | 'recordIds'>;

/** bokføringsforskriften § 5-1-1: what a sales document must show (the buyer's name and address). */
const BOOKKEEPING_REGULATIONS_SALES_DOCUMENT = {
  nb: 'bokføringsforskriften § 5-1-1',
  nn: 'bokføringsforskrifta § 5-1-1',
  en: 'section 5-1-1 of the Norwegian Bookkeeping Regulations',
} as const;

/** The law each ground rests on, cited in the one style of `legal-citations.ts` (never the privacy policy). */
export const LEGAL_BASIS = {
  /** Primary documentation: the invoice, which must still show the buyer (bokføringsforskriften § 5-1-1). */
  primaryAccounting: citeAll(
    BOOKKEEPING_REGULATIONS_SALES_DOCUMENT,
    norwegianAct('bookkeeping', { number: 13, paragraph: 1 }),
    gdpr({ number: 17, paragraph: 3, point: 'b' }),
  ),
  /** Secondary documentation kept three years and six months (bokføringsloven § 13). */
  secondaryAccounting: citeAll(norwegianAct('bookkeeping', { number: 13 }), gdpr({ number: 17, paragraph: 3, point: 'b' })),
  legalClaim: gdpr({ number: 17, paragraph: 3, point: 'e' }),
  staffLegalClaim: gdpr({ number: 17, paragraph: 3, point: 'e' }),
  contract: gdpr({ number: 6, paragraph: 1, point: 'b' }, { number: 17, paragraph: 1, point: 'a' }),
} as const;

const date = (until: string) => ({ nb: formatCalendarDate(until, 'nb'), nn: formatCalendarDate(until, 'nn'), en: formatCalendarDate(until, 'en') });

/**
 * Invoices and payments inside their bokføringsloven § 13 period: kept, restricted to bookkeeping.
 * An invoice keeps the buyer's name and address (bokføringsforskriften § 5-1-1) and nothing else
 * about the person; a payment record is secondary documentation kept for the shorter period (see
 * `ACCOUNTING_MATERIAL`: a specification of mandatory reporting would be five-year material).
 */
export function accountingGround(category: 'invoice' | 'payment', until: string): KeepGround {
  const day = date(until);
  const material = ACCOUNTING_MATERIAL[category];
  if (material === 'primary') {
    return {
      kind: 'legal_obligation',
      retentionClass: 'primary',
      legalBasis: LEGAL_BASIS.primaryAccounting,
      until,
      reason: {
        nb:
          'Fakturaer er regnskapsmateriale (primærdokumentasjon) som bokføringsloven § 13 pålegger oss å oppbevare i fem år ' +
          'etter utgangen av regnskapsåret. På fakturaene beholder vi det bokføringsforskriften § 5-1-1 krever at et ' +
          `salgsdokument viser, navnet og adressen din, og ikke noe annet om deg. De oppbevares til og med ${day.nb}, ` +
          'brukes fram til da bare til bokføring og slettes deretter.',
        nn:
          'Fakturaer er rekneskapsmateriale (primærdokumentasjon) som bokføringslova § 13 pålegg oss å oppbevare i fem år ' +
          'etter utgangen av rekneskapsåret. På fakturaene tek vi vare på det bokføringsforskrifta § 5-1-1 krev at eit ' +
          `salsdokument viser, namnet og adressa di, og ikkje noko anna om deg. Dei blir oppbevarte til og med ${day.nn}, ` +
          'blir fram til då berre brukte til bokføring og blir sletta etterpå.',
        en:
          'Invoices are accounting records (primary documentation) that section 13 of the Norwegian Bookkeeping Act requires ' +
          'us to keep for five years after the end of the financial year. On the invoices we keep what section 5-1-1 of ' +
          'the Norwegian Bookkeeping Regulations requires a sales document to show, your name and address, and nothing else about ' +
          `you. They are kept until ${day.en} inclusive, used for nothing but bookkeeping until then, and deleted afterwards.`,
      },
    };
  }
  return {
    kind: 'legal_obligation',
    retentionClass: 'secondary',
    legalBasis: LEGAL_BASIS.secondaryAccounting,
    until,
    reason: {
      nb:
        'Betalingsoppføringene (når og hvordan en faktura ble betalt) er regnskapsmateriale som utfyller dokumentasjonen av ' +
        'bokførte innbetalinger (sekundærdokumentasjon). Bokføringsloven § 13 pålegger oss å oppbevare dem i tre år og seks ' +
        `måneder etter utgangen av regnskapsåret. De oppbevares til og med ${day.nb}, ` +
        'brukes fram til da bare til bokføring og slettes deretter.',
      nn:
        'Betalingsoppføringane (når og korleis ein faktura vart betalt) er rekneskapsmateriale som utfyller dokumentasjonen av ' +
        'bokførte innbetalingar (sekundærdokumentasjon). Bokføringslova § 13 pålegg oss å oppbevare dei i tre år og seks ' +
        `månader etter utgangen av rekneskapsåret. Dei blir oppbevarte til og med ${day.nn}, ` +
        'blir fram til då berre brukte til bokføring og blir sletta etterpå.',
      en:
        'The payment records (when and how an invoice was paid) are accounting records that supplement the documentation of ' +
        'booked payments (secondary documentation). Section 13 of the Norwegian Bookkeeping Act requires us to keep them for ' +
        'three years and six months after the end of the financial year. They are ' +
        `kept until ${day.en} inclusive, used for nothing but bookkeeping until then, and deleted afterwards.`,
    },
  };
}

/**
 * A hold staff set when correcting the plan (see `PlanAdjustment`): the ground in plain words with
 * its last day. Staff's own note stays in the audit trail; the person reads the ground.
 */
export function staffKeepGround(ground: StaffKeepGround, until: string, by: string): KeepGround {
  const day = date(until);
  if (ground === 'legal_claim') {
    return {
      kind: 'legal_claim',
      legalBasis: LEGAL_BASIS.staffLegalClaim,
      until,
      setBy: by,
      reason: {
        nb:
          'Etter en ny vurdering trenger vi disse oppføringene for å fastsette, gjøre gjeldende eller forsvare et rettskrav. ' +
          `De oppbevares til og med ${day.nb}, brukes fram til da bare til dette og slettes deretter.`,
        nn:
          'Etter ei ny vurdering treng vi desse oppføringane for å fastsetje, gjere gjeldande eller forsvare eit rettskrav. ' +
          `Dei blir oppbevarte til og med ${day.nn}, blir fram til då berre brukte til dette og blir sletta etterpå.`,
        en:
          'On review, we need these records to establish, exercise or defend a legal claim. They are kept until ' +
          `${day.en} inclusive, used for nothing else until then, and deleted afterwards.`,
      },
    };
  }
  return {
    kind: 'legal_obligation',
    legalBasis: LEGAL_BASIS.secondaryAccounting,
    until,
    setBy: by,
    reason: {
      nb:
        'Etter en ny vurdering dokumenterer disse oppføringene bokførte opplysninger, og bokføringsloven § 13 pålegger oss ' +
        `å oppbevare dem. De oppbevares til og med ${day.nb}, brukes fram til da bare til bokføring og slettes deretter.`,
      nn:
        'Etter ei ny vurdering dokumenterer desse oppføringane bokførte opplysningar, og bokføringslova § 13 pålegg oss ' +
        `å oppbevare dei. Dei blir oppbevarte til og med ${day.nn}, blir fram til då berre brukte til bokføring og blir sletta etterpå.`,
      en:
        'On review, these records document booked entries, and section 13 of the Norwegian Bookkeeping Act requires us to ' +
        `keep them. They are kept until ${day.en} inclusive, used for nothing but bookkeeping until then, and deleted afterwards.`,
    },
  };
}

/** Unsettled (open or disputed) invoices, their payments, and what is needed to pursue them. */
export function legalClaimGround(category: 'invoice' | 'payment' | 'profile'): KeepGround {
  const reason = {
    invoice: {
      nb:
        'Fakturaen er ikke gjort opp (den er åpen eller omtvistet). Vi beholder den til kravet er avgjort, og ' +
        'deretter så lenge bokføringsloven § 13 krever.',
      nn:
        'Fakturaen er ikkje gjord opp (han er open eller omtvista). Vi tek vare på han til kravet er avgjort, og ' +
        'deretter så lenge bokføringslova § 13 krev.',
      en:
        'The invoice has not been settled (it is open or disputed). We keep it until the claim is resolved, and ' +
        'after that for as long as section 13 of the Norwegian Bookkeeping Act requires.',
    },
    payment: {
      nb:
        'Betalingene gjelder en faktura som ikke er gjort opp. Vi beholder dem til kravet er avgjort, og deretter ' +
        'så lenge bokføringsloven § 13 krever.',
      nn:
        'Betalingane gjeld ein faktura som ikkje er gjord opp. Vi tek vare på dei til kravet er avgjort, og deretter ' +
        'så lenge bokføringslova § 13 krev.',
      en:
        'These payments belong to an invoice that has not been settled. We keep them until the claim is resolved, ' +
        'and after that for as long as section 13 of the Norwegian Bookkeeping Act requires.',
    },
    profile: {
      nb:
        'Navn og kontaktopplysninger beholder vi så lenge en faktura til deg ikke er gjort opp, fordi de trengs for ' +
        'å avgjøre kravet. Deretter slettes eller anonymiseres de.',
      nn:
        'Namn og kontaktopplysningar tek vi vare på så lenge ein faktura til deg ikkje er gjord opp, fordi dei trengst for ' +
        'å avgjere kravet. Deretter blir dei sletta eller anonymiserte.',
      en:
        'We keep your name and contact details while an invoice to you is unsettled, because they are needed to ' +
        'resolve the claim. After that they are erased or anonymised.',
    },
  }[category];
  return { kind: 'legal_claim', legalBasis: LEGAL_BASIS.legalClaim, reason };
}

/** What an active (or paused) subscription needs while the customer relationship lasts. */
export function contractGround(category: 'profile' | 'subscription' | 'reservation' | 'service_note'): KeepGround {
  const reason = {
    profile: {
      nb:
        'Navn og kontaktopplysninger trengs så lenge du har et abonnement: for å levere tjenesten, gi deg adgang ' +
        'til lokalene gjennom Unloc og sende deg viktig informasjon og fakturaer.',
      nn:
        'Namn og kontaktopplysningar trengst så lenge du har eit abonnement: for å levere tenesta, gje deg tilgang ' +
        'til lokala gjennom Unloc og sende deg viktig informasjon og fakturaer.',
      en:
        'Your name and contact details are needed while you have a subscription: to provide the service, to give ' +
        'you access to the premises through Unloc, and to send you important information and invoices.',
    },
    subscription: {
      nb: 'Abonnementet er aktivt eller satt på pause. Det er avtalen vi leverer tjenesten etter.',
      nn: 'Abonnementet er aktivt eller sett på pause. Det er avtalen vi leverer tenesta etter.',
      en: 'The subscription is active or paused. It is the agreement we provide the service under.',
    },
    reservation: {
      nb:
        'Valgene dine om hvilke kanaler vi kan kontakte deg i, beholder vi så lenge du er kunde, slik at vi fortsatt ' +
        'respekterer dem.',
      nn:
        'Vala dine om kva kanalar vi kan kontakte deg i, tek vi vare på så lenge du er kunde, slik at vi framleis ' +
        'respekterer dei.',
      en:
        'Your choices about the channels we may contact you through are kept while you are a customer, so that we ' +
        'go on respecting them.',
    },
    service_note: {
      nb: 'Notater fra kundeservice de siste seks månedene trengs for å følge opp saker i det pågående kundeforholdet.',
      nn: 'Notat frå kundeservice dei siste seks månadene trengst for å følgje opp saker i det pågåande kundeforholdet.',
      en:
        'Customer-service notes from the last six months are needed to follow up matters in the ongoing customer ' +
        'relationship.',
    },
  }[category];
  return { kind: 'contract', legalBasis: LEGAL_BASIS.contract, reason };
}

/**
 * The partial refusal when the requester still has an active or paused subscription: the privacy
 * policy promises that erasure "cannot be combined with an existing customer relationship".
 */
export const CUSTOMER_RELATIONSHIP_REFUSAL: Refusal = {
  requestType: 'erasure',
  reason: {
    nb:
      'Vi har ikke slettet alt, fordi sletting ikke lar seg kombinere med et eksisterende kundeforhold. Du har et ' +
      'aktivt eller pauset abonnement, så vi beholder det som trengs for å levere det: kontaktopplysningene dine og ' +
      'adgangen til lokalene, abonnementet, valgene dine om kontaktkanaler, kundeservicenotater fra de siste seks ' +
      'månedene og fakturaer som ikke er gjort opp. Når abonnementet er avsluttet, sletter vi også dette, bortsett ' +
      'fra det bokføringsloven krever at vi oppbevarer.',
    nn:
      'Vi har ikkje sletta alt, fordi sletting ikkje lèt seg kombinere med eit eksisterande kundeforhold. Du har eit ' +
      'aktivt eller pausa abonnement, så vi tek vare på det som trengst for å levere det: kontaktopplysningane dine og ' +
      'tilgangen til lokala, abonnementet, vala dine om kontaktkanalar, kundeservicenotat frå dei siste seks ' +
      'månadene og fakturaer som ikkje er gjorde opp. Når abonnementet er avslutta, slettar vi også dette, bortsett ' +
      'frå det bokføringslova krev at vi oppbevarer.',
    en:
      'We have not erased everything, because erasure cannot be combined with an existing customer relationship. You ' +
      'have an active or paused subscription, so we keep what is needed to provide it: your contact details and ' +
      'access to the premises, the subscription, your choice of contact channels, customer-service notes from the ' +
      'last six months and any invoices not yet settled. When the subscription has ended, we erase these too, except ' +
      'what the Norwegian Bookkeeping Act requires us to keep.',
  },
  legalBasis: LEGAL_BASIS.contract,
};
