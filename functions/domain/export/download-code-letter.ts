import { greetingLine, provenName } from '../letters/letter.js';
import { SIGNATURE, type Letter } from '../letters/letter.js';
import type { RightsRequest } from '../request/rights-request.js';
import { DOWNLOAD_CODE_MINUTES } from './download-code-store.js';
import { formatCalendarDate } from '../letter-format/format-calendar-date.js';

/**
 * The mail with a one-time code for the download page. It holds the code and the reference only:
 * the data stay behind the page. A code that goes by post (`byPost`: a requester without e-mail,
 * e.g. one who asked for portability and wants the machine-readable file) cannot be typed within
 * minutes of sending: it works until the last day of the download window, and the letter says so.
 */
export function downloadCodeLetter(
  request: Pick<RightsRequest, 'id' | 'language' | 'requester'>,
  code: string,
  { byPost }: { readonly byPost?: { readonly lastDay: string } } = {},
): Letter {
  const until = byPost ? formatCalendarDate(byPost.lastDay, request.language) : undefined;
  if (request.language === 'en') {
    return {
      subject: `Your one-time code for downloading your data – reference ${request.id}`,
      text: [
        greetingLine('en', provenName(request)),
        '',
        `Your one-time code is: ${code}`,
        '',
        until
          ? `Enter it on the download page; it works until ${until} inclusive. Never give the code to anyone: we will never ask you for it.`
          : `Enter it on the download page within ${DOWNLOAD_CODE_MINUTES} minutes. Never give the code to anyone: we will never ask you for it.`,
        '',
        `If you did not ask for a code, someone may have the link to your download page. They cannot open it without the code; you can ignore this ${until ? 'letter' : 'e-mail'}, or contact us if it happens again.`,
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
        until
          ? `Skriv han inn på nedlastingssida. Han verkar til og med ${until}. Ikkje gje koden til nokon: vi kjem aldri til å be deg om han.`
          : `Skriv han inn på nedlastingssida innan ${DOWNLOAD_CODE_MINUTES} minutt. Ikkje gje koden til nokon: vi kjem aldri til å be deg om han.`,
        '',
        `Dersom du ikkje bad om ein kode, kan nokon ha lenkja til nedlastingssida di. Dei kan ikkje opne ho utan koden. Du kan sjå bort frå ${until ? 'dette brevet' : 'denne e-posten'}, eller kontakte oss dersom det skjer igjen.`,
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
      until
        ? `Skriv den inn på nedlastingssiden. Den virker til og med ${until}. Ikke gi koden til noen: vi kommer aldri til å be deg om den.`
        : `Skriv den inn på nedlastingssiden innen ${DOWNLOAD_CODE_MINUTES} minutter. Ikke gi koden til noen: vi kommer aldri til å be deg om den.`,
      '',
      `Hvis du ikke ba om en kode, kan noen ha lenken til nedlastingssiden din. De kan ikke åpne den uten koden. Du kan se bort fra ${until ? 'dette brevet' : 'denne e-posten'}, eller kontakte oss hvis det skjer igjen.`,
      '',
      SIGNATURE.nb,
    ].join('\n'),
  };
}
