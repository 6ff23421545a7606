import { CSRF_FIELD } from '../staff-auth/csrf.js';
import { letterLanguage } from '../intake-mail/email-submission.js';
import type { TriageEntry } from '../intake-mail/inbox-entries.js';
import { validateSubmission, type SubmissionResult } from '../request/request-submission.js';
import type { Language, RequestType } from '../request/request-vocabulary.js';
import { representationFormErrors, withRepresentation } from '../request/representative-form.js';

/** What the console pre-fills when staff turn a triage entry into a case. */
export interface TriageCaseDefaults {
  /** The sender's display name, or the local part of the address when there is none. */
  readonly name?: string;
  readonly email?: string;
  /** The letter language recognition found (Scandinavian → `nb`), `nb` when unknown. */
  readonly language: Language;
  /** The rights recognition suggested, for staff to confirm or change. */
  readonly types: readonly RequestType[];
}

/** Posted by the page for the transport (CSRF), not part of the case. */
const CONTROL_FIELDS: ReadonlySet<string> = new Set([CSRF_FIELD]);

/**
 * The requester as the mail shows it: name and address from `From`, language and rights from
 * recognition. Staff may correct each before the case is made.
 */
export function caseDefaultsFromTriage(entry: TriageEntry): TriageCaseDefaults {
  const address = entry.from?.address.trim().toLowerCase() || undefined;
  const displayName = entry.from?.name?.replace(/\s+/g, ' ').trim();
  return {
    name: displayName || address?.split('@')[0] || undefined,
    email: address,
    language: entry.recognition ? letterLanguage(entry.recognition.language) : 'nb',
    types: [...new Set(entry.recognition?.types ?? [])],
  };
}

/**
 * Validates staff's choice for a triage entry with the public form's parser, so a case made from
 * a mail meets the same rules as one made on the web: at least one right (`types`), and a name,
 * address and language — staff's corrections where given, else the mail's. Messages are
 * Norwegian, under the form's field names.
 */
export function validateTriageCase(
  entry: TriageEntry,
  form: Readonly<Record<string, unknown>>,
  options: { readonly isSystemAddress?: (address: string) => boolean } = {},
): SubmissionResult {
  const defaults = caseDefaultsFromTriage(entry);
  const posted = Object.fromEntries(Object.entries(form).filter(([field]) => !CONTROL_FIELDS.has(field)));
  // Written on someone's behalf: the sender becomes the representative, the subject_* fields the data subject.
  const submission = withRepresentation({
    ...posted,
    name: posted.name ?? defaults.name,
    email: posted.email ?? defaults.email,
    language: posted.language ?? defaults.language,
  });
  const result = validateSubmission(submission, 'nb', options);
  return result.ok || !submission.representative ? result : { ok: false, errors: representationFormErrors(result.errors, 'nb') };
}
