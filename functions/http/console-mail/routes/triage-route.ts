import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { QuarantineEntry, TriageEntry } from '../../../domain/intake-mail/inbox-entries.js';
import { IdempotencyKeyReusedError } from '../../../domain/request/request-errors.js';
import { dismissMail } from '../../../domain/triage/dismiss-mail.js';
import { TriageAlreadyResolvedError, TriageEntryNotFoundError, TriageMailMissingError } from '../../../domain/triage/triage-errors.js';
import { turnMailIntoCase } from '../../../domain/triage/turn-mail-into-case.js';
import { htmlPage, redirect } from '../../../web/console/console-responses.js';
import { field, submittedValues } from '../../../web/console/form-fields.js';
import type { ConsoleContext, Flash } from '../../../web/console/pages/console-context.js';
import { renderConflictPage, renderNotFoundPage } from '../../../web/console/pages/status-pages.js';
import { renderTriagePage, type TriageItem } from '../pages/triage-page.js';
import type { ConsoleRequest } from '../../../web/console/console-deps.js';
import type { ConsoleMailDeps } from '../console-mail-deps.js';
import { flashFrom } from '../../../web/console/flash-messages.js';
import { readReceivedMail } from '../../../web/console/received-mail.js';

/** How much of a mail's own text the triage list shows; the whole mail is one click away as a case. */
const EXCERPT_CHARACTERS = 600;
/** Mails read for excerpts per page load; the rest are listed with their subject only. */
const EXCERPTS_PER_PAGE = 50;

/** The entry with a short excerpt of what the sender wrote, when the raw mail can be read. */
async function withExcerpt(deps: ConsoleMailDeps, entry: TriageEntry): Promise<TriageItem> {
  const message = await readReceivedMail(deps, entry.rawKey);
  if (message === undefined) return entry;
  const text = message.ownText.trim();
  return { ...entry, excerpt: text.length > EXCERPT_CHARACTERS ? `${text.slice(0, EXCERPT_CHARACTERS)}…` : text };
}

async function triagePage(deps: ConsoleMailDeps, context: ConsoleContext, statusCode = 200): Promise<APIGatewayProxyStructuredResultV2> {
  const listed: TriageEntry[] = [];
  for await (const entry of deps.inbox.listTriage()) listed.push(entry);
  const entries = await Promise.all(listed.map((entry, index) => (index < EXCERPTS_PER_PAGE ? withExcerpt(deps, entry) : entry)));
  const quarantine: QuarantineEntry[] = [];
  for await (const entry of deps.inbox.listQuarantine()) quarantine.push(entry);
  return htmlPage(statusCode, renderTriagePage({ ...context, entries, quarantine, today: deps.today() }));
}

/** GET /console/triage: mail waiting for a person's judgement, and quarantined mail. */
export async function serveTriage(deps: ConsoleMailDeps, { event, context }: ConsoleRequest): Promise<APIGatewayProxyStructuredResultV2> {
  return triagePage(deps, { ...context, flash: flashFrom(event.queryStringParameters ?? {}) });
}

const errorFlash = (messages: readonly string[]): Flash => ({ kind: 'error', text: messages.join(' ') });

/**
 * POST /console/triage/{inboxId}/case|dismiss: the mail becomes a case on the normal workflow
 * (with the mail's own receipt time), or is set aside with a reason; either way it stays in the
 * inbox log. Problems come back on the triage page, with the mail still waiting.
 */
export async function serveTriageAction(
  deps: ConsoleMailDeps,
  { event, context, actor, form }: ConsoleRequest,
  action: 'case' | 'dismiss',
): Promise<APIGatewayProxyStructuredResultV2> {
  const inboxId = event.pathParameters?.inboxId ?? '';
  try {
    if (action === 'case') {
      const result = await turnMailIntoCase(deps, { inboxId, form: submittedValues(form), actor });
      if (!result.ok) return triagePage(deps, { ...context, flash: errorFlash(result.errors.map((error) => error.message)) }, 400);
      deps.logger.info('console.mail_triaged', { requestId: result.id });
      return redirect(`/console/requests/${encodeURIComponent(result.id)}?done=triaged-case`);
    }
    const result = await dismissMail(deps, { inboxId, reason: field(form, 'reason'), actor });
    if (!result.ok) return triagePage(deps, { ...context, flash: errorFlash(result.errors.map((error) => error.message)) }, 400);
    return redirect('/console/triage?done=dismissed');
  } catch (error) {
    if (error instanceof TriageEntryNotFoundError) return htmlPage(404, renderNotFoundPage(context));
    if (error instanceof TriageAlreadyResolvedError) {
      return htmlPage(409, renderConflictPage('E-posten er allerede behandlet av en kollega. Se innboksen på nytt.', undefined, context));
    }
    if (error instanceof TriageMailMissingError) {
      return htmlPage(409, renderConflictPage('Den opprinnelige e-posten finnes ikke lenger, så den kan ikke gjøres om til en sak. Registrer den som ny henvendelse.', undefined, context));
    }
    if (error instanceof IdempotencyKeyReusedError) {
      return htmlPage(409, renderConflictPage('E-posten er allerede gjort om til en sak med andre valg.', undefined, context));
    }
    throw error;
  }
}
