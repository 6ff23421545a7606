import type { MessageLanguage } from '../inbound-message.js';

/**
 * Function words and characteristic spellings per language, with how much each tells. Words the
 * Scandinavian languages share ("og", "er", "til") weigh little; words only one of them writes weigh
 * most: nynorsk "eg/ikkje/kva/korleis/dykk/frå/berre", Swedish "jag/inte/och/hur/vad", Danish
 * "jer/af/hvad/venlig/oplysninger", bokmål "jeg/hva/dere/opplysninger".
 */
export const LANGUAGE_WORDS: Readonly<Record<MessageLanguage, Readonly<Record<string, number>>>> = {
  nb: {
    jeg: 2, ikke: 1.5, hva: 3, meg: 1.5, dere: 3, deres: 2, hvordan: 1.5, hvilke: 1, noe: 2.5, noen: 2.5, nå: 2,
    etter: 1.5, gjerne: 2.5, takk: 2, vennlig: 3, vennligst: 3, blir: 1.5, ble: 2, mye: 2, veldig: 2, hei: 1.5,
    opplysninger: 3, opplysningene: 3, personopplysninger: 3, slette: 2, slett: 2, sletter: 1, ønsker: 1.5,
    å: 1, sånn: 2, egentlig: 2, egentli: 2, bare: 1.5, fikk: 2, lenger: 2, ennå: 2, enn: 1, hun: 1.5, hennes: 2,
    være: 0.5, vært: 1.5, også: 0.5, hvor: 1, hvis: 0.5, kunne: 0.5, skal: 0.3, mitt: 0.5, min: 0.3, mine: 0.3,
    dette: 0.5, bruker: 1, brukes: 1.5, fått: 1, mvh: 1, hilsen: 0.5, uke: 2, uken: 2, måned: 2, hele: 1, kan: 0.2,
    og: 0.3, det: 0.2, er: 0.2, på: 0.3, til: 0.2, for: 0.2, med: 0.2, om: 0.2, har: 0.2, vil: 0.3, fra: 1,
    eller: 0.3, men: 0.3, vi: 0.3, jo: 1, ut: 0.5, inn: 1, så: 0.3, selv: 1, ingen: 1, trenger: 1.5, hverandre: 2,
    ber: 1.5, spør: 2, sier: 2, gjør: 2, når: 1, hvorfor: 1, tror: 0.5,
  },
  nn: {
    eg: 4, ikkje: 5, kva: 4, korleis: 5, kven: 4, kvifor: 4, dykk: 5, dykkar: 5, frå: 4, berre: 3, ein: 3, eit: 3,
    ho: 3, noko: 4, nokon: 4, mykje: 4, vere: 3, vore: 3, heiter: 3, helsing: 3, venleg: 4, opplysningar: 5,
    opplysningane: 5, slettar: 4, ønskjer: 5, treng: 3, skriv: 1.5, dei: 3, hjå: 4, òg: 4, sidan: 3, fekk: 4,
    gjere: 4, seinare: 3, personar: 4, klokka: 2, tek: 3, anna: 2, ver: 2, ringje: 4, fleire: 4, tilbod: 4,
    kampanjar: 4, vegner: 4, nyheitsbrev: 5, nyheitsbrevet: 5, sms: 0, dotter: 1.5, henne: 1, lagra: 2,
    flytta: 1.5, adressa: 2, gonger: 4, same: 2, éin: 3, betale: 0.5, slutta: 2, stadfesting: 4, les: 1,
    me: 0.5, no: 0.5, då: 1, veit: 3, sjå: 3, mi: 1.5, korfor: 3, høyrer: 3, studerer: 0.5, utlandet: 0.5,
  },
  sv: {
    jag: 5, inte: 4, och: 4, hur: 3, vad: 3, mig: 1.5, mina: 3, dina: 3, uppgifter: 5, personuppgifter: 5, är: 4,
    att: 2, för: 2, vill: 1.5, ni: 2, tack: 4, hälsningar: 5, hälsning: 5, hej: 1.5, radera: 4, raderar: 4,
    också: 4, skulle: 2, ska: 1.5, från: 4, någon: 4, något: 4, inga: 3, utan: 3, mycket: 4, sedan: 3, sen: 1,
    egentligen: 3, längre: 4, använder: 4, vara: 3, varit: 3, fick: 3, mejl: 4, kund: 1, kunds: 3, ert: 3, era: 3,
    vänliga: 5, vänlig: 5, föräldraledig: 4, läser: 4, honom: 4, härmed: 4, enligt: 4, över: 3, samtliga: 4,
    begär: 4, begäran: 4, ärende: 4, ärenden: 4, känns: 4, mitt: 0.5, efter: 1, bra: 0.5, här: 3, får: 1,
    detta: 3, eftersom: 4, du: 0.3, dig: 1, kan: 0.2, med: 0.2, om: 0.2, till: 1, av: 0.3, har: 0.2, det: 0.2,
    den: 0.2, hos: 0.5, men: 0.3, ett: 3, en: 0.2, på: 0.3, vi: 0.3, när: 3, så: 0.3, oss: 2, rätta: 3,
  },
  da: {
    jer: 5, jeres: 5, af: 4, hvad: 4, venlig: 5, venligst: 5, tak: 3, oplysninger: 5, oplysningerne: 5,
    personoplysninger: 5, slet: 4, gerne: 3, nu: 3, efter: 2, noget: 4, nogen: 4, meget: 4, bliver: 4, mig: 1.5,
    dig: 1.5, kontorplads: 4, havde: 4, hende: 3, mødelokale: 4, modtaget: 4, forkert: 4, rigtige: 4, næste: 3,
    anmoder: 4, hermed: 3, lige: 3, bruger: 2, bruge: 3, tilbage: 4, kære: 4, selvom: 4, ærligt: 4, længe: 4,
    gemmer: 4, øvrigt: 4, medarbejdere: 5, medarbejder: 5, vores: 5, formoder: 4, sted: 1, hen: 1.5, også: 0.5,
    jeg: 1, ikke: 1, at: 1.5, og: 0.3, er: 0.2, til: 0.2, om: 0.2, hej: 1.5, mvh: 0.5, hilsen: 0.5, har: 0.2,
    det: 0.2, den: 0.2, en: 0.2, et: 0.5, på: 0.3, med: 0.2, fra: 1, eller: 0.3, men: 0.3, vi: 0.3, kan: 0.2,
    skal: 0.3, være: 0.5, udleveret: 4, firmaaftale: 4, gennem: 4, trækker: 4, samtykke: 1, nyhedsbrev: 5,
    indsigelse: 4, begrænser: 4, undersøgt: 4, opbevares: 4, registreret: 4, besøg: 3, holder: 1, folk: 1,
    jf: 0.5, indsigt: 4, afmeld: 4, ønsker: 0.5, behandler: 0.5, så: 0.3, mit: 3, din: 0.5, sådan: 3,
    beder: 4, spørger: 4, siger: 4, gør: 4, får: 0.5, vil: 0.3, hvornår: 4, hvorfor: 1, tror: 0.5, ved: 0.5,
  },
  en: {
    the: 3, and: 2, my: 3, me: 1, you: 3, your: 3, please: 4, to: 0.5, of: 2, is: 2, would: 3, with: 3, have: 2,
    this: 2, that: 2, from: 2, about: 3, what: 3, thanks: 3, thank: 3, hi: 2, hello: 3, dear: 3, regards: 3,
    are: 2, be: 2, it: 2, will: 2, not: 2, we: 2, our: 3, was: 3, been: 3, any: 3, which: 3, who: 2, do: 2,
    "don't": 3, "i'm": 4, "i've": 4, "it's": 3, "i'd": 4, out: 1, office: 1, data: 0.2, personal: 2, request: 2,
    email: 1, they: 3, them: 2, their: 3, there: 3, can: 2, could: 3, should: 3, all: 0.5, if: 2, just: 2,
    because: 3, when: 2, why: 3, how: 2, an: 0.5, on: 1, in: 0.5, at: 0.5, for: 0.2, by: 1.5, or: 1,
  },
};

/** Letters only one language group writes: ä/ö are Swedish; æ/ø are Danish and Norwegian. */
export const LETTER_WEIGHTS: Readonly<Record<string, Partial<Record<MessageLanguage, number>>>> = {
  ä: { sv: 1.5 },
  ö: { sv: 1.5 },
  æ: { nb: 0.3, nn: 0.3, da: 0.3 },
  ø: { nb: 0.3, nn: 0.3, da: 0.3 },
};
