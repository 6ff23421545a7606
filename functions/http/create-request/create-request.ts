import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { DEFAULT_FORM_LIMITS, formSubmissionAllowed, type FormLimits, type RateLimiter } from '../../domain/abuse/rate-limiter.js';
import { IdempotencyKeyReusedError } from '../../domain/request/request-errors.js';
import { validateSubmission, type FieldError } from '../../domain/request/request-submission.js';
import { withRequestedRestriction } from '../../domain/restriction/requested-restriction.js';
import { representationFormErrors, withRepresentation } from '../../domain/request/representative-form.js';
import { LANGUAGES, type Language } from '../../domain/request/request-vocabulary.js';
import { submitRequest, type SubmitRequestDeps } from '../../domain/request/submit-request.js';
import { html } from '../../web/page-response.js';
import { json, redirect } from '../../web/responses.js';
import {
  BodyTooLargeError,
  UnreadableBodyError,
  UnsupportedMediaTypeError,
  readBody,
  type ReadBody,
} from '../../web/request-body.js';
import { pageLanguage } from '../../web/page-language.js';
import { renderRequestFormPage } from '../web-form/pages/request-form-page.js';

export type CreateRequestDeps = SubmitRequestDeps & {
  readonly newFormKey: () => string;
  /** The system's own mailboxes, refused as a requester's address (the defaults when absent). */
  readonly isSystemAddress?: (address: string) => boolean;
  /** Counts submissions per recipient and per source; no limits when absent (unit tests). */
  readonly limiter?: RateLimiter;
  readonly formLimits?: FormLimits;
};

/** How long a refused sender is told to wait: the shortest window any limit counts in. */
const RETRY_AFTER_SECONDS = 600;

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

const MESSAGES = {
  body: { nb: 'Forespørselen kunne ikke leses.', nn: 'Førespurnaden kunne ikkje lesast.', en: 'The request could not be read.' },
  tooLarge: { nb: 'Forespørselen er for stor.', nn: 'Førespurnaden er for stor.', en: 'The request is too large.' },
  mediaType: {
    nb: 'Send JSON (application/json) eller et skjema (application/x-www-form-urlencoded).',
    nn: 'Send JSON (application/json) eller eit skjema (application/x-www-form-urlencoded).',
    en: 'Send JSON (application/json) or a form (application/x-www-form-urlencoded).',
  },
  idempotencyKey: {
    nb: 'Idempotency-Key må være 1–255 synlige ASCII-tegn.',
    nn: 'Idempotency-Key må vere 1–255 synlege ASCII-teikn.',
    en: 'Idempotency-Key must be 1–255 visible ASCII characters.',
  },
  limited: {
    nb: 'Vi har fått mange henvendelser for denne adressen eller fra denne avsenderen nå. Prøv igjen senere, eller ring oss på 934 20 183.',
    nn: 'Vi har fått mange førespurnader for denne adressa eller frå denne avsendaren no. Prøv igjen seinare, eller ring oss på 934 20 183.',
    en: 'We have received many requests for this address or from this sender just now. Please try again later, or call us on +47 934 20 183.',
  },
  idempotencyReused: {
    nb: 'Denne Idempotency-Key er allerede brukt for en annen henvendelse.',
    nn: 'Denne Idempotency-Key er alt brukt for ein annan førespurnad.',
    en: 'This Idempotency-Key was already used for a different request.',
  },
} as const satisfies Record<string, Record<Language, string>>;

const bodyLanguage = (body: unknown): Language | undefined => {
  const language = (body as { language?: unknown } | undefined)?.language;
  return LANGUAGES.find((candidate) => candidate === language);
};

const fieldErrors = (statusCode: number, errors: readonly FieldError[]): APIGatewayProxyStructuredResultV2 =>
  json(statusCode, { errors });

