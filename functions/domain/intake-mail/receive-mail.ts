import { errorName, type Logger } from '../../platform/logger.js';
import type { InboundMessage, Recognition } from '../inbox/inbound-message.js';
import { transitionRequest } from '../lifecycle/apply-transition.js';
import { canTransition } from '../lifecycle/request-lifecycle.js';
import { ConcurrentChangeError, RequestNotFoundError } from '../request/request-errors.js';
import { submitRequest, type SubmitRequestDeps } from '../request/submit-request.js';
import { systemAddressCheck } from '../request/system-addresses.js';
import type { AuditEntry, RightsRequest } from '../request/rights-request.js';
import type { WorkflowStarter } from '../request/workflow-starter.js';
import { submissionFromMail } from './email-submission.js';
import { caseReferencesInSubject, referencedMessageKeys } from './follow-up-references.js';
import {
  BREACH_RESPONSE_HOURS,
  type AutoAnswer,
  type FollowUpMatch,
  type InboxLogEntry,
  type InboxOutcome,
  type QuarantineReason,
  type TriageReason,
} from './inbox-entries.js';
import type { AutoAnswerPolicy, InboxStore, OutcomeRecord } from './inbox-store.js';
import { autoAnswerBlockers, type AutoAnswerBlocker } from './loop-safety.js';
import { triageAcknowledgementLetter } from '../letters/triage-acknowledgement-letter.js';
import type { Mailer } from '../mail/mailer.js';
import { messageKey, senderKey } from './message-identity.js';
import { routeRecognition } from './route-recognition.js';
import { authenticationFromReceipt, authenticityDetail, type SenderAuthentication } from './sender-authentication.js';
import { rawMailKey, type SesReceiptEvent, type SesReceiptRecord } from './ses-receipt-event.js';

/** Reads a received mail's raw MIME from where the receipt rule stored it. */
export interface RawMailSource {
  read(key: string): Promise<Buffer | string | undefined>;
}

/** At most three automatic answers per sender a day: enough for a person, too few for a loop. */
export const DEFAULT_AUTO_ANSWER_POLICY: AutoAnswerPolicy = { max: 3, windowMs: 24 * 60 * 60 * 1000 };

/** Who the intake writes into audit trails as. */
export const INTAKE_ACTOR = 'system:email-intake';

export interface ReceiveMailDeps extends SubmitRequestDeps {
  readonly rawMail: RawMailSource;
  /** Key prefix of raw mails in the inbound bucket, e.g. `inbound/`. */
  readonly rawMailPrefix: string;
  readonly inbox: InboxStore;
  /** Parses raw MIME; throws `UnparseableMessageError` or `MessageTooLargeError`. */
  readonly parse: (raw: Buffer | string) => Promise<InboundMessage>;
  readonly recognise: (message: InboundMessage) => Recognition;
  /** Our own addresses: a mail from one of them is never answered automatically. */
  readonly ownAddresses: readonly string[];
  /**
   * The system's own addresses (defaults, configured sender and digest, MAIL FROM domain, any
   * `+tag`): a mail from one is never made the requester's case, it goes to staff triage.
   */
  readonly isSystemAddress?: (address: string) => boolean;
  readonly autoAnswerPolicy?: AutoAnswerPolicy;
  /** Sends the neutral acknowledgement of a mail set aside for triage; without one none is sent. */
  readonly mailer?: Mailer;
}

/** What became of one received mail. */
export interface ReceivedMail {
  readonly inboxId: string;
  readonly outcome: InboxOutcome;
  readonly caseId?: string;
  /** False when a retry found the outcome already written by an earlier attempt. */
  readonly recorded: boolean;
}

