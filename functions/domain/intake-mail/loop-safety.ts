import type { InboundMessage } from '../inbox/inbound-message.js';

/** Why no automatic answer may go back to a mail (RFC 3834 and common practice). */
export const AUTO_ANSWER_BLOCKERS = [
  'auto_submitted',
  'precedence_bulk',
  'mailing_list',
  'null_return_path',
  'system_sender',
  'own_address',
  'auto_reply_marker',
  'delivery_report',
  'spam_verdict',
] as const;
export type AutoAnswerBlocker = (typeof AUTO_ANSWER_BLOCKERS)[number];

/** Local parts of addresses that are robots, never people (RFC 3834 § 2, RFC 2142). */
const SYSTEM_LOCAL_PART =
  /^(mailer-daemon|postmaster|listserv|majordomo|no-?reply|do-?not-?reply|bounces?|owner-.+|.+-request|.+-owner|.+-bounces?)$/i;

export interface LoopSafetyInput {
  readonly message: InboundMessage;
  /** The envelope sender SES saw (MAIL FROM); empty for a bounce. */
  readonly envelopeSender: string;
  /** Addresses that are ours (the inbox, the sender address of our letters). */
  readonly ownAddresses: readonly string[];
  /** SES's spam verdict failed: answering would be backscatter to a forged address. */
  readonly spam: boolean;
}

const isNullPath = (value: string | undefined): boolean => value !== undefined && /^\s*<?\s*>?\s*$/.test(value);

/**
 * Everything that forbids an automatic answer to this mail; empty when one may be sent. Loops
 * between our acknowledgement and an auto-responder, a list or a bounce are what this prevents:
 * - `Auto-Submitted` other than `no` (RFC 3834), `X-Autoreply`/`X-Autorespond`, and Exchange's
 *   `X-Auto-Response-Suppress: All|AutoReply|OOF`;
 * - `Precedence: bulk|junk|list`, any `List-*` header (RFC 2369/2919);
 * - an empty or `<>` Return-Path or envelope sender (a bounce);
 * - mailer-daemon, postmaster and other robot senders, or our own address;
 * - a delivery or disposition report (`multipart/report`);
 * - a failed SES spam verdict.
 */
export function autoAnswerBlockers(input: LoopSafetyInput): AutoAnswerBlocker[] {
  const { headers } = input.message;
  // A repeated header arrives joined with newlines, topmost (added last, by the nearest server) first.
  const values = (name: string): string[] =>
    headers[name] === undefined ? [] : headers[name]!.split('\n').map((value) => value.trim().toLowerCase());
  const blockers = new Set<AutoAnswerBlocker>();
  if (values('auto-submitted').some((value) => value.split(';')[0]!.trim() !== 'no')) blockers.add('auto_submitted');
  if (values('precedence').some((value) => ['bulk', 'junk', 'list'].includes(value))) blockers.add('precedence_bulk');
  if (Object.keys(headers).some((name) => name.startsWith('list-'))) blockers.add('mailing_list');
  const returnPath = values('return-path')[0];
  if (isNullPath(returnPath) || isNullPath(input.envelopeSender)) blockers.add('null_return_path');
  const from = input.message.from?.address.trim().toLowerCase();
  const localPart = from?.split('@')[0] ?? '';
  const envelopeLocalPart = input.envelopeSender.trim().replace(/^<|>$/g, '').split('@')[0] ?? '';
  if (from === undefined || SYSTEM_LOCAL_PART.test(localPart) || /^(mailer-daemon|postmaster)$/i.test(envelopeLocalPart)) {
    blockers.add('system_sender');
  }
  if (from !== undefined && input.ownAddresses.some((own) => own.trim().toLowerCase() === from)) blockers.add('own_address');
  const suppress = values('x-auto-response-suppress').join(' ');
  if (
    headers['x-autoreply'] !== undefined ||
    headers['x-autorespond'] !== undefined ||
    /\b(all|autoreply|oof)\b/.test(suppress)
  ) {
    blockers.add('auto_reply_marker');
  }
  if (/^\s*multipart\/report\b/i.test(headers['content-type'] ?? '')) blockers.add('delivery_report');
  if (input.spam) blockers.add('spam_verdict');
  return [...blockers];
}
