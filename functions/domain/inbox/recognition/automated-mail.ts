import type { InboundMessage, MessageCategory } from '../inbound-message.js';
import { AUTO_REPLY_BODY_CUES, AUTO_REPLY_SUBJECT } from './auto-reply-cues.js';
import type { MessageWords } from './message-words.js';
import { scoreCues } from './score-cues.js';

/** A mail no person wrote to us now: it never starts a case, whatever words it quotes. */
export interface AutomatedMail {
  readonly category: Extract<MessageCategory, 'bounce' | 'auto_reply' | 'newsletter' | 'spam'>;
  readonly confidence: number;
  /** What gave it away, for explaining the result («header Auto-Submitted»). */
  readonly reason: string;
}

const BOUNCE_SENDER = /^(?:mailer-daemon|postmaster|mail-daemon|mailerdaemon|bounce[s]?|mdaemon)$/i;
const BOUNCE_SUBJECT =
  /\b(?:delivery status notification|undeliver(?:able|ed)|returned mail|mail delivery (?:failed|failure|subsystem)|delivery (?:has )?failed|failure notice|kan ikke leveres|ikke levert|levering mislyktes|kunne ikke leveres|olevererbart|kunde inte levereras|ikke leveret|kunne ikke leveres|non remis)\b/i;
const NEWSLETTER_SENDER = /^(?:newsletter|nyhetsbrev|nyheter|nyheder|news|noreply|no-reply|donotreply|marketing|kampanje|info-news)$/i;

const header = (message: InboundMessage, name: string): string => (message.headers[name] ?? '').toLowerCase();
const localPart = (message: InboundMessage): string => (message.from?.address ?? '').split('@')[0] ?? '';

function bounce(message: InboundMessage): AutomatedMail | undefined {
  const contentType = header(message, 'content-type');
  if (contentType.startsWith('multipart/report') && /report-type\s*=\s*"?delivery-status/.test(contentType)) return { category: 'bounce', confidence: 0.98, reason: 'delivery status report' };
  if (BOUNCE_SENDER.test(localPart(message))) return { category: 'bounce', confidence: 0.95, reason: 'sender mailer-daemon' };
  if (BOUNCE_SUBJECT.test(message.subject) && (header(message, 'return-path') === '<>' || header(message, 'auto-submitted') !== '')) return { category: 'bounce', confidence: 0.95, reason: 'bounce subject, empty return path' };
  if (BOUNCE_SUBJECT.test(message.subject)) return { category: 'bounce', confidence: 0.85, reason: 'bounce subject' };
  return undefined;
}

function autoReply(message: InboundMessage, own: MessageWords): AutomatedMail | undefined {
  const autoSubmitted = header(message, 'auto-submitted');
  if (autoSubmitted !== '' && autoSubmitted !== 'no') return { category: 'auto_reply', confidence: 0.97, reason: 'header Auto-Submitted' };
  if ('x-autoreply' in message.headers || 'x-autorespond' in message.headers || 'x-autoresponder' in message.headers) return { category: 'auto_reply', confidence: 0.97, reason: 'header X-Autoreply' };
  if (header(message, 'precedence') === 'auto_reply') return { category: 'auto_reply', confidence: 0.95, reason: 'header Precedence' };
  const bodyCues = scoreCues(own, AUTO_REPLY_BODY_CUES, false);
  if (AUTO_REPLY_SUBJECT.test(message.subject) && bodyCues >= 1) return { category: 'auto_reply', confidence: 0.88, reason: 'auto-reply subject and wording' };
  if (bodyCues >= 3) return { category: 'auto_reply', confidence: 0.8, reason: 'auto-reply wording' };
  return undefined;
}

function newsletter(message: InboundMessage): AutomatedMail | undefined {
  if ('list-unsubscribe' in message.headers || 'list-id' in message.headers) return { category: 'newsletter', confidence: 0.95, reason: 'header List-*' };
  const precedence = header(message, 'precedence');
  if (precedence === 'bulk' || precedence === 'list') return { category: 'newsletter', confidence: 0.92, reason: 'header Precedence' };
  if (precedence === 'junk') return { category: 'spam', confidence: 0.9, reason: 'header Precedence junk' };
  if (NEWSLETTER_SENDER.test(localPart(message)) && /\b(?:unsubscribe|meld deg av|avmeld|avregistrera|afmeld|vis i nettleser|view in browser)\b/i.test(message.ownText))
    return { category: 'newsletter', confidence: 0.85, reason: 'newsletter sender and unsubscribe line' };
  return undefined;
}

function spamFlag(message: InboundMessage): AutomatedMail | undefined {
  if (header(message, 'x-spam-flag').startsWith('yes') || header(message, 'x-spam-status').startsWith('yes')) return { category: 'spam', confidence: 0.95, reason: 'header X-Spam' };
  return undefined;
}

/**
 * Bounces, automatic replies, newsletters and mail flagged as spam, from their headers first (RFC
 * 3834 Auto-Submitted, RFC 3464 delivery reports, RFC 2369 List-*, Precedence) and their wording
 * second. Checked before any request wording: a newsletter footer about GDPR rights or a bounce of our
 * own letter about erasure is not a request, and answering an auto-reply would loop.
 */
export function detectAutomatedMail(message: InboundMessage, own: MessageWords): AutomatedMail | undefined {
  return bounce(message) ?? spamFlag(message) ?? autoReply(message, own) ?? newsletter(message);
}
