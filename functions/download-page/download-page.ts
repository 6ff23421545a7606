import { letterDestination } from '../domain/post/letter-recipient.js';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { downloadCodeLetter } from '../domain/export/download-code-letter.js';
import {
  DOWNLOAD_CODE_MINUTES,
  DOWNLOAD_CODE_RESEND_SECONDS,
  MAX_DOWNLOAD_CODE_ATTEMPTS,
  MAX_DOWNLOAD_CODE_SENDS,
  type DownloadCodeStore,
} from '../domain/export/download-code-store.js';
import { REPORT_CONTENT_SECURITY_POLICY } from '../domain/export/export-report.js';
import { exportLastDay, isExportExpired } from '../domain/export/export-window.js';
import type { Mailer } from '../domain/mail/mailer.js';
import { ConcurrentChangeError } from '../domain/request/request-errors.js';
import { REQUEST_ID_PATTERN } from '../domain/request/request-id.js';
import type { RequestChange, RequestStore } from '../domain/request/request-store.js';
import type { Language } from '../domain/request/request-vocabulary.js';
import type { RightsRequest } from '../domain/request/rights-request.js';
import type { ObjectStore } from '../domain/storage/object-store.js';
import { codeMatches, generateCode, hashCode, newSalt } from '../domain/verification/one-time-code.js';
import { html, SECURITY_HEADERS } from '../shared/http/responses.js';
import type { Logger } from '../shared/logger.js';
import { renderNotFoundPage } from '../web-form/pages/not-found-page.js';
import { pageLanguage } from '../web-form/pages/page-language.js';
import {
  renderEnterCodePage,
  renderExpiredPage,
  renderRequestCodePage,
  type CodeProblem,
  type DownloadPageInput,
} from './pages/download-pages.js';

export interface DownloadPageDeps {
  readonly store: Pick<RequestStore, 'get' | 'apply'>;
  readonly codes: DownloadCodeStore;
  readonly objects: Pick<ObjectStore, 'getText'>;
  readonly mailer: Mailer;
  readonly now: () => Date;
  readonly logger: Logger;
}

type Response = APIGatewayProxyStructuredResultV2;
type Exported = NonNullable<RightsRequest['export']>;
type DownloadableRequest = RightsRequest & { readonly export: Exported };

const ACTOR = 'requester:download-page';
const MAX_FORM_BYTES = 4 * 1024;
const MAX_AUDIT_ATTEMPTS = 3;

/** The urlencoded form fields of a POST; anything unreadable or too large reads as empty. */
function formFields(event: APIGatewayProxyEventV2): URLSearchParams {
  const body = event.body ?? '';
  const text = event.isBase64Encoded ? Buffer.from(body, 'base64').toString('utf8') : body;
  return Buffer.byteLength(text, 'utf8') > MAX_FORM_BYTES ? new URLSearchParams() : new URLSearchParams(text);
}

/**
 * Appends an audit entry (and optional change) to the request, re-reading it when the workflow
 * wrote first: a download must be recorded even while a later step touches the request.
 */
async function record(
  deps: DownloadPageDeps,
  request: RightsRequest,
  change: (current: RightsRequest, at: string) => Omit<RequestChange, 'expectedVersion'>,
): Promise<void> {
  let current = request;
  for (let attempt = 1; ; attempt += 1) {
    const at = deps.now().toISOString();
    try {
      await deps.store.apply(current.id, { ...change(current, at), expectedVersion: current.version });
      return;
    } catch (error) {
      if (!(error instanceof ConcurrentChangeError) || attempt >= MAX_AUDIT_ATTEMPTS) throw error;
      const fresh = await deps.store.get(current.id);
      if (!fresh) throw error;
      current = fresh;
    }
  }
}

async function sendCode(deps: DownloadPageDeps, request: DownloadableRequest, input: DownloadPageInput): Promise<Response> {
  const now = deps.now();
  const previous = await deps.codes.get(request.id);
  if (previous && previous.sends >= MAX_DOWNLOAD_CODE_SENDS) {
    return html(429, renderEnterCodePage(input, undefined, { kind: 'too_many_codes' }));
  }
  if (previous && now.getTime() - Date.parse(previous.sentAt) < DOWNLOAD_CODE_RESEND_SECONDS * 1000) {
    return html(200, renderEnterCodePage(input, 'recently_sent'));
  }
  const code = generateCode();
  const salt = newSalt();
  await deps.codes.put(request.id, {
    hash: hashCode(code, salt),
    salt,
    expiresAt: new Date(now.getTime() + DOWNLOAD_CODE_MINUTES * 60_000).toISOString(),
    attempts: 0,
    sentAt: now.toISOString(),
    sends: (previous?.sends ?? 0) + 1,
  });
  // The address the requester verified for this request; never one typed on the page.
  const { messageId } = await deps.mailer.send({
    ...letterDestination(request, now),
    ...downloadCodeLetter(request, code),
    purpose: 'download-code',
    requestId: request.id,
    // Each send is a new code the requester asked for; the count names it.
    letterId: `download-code#${(previous?.sends ?? 0) + 1}`,
  });
  await record(deps, request, (_current, at) => ({
    set: { updatedAt: at },
    audit: { requestId: request.id, at, event: 'download.code_sent', actor: ACTOR, detail: { messageId } },
  }));
  deps.logger.info('download.code_sent', { requestId: request.id });
  return html(200, renderEnterCodePage(input, 'sent'));
}

