import type { ActionPlan } from '../plan/action-plan.js';
import { LANGUAGE_LOCALES, type Language } from '../request/request-vocabulary.js';
import type { RightsRequest } from '../request/rights-request.js';
import type { Restriction, RestrictionGround } from '../request/request-restriction.js';
import { CATEGORY_LABELS, joinList, type Localised } from './art15-information.js';
import { gdpr } from '../letter-format/legal-citations.js';
import { REMEDIES, SIGNATURE, type Letter } from './letter.js';

/** An empty line in a letter built from per-language lines. */
const BLANK: Localised = { nb: '', nn: '', en: '' };

/** Each ground of Art. 18(1) in plain words, as the person reads why their data are restricted. */
export const RESTRICTION_GROUND_TEXT: Readonly<Record<RestrictionGround, Localised>> = {
  a: {
    nb: 'du har bestridt at opplysningene er riktige, og begrensningen varer mens vi undersøker det',
    nn: 'du har gjort gjeldande at opplysningane ikkje er rette, og avgrensinga varer medan vi undersøkjer det',
    en: 'you have contested the accuracy of the data, and the restriction lasts while we verify it',
  },
  b: {
    nb: 'behandlingen var ikke lovlig, og du har bedt om begrensning i stedet for sletting',
    nn: 'behandlinga var ikkje lovleg, og du har bede om avgrensing i staden for sletting',
    en: 'the processing was unlawful, and you asked for restriction instead of erasure',
  },
  c: {
    nb: 'vi trenger ikke lenger opplysningene, men du trenger dem for å fastsette, gjøre gjeldende eller forsvare et rettskrav',
    nn: 'vi treng ikkje lenger opplysningane, men du treng dei for å fastsetje, gjere gjeldande eller forsvare eit rettskrav',
    en: 'we no longer need the data, but you need them to establish, exercise or defend a legal claim',
  },
  d: {
    nb: 'du har protestert mot behandlingen, og begrensningen varer mens vi vurderer protesten',
    nn: 'du har protestert mot behandlinga, og avgrensinga varer medan vi vurderer protesten',
    en: 'you have objected to the processing, and the restriction lasts while we assess the objection',
  },
};

const categories = (scope: Restriction['scope'], language: Language): string =>
  joinList(scope.map((category) => CATEGORY_LABELS[category][language].toLocaleLowerCase(LANGUAGE_LOCALES[language])), language);

/** Categories an active subscription needs to run: its record, the person's profile and the door log. */
const SUBSCRIPTION_NEEDS = ['profile', 'subscription', 'door_event'] as const;

/**
 * What the reply says about a restriction staff set with ground and scope (Art. 18): why, what it
 * covers, what stops, what keeps running (storage, legal claims, Art. 18(2)), what it means for an
 * active subscription, and that the person is told before it is lifted (Art. 18(3)).
 */
