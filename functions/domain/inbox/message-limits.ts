/**
 * Size limits for an inbound message. Parsing a mail costs memory in proportion to its size, and a
 * sender's own words are never long: a mail past these limits goes to staff, not to recognition.
 */
export interface MessageLimits {
  /** The raw MIME, attachments included. */
  readonly maxRawBytes: number;
  /** The sender's own new text (UTF-8), after quoted replies and the signature are split off. */
  readonly maxOwnTextBytes: number;
}

/** 10 MB raw (SES delivers at most 40 MB, our form never sends more than a few kB); 50 kB of own text. */
export const DEFAULT_MESSAGE_LIMITS: MessageLimits = {
  maxRawBytes: 10 * 1024 * 1024,
  maxOwnTextBytes: 50 * 1024,
};