/**
 * Takes in every mail of an SES receipt event, one at a time. Each ends as exactly one of case,
 * follow-up, triage, quarantine or duplicate, written to the inbox log, so no mail is dropped.
 *
 * - The receipt time is when SES accepted the mail (`receipt.timestamp`), in Oslo time, never the
 *   time this runs: a retried or delayed invocation keeps the statutory clock where it started.
 * - A mail that cannot be read is quarantined with its raw kept; a second delivery of a
 *   Message-ID is a duplicate of the first.
 * - A reply naming an earlier mail that made a case (`In-Reply-To`/`References`), or a case
 *   reference in the subject, is attached to that case as `mail.followup_received`; the due date
 *   does not move.
 * - A recognised rights request of the sender's own becomes a case through `submitRequest`
 *   (channel `email`, received at the receipt time). Its workflow starts, and with it the
 *   acknowledgement — unless loop safety or the per-sender limit forbid automatic answers: then
 *   the case is stored (the clock runs) but held as `needs_attention` for staff to answer by hand,
 *   and no workflow mail goes to a robot, a list or a flooding sender.
 * - Everything else is listed for staff triage; possible breaches are urgent (Art. 33: 72 hours).
 *   The sender gets a neutral acknowledgement (received, staff will look at it, the one-month
 *   clock from receipt), under the same loop safety and per-sender limit as the case
 *   acknowledgement, and never for spam, newsletters, bounces or auto-replies, nor for a mail
 *   about a case its sender already has.
 *
 * Safe to retry: every step is conditional or idempotent on the SES message id, so a Lambda
 * retry after a crash finishes the same outcome without a second case, answer or log line.
 * Failures of the stores propagate (Lambda retries, then its failure destination).
 */
export async function receiveMail(deps: ReceiveMailDeps, event: SesReceiptEvent): Promise<ReceivedMail[]> {
  const results: ReceivedMail[] = [];
  for (const record of event.Records) results.push(await receiveOne(deps, record));
  return results;
}

interface Received {
  readonly inboxId: string;
  readonly rawKey: string;
  /** Receipt instant with the Oslo offset (stored), and the Date it denotes. */
  readonly receivedAt: string;
  readonly receivedInstant: Date;
  readonly authentication: SenderAuthentication;
  readonly record: SesReceiptRecord;
  readonly logger: Logger;
}

async function receiveOne(deps: ReceiveMailDeps, record: SesReceiptRecord): Promise<ReceivedMail> {
  const { mail, receipt } = record.ses;
  const receivedInstant = new Date(receipt.timestamp);
  const received: Received = {
    inboxId: mail.messageId,
    rawKey: rawMailKey(deps.rawMailPrefix, mail.messageId),
    receivedAt: deps.formatInstant(receivedInstant),
    receivedInstant,
    authentication: authenticationFromReceipt(receipt),
    record,
    logger: deps.logger.child({ inboxId: mail.messageId }),
  };

  if (receipt.virusVerdict.status === 'FAIL') return quarantine(deps, received, 'virus');
  const raw = await deps.rawMail.read(received.rawKey);
  if (raw === undefined) return quarantine(deps, received, 'raw_missing');
  let message: InboundMessage;
  try {
    message = await deps.parse(raw);
  } catch (error) {
    const name = errorName(error);
    return quarantine(deps, received, name === 'MessageTooLargeError' ? 'too_large' : 'unparseable', name, parseFailureDetail(error));
  }

  const key = messageKey(message.messageId, received.inboxId);
  const claim = await deps.inbox.claimMessage({ messageKey: key, inboxId: received.inboxId, receivedAt: received.receivedAt });
  if (!claim.first) {
    return writeOutcome(deps, received, {
      log: { ...logBase(deps, received, 'duplicate'), messageKey: key, duplicateOf: claim.heldBy.inboxId, caseId: claim.heldBy.caseId },
    });
  }

  let recognition: Recognition | undefined;
  try {
    recognition = deps.recognise(message);
  } catch (error) {
    received.logger.error('intake.recognition_failed', { error: errorName(error) });
  }

  const followUp = await findFollowUp(deps, message);
  if (followUp) return attachFollowUp(deps, received, message, key, followUp, recognition);
  if (!recognition) return triage(deps, received, message, key, 'uncertain', undefined, { note: 'recognition_failed' });
  const route = routeRecognition(recognition);
  if (route.to === 'triage') return triage(deps, received, message, key, route.reason, recognition);
  return openCase(deps, received, message, key, recognition);
}

function logBase(deps: ReceiveMailDeps, received: Received, outcome: InboxOutcome): InboxLogEntry {
  return {
    inboxId: received.inboxId,
    receivedAt: received.receivedAt,
    rawKey: received.rawKey,
    outcome,
    recordedAt: deps.now().toISOString(),
    authentication: received.authentication,
  };
}