/** The file itself, through the function: the report inline, the data as an attachment. */
function fileResponse(request: DownloadableRequest, file: 'report' | 'data', body: string): Response {
  if (file === 'report') {
    return {
      statusCode: 200,
      headers: {
        ...SECURITY_HEADERS,
        'content-security-policy': REPORT_CONTENT_SECURITY_POLICY,
        'content-type': 'text/html; charset=utf-8',
        'content-disposition': `inline; filename="naerkontor-${request.id}.html"`,
      },
      body,
    };
  }
  return {
    statusCode: 200,
    headers: {
      ...SECURITY_HEADERS,
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="naerkontor-${request.id}.json"`,
    },
    body,
  };
}

async function download(
  deps: DownloadPageDeps,
  request: DownloadableRequest,
  input: DownloadPageInput,
  fields: URLSearchParams,
): Promise<Response> {
  const candidate = (fields.get('code') ?? '').replace(/\s+/g, '');
  if (!/^\d{6}$/.test(candidate)) return html(400, renderEnterCodePage(input, undefined, { kind: 'missing' }));
  const stored = await deps.codes.get(request.id);
  const problem: CodeProblem | undefined = !stored
    ? { kind: 'none' }
    : stored.attempts >= MAX_DOWNLOAD_CODE_ATTEMPTS
      ? { kind: 'too_many_attempts' }
      : Date.parse(stored.expiresAt) <= deps.now().getTime()
        ? { kind: 'expired' }
        : undefined;
  if (problem || !stored) return html(problem?.kind === 'too_many_attempts' ? 429 : 400, renderEnterCodePage(input, undefined, problem));

  if (!codeMatches(candidate, stored.hash, stored.salt)) {
    const attempts = await deps.codes.recordFailedAttempt(request.id, stored.hash);
    const attemptsLeft = Math.max(0, MAX_DOWNLOAD_CODE_ATTEMPTS - attempts);
    deps.logger.warn('download.code_rejected', { requestId: request.id, attemptsLeft });
    if (attemptsLeft === 0) {
      await record(deps, request, (_current, at) => ({
        set: { updatedAt: at },
        audit: { requestId: request.id, at, event: 'download.code_locked', actor: ACTOR, detail: { attempts } },
      }));
      return html(429, renderEnterCodePage(input, undefined, { kind: 'too_many_attempts' }));
    }
    return html(400, renderEnterCodePage(input, undefined, { kind: 'wrong', attemptsLeft }));
  }

  const file = fields.get('file') === 'data' ? 'data' : 'report';
  const body = await deps.objects.getText(file === 'data' ? request.export.dataKey : request.export.reportKey);
  if (body === undefined) return html(410, renderExpiredPage(input, false));
  await record(deps, request, (current, at) => ({
    set: { export: { ...(current.export ?? request.export), downloads: (current.export?.downloads ?? request.export.downloads) + 1 }, updatedAt: at },
    audit: { requestId: request.id, at, event: 'export.downloaded', actor: ACTOR, detail: { file } },
  }));
  deps.logger.info('export.downloaded', { requestId: request.id, file });
  return fileResponse(request, file, body);
}

/**
 * The download page of an export package, `/download/{id}`:
 * - `GET` explains and offers to mail a fresh one-time code;
 * - `POST action=send-code` mails a new code (15 minutes, 5 tries) to the address the requester
 *   verified for the request, never to an address typed here, with resends limited;
 * - `POST code=…&file=report|data` serves the report inline or the data file as an attachment,
 *   through the function (no public or presigned URL), and records each download
 *   (`export.downloaded`, `export.downloads` + 1).
 * An unknown id, or a request without a package, gets the not-found page (nothing is revealed);
 * a package past its window gets a page saying it expired and how to ask again. No JavaScript.
 */
export async function serveDownloadPage(deps: DownloadPageDeps, event: APIGatewayProxyEventV2): Promise<Response> {
  const language: Language = pageLanguage(event.queryStringParameters?.lang, event.headers['accept-language']);
  const id = event.pathParameters?.id ?? '';
  const request = REQUEST_ID_PATTERN.test(id) ? await deps.store.get(id) : undefined;
  if (!request?.export) return html(404, renderNotFoundPage(language));
  const downloadable = request as DownloadableRequest;
  const input: DownloadPageInput = {
    language,
    reference: request.id,
    availableUntil: exportLastDay(request.export),
  };
  if (isExportExpired(request.export, deps.now())) return html(410, renderExpiredPage(input));
  if (event.requestContext.http.method !== 'POST') return html(200, renderRequestCodePage(input));
  const fields = formFields(event);
  if (fields.get('action') === 'send-code') return sendCode(deps, downloadable, input);
  return download(deps, downloadable, input, fields);
}
