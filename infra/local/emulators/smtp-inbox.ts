import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { AddressInfo } from 'node:net';
import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { verdictsFromAuthenticationResults } from '../../../functions/domain/intake-mail/sender-authentication.js';
import { rawMailKey, type SesReceiptEventInput } from '../../../functions/domain/intake-mail/ses-receipt-event.js';
import { createLogger, errorName, type Logger } from '../../../functions/platform/logger.js';

/** SES's own limit is 40 MB; locally 10 MB keeps a stray attachment from filling the disk. */
export const SMTP_INBOX_MAX_BYTES = 10 * 1024 * 1024;
export const DEFAULT_SMTP_PORT = 2525;
const DEFAULT_PREFIX = 'inbound/';
const LOCAL_FUNCTION_ARN = 'arn:aws:lambda:eu-north-1:000000000000:function:dsr-email-intake';

export interface SmtpInboxOptions {
  /** Defaults to `SMTP_PORT` or 2525; 0 picks a free port (tests). */
  readonly port?: number;
  readonly host?: string;
  /** Envelope recipients accepted (case-insensitive); any other gets 550, as SES without a rule. */
  readonly acceptRecipients?: readonly string[];
  /** Stores the raw MIME, like the receipt rule's S3 action (`<prefix><message id>`). */
  readonly store: (key: string, raw: Buffer) => Promise<void>;
  /** Invokes the intake with the SES-shaped event, like the receipt rule's Lambda action. */
  readonly deliver: (event: SesReceiptEventInput) => Promise<void>;
  /** The S3 action's object key prefix; default `inbound/`. */
  readonly prefix?: string;
  readonly maxBytes?: number;
  readonly logger?: Logger;
  /** Tests only: fixes the receipt clock. */
  readonly now?: () => Date;
}

export interface SmtpInbox {
  readonly port: number;
  readonly host: string;
  stop(): Promise<void>;
}

/** An SMTP reply with a code, as smtp-server expects errors from its handlers. */
const smtpError = (responseCode: number, message: string): Error => Object.assign(new Error(message), { responseCode });

/** An id in the style of SES's message ids: 40 lower-case letters and digits. */
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';
const newSesMessageId = (): string => [...randomBytes(40)].map((byte) => BASE32[byte % 32]).join('');

/** `Mon, 23 Nov 2026 20:05:09 +0000`, as MTAs write dates in trace headers. */
const rfc5322Date = (instant: Date): string => instant.toUTCString().replace('GMT', '+0000');

const addresses = (value: AddressObject | AddressObject[] | undefined): string[] | undefined => {
  if (!value) return undefined;
  const list = (Array.isArray(value) ? value : [value]).flatMap((object) => object.value);
  const formatted = list.filter((entry) => entry.address).map((entry) => (entry.name ? `${entry.name} <${entry.address}>` : entry.address!));
  return formatted.length > 0 ? formatted : undefined;
};

/** The header block of a raw message (up to the first empty line), which is all SES's event carries. */
function headerBlock(raw: Buffer): Buffer {
  const crlf = raw.indexOf('\r\n\r\n');
  const lf = raw.indexOf('\n\n');
  const end = [crlf, lf].filter((index) => index >= 0).sort((a, b) => a - b)[0];
  return end === undefined ? raw : raw.subarray(0, end);
}

/**
 * The SES Lambda-action event for a mail received here, with what SES would put in it: the
 * receipt time (when DATA finished), the envelope, the headers in order (unfolded), the common
 * headers decoded, and SPF/DKIM/DMARC verdicts — read from an `Authentication-Results` header a
 * test MTA wrote, else `GRAY`. Local mode does not scan, so spam and virus verdicts are `GRAY`.
 */
export async function sesEventFor(input: {
  readonly raw: Buffer;
  readonly messageId: string;
  readonly receivedAt: Date;
  readonly envelopeSender: string;
  readonly recipients: readonly string[];
  readonly processingTimeMillis: number;
}): Promise<SesReceiptEventInput> {
  const parsed = await simpleParser(Buffer.concat([headerBlock(input.raw), Buffer.from('\r\n\r\n')]), {
    skipHtmlToText: true,
    skipTextToHtml: true,
    skipTextLinks: true,
    skipImageLinks: true,
  });
  const headers = parsed.headerLines.map(({ line }) => {
    const colon = line.indexOf(':');
    return { name: line.slice(0, colon).trim(), value: line.slice(colon + 1).replace(/\r?\n[ \t]+/g, ' ').trim() };
  });
  const header = (name: string): string | undefined =>
    headers.find((entry) => entry.name.toLowerCase() === name)?.value;
  const verdicts = verdictsFromAuthenticationResults(
    headers.filter((entry) => entry.name.toLowerCase() === 'authentication-results').map((entry) => entry.value).join('; ') || undefined,
  );
  const timestamp = input.receivedAt.toISOString();
  return {
    Records: [
      {
        eventSource: 'aws:ses',
        eventVersion: '1.0',
        ses: {
          mail: {
            timestamp,
            source: input.envelopeSender,
            messageId: input.messageId,
            destination: [...input.recipients],
            headersTruncated: false,
            headers,
            commonHeaders: {
              returnPath: input.envelopeSender,
              from: addresses(parsed.from),
              replyTo: addresses(parsed.replyTo),
              to: addresses(parsed.to),
              cc: addresses(parsed.cc),
              date: header('date'),
              messageId: parsed.messageId,
              subject: parsed.subject,
            },
          },
          receipt: {
            timestamp,
            processingTimeMillis: input.processingTimeMillis,
            recipients: [...input.recipients],
            spamVerdict: { status: 'GRAY' },
            virusVerdict: { status: 'GRAY' },
            spfVerdict: { status: verdicts.spf },
            dkimVerdict: { status: verdicts.dkim },
            dmarcVerdict: { status: verdicts.dmarc },
            action: { type: 'Lambda', functionArn: LOCAL_FUNCTION_ARN, invocationType: 'Event' },
          },
        },
      },
    ],
  };
}