/** Writes the outcome once and reports it; a retry finding it written reports the same. */
async function writeOutcome(deps: ReceiveMailDeps, received: Received, outcome: OutcomeRecord): Promise<ReceivedMail> {
  const { recorded } = await deps.inbox.recordOutcome(outcome);
  const { log } = outcome;
  received.logger.info(recorded ? 'intake.recorded' : 'intake.already_recorded', {
    outcome: log.outcome,
    caseId: log.caseId,
    triageReason: log.triageReason,
    quarantineReason: log.quarantineReason,
    quarantineDetail: outcome.quarantine?.detail,
    autoAnswer: log.autoAnswer?.allowed,
    senderAddressTrusted: received.authentication.addressTrusted,
  });
  return { inboxId: received.inboxId, outcome: log.outcome, caseId: log.caseId, recorded };
}

/**
 * The parser's reason (`UnparseableMessageError.reason`) or oversized part
 * (`MessageTooLargeError.part`): closed sets of codes, never mail content.
 */
function parseFailureDetail(error: unknown): string | undefined {
  const { reason, part } = (error ?? {}) as { reason?: unknown; part?: unknown };
  const detail = typeof reason === 'string' ? reason : typeof part === 'string' ? part : undefined;
  return detail !== undefined && /^[a-z_]{1,40}$/.test(detail) ? detail : undefined;
}

function quarantine(
  deps: ReceiveMailDeps,
  received: Received,
  reason: QuarantineReason,
  error?: string,
  detail?: string,
): Promise<ReceivedMail> {
  const { commonHeaders } = received.record.ses.mail;
  return writeOutcome(deps, received, {
    log: { ...logBase(deps, received, 'quarantine'), quarantineReason: reason },
    quarantine: {
      inboxId: received.inboxId,
      receivedAt: received.receivedAt,
      rawKey: received.rawKey,
      reason,
      error,
      detail,
      from: commonHeaders.from?.join(', '),
      subject: commonHeaders.subject,
      authentication: received.authentication,
    },
  });
}

/** Categories that are no person writing to us: a triage acknowledgement would be backscatter or a loop. */
const NOT_A_PERSON: Readonly<Partial<Record<Recognition['category'], AutoAnswerBlocker>>> = {
  spam: 'spam_verdict',
  newsletter: 'mailing_list',
  bounce: 'delivery_report',
  auto_reply: 'auto_reply_marker',
};

/** The letter id of a triage acknowledgement; its "request" is the inbox entry (there is no case). */
export const triageAcknowledgementRequestId = (inboxId: string): string => `INBOX-${inboxId}`;

/**
 * Whether this triaged mail may be acknowledged: loop safety and the category first, then one of
 * the sender's automatic answers for the day (idempotent per mail, so a retry decides the same).
 */
async function triageAnswer(deps: ReceiveMailDeps, received: Received, message: InboundMessage, recognition: Recognition | undefined): Promise<AutoAnswer> {
  const blockers = new Set<AutoAnswerBlocker>(
    autoAnswerBlockers({
      message,
      envelopeSender: received.record.ses.mail.source,
      ownAddresses: [...deps.ownAddresses, ...received.record.ses.receipt.recipients],
      spam: received.record.ses.receipt.spamVerdict.status === 'FAIL',
    }),
  );
  const byCategory = recognition && NOT_A_PERSON[recognition.category];
  if (byCategory) blockers.add(byCategory);
  const sender = message.from?.address;
  if (blockers.size > 0 || !sender) return { allowed: false, blockedBy: blockers.size > 0 ? [...blockers] : ['system_sender'] };
  const allowed = await deps.inbox.takeAutoAnswer(
    senderKey(sender),
    received.inboxId,
    received.receivedInstant,
    deps.autoAnswerPolicy ?? DEFAULT_AUTO_ANSWER_POLICY,
  );
  return { allowed, blockedBy: allowed ? [] : ['rate_limit'] };
}

