import type { InboundMessage } from '../inbound-message.js';
import { messageWords, type MessageWords } from './message-words.js';

/** "Re:", "SV:", "Sv:", "AW:", "VS:", "Fwd:", "VB:", "Antw:": the subject of an earlier message. */
const REPLY_OR_FORWARD = /^\s*(?:re|sv|aw|vs|vb|fw|fwd|antw|r|tr)\s*(?:\[\d+\])?\s*:/i;

/** True when the subject repeats an earlier message's subject rather than saying something new. */
export const isReplySubject = (message: InboundMessage): boolean => REPLY_OR_FORWARD.test(message.subject) || message.inReplyTo !== undefined;

/**
 * The words recognition reads: the sender's own new text, and the subject when it is the sender's
 * own (not "SV: Slett meg" echoing a request already handled). Quoted history, signatures and
 * attachments are never read.
 */
export function recognitionText(message: InboundMessage): MessageWords {
  const subject = isReplySubject(message) ? '' : message.subject.trim();
  return messageWords(subject === '' ? message.ownText : `${subject}\n\n${message.ownText}`);
}

/** The own text alone, for judging how much the sender actually wrote. */
export const ownWords = (message: InboundMessage): MessageWords => messageWords(message.ownText);
