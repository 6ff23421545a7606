import type { InboundMessage, Recognition } from '../../../functions/domain/inbox/inbound-message.js';
import { osloCalendarDate, statutoryDeadline } from '../../../functions/domain/deadline/index.js';
import type { ReceiveMailDeps } from '../../../functions/domain/intake-mail/receive-mail.js';
import type { SesReceiptEvent, VerdictStatus } from '../../../functions/domain/intake-mail/ses-receipt-event.js';
import { SesReceiptEventSchema } from '../../../functions/domain/intake-mail/ses-receipt-event.js';
import { toOsloIsoString } from '../../../functions/domain/deadline/oslo-calendar-date.js';
import { FakeMailer, FakeWorkflowStarter, InMemoryRequestStore } from '../../support/in-memory-request-store.js';
import { capturingLogger } from '../fixtures/rights-request-fixture.js';
import { InMemoryInboxStore } from './in-memory-inbox-store.js';

export const INBOX_ADDRESS = 'naerkontor@obos.no';
export const PREFIX = 'inbound/';

/** Personal data the tests send, so the log check can look for it by value. */
export const SENDER = { name: 'Ola Nordmann', address: 'ola.nordmann@example.no' } as const;

/** When SES accepted the mail: 23:40 Oslo time on 23 Nov 2026, already the 23rd in UTC terms too. */
export const RECEIPT_TIMESTAMP = '2026-11-23T22:40:00.000Z';

export function aMessage(overrides: Partial<InboundMessage> = {}): InboundMessage {
  return {
    messageId: '<first-request@example.no>',
    references: [],
    subject: 'Innsyn',
    from: { ...SENDER },
    to: [INBOX_ADDRESS],
    ownText: 'Hei, jeg vil gjerne vite hvilke opplysninger dere har om meg.',
    quotedText: '',
    signature: '',
    attachments: [],
    headers: {},
    ...overrides,
  };
}

export function aRecognition(overrides: Partial<Recognition> = {}): Recognition {
  return {
    types: ['access'],
    language: 'nb',
    confidence: 0.95,
    category: 'rights_request',
    onBehalfOfOther: false,
    thirdParty: false,
    possibleBreach: false,
    ...overrides,
  };
}

export interface EventOptions {
  readonly sesMessageId: string;
  readonly receiptTimestamp?: string;
  readonly source?: string;
  readonly verdicts?: Partial<Record<'spam' | 'virus' | 'spf' | 'dkim' | 'dmarc', VerdictStatus>>;
  readonly subject?: string;
}

/** An SES Lambda-action event for one received mail, parsed as the handler parses it. */
export function sesEvent(options: EventOptions): SesReceiptEvent {
  const verdict = (name: 'spam' | 'virus' | 'spf' | 'dkim' | 'dmarc', fallback: VerdictStatus) => ({
    status: options.verdicts?.[name] ?? fallback,
  });
  return SesReceiptEventSchema.parse({
    Records: [
      {
        eventSource: 'aws:ses',
        eventVersion: '1.0',
        ses: {
          mail: {
            timestamp: options.receiptTimestamp ?? RECEIPT_TIMESTAMP,
            source: options.source ?? SENDER.address,
            messageId: options.sesMessageId,
            destination: [INBOX_ADDRESS],
            headersTruncated: false,
            headers: [],
            commonHeaders: { from: [`${SENDER.name} <${SENDER.address}>`], subject: options.subject ?? 'Innsyn' },
          },
          receipt: {
            timestamp: options.receiptTimestamp ?? RECEIPT_TIMESTAMP,
            processingTimeMillis: 120,
            recipients: [INBOX_ADDRESS],
            spamVerdict: verdict('spam', 'PASS'),
            virusVerdict: verdict('virus', 'PASS'),
            spfVerdict: verdict('spf', 'PASS'),
            dkimVerdict: verdict('dkim', 'PASS'),
            dmarcVerdict: verdict('dmarc', 'PASS'),
            action: { type: 'Lambda', functionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:email-intake', invocationType: 'Event' },
          },
        },
      },
    ],
  });
}

/** A parse failure as the real parser names it (the domain matches errors by name). */
export class FakeParseError extends Error {
  constructor(
    override readonly name: 'UnparseableMessageError' | 'MessageTooLargeError',
    readonly reason?: string,
  ) {
    super('cannot parse');
  }
}

type Raw = { readonly message: InboundMessage; readonly recognition: Recognition | Error } | FakeParseError;

/**
 * The intake with fakes: raw mails in a map (the "bucket"), a parser and recogniser that return
 * what each test put there, in-memory request and inbox stores, a recording workflow, and a clock
 * days after the receipt so a receipt time taken from the clock would show.
 */
export function setUp(options: { readonly now?: string } = {}) {
  const requests = new InMemoryRequestStore();
  const inbox = new InMemoryInboxStore();
  const workflow = new FakeWorkflowStarter();
  const mailer = new FakeMailer();
  const bucket = new Map<string, Raw>();
  const log = capturingLogger('email-intake');
  let ids = 0;
  let clock = new Date(options.now ?? '2026-11-26T09:00:00.000Z');
  const deps: ReceiveMailDeps = {
    rawMail: { read: async (key) => (bucket.has(key) ? key : undefined) },
    rawMailPrefix: PREFIX,
    parse: async (raw) => {
      const stored = bucket.get(String(raw));
      if (!stored) throw new Error('test bug: nothing stored');
      if (stored instanceof FakeParseError) throw stored;
      return stored.message;
    },
    recognise: (message) => {
      const stored = [...bucket.values()].find((entry) => !(entry instanceof FakeParseError) && entry.message === message);
      if (!stored || stored instanceof FakeParseError) throw new Error('test bug: unknown message');
      if (stored.recognition instanceof Error) throw stored.recognition;
      return stored.recognition;
    },
    store: requests,
    inbox,
    workflow,
    ownAddresses: [INBOX_ADDRESS],
    mailer,
    now: () => clock,
    formatInstant: toOsloIsoString,
    receiptDate: (receivedAt) => osloCalendarDate(receivedAt),
    dueDate: (receivedAt) => statutoryDeadline(receivedAt),
    newId: (receiptDate) => `NK-${receiptDate.replaceAll('-', '')}-${String(++ids).padStart(8, '0')}`,
    logger: log.logger,
  };
  /** Puts a mail in the bucket under its SES id and returns its receipt event. */
  const arrive = (
    mail: { readonly message?: InboundMessage; readonly recognition?: Recognition | Error; readonly unparseable?: FakeParseError },
    event: EventOptions,
  ): SesReceiptEvent => {
    bucket.set(
      `${PREFIX}${event.sesMessageId}`,
      mail.unparseable ?? { message: mail.message ?? aMessage(), recognition: mail.recognition ?? aRecognition() },
    );
    return sesEvent(event);
  };
  return {
    deps,
    requests,
    inbox,
    workflow,
    mailer,
    bucket,
    log,
    arrive,
    setNow: (iso: string) => {
      clock = new Date(iso);
    },
  };
}
