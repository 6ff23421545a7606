import type { Language } from '../request/request-vocabulary.js';

/** A rendered letter: subject and plain-text body, in one language. */
export interface Letter {
  readonly subject: string;
  readonly text: string;
}

export const SIGNATURE = {
  nb: 'Vennlig hilsen\nOBOS Nærkontor AS\nnaerkontor@obos.no · tlf. 934 20 183\nPostboks 6666 St Olavs Plass, 0129 OSLO',
  nn: 'Vennleg helsing\nOBOS Nærkontor AS\nnaerkontor@obos.no · tlf. 934 20 183\nPostboks 6666 St Olavs Plass, 0129 OSLO',
  en: 'Kind regards\nOBOS Nærkontor AS\nnaerkontor@obos.no · phone +47 934 20 183\nPostboks 6666 St Olavs Plass, 0129 OSLO, Norway',
} as const;

/** Art. 12(4): whenever we do not do all that was asked, the requester must learn both remedies. */
export const REMEDIES = {
  nb:
    'Du har rett til å klage til Datatilsynet (www.datatilsynet.no, Postboks 458 Sentrum, 0105 Oslo) ' +
    'og til å bringe saken inn for domstolene.',
  nn:
    'Du har rett til å klage til Datatilsynet (www.datatilsynet.no, Postboks 458 Sentrum, 0105 Oslo) ' +
    'og til å bringe saka inn for domstolane.',
  en:
    'You have the right to lodge a complaint with the Norwegian Data Protection Authority, Datatilsynet ' +
    '(www.datatilsynet.no, Postboks 458 Sentrum, 0105 Oslo, Norway), and to take the matter to court.',
} as const;

/**
 * The name a letter may greet its reader by: the one typed on the form, but only once the address
 * the letters go to has proved itself (a code mailed there was entered). Until then anyone could
 * have typed it, so no text a stranger wrote is mailed to an address that never asked for it.
 */
export function provenName(request: {
  readonly requester: { readonly name: string };
  readonly verification?: { readonly status: string; readonly subject?: string; readonly method?: string };
  readonly representative?: unknown;
}): string | undefined {
  // A representative reads the letter: the data subject's name is not theirs to be greeted by.
  if (request.representative) return undefined;
  const verification = request.verification;
  const proven = verification?.status === 'verified' && verification.subject === 'address' && verification.method === 'code';
  return proven ? request.requester.name : undefined;
}

/** `Hei Kari,` with a name the letter may use, else `Hei,` (bokmål and nynorsk alike; in English `Dear Kari,` / `Hello,`). */
export function greetingLine(language: Language, name: string | undefined): string {
  const trimmed = name?.trim();
  if (language === 'en') return trimmed ? `Dear ${trimmed},` : 'Hello,';
  return trimmed ? `Hei ${trimmed},` : 'Hei,';
}
