import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { SFNClient } from '@aws-sdk/client-sfn';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';
import type { InboxOutcome } from '../functions/domain/intake-mail/inbox-entries.js';
import { EmailIntakeConfigSchema } from '../functions/mail/email-intake/email-intake-config.js';
import { emailIntakeDeps, type MailReading } from '../functions/mail/email-intake/email-intake-deps.js';
import { createEmailIntakeHandler } from '../functions/mail/email-intake/email-intake.js';
import { createLogger } from '../functions/platform/logger.js';
import { startDynamoDbLocal } from '../infra/local/emulators/dynamodb-local.js';
import { startS3Local } from '../infra/local/emulators/s3-local.js';
import { startSmtpInbox } from '../infra/local/emulators/smtp-inbox.js';
import { lambdaContext } from '../infra/local/lambda/lambda-context.js';
import { createRequestsTable } from '../infra/local/setup/create-requests-table.js';
import { ratePerSecond } from './measure.js';

const INBOX = 'naerkontor@obos.no';
const TABLE = 'bench-inbox-requests';
const BUCKET = 'bench-inbound-mail';
const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };

/** Half rights requests, half everyday mail, in Norwegian and English. */
const MAILS = [
  { subject: 'Innsyn', text: 'Hei! Jeg ber om innsyn i alle opplysninger dere har lagret om meg.' },
  { subject: 'Spørsmål om faktura', text: 'Hei, når forfaller fakturaen for november? Mvh' },
  { subject: 'Slett meg', text: 'Jeg vil at dere sletter alle opplysningene om meg og kontoen min.' },
  { subject: 'Booking av møterom', text: 'Kan jeg flytte bookingen min fra tirsdag til onsdag?' },
  { subject: 'Access request', text: 'Under Article 15 GDPR I request a copy of all personal data you hold about me.' },
  { subject: 'Nøkkelbrikke', text: 'Nøkkelbrikken min virker ikke på hovedinngangen lenger.' },
] as const;

export interface InboxBenchOptions {
  /** Mails to send in the measured run (after a warm-up of `concurrency * 4`). */
  readonly total: number;
  /** SMTP connections sending at once. */
  readonly concurrency: number;
  /** The inbox parser and recogniser: pass `{ parse: parseInboundMessage, recognise }`. */
  readonly reading: MailReading;
}

export interface InboxBenchResult {
  readonly messagesPerSecond: number;
  readonly total: number;
  readonly concurrency: number;
  /** How the measured mails ended; the counts add up to `total` (checked). */
  readonly outcomes: Readonly<Record<InboxOutcome, number>>;
  readonly workflowStarts: number;
}

/**
 * Mails per second through the local e-mail intake — SMTP inbox → raw stored in S3 → the
 * `email-intake` handler (parse, recognise, dedupe, case or triage) → DynamoDB Local — for a mix
 * of requests and other mail, each from its own sender with its own Message-ID. Starts and stops
 * its own emulators; the workflow start is a counter (Step Functions is not part of the figure).
 * Fails if any mail is not accounted for exactly once in the inbox log.
 */
export async function inboxThroughput(options: InboxBenchOptions): Promise<InboxBenchResult> {
  const stops: (() => Promise<void>)[] = [];
  try {
    const dynamo = await startDynamoDbLocal({});
    stops.push(dynamo.stop);
    const directory = mkdtempSync(join(tmpdir(), 'dsr-inbox-bench-'));
    stops.push(async () => rmSync(directory, { recursive: true, force: true }));
    const s3Local = await startS3Local({ directory, buckets: [BUCKET] });
    stops.push(s3Local.stop);
    const dynamoDb = new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'eu-north-1', credentials });
    const s3 = new S3Client({ endpoint: s3Local.endpoint, region: 'eu-north-1', credentials, forcePathStyle: true });
    stops.push(async () => {
      dynamoDb.destroy();
      s3.destroy();
    });
    await createRequestsTable(dynamoDb, TABLE);

    let workflowStarts = 0;
    const config = EmailIntakeConfigSchema.parse({
      REQUESTS_TABLE_NAME: TABLE,
      STATE_MACHINE_ARN: 'arn:aws:states:eu-north-1:000000000000:stateMachine:bench',
      INBOUND_MAIL_BUCKET: BUCKET,
    });
    const handler = createEmailIntakeHandler(
      emailIntakeDeps(config, { dynamoDb, s3, sfn: new SFNClient({ region: 'eu-north-1', credentials }) }, options.reading, {
        workflow: { start: async () => void (workflowStarts += 1) },
        logger: createLogger('email-intake', 'silent'),
      }),
    );
    const outcomes: Record<InboxOutcome, number> = { case: 0, follow_up: 0, triage: 0, quarantine: 0, duplicate: 0 };
    let measuring = false;
    const smtp = await startSmtpInbox({
      port: 0,
      acceptRecipients: [INBOX],
      logger: createLogger('smtp-inbox', 'silent'),
      store: async (key, raw) => {
        await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: raw }));
      },
      deliver: async (event) => {
        const { mails } = await handler(event, lambdaContext('dsr-email-intake'));
        if (measuring) for (const mail of mails) outcomes[mail.outcome] += 1;
      },
    });
    stops.push(smtp.stop);
    const transport = createTransport({
      host: '127.0.0.1',
      port: smtp.port,
      secure: false,
      ignoreTLS: true,
      pool: true,
      maxConnections: options.concurrency,
      maxMessages: Number.POSITIVE_INFINITY,
    });
    stops.push(async () => transport.close());

    const run = `${process.pid}-${Date.now()}`;
    const send = async (index: number): Promise<void> => {
      const mail = MAILS[index % MAILS.length]!;
      await transport.sendMail({
        from: `Bench Person ${index} <bench.${run}.${index}@example.no>`,
        to: INBOX,
        subject: mail.subject,
        text: mail.text,
        messageId: `<bench.${run}.${index}@example.no>`,
      });
    };
    const warmUp = options.concurrency * 4;
    await ratePerSecond(warmUp, options.concurrency, (index) => send(options.total + index));
    measuring = true;
    workflowStarts = 0;
    const messagesPerSecond = await ratePerSecond(options.total, options.concurrency, send);
    const accounted = Object.values(outcomes).reduce((sum, count) => sum + count, 0);
    if (accounted !== options.total) throw new Error(`inbox bench: ${accounted} of ${options.total} mails accounted for`);
    return { messagesPerSecond, total: options.total, concurrency: options.concurrency, outcomes, workflowStarts };
  } finally {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  }
}
