import { answeredByPost, letterDestination } from '../../domain/post/letter-recipient.js';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { downloadCodeLetter } from '../../domain/export/download-code-letter.js';
import {
  DOWNLOAD_CODE_MINUTES,
  DOWNLOAD_CODE_RESEND_SECONDS,
  MAX_DOWNLOAD_CODE_ATTEMPTS,
  MAX_DOWNLOAD_CODE_SENDS,
  type DownloadCodeStore,
} from '../../domain/export/download-code-store.js';
import { REPORT_CONTENT_SECURITY_POLICY } from '../../domain/export/export-report.js';
import { exportLastDay, isExportExpired } from '../../domain/request/export-window.js';
import type { Mailer } from '../../domain/mail/mailer.js';
import { ConcurrentChangeError } from '../../domain/request/request-errors.js';
import { REQUEST_ID_PATTERN } from '../../domain/request/request-id.js';
import type { RequestChange, RequestStore } from '../../domain/request/request-store.js';
import type { Language } from '../../domain/request/request-vocabulary.js';
import type { RightsRequest } from '../../domain/request/rights-request.js';
import type { ObjectStore } from '../../domain/storage/object-store.js';
import { codeMatches, generateCode, hashCode, newSalt } from '../../domain/verification/one-time-code.js';
import {
  DOWNLOAD_SESSION_COOKIE,
  DOWNLOAD_SESSION_MINUTES,
  downloadSessionCookie,
  looksLikeSessionToken,
  newSessionToken,
  sessionIsLive,
  sessionTokenHash,
  type DownloadSessionStore,
} from '../../domain/export/download-session.js';
import { readCookie } from '../../domain/staff-auth/session-cookie.js';
import { html } from '../../web/page-response.js';
import { redirect, SECURITY_HEADERS } from '../../web/responses.js';
import type { Logger } from '../../platform/logger.js';
import { renderNotFoundPage } from '../../web/not-found-page.js';
import { pageLanguage } from '../../web/page-language.js';
import {
  renderEnterCodePage,
  renderExpiredPage,
  renderFilesPage,
  type CodeNotice,
  type CodeProblem,
  type DownloadPageInput,
} from './pages/download-pages.js';

export interface DownloadPageDeps {
  readonly store: Pick<RequestStore, 'get' | 'apply'>;
  readonly codes: DownloadCodeStore;
  readonly sessions: DownloadSessionStore;
  readonly objects: Pick<ObjectStore, 'getText'>;
  readonly mailer: Mailer;
  readonly now: () => Date;
  readonly logger: Logger;
}

type Response = APIGatewayProxyStructuredResultV2;
type Exported = NonNullable<RightsRequest['export']>;
type DownloadableRequest = RightsRequest & { readonly export: Exported };
type DownloadFile = 'report' | 'data';

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

/** Where every POST lands (303): the page's own address, so Back and reload never send a form again. */
function backToPage(input: DownloadPageInput, after: { notice?: CodeNotice; problem?: CodeProblem['kind']; file?: DownloadFile }, cookies: string[] = []): Response {
  const query = new URLSearchParams({ lang: input.language });
  if (after.file) query.set('file', after.file);
  if (after.notice) query.set('notice', after.notice);
  if (after.problem) query.set('problem', after.problem);
  const response = redirect(`/download/${encodeURIComponent(input.reference)}?${query.toString()}`);
  return cookies.length > 0 ? { ...response, cookies } : response;
}

