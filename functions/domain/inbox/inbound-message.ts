import type { RequestType } from '../request/request-vocabulary.js';

/**
 * A received e-mail, parsed: what the sender wrote now (`ownText`) kept apart from the quoted
 * earlier messages and the signature, so recognition reads only the new words. Attachments are
 * kept (in S3) but never read as request text.
 */
export interface InboundMessage {
  readonly messageId?: string;
  readonly inReplyTo?: string;
  readonly references: readonly string[];
  readonly subject: string;
  readonly from?: { readonly address: string; readonly name?: string };
  readonly replyTo?: string;
  readonly to: readonly string[];
  /** When the message says it was written (Date header); receipt time comes from SES/SMTP instead. */
  readonly date?: string;
  /** The sender's own new text, from the text part or, when there is none, from the HTML. */
  readonly ownText: string;
  readonly quotedText: string;
  readonly signature: string;
  readonly attachments: readonly { readonly filename?: string; readonly contentType: string; readonly size: number }[];
  /** Lower-cased header names; the loop-safety and authenticity checks read these. */
  readonly headers: Readonly<Record<string, string>>;
}

export const MESSAGE_LANGUAGES = ['nb', 'nn', 'en', 'sv', 'da'] as const;
export type MessageLanguage = (typeof MESSAGE_LANGUAGES)[number];

export const MESSAGE_CATEGORIES = [
  'rights_request',
  'billing',
  'booking',
  'complaint',
  'spam',
  'newsletter',
  'bounce',
  'auto_reply',
  'other',
] as const;
export type MessageCategory = (typeof MESSAGE_CATEGORIES)[number];

/** What recognition concluded about one message. */
export interface Recognition {
  /** The rights asked for; empty when the mail is not a rights request. */
  readonly types: readonly RequestType[];
  readonly language: MessageLanguage;
  /** 0..1: how sure recognition is of `types` (and of `category` when types is empty). */
  readonly confidence: number;
  readonly category: MessageCategory;
  /** Written on behalf of someone else (lawyer, parent, employer, agency): staff must check the mandate. */
  readonly onBehalfOfOther: boolean;
  /**
   * Asks about someone else in the writer's own interest (an employer, an authority, another
   * customer): not a data subject's request at all, and never started as one. Implies `onBehalfOfOther`.
   */
  readonly thirdParty: boolean;
  /** Of a third party: an employer or HR asking about an employee (never the employee's own request). */
  readonly employer?: boolean;
  /** Reports a possible personal-data breach (Art. 33: 72 hours): staff at once. */
  readonly possibleBreach: boolean;
}

/** Below this confidence a message goes to staff triage instead of starting a case. */
export const CASE_CONFIDENCE_THRESHOLD = 0.75;
