import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import * as z from 'zod/mini';
import { REQUEST_ID_PATTERN } from '../../domain/request/request-id.js';
import { LANGUAGES } from '../../domain/request/request-vocabulary.js';
import { resendCode } from '../../domain/verification/resend-code.js';
import { submitCode } from '../../domain/verification/submit-code.js';
import type { VerificationDeps } from '../../domain/verification/verification-deps.js';
import { BodyTooLargeError, readBody, UnreadableBodyError, UnsupportedMediaTypeError } from '../../web/request-body.js';
import { html } from '../../web/page-response.js';
import { renderNotFoundPage } from '../../web/not-found-page.js';
import { pageLanguage } from '../../web/page-language.js';
import { renderVerifyCodePage, type VerifyPageOutcome } from './pages/verify-code-page.js';

/** The POSTed form: a code, or `action=resend`. Unknown fields are ignored. */
const VerifyFormSchema = z.object({
  code: z.optional(z.string().check(z.maxLength(64))),
  action: z.optional(z.literal('resend')),
  language: z.optional(z.enum(LANGUAGES)),
});

const BAD_BODY = [UnreadableBodyError, BodyTooLargeError, UnsupportedMediaTypeError];

/** 400 for a code that cannot be one, 422 for a wrong, dead or expired one, 200 otherwise. */
function statusOf(result: VerifyPageOutcome): number {
  switch (result.outcome) {
    case 'malformed':
      return 400;
    case 'wrong_code':
    case 'too_many_tries':
    case 'expired':
      return 422;
    default:
      return 200;
  }
}

function readForm(event: APIGatewayProxyEventV2): z.infer<typeof VerifyFormSchema> | undefined {
  try {
    const body = readBody(event);
    if (body.kind !== 'form') return undefined;
    const parsed = VerifyFormSchema.safeParse(body.value);
    return parsed.success ? parsed.data : undefined;
  } catch (error) {
    if (BAD_BODY.some((type) => error instanceof type)) return undefined;
    throw error;
  }
}

/**
 * `GET /verify/{id}` shows the code form; `POST /verify/{id}` checks a code or sends a new one and
 * shows the outcome. Every well-formed id gets the same form, known or not, and no answer depends
 * on whether the requester is a customer. A malformed id cannot exist, so it gets the 404 page.
 */
export async function serveVerifyPage(
  deps: VerificationDeps,
  event: APIGatewayProxyEventV2,
): Promise<APIGatewayProxyStructuredResultV2> {
  const requestId = event.pathParameters?.id ?? '';
  const method = event.requestContext.http.method;
  if (!REQUEST_ID_PATTERN.test(requestId)) {
    return html(404, renderNotFoundPage(pageLanguage(event.queryStringParameters?.lang, event.headers['accept-language'])));
  }
  if (method !== 'POST') {
    const language = pageLanguage(event.queryStringParameters?.lang, event.headers['accept-language']);
    return html(200, renderVerifyCodePage({ language, requestId, result: { outcome: 'form' } }));
  }

  const form = readForm(event);
  const language = pageLanguage(event.queryStringParameters?.lang ?? form?.language, event.headers['accept-language']);
  let result: VerifyPageOutcome;
  if (form?.action === 'resend') result = await resendCode(deps, requestId);
  else result = await submitCode(deps, requestId, form?.code ?? '');
  return html(statusOf(result), renderVerifyCodePage({ language, requestId, result }));
}
