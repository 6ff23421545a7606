import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { carryOut } from '../../../functions/domain/carry-out/carry-out.js';
import type { DownloadCode, DownloadCodeStore } from '../../../functions/domain/export/download-code-store.js';
import type { DownloadSession, DownloadSessionStore } from '../../../functions/domain/export/download-session.js';
import { serveDownloadPage } from '../../../functions/http/download-page/download-page.js';
import type { DownloadPageDeps } from '../../../functions/http/download-page/download-page.js';
import { scenario, type ScenarioInput } from '../carry-out/carry-out-fixture.js';
import { httpEvent } from '../fixtures/http-event-fixture.js';

/** In-memory {@link DownloadCodeStore} with the adapter's semantics (a guess counts only against its own code). */
export class InMemoryDownloadCodeStore implements DownloadCodeStore {
  readonly codes = new Map<string, DownloadCode>();

  async get(requestId: string): Promise<DownloadCode | undefined> {
    const code = this.codes.get(requestId);
    return code ? { ...code } : undefined;
  }

  async put(requestId: string, code: DownloadCode): Promise<void> {
    this.codes.set(requestId, { ...code });
  }

  async recordFailedAttempt(requestId: string, hash: string): Promise<number> {
    const code = this.codes.get(requestId);
    if (!code || code.hash !== hash) return 0;
    const next = { ...code, attempts: code.attempts + 1 };
    this.codes.set(requestId, next);
    return next.attempts;
  }

  async delete(requestId: string): Promise<void> {
    this.codes.delete(requestId);
  }
}

/** In-memory {@link DownloadSessionStore}, keyed by request and token hash like the adapter. */
export class InMemoryDownloadSessionStore implements DownloadSessionStore {
  readonly sessions = new Map<string, DownloadSession>();

  async start(requestId: string, session: DownloadSession): Promise<void> {
    this.sessions.set(`${requestId}#${session.tokenHash}`, { ...session });
  }

  async get(requestId: string, tokenHash: string): Promise<DownloadSession | undefined> {
    const session = this.sessions.get(`${requestId}#${tokenHash}`);
    return session ? { ...session } : undefined;
  }
}

/** A request whose access package was made, and the download page's dependencies with a clock that can move. */
export async function downloadable(input: Partial<ScenarioInput> = {}) {
  const fixture = scenario({ types: ['access', 'portability'], ...input });
  await carryOut(fixture.deps, fixture.request.id);
  let now = new Date(fixture.at);
  const codes = new InMemoryDownloadCodeStore();
  const sessions = new InMemoryDownloadSessionStore();
  const deps: DownloadPageDeps = {
    store: fixture.store,
    codes,
    sessions,
    objects: fixture.objects,
    mailer: fixture.mailer,
    now: () => now,
    logger: fixture.log.logger,
  };
  const id = fixture.request.id;
  const path = `/download/${id}`;
  const get = (query: Record<string, string> = {}, headers: Record<string, string> = {}): APIGatewayProxyEventV2 =>
    httpEvent({ method: 'GET', routeKey: 'GET /download/{id}', path, pathParameters: { id }, query, headers });
  const post = (fields: Record<string, string>, query: Record<string, string> = {}, headers: Record<string, string> = {}): APIGatewayProxyEventV2 =>
    httpEvent({
      method: 'POST',
      routeKey: 'POST /download/{id}',
      path,
      pathParameters: { id },
      query,
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(fields).toString(),
    });
  /** The browser's cookie for this page: set by a response's `cookies`, sent with every later request. */
  let cookie: string | undefined;
  const withCookie = (): Record<string, string> => (cookie ? { cookie } : {});
  const keepCookies = (response: Awaited<ReturnType<typeof serveDownloadPage>>) => {
    for (const set of response.cookies ?? []) cookie = set.split(';')[0];
  };
  /** A GET as the browser makes it (with its cookie). */
  const open = async (query: Record<string, string> = {}) => {
    const response = await serveDownloadPage(deps, get(query, withCookie()));
    keepCookies(response);
    return response;
  };
  /**
   * A form sent as the browser sends it: the POST (which must answer 303 to this page), then the
   * GET of its Location with the cookie it set. Answers both.
   */
  const submit = async (fields: Record<string, string>) => {
    const posted = await serveDownloadPage(deps, post(fields, {}, withCookie()));
    keepCookies(posted);
    const location = String(posted.headers?.location ?? '');
    if (posted.statusCode !== 303 || !location.startsWith(`${path}?`)) return { posted, page: posted, location };
    const page = await open(Object.fromEntries(new URL(location, 'https://personvern.example.no').searchParams));
    return { posted, page, location };
  };
  /** The code in the latest code mail. */
  const lastCode = (): string => {
    const mail = [...fixture.mailer.sent].reverse().find((m) => m.purpose === 'download-code');
    const code = /\b(\d{6})\b/.exec(mail?.text ?? '')?.[1];
    if (!code) throw new Error('no code mailed');
    return code;
  };
  return {
    ...fixture,
    deps,
    codes,
    sessions,
    id,
    get,
    post,
    open,
    submit,
    forgetCookie: () => {
      cookie = undefined;
    },
    lastCode,
    advance: (ms: number) => {
      now = new Date(now.getTime() + ms);
    },
  };
}
