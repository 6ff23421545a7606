import type { Letter } from './letter.js';
import type { Language } from '../request/request-vocabulary.js';
import type { RepresentativeRelation } from '../request/representative.js';
import type { RightsRequest } from '../request/rights-request.js';
import { mandateState } from '../request/mandate-rules.js';

/** The representative's role as the letter names it to them. */
const RELATION_WORDS: Readonly<Record<Language, Record<RepresentativeRelation, string>>> = {
  nb: { parent: 'forelder', guardian: 'verge', lawyer: 'advokat', other: 'fullmektig' },
  nn: { parent: 'forelder', guardian: 'verje', lawyer: 'advokat', other: 'fullmektig' },
  en: { parent: 'parent', guardian: 'guardian', lawyer: 'lawyer', other: 'authorised representative' },
};

const ON_BEHALF: Readonly<Record<Language, (subject: string, relation: string) => string>> = {
  nb: (subject, relation) =>
    `Du har spurt på vegne av ${subject} som ${relation}. Dette brevet gjelder opplysningene om ${subject}, og vi sender det til deg på vegne av ${subject}.`,
  nn: (subject, relation) =>
    `Du har spurt på vegner av ${subject} som ${relation}. Dette brevet gjeld opplysningane om ${subject}, og vi sender det til deg på vegner av ${subject}.`,
  en: (subject, relation) =>
    `You asked on behalf of ${subject} as their ${relation}. This letter concerns the personal data about ${subject}, and we send it to you on behalf of ${subject}.`,
};

/** Said until staff accepted a mandate: nothing is given out or changed before that. */
const MANDATE_NEEDED: Readonly<Record<Language, string>> = {
  nb: 'Før vi kan gi ut eller endre noe, trenger vi en skriftlig fullmakt som viser at du kan handle for personen (for et barn: det som viser at du har foreldreansvar). Send den til naerkontor@obos.no eller i posten, og skriv referansen på den.',
  nn: 'Før vi kan gje ut eller endre noko, treng vi ei skriftleg fullmakt som viser at du kan handle for personen (for eit barn: det som viser at du har foreldreansvar). Send ho til naerkontor@obos.no eller i posten, og skriv referansen på ho.',
  en: 'Before we can give out or change anything, we need a written mandate showing that you may act for the person (for a child: what shows that you have parental responsibility). Send it to naerkontor@obos.no or by post, marked with the reference.',
};

const GREETING = /^(Hei|Dear|Hello)\b[^\n]*\n\n/;

/**
 * A letter to a representative says at the top, after the greeting, whose data it is about and
 * that it goes to them on that person's behalf; until a mandate is accepted it also says one is
 * needed. A letter of a request the data subject made themselves is returned unchanged.
 */
export function withOnBehalfNote(
  request: Pick<RightsRequest, 'representative' | 'mandate' | 'types' | 'requester' | 'language'>,
  letter: Letter,
  today: string,
): Letter {
  const representative = request.representative;
  if (!representative) return letter;
  const language = request.language;
  const note = [
    ON_BEHALF[language](request.requester.name, RELATION_WORDS[language][representative.relation]),
    ...(mandateState(request, today) === 'accepted' ? [] : [MANDATE_NEEDED[language]]),
  ].join(' ');
  const greeting = GREETING.exec(letter.text)?.[0] ?? '';
  return { ...letter, text: `${greeting}${note}\n\n${letter.text.slice(greeting.length)}` };
}

/**
 * Said in the identity code letter to the data subject when someone else made the request: the
 * code is what lets the representative act, so the person learns that someone asks for them. The
 * representative's name is not repeated (a stranger may have typed it; this address never asked).
 */
const CODE_FOR_REPRESENTATIVE: Readonly<Record<Language, string>> = {
  nb: 'Denne forespørselen er sendt av noen som sier at de handler på dine vegne (forelder, verge, advokat eller annen fullmektig). Gi koden videre bare hvis du vil at de skal få svaret på dine vegne. Har du ikke gitt noen fullmakt, kan du kontakte oss på naerkontor@obos.no.',
  nn: 'Denne førespurnaden er send av nokon som seier at dei handlar på dine vegner (forelder, verje, advokat eller annan fullmektig). Gje koden vidare berre viss du vil at dei skal få svaret på dine vegner. Har du ikkje gjeve nokon fullmakt, kan du kontakte oss på naerkontor@obos.no.',
  en: 'This request was sent by someone who says they act on your behalf (a parent, guardian, lawyer or other authorised person). Pass the code on only if you want them to receive the answer on your behalf. If you have not authorised anyone, contact us at naerkontor@obos.no.',
};

/** The identity code letter to the data subject of a representative's request, with {@link CODE_FOR_REPRESENTATIVE}. */
export function withCodeForRepresentativeNote(request: Pick<RightsRequest, 'representative' | 'language'>, letter: Letter): Letter {
  if (!request.representative) return letter;
  const greeting = GREETING.exec(letter.text)?.[0] ?? '';
  return { ...letter, text: `${greeting}${CODE_FOR_REPRESENTATIVE[request.language]}\n\n${letter.text.slice(greeting.length)}` };
}