async function triage(
  deps: ReceiveMailDeps,
  received: Received,
  message: InboundMessage,
  key: string,
  reason: TriageReason,
  recognition: Recognition | undefined,
  extra: { readonly note?: string; readonly relatedCaseId?: string; readonly caseAudit?: readonly AuditEntry[] } = {},
): Promise<ReceivedMail> {
  const urgent = reason === 'possible_breach';
  if (urgent) received.logger.warn('intake.possible_breach', { relatedCaseId: extra.relatedCaseId });
  // A mail about a case its sender has is answered in that case; one without a mailer is not answered.
  const autoAnswer = deps.mailer && !extra.relatedCaseId ? await triageAnswer(deps, received, message, recognition) : undefined;
  const outcome = await writeOutcome(deps, received, {
    log: { ...logBase(deps, received, 'triage'), messageKey: key, triageReason: reason, caseId: extra.relatedCaseId, autoAnswer },
    triage: {
      inboxId: received.inboxId,
      receivedAt: received.receivedAt,
      rawKey: received.rawKey,
      reason,
      urgent,
      respondBy: urgent
        ? new Date(received.receivedInstant.getTime() + BREACH_RESPONSE_HOURS * 60 * 60 * 1000).toISOString()
        : undefined,
      recognition: recognition && { ...recognition, types: [...recognition.types] },
      note: extra.note,
      from: message.from && { address: message.from.address, name: message.from.name },
      subject: message.subject,
      authentication: received.authentication,
      relatedCaseId: extra.relatedCaseId,
    },
    caseAudit: extra.caseAudit,
  });
  // After the outcome is written, so a crash before it leaves nothing sent; a retry after it sends
  // the recorded letter (one letter id per mail), never a second one.
  if (deps.mailer && autoAnswer?.allowed && message.from) {
    const language = recognition?.language === 'en' ? 'en' : 'nb';
    await deps.mailer.send({
      to: message.from.address,
      ...triageAcknowledgementLetter(language, received.receivedAt),
      language,
      purpose: 'triage-acknowledgement',
      requestId: triageAcknowledgementRequestId(received.inboxId),
      letterId: 'triage-acknowledgement',
    });
    received.logger.info('intake.triage_acknowledged', { triageReason: reason });
  }
  return outcome;
}

interface FollowUp {
  readonly request: RightsRequest;
  readonly match: FollowUpMatch;
}

/**
 * The case this mail follows up, if any: first by the thread (an earlier mail that made or
 * followed a case), then by a case reference in the subject that names a stored case.
 */
async function findFollowUp(deps: ReceiveMailDeps, message: InboundMessage): Promise<FollowUp | undefined> {
  const keys = referencedMessageKeys(message);
  if (keys.length > 0) {
    const cases = await deps.inbox.casesForMessages(keys);
    for (const key of keys) {
      const caseId = cases.get(key);
      const request = caseId ? await deps.store.get(caseId) : undefined;
      if (request) return { request, match: 'message_reference' };
    }
  }
  for (const reference of caseReferencesInSubject(message.subject)) {
    const request = await deps.store.get(reference);
    if (request) return { request, match: 'subject_reference' };
  }
  return undefined;
}

const UNTRUSTED_SENDER = 'sender address not authenticated (DMARC): identity must not rest on it';

async function attachFollowUp(
  deps: ReceiveMailDeps,
  received: Received,
  message: InboundMessage,
  key: string,
  followUp: FollowUp,
  recognition: Recognition | undefined,
): Promise<ReceivedMail> {
  const { request, match } = followUp;
  const breach = recognition?.possibleBreach === true;
  const audit: AuditEntry = {
    requestId: request.id,
    at: deps.now().toISOString(),
    event: 'mail.followup_received',
    actor: INTAKE_ACTOR,
    reason: received.authentication.addressTrusted ? undefined : UNTRUSTED_SENDER,
    detail: {
      inboxId: received.inboxId,
      rawKey: received.rawKey,
      receivedAt: received.receivedAt,
      matchedBy: match,
      fromRequester: message.from?.address.trim().toLowerCase() === request.requester.email?.toLowerCase(),
      ...authenticityDetail(received.authentication),
      ...(breach ? { routedTo: 'triage', triageReason: 'possible_breach' } : {}),
    },
  };
  // A breach reported in reply to our letter (say, someone else's data in an export) is urgent
  // first: it goes to triage, and the case's trail points at it.
  if (breach) return triage(deps, received, message, key, 'possible_breach', recognition, { relatedCaseId: request.id, caseAudit: [audit] });
  return writeOutcome(deps, received, {
    log: { ...logBase(deps, received, 'follow_up'), messageKey: key, caseId: request.id, followUpMatch: match },
    caseAudit: [audit],
  });
}

/** `submitRequest` stores the case; the intake itself decides whether its workflow starts. */
const NOT_YET: WorkflowStarter = { start: async () => undefined };