/**
 * `POST /api/requests` and `POST /`: JSON clients get `202 {id, dueDate}` or `400 {errors}`; the
 * HTML form (urlencoded, no JavaScript) posts to its own address `/`, and is redirected to its
 * receipt page, or shown again right there with its errors and every value it had. Nothing is written unless the whole submission is valid.
 */
export async function createRequest(
  deps: CreateRequestDeps,
  event: APIGatewayProxyEventV2,
): Promise<APIGatewayProxyStructuredResultV2> {
  const fallbackLanguage = pageLanguage(event.queryStringParameters?.lang, event.headers['accept-language']);
  let body: ReadBody;
  try {
    body = readBody(event);
  } catch (error) {
    const language = fallbackLanguage;
    if (error instanceof BodyTooLargeError) return fieldErrors(413, [{ field: 'body', message: MESSAGES.tooLarge[language] }]);
    if (error instanceof UnsupportedMediaTypeError) return fieldErrors(415, [{ field: 'body', message: MESSAGES.mediaType[language] }]);
    if (error instanceof UnreadableBodyError) return fieldErrors(400, [{ field: 'body', message: MESSAGES.body[language] }]);
    throw error;
  }
  const language = bodyLanguage(body.value) ?? fallbackLanguage;
  const idempotencyKey = event.headers['idempotency-key'] ?? body.formIdempotencyKey;
  // After field errors the page keeps its key (a double submit still makes one request); after
  // a key error it gets a fresh one, or the person could never send the corrected form.
  const formPage = (statusCode: number, errors: readonly FieldError[], keyRejected = false) =>
    html(
      statusCode,
      renderRequestFormPage({
        language,
        idempotencyKey: (!keyRejected && body.formIdempotencyKey) || deps.newFormKey(),
        values: body.value as Record<string, never>,
        errors,
      }),
    );

  if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
    const errors = [{ field: 'Idempotency-Key', message: MESSAGES.idempotencyKey[language] }];
    return body.kind === 'form' ? formPage(400, errors, true) : fieldErrors(400, errors);
  }
  const formValues = body.kind === 'form' ? withRepresentation(withRequestedRestriction({ language, ...(body.value as object) })) : undefined;
  const validation = validateSubmission(formValues ?? body.value, language, { isSystemAddress: deps.isSystemAddress });
  if (!validation.ok) {
    if (body.kind !== 'form') return fieldErrors(400, validation.errors);
    // On behalf of someone else: the data subject's errors belong by the subject_* controls.
    return formPage(400, formValues?.representative ? representationFormErrors(validation.errors, language) : validation.errors);
  }

  const allowed =
    !deps.limiter ||
    (await formSubmissionAllowed(
      deps.limiter,
      deps.formLimits ?? DEFAULT_FORM_LIMITS,
      { source: event.requestContext.http.sourceIp, recipient: validation.value.email ?? '' },
      deps.now(),
    ));
  if (!allowed) {
    // The same answer for every address, customer or not: it tells nothing about who is registered.
    deps.logger.warn('request.rate_limited', {});
    const errors = [{ field: 'body', message: MESSAGES.limited[language] }];
    const response = body.kind === 'form' ? formPage(429, errors) : fieldErrors(429, errors);
    return { ...response, headers: { ...response.headers, 'retry-after': String(RETRY_AFTER_SECONDS) } };
  }

  try {
    const result = await submitRequest(deps, {
      submission: validation.value,
      channel: 'web',
      idempotencyKey,
      actor: 'requester',
    });
    if (body.kind === 'form') return redirect(`/receipt/${encodeURIComponent(result.id)}?lang=${language}`);
    return json(202, { id: result.id, dueDate: result.dueDate });
  } catch (error) {
    if (error instanceof IdempotencyKeyReusedError) {
      const errors = [{ field: 'Idempotency-Key', message: MESSAGES.idempotencyReused[language] }];
      return body.kind === 'form' ? formPage(422, errors, true) : fieldErrors(422, errors);
    }
    throw error;
  }
}
