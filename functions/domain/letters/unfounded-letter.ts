import { requestTypeLabel } from '../request/request-type-labels.js';
import type { RightsRequest } from '../request/rights-request.js';
import { formatCalendarDate } from '../letter-format/format-calendar-date.js';
import { gdpr } from '../letter-format/legal-citations.js';
import { REMEDIES, SIGNATURE, type Letter, greetingLine, provenName } from './letter.js';

type Input = Pick<RightsRequest, 'id' | 'types' | 'language' | 'requester' | 'receiptDate'>;

/** The two grounds on which Art. 12(5)(b) lets us refuse to act on a request at all. */
export type UnfoundedGround = 'manifestly_unfounded' | 'excessive';

/** The grounds in the words of the regulation's official texts ("åpenbart grunnløse eller urimelige"). */
const GROUND = {
  manifestly_unfounded: { nb: 'åpenbart grunnløs', nn: 'openbert grunnlaus', en: 'manifestly unfounded' },
  excessive: { nb: 'urimelig', nn: 'urimeleg', en: 'excessive' },
} as const;

/**
 * The answer when staff close a request as manifestly unfounded or excessive. Art. 12(5) puts the
 * burden of showing that on us, so the letter quotes the reason staff wrote; Art. 12(4) requires
 * the reasons, the right to complain to Datatilsynet and the right to go to court. It also says
 * that a new request is welcome: the refusal is of this request, not of the person's rights.
 */
export function unfoundedLetter(request: Input, ground: UnfoundedGround, reason: string): Letter {
  const rights = request.types.map((type) => `  • ${requestTypeLabel(type, request.language)}`).join('\n');
  const received = formatCalendarDate(request.receiptDate, request.language);
  if (request.language === 'en') {
    return {
      subject: `Answer to your request – reference ${request.id}`,
      text: [
        greetingLine('en', provenName(request)),
        '',
        `We have considered your request of ${received} (reference ${request.id}):`,
        rights,
        '',
        `We have concluded that the request is ${GROUND[ground].en}. Article 12(5) of the General Data Protection Regulation allows us to refuse to act on a request that is manifestly unfounded or excessive, in particular because of its repetitive character. We will therefore not take any action on the request, and we have closed it.`,
        '',
        'Our reasons are:',
        `“${reason}”`,
        '',
        REMEDIES.en,
        '',
        'You can send a new request at any time, using the form on our website or by e-mail to naerkontor@obos.no. We consider every request on its own merits.',
        '',
        SIGNATURE.en,
      ].join('\n'),
    };
  }
  if (request.language === 'nn') {
    return {
      subject: `Svar på førespurnaden din – referanse ${request.id}`,
      text: [
        greetingLine('nn', provenName(request)),
        '',
        `Vi har vurdert førespurnaden din av ${received} (referanse ${request.id}):`,
        rights,
        '',
        `Vi har kome til at førespurnaden er ${GROUND[ground].nn}. Etter ${gdpr({ number: 12, paragraph: 5 }).nn} har vi rett til å nekte å etterkome ein førespurnad som er openbert grunnlaus eller urimeleg, særleg fordi han blir gjenteken. Vi kjem difor ikkje til å gjere noko med førespurnaden, og vi har avslutta han.`,
        '',
        'Grunngivinga vår er:',
        `«${reason}»`,
        '',
        REMEDIES.nn,
        '',
        'Du kan sende ein ny førespurnad når som helst, i skjemaet på nettsidene våre eller på e-post til naerkontor@obos.no. Vi vurderer kvar førespurnad for seg.',
        '',
        SIGNATURE.nn,
      ].join('\n'),
    };
  }
  return {
    subject: `Svar på henvendelsen din – referanse ${request.id}`,
    text: [
      greetingLine('nb', provenName(request)),
      '',
      `Vi har vurdert henvendelsen din av ${received} (referanse ${request.id}):`,
      rights,
      '',
      `Vi har kommet til at henvendelsen er ${GROUND[ground].nb}. Personvernforordningen artikkel 12 nr. 5 gir oss rett til å nekte å etterkomme en henvendelse som er åpenbart grunnløs eller urimelig, særlig fordi den gjentas. Vi kommer derfor ikke til å gjøre noe med henvendelsen, og vi har avsluttet den.`,
      '',
      'Begrunnelsen vår er:',
      `«${reason}»`,
      '',
      REMEDIES.nb,
      '',
      'Du kan sende en ny henvendelse når som helst, i skjemaet på nettsidene våre eller på e-post til naerkontor@obos.no. Vi vurderer hver henvendelse for seg.',
      '',
      SIGNATURE.nb,
    ].join('\n'),
  };
}
