import { DynamoDbPostalLetterStore } from '../../functions/adapters/dynamodb/dynamodb-postal-letter-store.js';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SFNClient } from '@aws-sdk/client-sfn';
import { STSClient } from '@aws-sdk/client-sts';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { DynamoDbRequestStore } from '../../functions/adapters/dynamodb/dynamodb-request-store.js';
import { StepFunctionsWorkflow } from '../../functions/adapters/sfn/step-functions-workflow.js';
import { recordingSesMailer } from '../../functions/wiring/task-deps.js';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { osloCalendarDate } from '../../functions/domain/deadline/index.js';
import { createLogger } from '../../functions/platform/logger.js';
import { useStackEnvironment } from './cli-environment.js';
import { CommandError, UsageError } from './cli-errors.js';
import { cliStaffActor } from './staff-actor.js';
import { USAGE } from './usage.js';
import { deadlineCommand } from './commands/deadline-command.js';
import { classifyCommand } from './commands/classify-command.js';
import { inboxCommand } from './commands/inbox-command.js';
import { DynamoDbInboxStore } from '../../functions/adapters/dynamodb/dynamodb-inbox-store.js';
import { readFile } from 'node:fs/promises';
import { extendCommand } from './commands/extend-command.js';
import { seedCommand } from './commands/seed-command.js';
import { verifyCommand } from './commands/verify-command.js';
import { DynamoDbCustomerStore } from '../../functions/adapters/dynamodb/dynamodb-customer-store.js';
import { decisionCommand } from './commands/decision-command.js';
import { outboxCommand } from './commands/outbox-command.js';
import { statusCommand } from './commands/status-command.js';
import { registerBackfillCommand } from './commands/register-backfill-command.js';
import { queueBackfillCommand } from './commands/queue-backfill-command.js';
import { watchDeadlines } from '../../functions/schedule/watch-deadlines/watch-deadlines.js';
import { DynamoDbAuditChain } from '../../functions/adapters/dynamodb/dynamodb-audit-chain.js';
import { auditChainBackfillCommand, auditExportCommand, auditVerifyCommand } from './commands/audit-command.js';

const CORRECTABLE = ['name', 'email', 'phone', 'address'] as const;

/** `--correct phone=+4791234567` → one correction; the address takes JSON `{street,postalCode,city}`. */
function parseCorrection(pair: string, customerId: string | undefined) {
  const at = pair.indexOf('=');
  const field = CORRECTABLE.find((name) => name === pair.slice(0, at));
  if (at < 1 || !field) throw new UsageError(`--correct takes FIELD=VALUE with FIELD one of ${CORRECTABLE.join(', ')}`);
  const raw = pair.slice(at + 1);
  let to: unknown = raw;
  if (field === 'address') {
    try {
      to = JSON.parse(raw);
    } catch {
      throw new UsageError('--correct address= takes JSON: {"street":"…","postalCode":"0129","city":"Oslo"}');
    }
  }
  return { field, to, customerId };
}

const oneId = (positionals: readonly string[], command: string): string => {
  if (positionals.length !== 1) throw new UsageError(`${command} takes exactly one request id`);
  return positionals[0]!;
};

