import { normaliseBodyText } from './normalise-body-text.js';
import { splitQuotedReply } from './split-quoted-reply.js';
import { splitSignature } from './split-signature.js';

/** A body in its three parts: what recognition reads, and what it must not. */
export interface BodyParts {
  readonly ownText: string;
  readonly quotedText: string;
  readonly signature: string;
}

/**
 * Splits a decoded body into the sender's own new text, the quoted history and the signature, in that
 * order: quotes first (a quoted mail carries its own signature), then the signature of what is left.
 */
export function splitOwnText(body: string): BodyParts {
  const { ownText: unquoted, quotedText } = splitQuotedReply(normaliseBodyText(body));
  const { ownText, signature } = splitSignature(unquoted);
  return { ownText, quotedText, signature };
}
