import type { InboundMessage } from '../inbox/inbound-message.js';
import { referencedMessageKey } from './message-identity.js';

/** How many earlier Message-IDs of a thread are looked up; the newest ones matter. */
const MAX_REFERENCES = 20;

/**
 * Keys of the earlier mails this one answers, newest first: `In-Reply-To`, then `References`
 * from its end (RFC 5322 appends the parent last). Duplicates are dropped.
 */
export function referencedMessageKeys(message: InboundMessage): string[] {
  const ids = [...(message.inReplyTo ? splitIds(message.inReplyTo) : []), ...message.references.flatMap(splitIds).reverse()];
  const keys: string[] = [];
  for (const id of ids) {
    const key = referencedMessageKey(id);
    if (key && !keys.includes(key)) keys.push(key);
    if (keys.length === MAX_REFERENCES) break;
  }
  return keys;
}

/** A header may hold several `<id>`s; a value without brackets is one id. */
function splitIds(value: string): string[] {
  const bracketed = value.match(/<[^<>\s]+>/g);
  return bracketed ?? (value.trim() ? [value.trim()] : []);
}

/** A case reference as our letters write it in their subject: `NK-20261123-7KQ4M2PX`. */
const CASE_REFERENCE = /\bNK-\d{8}-[0-9A-HJKMNP-TV-Z]{8}\b/gi;

/**
 * Case references in a subject ("Re: Vi har mottatt henvendelsen din – referanse NK-…"), in
 * the order written, upper-cased, each once.
 */
export function caseReferencesInSubject(subject: string): string[] {
  const found = (subject.match(CASE_REFERENCE) ?? []).map((reference) => reference.toUpperCase());
  return [...new Set(found)];
}
