import type { Language, RequestType } from './request-vocabulary.js';

/** What each right is called in the customer's language: used by the form, letters and console. */
export const REQUEST_TYPE_LABELS: Readonly<Record<RequestType, Readonly<Record<Language, string>>>> = {
  access: { nb: 'Innsyn i opplysningene om meg', nn: 'Innsyn i opplysningane om meg', en: 'Access to my data' },
  rectification: { nb: 'Retting av feil opplysninger', nn: 'Retting av feil opplysningar', en: 'Correction of inaccurate data' },
  erasure: { nb: 'Sletting av opplysningene om meg', nn: 'Sletting av opplysningane om meg', en: 'Erasure of my data' },
  restriction: { nb: 'Begrensning av behandlingen', nn: 'Avgrensing av behandlinga', en: 'Restriction of processing' },
  portability: { nb: 'Dataportabilitet (maskinlesbar kopi)', nn: 'Dataportabilitet (maskinlesbar kopi)', en: 'Data portability (machine-readable copy)' },
  objection: { nb: 'Stopp markedsføring til meg', nn: 'Stopp marknadsføring til meg', en: 'Stop marketing to me' },
  consent_withdrawal: { nb: 'Trekke tilbake samtykke', nn: 'Trekkje tilbake samtykke', en: 'Withdraw consent' },
  processing_objection: {
    nb: 'Protest mot bruk av opplysningene til analyse og utvikling',
    nn: 'Protest mot bruk av opplysningane til analyse og utvikling',
    en: 'Objection to the use of my data for analysis and development',
  },
};

export const requestTypeLabel = (type: RequestType, language: Language): string =>
  REQUEST_TYPE_LABELS[type][language];
