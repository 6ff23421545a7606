import type { FieldError } from './request-submission.js';
import type { Language } from './request-vocabulary.js';

/**
 * The fields of the form's optional «I am asking on behalf of someone else» part: who the asker is
 * to the person, and the person's own name, e-mail and phone.
 */
export const REPRESENTATION_FORM_FIELDS = {
  relation: 'on_behalf_relation',
  name: 'subject_name',
  email: 'subject_email',
  phone: 'subject_phone',
} as const;

const given = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/**
 * An HTML form's flat fields as a submission. Without the on-behalf part the fields pass as they
 * came. With it, the asker (`name`, `email`) becomes the `representative` and the `subject_*`
 * fields become the data subject, whose identity is checked; a part filled in without a relation
 * is refused by validation (the relation is required), never dropped.
 */
export function withRepresentation(fields: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const { [REPRESENTATION_FORM_FIELDS.relation]: relation, [REPRESENTATION_FORM_FIELDS.name]: subjectName, [REPRESENTATION_FORM_FIELDS.email]: subjectEmail, [REPRESENTATION_FORM_FIELDS.phone]: subjectPhone, ...rest } = fields;
  if (![relation, subjectName, subjectEmail, subjectPhone].some(given)) return { ...rest };
  const { name, email, phone, ...others } = rest;
  return {
    ...others,
    name: given(subjectName) ? subjectName : '',
    ...(given(subjectEmail) && { email: subjectEmail }),
    ...(given(subjectPhone) && { phone: subjectPhone }),
    representative: { name: given(name) ? name : '', relation: given(relation) ? relation : '', ...(given(email) && { email }), ...(given(phone) && { phone }) },
  };
}

const SUBJECT_NAME: Readonly<Record<Language, string>> = {
  nb: 'Skriv inn navnet til personen du spør på vegne av.',
  nn: 'Skriv inn namnet til personen du spør på vegner av.',
  en: 'Enter the name of the person you are asking for.',
};

/**
 * Validation errors of a submission made from the on-behalf form, moved to the controls they are
 * about: the data subject's fields are the `subject_*` controls, the representative's are the
 * asker's own (and the relation).
 */
export function representationFormErrors(errors: readonly FieldError[], language: Language): FieldError[] {
  return errors.map((error) => {
    switch (error.field) {
      case 'name':
        return { field: REPRESENTATION_FORM_FIELDS.name, message: SUBJECT_NAME[language] };
      case 'email':
        return { field: REPRESENTATION_FORM_FIELDS.email, message: error.message };
      case 'phone':
        return { field: REPRESENTATION_FORM_FIELDS.phone, message: error.message };
      case 'representative':
        return { field: REPRESENTATION_FORM_FIELDS.relation, message: error.message };
      default:
        return error;
    }
  });
}