/** Reads DATA; past `maxBytes` it keeps draining the stream but stops holding it in memory. */
async function readMessage(stream: SMTPServerDataStream, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of stream) {
    bytes += (chunk as Buffer).length;
    if (bytes <= maxBytes) chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * Local mode's stand-in for SES email receiving: an SMTP server on loopback for the request
 * address. Like a receipt rule with an S3 and a Lambda action, it stores each accepted mail's raw
 * MIME (with the `Return-Path` and `Received` trace headers SES adds) under `<prefix><id>` and
 * then invokes the intake with the SES-shaped event, so the same handler runs in both places.
 *
 * - Only `acceptRecipients` are accepted; another recipient gets `550` at RCPT TO.
 * - A message over `maxBytes` gets `552` and is not stored.
 * - No TLS and no authentication (loopback only); AUTH, if a client insists, accepts anyone.
 * - The reply to DATA waits for the intake: `250` once it has taken the mail in, `451` (try
 *   again later) if storing or the intake failed, so the sending client knows and nothing is
 *   silently lost. (SES answers `250` before its asynchronous Lambda runs; a failed intake there
 *   ends in the failure queue instead.)
 */
export async function startSmtpInbox(options: SmtpInboxOptions): Promise<SmtpInbox> {
  const host = options.host ?? '127.0.0.1';
  const fromEnvironment = Number.parseInt(process.env.SMTP_PORT ?? '', 10);
  const port = options.port ?? (Number.isInteger(fromEnvironment) ? fromEnvironment : DEFAULT_SMTP_PORT);
  const accepted = new Set((options.acceptRecipients ?? ['naerkontor@obos.no']).map((address) => address.trim().toLowerCase()));
  const prefix = options.prefix ?? DEFAULT_PREFIX;
  const maxBytes = options.maxBytes ?? SMTP_INBOX_MAX_BYTES;
  const logger = options.logger ?? createLogger('smtp-inbox');
  const now = options.now ?? (() => new Date());
  const localName = hostname();

  const receive = async (stream: SMTPServerDataStream, session: SMTPServerSession): Promise<void> => {
    const message = await readMessage(stream, maxBytes);
    // The receipt time is when the last byte of DATA arrived, before anything else happens.
    const receivedAt = now();
    if (stream.sizeExceeded) throw smtpError(552, 'Message exceeds fixed maximum message size');
    const messageId = newSesMessageId();
    const envelopeSender = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
    const recipients = session.envelope.rcptTo.map((recipient) => recipient.address.toLowerCase());
    const trace =
      `Return-Path: <${envelopeSender}>\r\n` +
      `Received: from ${session.clientHostname || 'unknown'} ([${session.remoteAddress}]) by ${localName} ` +
      `with SMTP id ${messageId} for ${recipients[0] ?? 'unknown'}; ${rfc5322Date(receivedAt)}\r\n`;
    const raw = Buffer.concat([Buffer.from(trace), message]);
    try {
      await options.store(rawMailKey(prefix, messageId), raw);
      const event = await sesEventFor({
        raw,
        messageId,
        receivedAt,
        envelopeSender,
        recipients,
        processingTimeMillis: Date.now() - receivedAt.getTime(),
      });
      await options.deliver(event);
    } catch (error) {
      logger.error('smtp_inbox.intake_failed', { inboxId: messageId, error: errorName(error) });
      throw smtpError(451, 'Requested action aborted: local error in processing, try again later');
    }
    logger.info('smtp_inbox.received', { inboxId: messageId, bytes: raw.length });
  };

  const server = new SMTPServer({
    name: localName,
    banner: 'OBOS Nærkontor local inbox',
    secure: false,
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    size: maxBytes,
    logger: false,
    onAuth: (auth, _session, callback) => callback(null, { user: auth.username ?? 'local' }),
    onRcptTo: (address, _session, callback) => {
      if (accepted.has(address.address.trim().toLowerCase())) return callback();
      callback(smtpError(550, 'Mailbox unavailable: no such recipient here'));
    },
    onData: (stream, session, callback) => {
      receive(stream, session).then(
        () => callback(),
        (error: unknown) => callback(error instanceof Error ? error : smtpError(451, 'Local error')),
      );
    },
  });
  server.on('error', (error) => logger.warn('smtp_inbox.connection_error', { error: errorName(error) }));

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(port, host, () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const address = server.server.address() as AddressInfo;
  return {
    port: address.port,
    host,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