export function restrictionReplyText(restriction: NonNullable<ActionPlan['restriction']>, language: Language): string[] {
  const scope = categories(restriction.scope, language);
  const ground = RESTRICTION_GROUND_TEXT[restriction.ground];
  const lines: Localised[] = [
    {
      nb: `Vi har begrenset behandlingen etter personvernforordningen artikkel 18 nr. 1 bokstav ${restriction.ground}: ${ground.nb}. Begrensningen gjelder ${scope}.`,
      nn: `Vi har avgrensa behandlinga etter ${gdpr({ number: 18, paragraph: 1, point: restriction.ground }).nn}: ${ground.nn}. Avgrensinga gjeld ${scope}.`,
      en: `We have restricted the processing under Article 18(1)(${restriction.ground}) of the General Data Protection Regulation: ${ground.en}. The restriction covers ${scope}.`,
    },
    {
      nb: 'Dette stopper: Vi bruker ikke disse opplysningene til noe annet enn å lagre dem. De brukes ikke til markedsføring, statistikk, kundeoppfølging eller endringer.',
      nn: 'Dette stoppar: Vi bruker ikkje desse opplysningane til noko anna enn å lagre dei. Dei blir ikkje brukte til marknadsføring, statistikk, kundeoppfølging eller endringar.',
      en: 'What stops: We use these data for nothing but storing them. They are not used for marketing, statistics, customer follow-up or changes.',
    },
    {
      nb: 'Dette fortsetter: Vi lagrer opplysningene. Vi kan bruke dem bare hvis du samtykker, for å fastsette, gjøre gjeldende eller forsvare rettskrav, for å verne en annen persons rettigheter eller av hensyn til viktige allmenne interesser (personvernforordningen artikkel 18 nr. 2). Regnskapsmateriale oppbevarer vi fortsatt så lenge bokføringsloven krever.',
      nn: `Dette held fram: Vi lagrar opplysningane. Vi kan bruke dei berre dersom du samtykkjer, for å fastsetje, gjere gjeldande eller forsvare rettskrav, for å verne rettane til ein annan person eller av omsyn til viktige allmenne interesser (${gdpr({ number: 18, paragraph: 2 }).nn}). Rekneskapsmateriale oppbevarer vi framleis så lenge bokføringslova krev.`,
      en: 'What continues: We store the data. We may use them only with your consent, to establish, exercise or defend legal claims, to protect the rights of another person, or for reasons of important public interest (Article 18(2) of the General Data Protection Regulation). Accounting records are still kept for as long as the Norwegian Bookkeeping Act requires.',
    },
  ];
  if (restriction.activeSubscription) {
    const touchesSubscription = restriction.scope.some((category) => (SUBSCRIPTION_NEEDS as readonly string[]).includes(category));
    lines.push(
      touchesSubscription
        ? {
            nb: 'Abonnementet ditt: Du har et aktivt abonnement, og det trenger noe av det som nå er begrenset (profilen, abonnementet og adgangen gjennom Unloc). Vi lar abonnementet løpe videre med adgang og fakturaer fordi du selv bruker det, og regner det som ditt samtykke til denne bruken (personvernforordningen artikkel 18 nr. 2). Vil du ikke det, kan du sette abonnementet på pause eller si det opp, så stopper også denne bruken.',
            nn: `Abonnementet ditt: Du har eit aktivt abonnement, og det treng noko av det som no er avgrensa (profilen, abonnementet og tilgangen gjennom Unloc). Vi lèt abonnementet halde fram med tilgang og fakturaer fordi du sjølv bruker det, og reknar det som samtykket ditt til denne bruken (${gdpr({ number: 18, paragraph: 2 }).nn}). Vil du ikkje det, kan du setje abonnementet på pause eller seie det opp, så stoppar også denne bruken.`,
            en: 'Your subscription: You have an active subscription, and it needs some of what is now restricted (your profile, the subscription and access through Unloc). We keep the subscription running, with access and invoices, because you use it yourself, and we take that as your consent to this use (Article 18(2) of the General Data Protection Regulation). If you do not want this, you can pause or cancel the subscription, and this use stops too.',
          }
        : {
            nb: 'Abonnementet ditt: Begrensningen gjelder ikke det abonnementet trenger, så det fortsetter som før.',
            nn: 'Abonnementet ditt: Avgrensinga gjeld ikkje det abonnementet treng, så det held fram som før.',
            en: 'Your subscription: The restriction does not cover what your subscription needs, so it continues as before.',
          },
    );
  }
  lines.push({
    nb: 'Vi gir deg beskjed før begrensningen oppheves (personvernforordningen artikkel 18 nr. 3).',
    nn: `Vi gjev deg beskjed før avgrensinga blir oppheva (${gdpr({ number: 18, paragraph: 3 }).nn}).`,
    en: 'We will tell you before the restriction is lifted (Article 18(3) of the General Data Protection Regulation).',
  });
  return lines.map((line) => line[language]);
}

type Person = Pick<RightsRequest, 'id' | 'language' | 'requester'>;

