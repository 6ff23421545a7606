import * as z from 'zod/mini';
import { readCookie, type CookieCarrier } from '../../domain/staff-auth/index.js';
import { CASE_ACTIONS, type CaseActionError } from './case-action-names.js';

/**
 * A refused case action, carried from the actions function to the case page by post/redirect/get:
 * the action answers 303 to the case and sets this short-lived cookie; the page shows the problem by
 * its field with what was typed, and clears it. A cookie rather than the query, so staff's typed
 * text never lands in a URL (browser history, access logs).
 */
export const CASE_REFUSAL_COOKIE = 'dsr_case_refusal';

/** Long enough for the redirect to be followed, short enough that an unread refusal does not linger. */
const MAX_AGE_SECONDS = 60;

/**
 * The largest value kept. Browsers accept about 4 KB per cookie (name, value and attributes); above
 * this the longest typed values are dropped (the problem itself is always kept) and the page says so.
 */
export const MAX_REFUSAL_COOKIE_VALUE_BYTES = 3500;

/** What the page shows next to a typed value that was too long to carry. */
export const DROPPED_VALUE_TEXT = 'Det du skrev her, var for langt til å tas vare på etter feilen. Skriv det inn på nytt.';

const RefusalSchema = z.strictObject({
  /** The case it belongs to: the page ignores a refusal of another case. */
  id: z.string().check(z.minLength(1), z.maxLength(100)),
  status: z.union([z.literal(400), z.literal(409)]),
  action: z.enum(CASE_ACTIONS),
  field: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  message: z.string().check(z.minLength(1), z.maxLength(MAX_REFUSAL_COOKIE_VALUE_BYTES)),
  /** What was typed, by form field name (the CSRF token left out). */
  fields: z.record(z.string().check(z.maxLength(100)), z.string()),
  /** Fields whose typed value was too long to carry. */
  dropped: z.array(z.string().check(z.maxLength(100))),
});

/** A refused action as the page reads it back. */
export type CaseRefusal = z.infer<typeof RefusalSchema>;

const encode = (refusal: CaseRefusal): string => Buffer.from(JSON.stringify(refusal), 'utf8').toString('base64url');

const caseAttributes = (id: string, secure: boolean): string =>
  `Path=/console/requests/${encodeURIComponent(id)}; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;

/** How much of a message is kept when it alone is too long for the cookie (it can quote what was typed). */
const SHORT_MESSAGE_CHARACTERS = 300;

/**
 * The refusal as a value short enough for a cookie: the longest typed values are dropped, one at a
 * time, until it fits. The problem is always kept; a message that quotes a hostile value (a merge
 * target of thousands of characters) is shortened as a last resort.
 */
export function encodeRefusal(refusal: Omit<CaseRefusal, 'dropped'>): string {
  const fields: Record<string, string> = { ...refusal.fields };
  const dropped: string[] = [];
  let value = encode({ ...refusal, fields, dropped });
  while (value.length > MAX_REFUSAL_COOKIE_VALUE_BYTES) {
    const longest = Object.entries(fields).sort((a, b) => b[1].length - a[1].length)[0];
    if (longest === undefined) return encode({ ...refusal, message: `${refusal.message.slice(0, SHORT_MESSAGE_CHARACTERS)}…`, fields, dropped });
    delete fields[longest[0]];
    dropped.push(longest[0]);
    value = encode({ ...refusal, fields, dropped });
  }
  return value;
}

/** The `Set-Cookie` value that carries a refused action of case `refusal.id` to its page. */
export const caseRefusalCookie = (refusal: Omit<CaseRefusal, 'dropped'>, secure: boolean): string =>
  `${CASE_REFUSAL_COOKIE}=${encodeRefusal(refusal)}; ${caseAttributes(refusal.id, secure)}; Max-Age=${MAX_AGE_SECONDS}`;

/** The `Set-Cookie` value that clears it once the page has shown it. */
export const clearCaseRefusalCookie = (id: string, secure: boolean): string => `${CASE_REFUSAL_COOKIE}=; ${caseAttributes(id, secure)}; Max-Age=0`;

/** The refusal in a cookie value, or undefined when it is not one of ours (any malformed value is ignored). */
export function decodeRefusal(value: string): CaseRefusal | undefined {
  if (value.length > MAX_REFUSAL_COOKIE_VALUE_BYTES || !/^[A-Za-z0-9_-]+$/.test(value)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const parsed = RefusalSchema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}

/** What a refused action left for the case page of `id`: whether a cookie came at all (to clear it), and the refusal if it is valid. */
export function readCaseRefusal(event: CookieCarrier, id: string): { readonly present: boolean; readonly refusal?: CaseRefusal } {
  const value = readCookie(event, CASE_REFUSAL_COOKIE);
  if (value === undefined) return { present: false };
  const refusal = decodeRefusal(value);
  return refusal !== undefined && refusal.id === id ? { present: true, refusal } : { present: true };
}

/** The problems the page shows for a refusal: the problem by its field, and a notice by each value too long to keep. */
export const refusalErrors = (refusal: CaseRefusal): CaseActionError[] => [
  { action: refusal.action, ...(refusal.field !== undefined && { field: refusal.field }), message: refusal.message },
  ...refusal.dropped.map((field) => ({ action: refusal.action, field, message: DROPPED_VALUE_TEXT })),
];