async function run(argv: readonly string[]): Promise<string> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      extended: { type: 'boolean', default: false },
      reason: { type: 'string' },
      by: { type: 'string' },
      correct: { type: 'string', multiple: true },
      customer: { type: 'string' },
      customers: { type: 'string' },
      seed: { type: 'string' },
      date: { type: 'string' },
      to: { type: 'string' },
      verify: { type: 'boolean', default: false },
      export: { type: 'boolean', default: false },
      out: { type: 'string' },
      aws: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) return USAGE;
  if (command === 'deadline') return deadlineCommand(rest, values.extended);
  if (command === 'classify') {
    if (rest.length === 0) throw new UsageError('classify takes one or more .eml files');
    return classifyCommand(rest, (path) => readFile(path));
  }

  useStackEnvironment(values.aws);
  const store = new DynamoDbRequestStore(new DynamoDBClient({}), process.env.REQUESTS_TABLE_NAME!);
  const staffActor = () => cliStaffActor({ aws: values.aws, by: values.by, sts: new STSClient({}), localUser: () => userInfo().username });
  switch (command) {
    case 'status':
      return statusCommand(store, oneId(rest, command));
    case 'approve':
    case 'reject':
      return decisionCommand(
        {
          store,
          callbacks: new StepFunctionsWorkflow(new SFNClient({}), process.env.STATE_MACHINE_ARN!),
          now: () => new Date(),
          logger: createLogger('dsr-cli', 'silent'),
        },
        {
          requestId: oneId(rest, command),
          outcome: command === 'approve' ? 'approved' : 'rejected',
          actor: await staffActor(),
          reason: values.reason,
          corrections: (values.correct ?? []).map((pair) => parseCorrection(pair, values.customer)),
        },
      );
    case 'extend':
      return extendCommand(
        {
          store,
          mailer: recordingSesMailer({
            dynamoDb: new DynamoDBClient({}),
            ses: new SESv2Client({}),
            tableName: process.env.REQUESTS_TABLE_NAME!,
            senderAddress: process.env.SENDER_ADDRESS ?? 'naerkontor@obos.no',
          }),
          now: () => new Date(),
          logger: createLogger('dsr-cli', 'silent'),
        },
        {
          requestId: oneId(rest, command),
          actor: await staffActor(),
          reason: values.reason ?? '',
          today: osloCalendarDate(new Date()),
        },
      );
    case 'verify':
      return verifyCommand(
        {
          store,
          callbacks: new StepFunctionsWorkflow(new SFNClient({}), process.env.STATE_MACHINE_ARN!),
          customers: new DynamoDbCustomerStore(new DynamoDBClient({}), process.env.CUSTOMERS_TABLE_NAME!),
          now: () => new Date(),
          logger: createLogger('dsr-cli', 'silent'),
        },
        {
          requestId: oneId(rest, command),
          actor: await staffActor(),
          reason: values.reason,
          customerIds: values.customer ? [values.customer] : undefined,
        },
      );
    case 'seed':
      if (rest.length > 0 || values.customers === undefined) throw new UsageError('seed takes --customers N [--seed S]');
      return seedCommand(
        { customers: Number(values.customers), seed: values.seed === undefined ? undefined : Number(values.seed) },
        {
          dynamoDb: new DynamoDBClient({}),
          tableNames: {
            customers: process.env.CUSTOMERS_TABLE_NAME!,
            billing: process.env.BILLING_TABLE_NAME!,
            accessLog: process.env.ACCESS_LOG_TABLE_NAME!,
          },
        },
      );
    case 'inbox':
      if (rest.length !== 1) throw new UsageError('inbox takes triage, quarantine or log [--date YYYY-MM-DD]');
      return inboxCommand(
        new DynamoDbInboxStore(new DynamoDBClient({}), process.env.REQUESTS_TABLE_NAME!),
        rest[0]!,
        values.date ?? osloCalendarDate(new Date()),
      );
    case 'register-backfill':
      if (rest.length > 0) throw new UsageError('register-backfill takes no arguments');
      return registerBackfillCommand(new DynamoDBClient({}), process.env.REQUESTS_TABLE_NAME!);
    case 'queue-backfill':
      if (rest.length > 0) throw new UsageError('queue-backfill takes no arguments');
      return queueBackfillCommand(new DynamoDBClient({}), process.env.REQUESTS_TABLE_NAME!);
    case 'audit': {
      const id = oneId(rest, command);
      if (values.verify === values.export) throw new UsageError('audit takes <id> and one of --verify or --export [--out DIR]');
      const chain = new DynamoDbAuditChain(new DynamoDBClient({}), process.env.REQUESTS_TABLE_NAME!);
      return values.verify ? auditVerifyCommand(chain, id) : auditExportCommand(chain, id, values.out);
    }
    case 'audit-chain-backfill': {
      if (rest.length > 0) throw new UsageError('audit-chain-backfill takes no arguments');
      const chain = new DynamoDbAuditChain(new DynamoDBClient({}), process.env.REQUESTS_TABLE_NAME!);
      const ids = (async function* () {
        for await (const request of store.listAll()) yield request.id;
      })();
      return auditChainBackfillCommand(ids, (id) => chain.backfill(id));
    }
    case 'watch-deadlines':
      if (rest.length > 0) throw new UsageError('watch-deadlines takes no arguments');
      return JSON.stringify(
        await watchDeadlines({
          store,
          mailer: recordingSesMailer({
            dynamoDb: new DynamoDBClient({}),
            ses: new SESv2Client({}),
            tableName: process.env.REQUESTS_TABLE_NAME!,
            senderAddress: process.env.SENDER_ADDRESS ?? 'naerkontor@obos.no',
          }),
          now: () => new Date(),
          logger: createLogger('dsr-cli', 'silent'),
          staffAddress: process.env.STAFF_DIGEST_ADDRESS ?? 'personvern@obos.no',
          publicBaseUrl: process.env.PUBLIC_BASE_URL,
          recordCounts: () => undefined,
          postalLetters: new DynamoDbPostalLetterStore(new DynamoDBClient({}), process.env.REQUESTS_TABLE_NAME!),
          inbox: new DynamoDbInboxStore(new DynamoDBClient({}), process.env.REQUESTS_TABLE_NAME!),
        }),
      );
    case 'outbox':
      if (rest.length > 0) throw new UsageError('outbox takes no arguments besides --to ADDR');
      if (values.aws) throw new UsageError('outbox reads the local SES only');
      return outboxCommand(process.env.AWS_ENDPOINT_URL_SESV2!, values.to);
    default:
      throw new UsageError(`unknown command "${command}"\n\n${USAGE}`);
  }
}

run(process.argv.slice(2)).then(
  (output) => {
    process.stdout.write(`${output}\n`);
  },
  (error: unknown) => {
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      process.stderr.write(`dsr: ${error.message}\n`);
      process.exit(2);
    }
    if (error instanceof CommandError) {
      process.stderr.write(`dsr: ${error.message}\n`);
      process.exit(1);
    }
    process.stderr.write(`dsr: failed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}\n`);
    process.exit(1);
  },
);