async function sendCode(deps: DownloadPageDeps, request: DownloadableRequest, input: DownloadPageInput): Promise<Response> {
  const now = deps.now();
  const previous = await deps.codes.get(request.id);
  if (previous && previous.sends >= MAX_DOWNLOAD_CODE_SENDS) return backToPage(input, { problem: 'too_many_codes' });
  if (previous && now.getTime() - Date.parse(previous.sentAt) < DOWNLOAD_CODE_RESEND_SECONDS * 1000) {
    return backToPage(input, { notice: 'recently_sent' });
  }
  const code = generateCode();
  const salt = newSalt();
  // A code by post travels for days (staff post it, the mail carries it): it lasts as long as the
  // download window; the tries per code stay as few as for a mailed one.
  const byPost = answeredByPost(request);
  await deps.codes.put(request.id, {
    hash: hashCode(code, salt),
    salt,
    expiresAt: byPost ? request.export.expiresAt : new Date(now.getTime() + DOWNLOAD_CODE_MINUTES * 60_000).toISOString(),
    attempts: 0,
    sentAt: now.toISOString(),
    sends: (previous?.sends ?? 0) + 1,
  });
  // The address the requester verified for this request; never one typed on the page.
  const { messageId } = await deps.mailer.send({
    ...letterDestination(request, now),
    ...downloadCodeLetter(request, code, byPost ? { byPost: { lastDay: exportLastDay(request.export) } } : {}),
    language: request.language,
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
  return backToPage(input, { notice: 'sent' });
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

/** Hands out one file to a person with a live session, recording the download. */
async function serveFile(deps: DownloadPageDeps, request: DownloadableRequest, input: DownloadPageInput, file: DownloadFile): Promise<Response> {
  const body = await deps.objects.getText(file === 'data' ? request.export.dataKey : request.export.reportKey);
  if (body === undefined) return html(410, renderExpiredPage(input, false));
  await record(deps, request, (current, at) => ({
    set: { export: { ...(current.export ?? request.export), downloads: (current.export?.downloads ?? request.export.downloads) + 1 }, updatedAt: at },
    audit: { requestId: request.id, at, event: 'export.downloaded', actor: ACTOR, detail: { file } },
  }));
  deps.logger.info('export.downloaded', { requestId: request.id, file });
  return fileResponse(request, file, body);
}

/** Checks a typed code; a good one opens a session (cookie) and sends the browser on to the file asked for. */
async function enterCode(
  deps: DownloadPageDeps,
  request: DownloadableRequest,
  input: DownloadPageInput,
  fields: URLSearchParams,
  secure: boolean,
): Promise<Response> {
  const file: DownloadFile = fields.get('file') === 'data' ? 'data' : 'report';
  const candidate = (fields.get('code') ?? '').replace(/\s+/g, '');
  if (!/^\d{6}$/.test(candidate)) return backToPage(input, { problem: 'missing' });
  const stored = await deps.codes.get(request.id);
  const problem: CodeProblem | undefined = !stored
    ? { kind: 'none' }
    : stored.attempts >= MAX_DOWNLOAD_CODE_ATTEMPTS
      ? { kind: 'too_many_attempts' }
      : Date.parse(stored.expiresAt) <= deps.now().getTime()
        ? { kind: 'expired' }
        : undefined;
  if (problem || !stored) return backToPage(input, { problem: problem?.kind ?? 'none' });

  if (!codeMatches(candidate, stored.hash, stored.salt)) {
    const attempts = await deps.codes.recordFailedAttempt(request.id, stored.hash);
    const attemptsLeft = Math.max(0, MAX_DOWNLOAD_CODE_ATTEMPTS - attempts);
    deps.logger.warn('download.code_rejected', { requestId: request.id, attemptsLeft });
    if (attemptsLeft === 0) {
      await record(deps, request, (_current, at) => ({
        set: { updatedAt: at },
        audit: { requestId: request.id, at, event: 'download.code_locked', actor: ACTOR, detail: { attempts } },
      }));
      return backToPage(input, { problem: 'too_many_attempts' });
    }
    return backToPage(input, { problem: 'wrong' });
  }

  const token = newSessionToken();
  await deps.sessions.start(request.id, {
    tokenHash: sessionTokenHash(token),
    expiresAt: new Date(deps.now().getTime() + DOWNLOAD_SESSION_MINUTES * 60_000).toISOString(),
  });
  deps.logger.info('download.session_started', { requestId: request.id });
  return backToPage(input, { file }, [downloadSessionCookie(token, `/download/${encodeURIComponent(request.id)}`, { secure })]);
}

/** Whether the browser holds a live session for this download (its cookie names a stored, unexpired one). */
async function hasLiveSession(deps: DownloadPageDeps, event: APIGatewayProxyEventV2, requestId: string): Promise<boolean> {
  const token = readCookie({ cookies: event.cookies, headers: event.headers }, DOWNLOAD_SESSION_COOKIE);
  if (!looksLikeSessionToken(token)) return false;
  return sessionIsLive(await deps.sessions.get(requestId, sessionTokenHash(token)), deps.now());
}

const CODE_PROBLEMS: readonly CodeProblem['kind'][] = ['missing', 'wrong', 'expired', 'none', 'too_many_attempts', 'too_many_codes'];
const NOTICES: readonly CodeNotice[] = ['sent', 'recently_sent'];

/** The code page as a POST left it (named in the query), with the tries left read from the store. */
async function codePage(deps: DownloadPageDeps, request: DownloadableRequest, input: DownloadPageInput, query: Record<string, string | undefined>): Promise<Response> {
  const notice = NOTICES.find((value) => value === query.notice);
  const kind = CODE_PROBLEMS.find((value) => value === query.problem);
  let problem: CodeProblem | undefined;
  if (kind === 'wrong') {
    const stored = await deps.codes.get(request.id);
    const attemptsLeft = Math.max(0, MAX_DOWNLOAD_CODE_ATTEMPTS - (stored?.attempts ?? MAX_DOWNLOAD_CODE_ATTEMPTS));
    problem = attemptsLeft > 0 ? { kind: 'wrong', attemptsLeft } : { kind: 'too_many_attempts' };
  } else if (kind) {
    problem = { kind } as CodeProblem;
  }
  return html(200, renderEnterCodePage(input, notice, problem));
}

/** Plain-HTTP loopback (local mode) is the one place a cookie goes without `Secure`. */
const isLoopbackHost = (host: string | undefined): boolean => /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(host ?? '');

/**
 * The download page of an export package, `/download/{id}`:
 * - `GET` shows the code field at once (a code mailed earlier works) and the button for a new one;
 * - `POST action=send-code` mails a new code (15 minutes, 5 tries) to the address the requester
 *   verified for the request, never to an address typed here, with resends limited; the page says
 *   that a new code ends the one sent before;
 * - `POST code=…&file=report|data` checks the code; a good one starts a download session of
 *   {@link DOWNLOAD_SESSION_MINUTES} minutes (HttpOnly, SameSite=Strict cookie on this page's
 *   path, only its hash stored) and redirects to the file;
 * - `GET ?file=report|data` with a live session serves the report inline or the data file as an
 *   attachment, through the function (no public or presigned URL), and records each download
 *   (`export.downloaded`, `export.downloads` + 1); without `file` it lists both files.
 * Every POST answers 303 to the page's own address (post-redirect-get), so Back never resends a
 * form.
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
    ...(answeredByPost(request) ? { byPost: true } : {}),
  };
  if (isExportExpired(request.export, deps.now())) return html(410, renderExpiredPage(input));
  const query = event.queryStringParameters ?? {};
  const signedIn = await hasLiveSession(deps, event, request.id);
  if (event.requestContext.http.method !== 'POST') {
    if (!signedIn) return codePage(deps, downloadable, input, query);
    if (query.file === 'report' || query.file === 'data') return serveFile(deps, downloadable, input, query.file);
    return html(200, renderFilesPage(input));
  }
  const fields = formFields(event);
  if (fields.get('action') === 'send-code') return sendCode(deps, downloadable, input);
  // A page left open from before the code was accepted still works while the session lasts.
  if (signedIn && (fields.get('code') ?? '').trim() === '') {
    return backToPage(input, { file: fields.get('file') === 'data' ? 'data' : 'report' });
  }
  return enterCode(deps, downloadable, input, fields, !isLoopbackHost(event.headers.host));
}
