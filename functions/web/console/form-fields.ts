import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { CSRF_FIELD } from '../../domain/staff-auth/index.js';

/** The most a console form can legitimately send (the intake form's free text is the largest). */
export const MAX_FORM_BYTES = 64 * 1024;

/** A console form that is not urlencoded or is too large; answered with 400/413, nothing changed. */
export class UnreadableFormError extends Error {
  override readonly name = 'UnreadableFormError';
  constructor(readonly statusCode: 400 | 413) {
    super(statusCode === 413 ? 'form too large' : 'form must be application/x-www-form-urlencoded');
  }
}

/** Fields a form repeats (checkboxes); always read as a list, even when one or none is ticked. */
const LIST_FIELDS = new Set(['types', 'correction_field', 'correction_to', 'correction_customer', 'scope', 'restriction_scope']);

export type FormFields = Readonly<Record<string, string | readonly string[]>>;

/** Reads an HTML form post: single fields as trimmed-at-use strings, repeated ones as lists. */
export function readForm(event: APIGatewayProxyEventV2): FormFields {
  const contentType = (event.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  const raw = event.body ? (event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body) : '';
  if (Buffer.byteLength(raw, 'utf8') > MAX_FORM_BYTES) throw new UnreadableFormError(413);
  if (raw !== '' && contentType !== 'application/x-www-form-urlencoded') throw new UnreadableFormError(400);
  const params = new URLSearchParams(raw);
  const fields: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) fields[key] = LIST_FIELDS.has(key) ? params.getAll(key) : (params.get(key) ?? '');
  return fields;
}

/**
 * A sign-in or sign-out post: one that cannot be read counts as empty, so its anti-forgery checks
 * fail (403) rather than answering 400 before the check.
 */
export function readFormOrEmpty(event: APIGatewayProxyEventV2): FormFields {
  try {
    return readForm(event);
  } catch (error) {
    if (error instanceof UnreadableFormError) return {};
    throw error;
  }
}

/** One text field of a form, or '' when absent or sent as a list. */
export const field = (form: FormFields, name: string): string => {
  const value = form[name];
  return typeof value === 'string' ? value : '';
};

/** A repeated field of a form. */
export const list = (form: FormFields, name: string): readonly string[] => {
  const value = form[name];
  return Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
};

/**
 * The form as the domain's validators take it: empty optional fields left out, lists kept, no
 * `types` ticked as an empty list (as the public form's reader does), and the CSRF token, which
 * the router has already checked, removed.
 */
export function submittedValues(form: FormFields): Record<string, unknown> {
  const values: Record<string, unknown> = { types: [] };
  for (const [key, value] of Object.entries(form)) {
    if (key === CSRF_FIELD) continue;
    if (typeof value === 'string') {
      if (value.trim() !== '') values[key] = value;
    } else values[key] = value;
  }
  return values;
}
