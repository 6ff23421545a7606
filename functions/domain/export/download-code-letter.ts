import { greetingLine, provenName } from '../letters/letter.js';
import { SIGNATURE, type Letter } from '../letters/letter.js';
import type { RightsRequest } from '../request/rights-request.js';
import { DOWNLOAD_CODE_MINUTES } from './download-code-store.js';

/**
 * The mail with a one-time code for the download page. It holds the code and the reference only:
 * the data stay behind the page.
 */
export function downloadCodeLetter(request: Pick<RightsRequest, 'id' | 'language' | 'requester'>, code: string): Letter {
  if (request.language === 'en') {
    return {
      subject: `Your one-time code for downloading your data – reference ${request.id}`,
      text: [
        greetingLine('en', provenName(request)),
        '',
        `Your one-time code is: ${code}`,
        '',
        `Enter it on the download page within ${DOWNLOAD_CODE_MINUTES} minutes. Never give the code to anyone: we will never ask you for it.`,
        '',
        'If you did not ask for a code, someone may have the link to your download page. They cannot open it without the code; you can ignore this e-mail, or contact us if it happens again.',
        '',
        SIGNATURE.en,
      ].join('\n'),
    };
  }
  if (request.language === 'nn') {
    return {
      subject: `Eingongskode for å laste ned opplysningane dine – referanse ${request.id}`,
      text: [
        greetingLine('nn', provenName(request)),
        '',
        `Eingongskoden din er: ${code}`,
        '',
        `Skriv han inn på nedlastingssida innan ${DOWNLOAD_CODE_MINUTES} minutt. Ikkje gje koden til nokon: vi kjem aldri til å be deg om han.`,
        '',
        'Dersom du ikkje bad om ein kode, kan nokon ha lenkja til nedlastingssida di. Dei kan ikkje opne ho utan koden. Du kan sjå bort frå denne e-posten, eller kontakte oss dersom det skjer igjen.',
        '',
        SIGNATURE.nn,
      ].join('\n'),
    };
  }
  return {
    subject: `Engangskode for å laste ned opplysningene dine – referanse ${request.id}`,
    text: [
      greetingLine('nb', provenName(request)),
      '',
      `Engangskoden din er: ${code}`,
      '',
      `Skriv den inn på nedlastingssiden innen ${DOWNLOAD_CODE_MINUTES} minutter. Ikke gi koden til noen: vi kommer aldri til å be deg om den.`,
      '',
      'Hvis du ikke ba om en kode, kan noen ha lenken til nedlastingssiden din. De kan ikke åpne den uten koden. Du kan se bort fra denne e-posten, eller kontakte oss hvis det skjer igjen.',
      '',
      SIGNATURE.nb,
    ].join('\n'),
  };
}
