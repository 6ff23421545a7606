import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { INTAKE_NOTE_FIELD, CHANNEL_FIELD, POSTAL_FIELDS } from '../domain/manual-intake/manual-intake-form.js';
import { RECEIPT_DATE_FIELD, RECEIPT_TIME_FIELD } from '../domain/manual-intake/receipt-time-field.js';
import { registerManualRequest, type RegisterManualRequestDeps } from '../domain/manual-intake/register-manual-request.js';
import { IdempotencyKeyReusedError } from '../domain/request/request-errors.js';
import type { FieldError } from '../domain/request/request-submission.js';
import { json } from '../shared/http/responses.js';

/** What registering a phone or post request needs beyond the staff API's own store, clock and log. */
export type StaffIntakeDeps = Omit<RegisterManualRequestDeps, 'store' | 'now' | 'logger'>;

/** The same rule as the public API's `Idempotency-Key`: 1–255 visible ASCII characters. */
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/**
 * The JSON body's fields and the console form's field each maps to: the console's validator
 * ({@link registerManualRequest}) checks both, so the two intakes take exactly the same requests.
 */
const TOP_LEVEL: Readonly<Record<string, string>> = {
  channel: CHANNEL_FIELD,
  receivedDate: RECEIPT_DATE_FIELD,
  receivedTime: RECEIPT_TIME_FIELD,
  note: INTAKE_NOTE_FIELD,
  name: 'name',
  email: 'email',
  phone: 'phone',
  types: 'types',
  language: 'language',
  details: 'details',
  restriction: 'restriction',
};
const POSTAL: Readonly<Record<string, string>> = { street: POSTAL_FIELDS.street, postalCode: POSTAL_FIELDS.postalCode, city: POSTAL_FIELDS.city };

/** The JSON name of a console form field, for error messages the API caller can act on. */
const JSON_NAME: ReadonlyMap<string, string> = new Map([
  ...Object.entries(TOP_LEVEL).map(([json, form]) => [form, json] as const),
  ...Object.entries(POSTAL).map(([json, form]) => [form, `postalAddress.${json}`] as const),
]);

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The body as the console form's fields, or the problems with its shape (unknown fields, not an object). */
function asIntakeForm(raw: unknown): { form: Record<string, unknown> } | { errors: FieldError[] } {
  if (!isObject(raw)) return { errors: [{ field: 'body', message: 'Body må være et JSON-objekt.' }] };
  const errors: FieldError[] = [];
  const form: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'postalAddress') {
      if (value === null || value === undefined) continue;
      if (!isObject(value)) {
        errors.push({ field: 'postalAddress', message: 'postalAddress må være et objekt med street, postalCode og city.' });
        continue;
      }
      for (const [part, text] of Object.entries(value)) {
        if (POSTAL[part] === undefined) errors.push({ field: `postalAddress.${part}`, message: 'Ukjent felt.' });
        else form[POSTAL[part]] = text;
      }
    } else if (TOP_LEVEL[key] === undefined) {
      errors.push({ field: key, message: 'Ukjent felt.' });
    } else {
      form[TOP_LEVEL[key]] = value;
    }
  }
  return errors.length > 0 ? { errors } : { form };
}

function readJson(event: APIGatewayProxyEventV2): { value: unknown } | undefined {
  if (!event.body) return { value: undefined };
  try {
    return { value: JSON.parse(event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body) };
  } catch {
    return undefined;
  }
}

/**
 * `POST /api/staff/requests`: registers a request that came by phone or post, as the console's
 * «Ny henvendelse» does (the same validation, the original receipt time in Oslo, the note on how
 * it came, the same workflow), for callers of the JSON API. The `Idempotency-Key` header makes a
 * retried call one request: the same key and body answer the first registration again (200,
 * `created: false`), the same key with another body 422. Field errors are 400 with the JSON
 * field names (`postalAddress.postalCode`, `receivedDate`, …) and write nothing.
 */
export async function serveStaffIntake(
  deps: Pick<RegisterManualRequestDeps, 'store' | 'now' | 'logger'> & StaffIntakeDeps,
  event: APIGatewayProxyEventV2,
  actor: string,
): Promise<APIGatewayProxyStructuredResultV2> {
  const idempotencyKey = event.headers['idempotency-key'];
  if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
    return json(400, { errors: [{ field: 'Idempotency-Key', message: 'Idempotency-Key må være 1–255 synlige ASCII-tegn.' }] });
  }
  const body = readJson(event);
  if (!body) return json(400, { error: 'Body må være JSON.' });
  const shaped = asIntakeForm(body.value);
  if ('errors' in shaped) return json(400, { errors: shaped.errors });
  try {
    const result = await registerManualRequest(deps, { form: shaped.form, actor, idempotencyKey });
    if (!result.ok) {
      return json(400, { errors: result.errors.map((error) => ({ field: JSON_NAME.get(error.field) ?? error.field, message: error.message })) });
    }
    deps.logger.info('staff_api.request_registered', { requestId: result.id, created: result.created });
    return json(result.created ? 201 : 200, { id: result.id, dueDate: result.dueDate, created: result.created });
  } catch (error) {
    if (error instanceof IdempotencyKeyReusedError) {
      return json(422, { errors: [{ field: 'Idempotency-Key', message: 'Denne Idempotency-Key er allerede brukt for en annen henvendelse.' }] });
    }
    throw error;
  }
}
