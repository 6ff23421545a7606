import type { RightsRequest } from '../request/rights-request.js';
import { SIGNATURE, type Letter, greetingLine, provenName } from './letter.js';

type Input = Pick<RightsRequest, 'id' | 'language' | 'requester'>;

/**
 * Tells the sender of a duplicate request that it is handled together with a request we already
 * have, and that this reference is closed. `targetReference` names the other request and must be
 * given only when it was sent by the same person (same e-mail address): naming someone else's case
 * would tell this reader that it exists. Without it, the letter says where the answer goes and asks
 * the person to tell us if the merge is wrong.
 */
export function mergedLetter(request: Input, targetReference?: string): Letter {
  if (request.language === 'en') {
    const together = targetReference
      ? [
          `Your request with reference ${request.id} concerns the same matter as your request with reference ${targetReference}, which we are already handling. So that you get one complete answer, we will handle them together and have closed reference ${request.id}.`,
          '',
          `You will receive our answer to both under reference ${targetReference}. Please use that reference if you contact us.`,
        ]
      : [
          `Your request with reference ${request.id} concerns the same matter as a request we are already handling. So that there is one complete answer, we will handle them together and have closed reference ${request.id}.`,
          '',
          'The answer will be sent to the e-mail address given in the request we are already handling.',
        ];
    return {
      subject: `Your request is handled together with another – reference ${request.id}`,
      text: [
        greetingLine('en', provenName(request)),
        '',
        ...together,
        '',
        'If you think this is a mistake, or you did not send another request, reply to this e-mail or write to naerkontor@obos.no and we will look at it again. You can also send a new request at any time.',
        '',
        SIGNATURE.en,
      ].join('\n'),
    };
  }
  const together = targetReference
    ? [
        `Henvendelsen din med referanse ${request.id} gjelder det samme som henvendelsen din med referanse ${targetReference}, som vi allerede behandler. For at du skal få ett samlet svar, behandler vi dem sammen og har avsluttet referanse ${request.id}.`,
        '',
        `Du får svaret på begge under referanse ${targetReference}. Bruk gjerne den referansen hvis du kontakter oss.`,
      ]
    : [
        `Henvendelsen din med referanse ${request.id} gjelder det samme som en henvendelse vi allerede behandler. For at det skal bli ett samlet svar, behandler vi dem sammen og har avsluttet referanse ${request.id}.`,
        '',
        'Svaret sendes til e-postadressen som er oppgitt i henvendelsen vi allerede behandler.',
      ];
  return {
    subject: `Henvendelsen din behandles sammen med en annen – referanse ${request.id}`,
    text: [
      greetingLine('nb', provenName(request)),
      '',
      ...together,
      '',
      'Mener du at dette er feil, eller har du ikke sendt en annen henvendelse, kan du svare på denne e-posten eller skrive til naerkontor@obos.no, så ser vi på saken på nytt. Du kan også sende en ny henvendelse når som helst.',
      '',
      SIGNATURE.nb,
    ].join('\n'),
  };
}
