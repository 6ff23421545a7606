import type { RightsRequest } from '../request/rights-request.js';
import { formatCalendarDate } from '../letter-format/format-calendar-date.js';
import { SIGNATURE, type Letter, greetingLine, provenName } from './letter.js';

type Input = Pick<RightsRequest, 'id' | 'language' | 'requester'>;

/** Where the one answer to both requests goes, and by when. */
export interface MergedAnswer {
  /** The reference of the case that goes on and answers both. */
  readonly reference: string;
  /** The e-mail address that case's answer is sent to. */
  readonly email: string;
  /** That case's due date (`YYYY-MM-DD`), after the merge. */
  readonly dueDate: string;
}

/**
 * Tells the sender of a duplicate request that it is answered together with another request of
 * theirs, and that this reference is closed: which reference the answer comes under, which e-mail
 * address it goes to and by when, and that everything asked for in both is answered. Only sent
 * when the two requests have the same requester, or staff confirmed they are the same person, so
 * naming the other case and its address tells this reader nothing about anyone else.
 */
export function mergedLetter(request: Input, answer: MergedAnswer): Letter {
  const due = formatCalendarDate(answer.dueDate, request.language);
  if (request.language === 'en') {
    return {
      subject: `Your request is handled together with another – reference ${request.id}`,
      text: [
        greetingLine('en', provenName(request)),
        '',
        `Your request with reference ${request.id} concerns the same matter as your request with reference ${answer.reference}, which we are already handling. So that you get one complete answer, we will handle them together under reference ${answer.reference} and have closed reference ${request.id}. Everything you asked for in both requests will be answered.`,
        '',
        `We will send the answer by e-mail to ${answer.email} no later than ${due}. Please use reference ${answer.reference} if you contact us.`,
        '',
        'If you think this is a mistake, or you did not send the other request, reply to this e-mail or write to naerkontor@obos.no and we will look at it again. You can also send a new request at any time.',
        '',
        SIGNATURE.en,
      ].join('\n'),
    };
  }
  if (request.language === 'nn') {
    return {
      subject: `Førespurnaden din blir handsama saman med ein annan – referanse ${request.id}`,
      text: [
        greetingLine('nn', provenName(request)),
        '',
        `Førespurnaden din med referanse ${request.id} gjeld det same som førespurnaden din med referanse ${answer.reference}, som vi alt handsamar. For at du skal få eitt samla svar, handsamar vi dei saman under referanse ${answer.reference} og har avslutta referanse ${request.id}. Alt du bad om i begge førespurnadene, får du svar på.`,
        '',
        `Vi sender svaret på e-post til ${answer.email} seinast ${due}. Bruk referanse ${answer.reference} dersom du kontaktar oss.`,
        '',
        'Meiner du at dette er feil, eller har du ikkje sendt den andre førespurnaden, kan du svare på denne e-posten eller skrive til naerkontor@obos.no, så ser vi på saka på nytt. Du kan også sende ein ny førespurnad når som helst.',
        '',
        SIGNATURE.nn,
      ].join('\n'),
    };
  }
  return {
    subject: `Henvendelsen din behandles sammen med en annen – referanse ${request.id}`,
    text: [
      greetingLine('nb', provenName(request)),
      '',
      `Henvendelsen din med referanse ${request.id} gjelder det samme som henvendelsen din med referanse ${answer.reference}, som vi allerede behandler. For at du skal få ett samlet svar, behandler vi dem sammen under referanse ${answer.reference} og har avsluttet referanse ${request.id}. Alt du ba om i begge henvendelsene, får du svar på.`,
      '',
      `Vi sender svaret på e-post til ${answer.email} senest ${due}. Bruk referanse ${answer.reference} hvis du kontakter oss.`,
      '',
      'Mener du at dette er feil, eller har du ikke sendt den andre henvendelsen, kan du svare på denne e-posten eller skrive til naerkontor@obos.no, så ser vi på saken på nytt. Du kan også sende en ny henvendelse når som helst.',
      '',
      SIGNATURE.nb,
    ].join('\n'),
  };
}
