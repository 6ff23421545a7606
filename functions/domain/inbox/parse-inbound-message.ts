import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import type { InboundMessage } from './inbound-message.js';
import { MessageTooLargeError, UnparseableMessageError } from './inbound-message-errors.js';
import { headerRecord } from './parsing/header-record.js';
import { htmlToText } from './parsing/html-to-text.js';
import { assertLooksLikeMail } from './parsing/raw-mail-checks.js';
import { isMostlyUnreadable } from './parsing/readable-text.js';
import { splitOwnText } from './parsing/split-own-text.js';

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

const PARSER_OPTIONS = {
  // Our own HTML conversion keeps blockquotes as "> " lines and never renders link targets as text.
  skipHtmlToText: true,
  skipTextToHtml: true,
  skipImageLinks: true,
  skipTextLinks: true,
  // A bounce's machine-readable report is an attachment, not words a person wrote.
  keepDeliveryStatus: true,
} as const;

function addresses(field: AddressObject | AddressObject[] | undefined): { address: string; name?: string }[] {
  const objects = field === undefined ? [] : Array.isArray(field) ? field : [field];
  return objects
    .flatMap((object) => object.value)
    .flatMap((entry) => (entry.group ? entry.group : [entry]))
    .filter((entry): entry is typeof entry & { address: string } => typeof entry.address === 'string' && entry.address !== '')
    .map((entry) => (entry.name ? { address: entry.address, name: entry.name } : { address: entry.address }));
}

function references(mail: ParsedMail): string[] {
  const value = mail.references;
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : value.split(/\s+/)).filter((reference) => reference.trim() !== '');
}

/** The body as text: the text part, or the HTML part converted when the text part is missing or blank. */
function bodyText(mail: ParsedMail): string {
  if (typeof mail.text === 'string' && mail.text.trim() !== '') return mail.text;
  if (typeof mail.html === 'string' && mail.html.trim() !== '') return htmlToText(mail.html);
  return '';
}

const isMultipart = (mail: ParsedMail): boolean => /^\s*multipart\//i.test(mail.headerLines.find((line) => line.key === 'content-type')?.line.slice(13) ?? '');

function toInboundMessage(mail: ParsedMail, limits: MessageLimits): InboundMessage {
  if (mail.headers.size === 0) throw new UnparseableMessageError('missing_headers');
  const hasHtml = typeof mail.html === 'string' && mail.html.trim() !== '';
  if (isMultipart(mail) && mail.text === undefined && !hasHtml && mail.attachments.length === 0) throw new UnparseableMessageError('broken_multipart');
  const body = bodyText(mail);
  if (isMostlyUnreadable(body)) throw new UnparseableMessageError('undecodable_body');
  const parts = splitOwnText(body);
  const ownTextBytes = Buffer.byteLength(parts.ownText, 'utf8');
  if (ownTextBytes > limits.maxOwnTextBytes) throw new MessageTooLargeError('own_text', ownTextBytes, limits.maxOwnTextBytes);
  const from = addresses(mail.from)[0];
  const replyTo = addresses(mail.replyTo)[0]?.address;
  const date = mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date.toISOString() : undefined;
  return {
    ...(mail.messageId ? { messageId: mail.messageId } : {}),
    ...(mail.inReplyTo ? { inReplyTo: mail.inReplyTo } : {}),
    references: references(mail),
    subject: mail.subject ?? '',
    ...(from ? { from } : {}),
    ...(replyTo ? { replyTo } : {}),
    to: addresses(mail.to).map((entry) => entry.address),
    ...(date ? { date } : {}),
    ownText: parts.ownText,
    quotedText: parts.quotedText,
    signature: parts.signature,
    attachments: mail.attachments.map((attachment) => ({
      ...(attachment.filename ? { filename: attachment.filename } : {}),
      contentType: attachment.contentType,
      size: attachment.size,
    })),
    headers: headerRecord(mail.headerLines),
  };
}

/**
 * Parses a raw e-mail (as SES stores it in S3, or as the local SMTP server receives it) into an
 * `InboundMessage`: the sender's own new words kept apart from quoted replies and the signature, so
 * recognition reads only what was written now; attachments listed but never read as text.
 *
 * Bad input never throws anything but the two typed errors, whose messages hold no personal data:
 * `MessageTooLargeError` past `limits` (defaults: `DEFAULT_MESSAGE_LIMITS`), and
 * `UnparseableMessageError` with a reason for what cannot be read as a mail (empty, binary, no headers,
 * a multipart whose parts cannot be found, an undecodable body, a parser failure). Either way staff
 * look at the stored raw mail; nothing is guessed.
 *
 * @example
 * const message = await parseInboundMessage(await readFile('mail.eml'));
 * recognise(message);
 */
export async function parseInboundMessage(raw: Buffer | string, limits: Partial<MessageLimits> = {}): Promise<InboundMessage> {
  const effective: MessageLimits = { ...DEFAULT_MESSAGE_LIMITS, ...limits };
  if (typeof raw !== 'string' && !Buffer.isBuffer(raw)) throw new UnparseableMessageError('empty');
  const rawBytes = typeof raw === 'string' ? Buffer.byteLength(raw, 'utf8') : raw.length;
  if (rawBytes > effective.maxRawBytes) throw new MessageTooLargeError('raw', rawBytes, effective.maxRawBytes);
  const bytes = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
  try {
    assertLooksLikeMail(bytes);
    return toInboundMessage(await simpleParser(bytes, PARSER_OPTIONS), effective);
  } catch (error) {
    if (error instanceof UnparseableMessageError || error instanceof MessageTooLargeError) throw error;
    throw new UnparseableMessageError('parser_failure');
  }
}
