import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { carryOut } from '../../../functions/domain/carry-out/carry-out.js';
import type { DownloadCode, DownloadCodeStore } from '../../../functions/domain/export/download-code-store.js';
import type { DownloadPageDeps } from '../../../functions/download-page/download-page.js';
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

/** A request whose access package was made, and the download page's dependencies with a clock that can move. */
export async function downloadable(input: Partial<ScenarioInput> = {}) {
  const fixture = scenario({ types: ['access', 'portability'], ...input });
  await carryOut(fixture.deps, fixture.request.id);
  let now = new Date(fixture.at);
  const codes = new InMemoryDownloadCodeStore();
  const deps: DownloadPageDeps = {
    store: fixture.store,
    codes,
    objects: fixture.objects,
    mailer: fixture.mailer,
    now: () => now,
    logger: fixture.log.logger,
  };
  const id = fixture.request.id;
  const path = `/download/${id}`;
  const get = (query: Record<string, string> = {}): APIGatewayProxyEventV2 =>
    httpEvent({ method: 'GET', routeKey: 'GET /download/{id}', path, pathParameters: { id }, query });
  const post = (fields: Record<string, string>, query: Record<string, string> = {}): APIGatewayProxyEventV2 =>
    httpEvent({
      method: 'POST',
      routeKey: 'POST /download/{id}',
      path,
      pathParameters: { id },
      query,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
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
    id,
    get,
    post,
    lastCode,
    advance: (ms: number) => {
      now = new Date(now.getTime() + ms);
    },
  };
}
