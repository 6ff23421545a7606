import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../../functions/domain/inbox/recognition/detect-language.js';
import { messageWords } from '../../../functions/domain/inbox/recognition/message-words.js';

const language = (text: string) => detectLanguage(messageWords(text));

describe('detectLanguage', () => {
  it.each([
    ['nb', 'Hei, jeg vil gjerne vite hva dere har lagret om meg. Mvh Kari'],
    ['nb', 'slett meg fra nyhetsbrevet deres takk'],
    ['nn', 'Hei, eg vil vite kva de har lagra om meg og korleis eg får ein kopi.'],
    ['nn', 'Ikkje send meg fleire SMS-ar frå dykk.'],
    ['sv', 'Hej! Jag vill att ni raderar mina uppgifter, jag är inte kund längre.'],
    ['sv', 'vad har ni för uppgifter om mig och hur länge sparar ni dem'],
    ['da', 'Hej. Jeg vil gerne have, at I sletter alle mine oplysninger. Venlig hilsen'],
    ['da', 'Hvad har I registreret om mig, og hvor længe gemmer I det?'],
    ['en', 'Please delete my data, I have moved abroad and will not be back.'],
    ['en', "Hi, I'd like a copy of the personal data you hold about me."],
  ])('recognises %s in "%s"', (expected, text) => {
    expect(language(text)).toBe(expected);
  });

  it('answers bokmål when there is too little to tell', () => {
    expect(language('OK')).toBe('nb');
    expect(language('')).toBe('nb');
  });

  it('tells bokmål from Danish by their own spellings', () => {
    expect(language('Jeg ønsker ikke flere opplysninger fra dere')).toBe('nb');
    expect(language('Jeg ønsker ikke flere oplysninger fra jer')).toBe('da');
  });
});