/** Art. 18(3): the notice the person gets before a restriction is lifted, with staff's reason. */
export function restrictionLiftLetter(request: Person, restriction: Pick<Restriction, 'ground' | 'scope'>, reason: string): Letter {
  const language = request.language;
  const scope = categories(restriction.scope, language);
  const ground = RESTRICTION_GROUND_TEXT[restriction.ground];
  const text: Localised[] = [
    { nb: `Hei ${request.requester.name},`, nn: `Hei ${request.requester.name},`, en: `Dear ${request.requester.name},` },
    BLANK,
    {
      nb: `Vi har begrenset behandlingen av opplysningene dine (${scope}) etter personvernforordningen artikkel 18 nr. 1 bokstav ${restriction.ground}, fordi ${ground.nb}.`,
      nn: `Vi har avgrensa behandlinga av opplysningane dine (${scope}) etter ${gdpr({ number: 18, paragraph: 1, point: restriction.ground }).nn}, fordi ${ground.nn}.`,
      en: `We restricted the processing of your data (${scope}) under Article 18(1)(${restriction.ground}) of the General Data Protection Regulation, because ${ground.en}.`,
    },
    {
      nb: 'Vi opphever nå begrensningen. Etter personvernforordningen artikkel 18 nr. 3 skal du få vite det før den oppheves, og det er derfor du får dette brevet. Deretter behandler vi opplysningene igjen slik personvernerklæringen vår beskriver.',
      nn: `Vi opphevar no avgrensinga. Etter ${gdpr({ number: 18, paragraph: 3 }).nn} skal du få vite det før ho blir oppheva, og det er difor du får dette brevet. Deretter behandlar vi opplysningane igjen slik personvernerklæringa vår skildrar.`,
      en: 'We are now lifting the restriction. Under Article 18(3) of the General Data Protection Regulation you are to be told before it is lifted, which is why you receive this letter. After that we process the data again as our privacy notice describes.',
    },
    BLANK,
    { nb: `Begrunnelse: ${reason}`, nn: `Grunngiving: ${reason}`, en: `Reason (from our case handler, in Norwegian): ${reason}` },
    BLANK,
    {
      nb: `Er du uenig, ta kontakt med oss. ${REMEDIES.nb}`,
      nn: `Er du usamd, ta kontakt med oss. ${REMEDIES.nn}`,
      en: `If you disagree, please contact us. ${REMEDIES.en}`,
    },
    BLANK,
    SIGNATURE,
  ];
  return {
    subject: {
      nb: `Begrensningen av behandlingen oppheves – referanse ${request.id}`,
      nn: `Avgrensinga av behandlinga blir oppheva – referanse ${request.id}`,
      en: `The restriction of processing is being lifted – reference ${request.id}`,
    }[language],
    text: text.map((line) => line[language]).join('\n'),
  };
}

/**
 * Art. 18(1)(a): the person asked for a correction that we dispute; while we verify the data, we
 * restrict them and say so, with staff's reason and that we will tell them before lifting it.
 */
export function disputedCorrectionLetter(request: Person, scope: Restriction['scope'], reason: string): Letter {
  const language = request.language;
  const what = categories(scope, language);
  const text: Localised[] = [
    { nb: `Hei ${request.requester.name},`, nn: `Hei ${request.requester.name},`, en: `Dear ${request.requester.name},` },
    BLANK,
    {
      nb: 'Du har bedt oss rette opplysninger om deg. Vi er ikke sikre på at opplysningene vi har er feil, og må undersøke dette nærmere før vi avgjør saken.',
      nn: 'Du har bede oss rette opplysningar om deg. Vi er ikkje sikre på at opplysningane vi har, er feil, og må undersøkje dette nærare før vi avgjer saka.',
      en: 'You have asked us to correct data about you. We are not certain that the data we hold are wrong, and need to verify this before we decide.',
    },
    {
      nb: `Mens vi undersøker, har vi begrenset behandlingen av ${what} (personvernforordningen artikkel 18 nr. 1 bokstav a): vi lagrer opplysningene, men bruker dem ikke til noe annet, med mindre du samtykker eller det trengs for et rettskrav.`,
      nn: `Medan vi undersøkjer, har vi avgrensa behandlinga av ${what} (${gdpr({ number: 18, paragraph: 1, point: 'a' }).nn}): vi lagrar opplysningane, men bruker dei ikkje til noko anna, med mindre du samtykkjer eller det trengst for eit rettskrav.`,
      en: `While we verify, we have restricted the processing of ${what} (Article 18(1)(a) of the General Data Protection Regulation): we store the data but use them for nothing else, unless you consent or they are needed for a legal claim.`,
    },
    BLANK,
    { nb: `Begrunnelse: ${reason}`, nn: `Grunngiving: ${reason}`, en: `Reason (from our case handler, in Norwegian): ${reason}` },
    BLANK,
    {
      nb: 'Du får svar på henvendelsen når vi har undersøkt saken, og vi gir deg beskjed før begrensningen oppheves (personvernforordningen artikkel 18 nr. 3).',
      nn: `Du får svar på førespurnaden når vi har undersøkt saka, og vi gjev deg beskjed før avgrensinga blir oppheva (${gdpr({ number: 18, paragraph: 3 }).nn}).`,
      en: 'You will get our answer when we have verified the matter, and we will tell you before the restriction is lifted (Article 18(3) of the General Data Protection Regulation).',
    },
    BLANK,
    SIGNATURE,
  ];
  return {
    subject: {
      nb: `Vi undersøker rettingen du ba om – referanse ${request.id}`,
      nn: `Vi undersøkjer rettinga du bad om – referanse ${request.id}`,
      en: `We are verifying the correction you asked for – reference ${request.id}`,
    }[language],
    text: text.map((line) => line[language]).join('\n'),
  };
}
