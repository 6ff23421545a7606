import type { Mailer } from '../mail/mailer.js';
import { loadRequest } from '../request/request-store.js';
import type { StoreDeps } from '../request/request-store.js';
import { staffUsername } from '../staff-auth/staff-identity.js';
import {
  NEEDS_STAFF_TEXT,
  renderStaffMessage,
  STAFF_MESSAGE_LANGUAGES,
  STAFF_MESSAGE_TEMPLATES,
  type StaffMessageLanguage,
  type StaffMessageTemplate,
} from './staff-message-templates.js';

/** The audit event of a message staff sent to the requester (its text is the entry's reason). */
export const STAFF_MESSAGE_EVENT = 'message.sent';
/** The mail purpose of staff messages, in tags and the letter outbox. */
export const STAFF_MESSAGE_PURPOSE = 'staff-message';
export const MAX_STAFF_MESSAGE_LENGTH = 5000;

/** A message that cannot be sent as asked; nothing was recorded or sent. */
/** The requester gave no e-mail address (a phone or post request): staff write by post instead. */
export class StaffMessageNoEmailError extends Error {
  override readonly name = 'StaffMessageNoEmailError';
  constructor() {
    super('staff message: the requester has no e-mail address');
  }
}

export class StaffMessageInvalidError extends Error {
  override readonly name = 'StaffMessageInvalidError';
  constructor(readonly field: 'template' | 'language' | 'text' | 'message_key') {
    super(`staff message: invalid ${field}`);
  }
}

export interface SendStaffMessageInput {
  readonly requestId: string;
  /** `staff:<username>`. */
  readonly actor: string;
  readonly template: string;
  readonly language: string;
  readonly text?: string;
  /** Fresh per form: a form sent twice (or again after a crash) sends and records one message. */
  readonly messageKey: string;
}

/**
 * Writes to the requester from the case page: a template (ask for a clarification or a mandate,
 * answer a question) or free text, in nb, nn or en, to the requester's address, with the case
 * reference in the subject so that the answer attaches to the case as a follow-up. The letter goes
 * through the recording mailer under a letter id made from the form's key (recorded before it is
 * sent), then the case's trail gets `message.sent` with the text, template and language.
 *
 * @throws StaffMessageInvalidError for an unknown template or language, a missing or too long text, or a bad key
 * @throws RequestNotFoundError when there is no such request
 */
export async function sendStaffMessage(
  deps: StoreDeps & { readonly mailer: Mailer },
  input: SendStaffMessageInput,
): Promise<{ readonly messageId: string; readonly repeated: boolean }> {
  staffUsername(input.actor);
  if (!(STAFF_MESSAGE_TEMPLATES as readonly string[]).includes(input.template)) throw new StaffMessageInvalidError('template');
  if (!(STAFF_MESSAGE_LANGUAGES as readonly string[]).includes(input.language)) throw new StaffMessageInvalidError('language');
  const template = input.template as StaffMessageTemplate;
  const text = input.text?.trim() ?? '';
  if ((NEEDS_STAFF_TEXT[template] && text === '') || text.length > MAX_STAFF_MESSAGE_LENGTH) throw new StaffMessageInvalidError('text');
  if (!/^[0-9a-f-]{16,64}$/.test(input.messageKey)) throw new StaffMessageInvalidError('message_key');

  const request = await loadRequest(deps.store, input.requestId);
  const letterId = `${STAFF_MESSAGE_PURPOSE}#${input.messageKey}`;
  const earlier = (await deps.store.auditTrail(request.id)).find(
    (entry) => entry.event === STAFF_MESSAGE_EVENT && entry.detail?.['letterId'] === letterId,
  );
  if (earlier) return { messageId: String(earlier.detail?.['messageId'] ?? ''), repeated: true };

  // Asked on someone's behalf: staff write to the representative (e.g. to ask for the mandate).
  const to = (request.representative ?? request.requester).email;
  if (to === undefined) throw new StaffMessageNoEmailError();
  const letter = renderStaffMessage({ template, language: input.language as StaffMessageLanguage, reference: request.id, staffText: text });
  const { messageId } = await deps.mailer.send({
    to,
    subject: letter.subject,
    text: letter.text,
    purpose: STAFF_MESSAGE_PURPOSE,
    requestId: request.id,
    letterId,
  });
  await deps.store.appendAudit(request.id, {
    requestId: request.id,
    at: deps.now().toISOString(),
    event: STAFF_MESSAGE_EVENT,
    actor: input.actor,
    ...(text && { reason: text }),
    detail: { template, language: input.language, letterId, messageId, subject: letter.subject },
  });
  deps.logger.info('case.message_sent', { requestId: request.id, template });
  return { messageId, repeated: false };
}
