import { randomUUID } from 'node:crypto';
import { osloCalendarDate } from '../../domain/deadline/index.js';
import { assessDeadlines, isAwaitingAnswer, type WatchedCase } from '../../domain/deadline-watch/assess-deadlines.js';
import { warningAuditEntry, warningsSentFrom } from '../../domain/deadline-watch/deadline-warning-audit.js';
import { DIGEST_PURPOSE, digestMail, digestRequestId, type TriageBacklog } from '../../domain/deadline-watch/digest-mail.js';
import type { InboxStore } from '../../domain/intake-mail/inbox-store.js';
import { DEADLINE_METRICS, type DeadlineMetricName } from '../../domain/deadline-watch/deadline-metrics.js';
import { warningDue } from '../../domain/deadline-watch/warning-due.js';
import { warningMail } from '../../domain/deadline-watch/warning-mail.js';
import { warningPurpose } from '../../domain/deadline-watch/warning-thresholds.js';
import { isAnswerPurpose, type PostalLetterStore } from '../../domain/post/postal-letter.js';
import type { Mailer } from '../../domain/mail/mailer.js';
import type { RequestStore } from '../../domain/request/request-store.js';
import { readOpenRequests } from '../../domain/request/open-requests.js';
import { errorName, type Logger } from '../../platform/logger.js';

/** What the deadline watch needs; the handler builds it from config and adapters. */
export interface WatchDeadlinesDeps {
  readonly store: Pick<RequestStore, 'listOpen' | 'getMany' | 'auditTrail' | 'appendAudit'>;
  readonly mailer: Mailer;
  readonly now: () => Date;
  readonly logger: Logger;
  /** The staff mailbox that gets the digest and the warnings (`STAFF_DIGEST_ADDRESS`). */
  readonly staffAddress: string;
  /** The site's origin for console links (`PUBLIC_BASE_URL`); unset gives site-relative links. */
  readonly publicBaseUrl?: string;
  /** Records the run's counts as CloudWatch metrics (Powertools Metrics in the function). */
  readonly recordCounts: (counts: Readonly<Record<DeadlineMetricName, number>>) => void;
  /** Letters by post: an answer not yet posted keeps its case due (or overdue). */
  readonly postalLetters?: Pick<PostalLetterStore, 'listUnposted'>;
  /** The triage list, counted in the digest until each mail is resolved; left out, the digest omits it. */
  readonly inbox?: Pick<InboxStore, 'listTriage'>;
}

/** What one run did, in counts only (it is logged and returned to the scheduler). */
export interface WatchDeadlinesSummary {
  /** Open requests still waiting for an answer. */
  readonly open: number;
  readonly overdue: number;
  readonly warningsSent: number;
  /** Warnings that failed; they are not recorded, so the next run tries again. */
  readonly warningsFailed: number;
  readonly digestSent: boolean;
}

/**
 * Sends the warning a case needs today, if any, and records it in the case's audit trail after
 * the mail went out. Returns whether a mail was sent. A crash between the two would send that
 * one warning again on the next run: a duplicate reminder is better than a missed one.
 */
async function warnIfDue(deps: WatchDeadlinesDeps, row: WatchedCase): Promise<boolean> {
  const due = warningDue(row, warningsSentFrom(await deps.store.auditTrail(row.id)));
  if (!due) return false;
  let messageId = 'not-sent';
  if (due.mail !== undefined) {
    const letter = warningMail(row, due.mail, deps.publicBaseUrl);
    ({ messageId } = await deps.mailer.send({
      to: deps.staffAddress,
      subject: letter.subject,
      text: letter.text,
      purpose: warningPurpose(due.mail),
      requestId: row.id,
      letterId: warningPurpose(due.mail),
    }));
  }
  const at = deps.now().toISOString();
  for (const threshold of due.record) {
    await deps.store.appendAudit(row.id, warningAuditEntry(row.id, threshold, at, messageId));
  }
  if (due.mail !== undefined) deps.logger.info('deadline.warning_sent', { requestId: row.id, threshold: due.mail });
  return due.mail !== undefined;
}

/** The open triage list in counts and the oldest receipt date (Oslo). */
async function triageBacklog(inbox: Pick<InboxStore, 'listTriage'>): Promise<TriageBacklog> {
  let open = 0;
  let urgent = 0;
  let oldest: string | undefined;
  for await (const entry of inbox.listTriage()) {
    open += 1;
    if (entry.urgent) urgent += 1;
    const receivedOn = osloCalendarDate(entry.receivedAt);
    if (oldest === undefined || receivedOn < oldest) oldest = receivedOn;
  }
  return { open, urgent, oldestReceivedOn: oldest };
}

/**
 * The daily deadline watch (GDPR Art. 12(3)): finds the open requests that are overdue or short
 * of time, warns staff once per case at 7 and at 2 working days left, reports the overdue count
 * and the cases due within 2 working days as CloudWatch metrics (an alarm fires on any overdue
 * case), and mails staff the digest.
 *
 * Safe to repeat: warnings already in a case's audit trail are not sent again, so a retried or
 * doubled run sends at most one more digest. One case's failing warning is logged and reported in
 * the digest without stopping the others; a failure to list requests or to send the digest fails
 * the run, so it is retried and the function's error alarm fires.
 */
export async function watchDeadlines(deps: WatchDeadlinesDeps): Promise<WatchDeadlinesSummary> {
  const now = deps.now();
  const today = osloCalendarDate(now);
  // The index already tells which are answered; those need not be read at all, unless their answer
  // is a letter still waiting to be posted (then the answer is not given yet).
  const open = await readOpenRequests(deps.store, isAwaitingAnswer);
  const unposted = new Set(
    (deps.postalLetters ? await deps.postalLetters.listUnposted() : []).filter((letter) => isAnswerPurpose(letter.purpose)).map((letter) => letter.requestId),
  );
  const answeredUnposted = await deps.store.getMany([...unposted].filter((id) => !open.some((request) => request.id === id)));
  const assessment = assessDeadlines([...open, ...answeredUnposted], today, unposted);

  let warningsSent = 0;
  let warningsFailed = 0;
  for (const row of assessment.urgent) {
    try {
      if (await warnIfDue(deps, row)) warningsSent += 1;
    } catch (error) {
      warningsFailed += 1;
      deps.logger.error('deadline.warning_failed', { requestId: row.id, error: errorName(error) });
    }
  }

  deps.recordCounts({ [DEADLINE_METRICS.overdue]: assessment.overdue, [DEADLINE_METRICS.dueWithin2WorkingDays]: assessment.dueWithinLastCall });

  const digest = digestMail({ assessment, publicBaseUrl: deps.publicBaseUrl, warningsFailed, triage: deps.inbox && (await triageBacklog(deps.inbox)) });
  await deps.mailer.send({
    to: deps.staffAddress,
    subject: digest.subject,
    text: digest.text,
    purpose: DIGEST_PURPOSE,
    requestId: digestRequestId(today),
    // Each run's digest is its own letter: a repeated run reports again (see above).
    letterId: `${DIGEST_PURPOSE}#${randomUUID()}`,
  });

  const summary: WatchDeadlinesSummary = {
    open: assessment.waiting,
    overdue: assessment.overdue,
    warningsSent,
    warningsFailed,
    digestSent: true,
  };
  deps.logger.info('deadline.watch_completed', { today, ...summary });
  return summary;
}
