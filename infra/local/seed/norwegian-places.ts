/**
 * Places the synthetic customers live and work in: OBOS Nærkontor locations, real postal codes
 * and post towns around them, the doors an Unloc lock reports, and the price of each plan.
 * Data, not people: nothing here describes a real person.
 *
 * @module
 */

/** OBOS Nærkontor locations the synthetic subscriptions are at. */
export const OFFICE_LOCATIONS = [
  'Bøler',
  'Lambertseter',
  'Kolbotn',
  'Ski',
  'Lørenskog',
  'Nydalen',
  'Skøyen',
  'Fornebu',
  'Sandvika',
  'Lillestrøm',
] as const;
export type OfficeLocation = (typeof OFFICE_LOCATIONS)[number];

/** Postal codes with their post towns, each near the location its residents would use most. */
export const HOME_AREAS: readonly { postalCode: string; city: string; nearest: OfficeLocation }[] = [
  { postalCode: '0687', city: 'Oslo', nearest: 'Bøler' },
  { postalCode: '0688', city: 'Oslo', nearest: 'Bøler' },
  { postalCode: '0691', city: 'Oslo', nearest: 'Bøler' },
  { postalCode: '0680', city: 'Oslo', nearest: 'Bøler' },
  { postalCode: '1150', city: 'Oslo', nearest: 'Lambertseter' },
  { postalCode: '1151', city: 'Oslo', nearest: 'Lambertseter' },
  { postalCode: '1155', city: 'Oslo', nearest: 'Lambertseter' },
  { postalCode: '1187', city: 'Oslo', nearest: 'Lambertseter' },
  { postalCode: '1410', city: 'Kolbotn', nearest: 'Kolbotn' },
  { postalCode: '1412', city: 'Sofiemyr', nearest: 'Kolbotn' },
  { postalCode: '1415', city: 'Oppegård', nearest: 'Kolbotn' },
  { postalCode: '1400', city: 'Ski', nearest: 'Ski' },
  { postalCode: '1404', city: 'Siggerud', nearest: 'Ski' },
  { postalCode: '1430', city: 'Ås', nearest: 'Ski' },
  { postalCode: '1470', city: 'Lørenskog', nearest: 'Lørenskog' },
  { postalCode: '1473', city: 'Lørenskog', nearest: 'Lørenskog' },
  { postalCode: '1475', city: 'Finstadjordet', nearest: 'Lørenskog' },
  { postalCode: '0484', city: 'Oslo', nearest: 'Nydalen' },
  { postalCode: '0473', city: 'Oslo', nearest: 'Nydalen' },
  { postalCode: '0467', city: 'Oslo', nearest: 'Nydalen' },
  { postalCode: '0870', city: 'Oslo', nearest: 'Nydalen' },
  { postalCode: '0277', city: 'Oslo', nearest: 'Skøyen' },
  { postalCode: '0275', city: 'Oslo', nearest: 'Skøyen' },
  { postalCode: '0383', city: 'Oslo', nearest: 'Skøyen' },
  { postalCode: '0260', city: 'Oslo', nearest: 'Skøyen' },
  { postalCode: '1364', city: 'Fornebu', nearest: 'Fornebu' },
  { postalCode: '1366', city: 'Lysaker', nearest: 'Fornebu' },
  { postalCode: '1360', city: 'Fornebu', nearest: 'Fornebu' },
  { postalCode: '1337', city: 'Sandvika', nearest: 'Sandvika' },
  { postalCode: '1338', city: 'Sandvika', nearest: 'Sandvika' },
  { postalCode: '1350', city: 'Lommedalen', nearest: 'Sandvika' },
  { postalCode: '1346', city: 'Gjettum', nearest: 'Sandvika' },
  { postalCode: '2000', city: 'Lillestrøm', nearest: 'Lillestrøm' },
  { postalCode: '2004', city: 'Lillestrøm', nearest: 'Lillestrøm' },
  { postalCode: '2010', city: 'Strømmen', nearest: 'Lillestrøm' },
  { postalCode: '2013', city: 'Skjetten', nearest: 'Lillestrøm' },
];

/** Doors an access event is logged at, with how often each is used. */
export const DOORS: readonly { weight: number; value: string }[] = [
  { weight: 70, value: 'Hovedinngang' },
  { weight: 8, value: 'Sykkelrom' },
  { weight: 6, value: 'Møterom 1' },
  { weight: 5, value: 'Møterom 2' },
  { weight: 5, value: 'Bakinngang' },
  { weight: 4, value: 'Garasje' },
  { weight: 2, value: 'Postrom' },
];

export type Plan = 'flex' | 'fast-plass' | 'bedrift' | 'dagskort';

/** Monthly price in øre (2020 level; raised a few per cent a year) and how plans read on invoices. */
export const PLANS: Readonly<Record<Plan, { monthlyOre: number; label: string; weight: number }>> = {
  flex: { monthlyOre: 2_190_00, label: 'Flex-medlemskap', weight: 40 },
  'fast-plass': { monthlyOre: 3_890_00, label: 'Fast plass', weight: 25 },
  bedrift: { monthlyOre: 3_290_00, label: 'Bedriftsavtale', weight: 20 },
  dagskort: { monthlyOre: 0, label: 'Dagskort', weight: 15 },
};

/** A day pass, invoiced monthly by the number of days used. */
export const DAY_PASS_ORE = 249_00;

export const MONTHS_NB = [
  'januar',
  'februar',
  'mars',
  'april',
  'mai',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'desember',
] as const;

/** Customer-service notes as staff write them: what happened, never more about the person. */
export const NOTE_TEMPLATES: readonly string[] = [
  'Kunden ringte om fakturaen for {month}. Forklarte at møteromsleie er tatt med i beløpet.',
  'Adgangen virket ikke på {door} ved {location}. Nøkkelen er sendt på nytt i Unloc-appen.',
  'Spørsmål om å bytte fra {plan} til fast plass. Sendte prisliste på e-post.',
  'Ønsker å si opp abonnementet fra neste måned. Bekreftet oppsigelse og siste faktura.',
  'Klage på støy i det åpne landskapet ved {location}. Videresendt til stedsansvarlig.',
  'Ba om kopi av kvittering for {month}. Sendt fra regnskapssystemet.',
  'Har glemt en lader på Møterom 2 ved {location}. Den ligger i resepsjonen.',
  'Ønsker faktura til arbeidsgiver i stedet for privat. Oppdatert fakturamottaker.',
  'Spurte om parkering ved {location}. Informert om gjesteparkering og sykkelrom.',
  'Endret betalingsmåte til AvtaleGiro etter ønske fra kunden.',
  'Lurte på åpningstider i helgene. Svarte at inngangen er åpen 06–23 alle dager.',
  'Purring på fakturaen for {month} er sendt. Kunden lover å betale innen fredag.',
  'Bestilte Møterom 1 ved {location} for en workshop; bekreftelse sendt.',
  'Kunden bestrider fakturaen for {month}: mener abonnementet var satt på pause. Sak opprettet.',
];

/** Where a consent was given or withdrawn. */
export const CONSENT_SOURCES = ['registrering', 'Min side', 'kundeservice', 'app'] as const;