async function openCase(
  deps: ReceiveMailDeps,
  received: Received,
  message: InboundMessage,
  key: string,
  recognition: Recognition,
): Promise<ReceivedMail> {
  const submission = submissionFromMail(message, recognition);
  if (!submission) return triage(deps, received, message, key, 'uncertain', recognition, { note: 'no_usable_sender' });
  // Our own address as the requester's would make the system mail itself (a loop) or carry a
  // forger's text to our own staff: staff look at it instead.
  if (submission.email !== undefined && (deps.isSystemAddress ?? systemAddressCheck())(submission.email)) {
    return triage(deps, received, message, key, 'uncertain', recognition, { note: 'system_address' });
  }

  const blockers: AutoAnswerBlocker[] = autoAnswerBlockers({
    message,
    envelopeSender: received.record.ses.mail.source,
    ownAddresses: [...deps.ownAddresses, ...received.record.ses.receipt.recipients],
    spam: received.record.ses.receipt.spamVerdict.status === 'FAIL',
  });
  const withinLimit =
    blockers.length === 0 &&
    (await deps.inbox.takeAutoAnswer(
      senderKey(submission.email ?? ''),
      received.inboxId,
      received.receivedInstant,
      deps.autoAnswerPolicy ?? DEFAULT_AUTO_ANSWER_POLICY,
    ));
  const autoAnswer: AutoAnswer = {
    allowed: withinLimit,
    blockedBy: blockers.length > 0 ? blockers : withinLimit ? [] : ['rate_limit'],
  };

  const created = await submitRequest(
    { ...deps, workflow: NOT_YET },
    { submission, channel: 'email', receivedAt: received.receivedAt, idempotencyKey: `message:${key}`, actor: 'requester' },
  );
  const started = await startOrHold(deps, created.id, autoAnswer);

  const at = deps.now().toISOString();
  const caseAudit: AuditEntry[] = [
    {
      requestId: created.id,
      at,
      event: 'mail.request_received',
      actor: INTAKE_ACTOR,
      reason: received.authentication.addressTrusted ? undefined : UNTRUSTED_SENDER,
      detail: {
        inboxId: received.inboxId,
        rawKey: received.rawKey,
        receivedAt: received.receivedAt,
        confidence: recognition.confidence,
        autoAnswer: started,
        autoAnswerBlockedBy: autoAnswer.blockedBy,
        ...authenticityDetail(received.authentication),
      },
    },
  ];
  if (received.authentication.failed) {
    caseAudit.push({
      requestId: created.id,
      at,
      event: 'mail.authentication_failed',
      actor: INTAKE_ACTOR,
      reason: UNTRUSTED_SENDER,
      detail: { inboxId: received.inboxId, ...authenticityDetail(received.authentication) },
    });
  }
  return writeOutcome(deps, received, {
    log: {
      ...logBase(deps, received, 'case'),
      messageKey: key,
      caseId: created.id,
      autoAnswer: { allowed: started, blockedBy: autoAnswer.blockedBy },
    },
    caseAudit,
  });
}

/**
 * Starts the workflow (whose first step acknowledges) when automatic answers are allowed, or
 * holds the case as `needs_attention` for staff to answer by hand. A case held by an earlier
 * attempt stays held: whatever a retry decides, it never starts mail to a blocked sender.
 * Returns whether the workflow was started.
 */
async function startOrHold(deps: ReceiveMailDeps, requestId: string, autoAnswer: AutoAnswer): Promise<boolean> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const request = await deps.store.get(requestId);
    if (!request) throw new RequestNotFoundError(requestId);
    if (request.status === 'needs_attention') return false;
    if (autoAnswer.allowed) {
      await deps.workflow.start(requestId);
      return true;
    }
    // Only a case nobody has moved yet is held; one the workflow already runs is left to it.
    if (!canTransition(request.status, 'auto_answer_withheld')) return true;
    const at = deps.now().toISOString();
    try {
      await transitionRequest(deps.store, request, 'auto_answer_withheld', {
        actor: INTAKE_ACTOR,
        at,
        reason: 'automatic answers withheld: staff answer this e-mail request by hand',
        detail: { autoAnswerBlockedBy: autoAnswer.blockedBy },
      });
      deps.logger.warn('intake.case_held', { requestId, blockedBy: autoAnswer.blockedBy.join(',') });
      return false;
    } catch (error) {
      if (!(error instanceof ConcurrentChangeError)) throw error;
    }
  }
  throw new ConcurrentChangeError(requestId);
}
