import * as z from 'zod/mini';
import type { Localised } from './art15-information.js';
import type { Language } from '../request/request-vocabulary.js';

/**
 * Categories the privacy statement (personvernerklæringen, 17 October 2022) says Nærkontoret
 * processes, which this system does not hold: the copy and the reply name each one, where it is
 * held and how to get it, so nothing is silently left out (Art. 15(1), 15(3)). One table for the
 * export report, `data.json` and the reply letter. Change it with the statement.
 */
export interface NotHeldCategory {
  readonly id: string;
  readonly category: Localised;
  readonly heldBy: Localised;
  readonly howToGet: Localised;
}

export const NOT_HELD_CATEGORIES: readonly NotHeldCategory[] = [
  {
    id: 'cookies',
    category: { nb: 'Informasjonskapsler (cookies)', nn: 'Informasjonskapslar (cookies)', en: 'Cookies' },
    heldBy: {
      nb: 'I nettleseren din, satt av nettsidene våre og tilknyttede apper som Unloc',
      nn: 'I nettlesaren din, sette av nettsidene våre og tilknytte appar som Unloc',
      en: 'In your browser, set by our web pages and connected apps such as Unloc',
    },
    howToGet: {
      nb: 'Se og slett dem i innstillingene i nettleseren din. Cookie-erklæringen på nettsidene våre sier hvilke vi bruker.',
      nn: 'Sjå og slett dei i innstillingane i nettlesaren din. Cookie-erklæringa på nettsidene våre seier kva for nokre vi bruker.',
      en: 'View and delete them in your browser settings. The cookie policy on our web pages says which ones we use.',
    },
  },
  {
    id: 'min_profil',
    category: { nb: 'Valg og samtykker på «Min profil»', nn: 'Val og samtykke på «Min profil»', en: 'Choices and consents on «Min profil» (My profile)' },
    heldBy: { nb: 'I innloggingstjenesten «Min profil»', nn: 'I innloggingstenesta «Min profil»', en: 'In the «Min profil» sign-in service' },
    howToGet: {
      nb: 'Logg inn på «Min profil» for å se og endre dem, eller be oss om en kopi på naerkontor@obos.no.',
      nn: 'Logg inn på «Min profil» for å sjå og endre dei, eller be oss om ein kopi på naerkontor@obos.no.',
      en: 'Sign in to «Min profil» to see and change them, or ask us for a copy at naerkontor@obos.no.',
    },
  },
  {
    id: 'employer',
    category: { nb: 'Opplysninger fra bedriften din', nn: 'Opplysningar frå bedrifta di', en: 'Data from your company' },
    heldBy: {
      nb: 'Hos bedriften som eventuelt registrerte deg på et bedriftsabonnement; det vi fikk fra den, står i kopien',
      nn: 'Hos bedrifta som eventuelt registrerte deg på eit bedriftsabonnement; det vi fekk frå ho, står i kopien',
      en: 'At the company that may have registered you on a corporate subscription; what we received from it is in the copy',
    },
    howToGet: { nb: 'Be bedriften din om innsyn i det den har om deg.', nn: 'Be bedrifta di om innsyn i det ho har om deg.', en: 'Ask your company for access to what it holds about you.' },
  },
  {
    id: 'bookings',
    category: { nb: 'Bookinger', nn: 'Bookingar', en: 'Bookings' },
    heldBy: { nb: 'I bookingsystemet vårt', nn: 'I bookingsystemet vårt', en: 'In our booking system' },
    howToGet: {
      nb: 'Se bookingene dine i appen, eller be oss om en kopi på naerkontor@obos.no eller 934 20 183.',
      nn: 'Sjå bookingane dine i appen, eller be oss om ein kopi på naerkontor@obos.no eller 934 20 183.',
      en: 'See your bookings in the app, or ask us for a copy at naerkontor@obos.no or +47 934 20 183.',
    },
  },
  {
    id: 'customer_service_mail',
    category: {
      nb: 'E-post og samtaler med kundeservice utenom personvernhenvendelser',
      nn: 'E-post og samtalar med kundeservice utanom førespurnader om personvern',
      en: 'E-mails and calls with customer service other than privacy requests',
    },
    heldBy: {
      nb: 'I kundeservicens e-postkasse; notater fra kundeservice står i kopien',
      nn: 'I e-postkassa til kundeservice; notat frå kundeservice står i kopien',
      en: 'In the customer-service mailbox; customer-service notes are in the copy',
    },
    howToGet: {
      nb: 'Be oss om en kopi på naerkontor@obos.no eller 934 20 183, så henter vi dem fram.',
      nn: 'Be oss om ein kopi på naerkontor@obos.no eller 934 20 183, så hentar vi dei fram.',
      en: 'Ask us for a copy at naerkontor@obos.no or +47 934 20 183 and we will retrieve them.',
    },
  },
  {
    id: 'obos_membership',
    category: { nb: 'OBOS-medlemskap', nn: 'OBOS-medlemskap', en: 'OBOS membership' },
    heldBy: {
      nb: 'Hos OBOS BBL, som har ansvaret for medlemsregisteret',
      nn: 'Hos OBOS BBL, som har ansvaret for medlemsregisteret',
      en: 'At OBOS BBL, which is responsible for the membership register',
    },
    howToGet: { nb: 'Be OBOS BBL om innsyn (obos.no).', nn: 'Be OBOS BBL om innsyn (obos.no).', en: 'Ask OBOS BBL for access (obos.no).' },
  },
];

/** One not-held category as `data.json` carries it, in the package's language. */
export const NotHeldEntrySchema = z.object({ id: z.string(), category: z.string(), heldBy: z.string(), howToGet: z.string() });
export type NotHeldEntry = z.infer<typeof NotHeldEntrySchema>;

export const notHeldEntries = (language: Language): NotHeldEntry[] =>
  NOT_HELD_CATEGORIES.map((entry) => ({
    id: entry.id,
    category: entry.category[language],
    heldBy: entry.heldBy[language],
    howToGet: entry.howToGet[language],
  }));
