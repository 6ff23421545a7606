// First, before any function module loads (see the module).
import './local-process-env.js';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SFNClient } from '@aws-sdk/client-sfn';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DynamoDbRequestStore } from '../../functions/adapters/dynamodb/dynamodb-request-store.js';
import { StepFunctionsWorkflow } from '../../functions/adapters/sfn/step-functions-workflow.js';
import { ENV } from '../../functions/platform/env-names.js';
import { DEFAULT_FORM_LIMITS } from '../../functions/domain/abuse/rate-limiter.js';
import { WORKFLOW_FUNCTIONS } from '../../functions/workflow-steps/workflow-functions.js';
import { startDynamoDbLocal } from './emulators/dynamodb-local.js';
import { startS3Local } from './emulators/s3-local.js';
import { startSesLocal } from './emulators/ses-local.js';
import { startHttpGateway } from './gateway/http-gateway.js';
import { startSmtpInbox } from './emulators/smtp-inbox.js';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { LocalFunctions, type FunctionInvoker } from './lambda/local-functions.js';
import { FunctionWorkerPool } from './lambda/function-worker-pool.js';
import { addCallCounts, countHttpCalls, httpCallCounts } from './lambda/http-call-counter.js';
import { localSignInRoutes, prepareLocalConsoleSignIn } from './console-sign-in.js';
import { scheduleDailyJob } from './daily-job.js';
import { loadOrCreateSuppressionSecret } from './suppression-secret.js';
import { checkPrerequisites } from './prerequisites.js';
import { redriveOpenRequests } from './redrive.js';
import { createRequestsTable } from './setup/create-requests-table.js';
import { createCustomerDataTables } from './setup/create-customer-data-tables.js';
import { seedDemoOnce, type DemoSeedResult } from './seed/seed-stores.js';
import { LOCAL_CUSTOMER_DATA_TABLE_NAMES } from '../../functions/adapters/dynamodb/customer-data-tables-layout.js';
import { LocalStepFunctions } from './step-functions/local-executor.js';
import { loadWorkflowDefinition, localFunctionArn, localStateMachineArn, localSubstitutions } from './step-functions/load-definition.js';
import { startSfnApiServer } from './step-functions/sfn-api-server.js';

export const LOCAL_REGION = 'eu-north-1';
export const LOCAL_TABLE_NAME = 'dsr-requests';
export const LOCAL_SENDER = 'naerkontor@obos.no';
export const LOCAL_DATA_BUCKET = 'dsr-request-data';
export const LOCAL_INBOUND_MAIL_BUCKET = 'dsr-inbound-mail';
export const LOCAL_INBOUND_MAIL_PREFIX = 'inbound/';
export const LOCAL_BUCKETS = [LOCAL_DATA_BUCKET, LOCAL_INBOUND_MAIL_BUCKET] as const;
/** Where Art. 19 notices go locally; they land in the local SES outbox like every mail. */
export const LOCAL_RECIPIENT_ADDRESSES = {
  unloc: 'personvern@unloc.example',
  invoicing: 'personvern@fakturaleverandor.example',
  email_platform: 'personvern@epostplattform.example',
} as const;
/** How often local mode runs the export purge job (AWS runs it daily on a schedule). */
const PURGE_INTERVAL_MS = 60 * 60 * 1000;
/** Where local mode sends the deadline digest and warnings (they land in the local outbox). */
export const LOCAL_STAFF_DIGEST_ADDRESS = 'personvern@obos.no';

export interface LocalStackOptions {
  /** Where DynamoDB, S3 and the outbox keep their data; a fresh in-memory stack when undefined. */
  readonly dataDir?: string;
  /** Port of the HTTP gateway (form, API); 0 picks a free one. */
  readonly port?: number;
  /** Port of the SES API and mail viewer; 0 picks a free one. */
  readonly sesPort?: number;
  /**
   * An SES v2 API already running elsewhere, used instead of starting one: a crash test keeps its
   * outbox outside the runtime it kills, so no sent mail is lost with the runtime.
   */
  readonly sesEndpoint?: string;
  /**
   * Ports of the other emulators; free ones when not given. A process that restarts the stack
   * in place (a test) passes the same ports again, because the handlers' SDK clients, created
   * once per process as in Lambda, keep the endpoints they started with.
   */
  readonly emulatorPorts?: { readonly dynamodb?: number; readonly s3?: number; readonly stepFunctions?: number };
  readonly logLevel?: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** Start executions for requests left unfinished by an earlier run. */
  readonly redrive?: boolean;
  /** Port of the SMTP inbox for naerkontor@obos.no; 0 picks a free one (default SMTP_PORT or 2525). */
  readonly smtpPort?: number;
  /** Seed the demo customers once into empty customer-data tables (npm start does). */
  readonly seedDemo?: boolean;
  /**
   * Run the daily deadline watch at 07:00 Oslo time while the stack runs (npm start does; tests
   * run it when they choose, so a test running at 07:00 sees no extra mail).
   *
   * @default false
   */
  readonly deadlineWatch?: boolean;
  /** Told when a scheduled job fails (the job itself logs why, without personal data). */
  readonly onJobError?: (job: string, error: unknown) => void;
  /**
   * Run function invocations in this many worker threads, each an execution environment of its
   * own (as Lambda runs functions), so the runtime uses every core; `npm start` and the load bench
   * use one per core. Undefined or 0 runs them on the main thread, where a test can observe a
   * function's SDK clients.
   */
  readonly functionWorkers?: number;
  /** Tests only: ms between retries per state, instead of the ASL's seconds. */
  readonly retryIntervalOverrides?: Record<string, number | number[]>;
}

export interface LocalStack {
  readonly urls: {
    readonly app: string;
    readonly mailViewer: string;
    readonly dynamodb: string;
    readonly ses: string;
    readonly s3: string;
    readonly stepFunctions: string;
    readonly smtp: string;
  };
  /** Environment a separate process (CLI, tests) needs to talk to this stack. */
  readonly environment: Readonly<Record<string, string>>;
  readonly executor: LocalStepFunctions;
  readonly redriven: number;
  readonly demo?: DemoSeedResult;
  /**
   * AWS calls made so far to each emulator (`dynamodb`, `s3`, `ses`, `stepFunctions`) by the
   * functions and the stack, whichever thread they ran on (the bench's per-request figure).
   */
  awsCalls(): Promise<Record<string, number>>;
  stop(): Promise<void>;
}

/**
 * Starts every part of local mode on loopback — DynamoDB Local, SES v2 (with its mail viewer),
 * S3, the Step Functions stand-in running the real ASL, and the HTTP gateway — and wires the
 * same handlers Lambda runs to them through the standard AWS endpoint variables.
 */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  checkPrerequisites();
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async (): Promise<void> => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  };
  try {
    if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
    const dynamo = await startDynamoDbLocal({
      dataDir: options.dataDir && join(options.dataDir, 'dynamodb'),
      port: options.emulatorPorts?.dynamodb,
    });
    stops.push(dynamo.stop);
    const ses = options.sesEndpoint
      ? { endpoint: options.sesEndpoint, stop: async () => undefined }
      : await startSesLocal({
          port: options.sesPort ?? 0,
          outboxFile: options.dataDir && join(options.dataDir, 'ses-outbox.json'),
        });
    stops.push(ses.stop);
    const s3 = await startS3Local({
      directory: options.dataDir ? join(options.dataDir, 's3') : join(process.env.TMPDIR ?? '/tmp', `dsr-s3-${process.pid}-${Date.now()}`),
      buckets: LOCAL_BUCKETS,
      port: options.emulatorPorts?.s3,
    });
    stops.push(s3.stop);

    // Where local mode keeps its console signing key: with the data, or beside the S3 stand-in's.
    const localStateDir = options.dataDir ?? join(process.env.TMPDIR ?? '/tmp', `dsr-local-${process.pid}-${Date.now()}`);
    mkdirSync(localStateDir, { recursive: true });
    const stateMachineArn = localStateMachineArn();
    const environment: Record<string, string> = {
      AWS_REGION: LOCAL_REGION,
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
      AWS_ENDPOINT_URL_SESV2: ses.endpoint,
      AWS_ENDPOINT_URL_S3: s3.endpoint,
      // Passed on to processes the stack starts; see ./local-process-env.ts.
      AWS_XRAY_MANUAL_MODE: 'true',
      [ENV.requestsTable]: LOCAL_TABLE_NAME,
      [ENV.stateMachineArn]: stateMachineArn,
      [ENV.senderAddress]: LOCAL_SENDER,
      // Named on every send as in AWS; the local SES accepts and ignores it (no bounce events).
      [ENV.sesConfigurationSet]: 'obos-naerkontor-dsr-local',
      [ENV.logLevel]: options.logLevel ?? 'warn',
      [ENV.customersTable]: LOCAL_CUSTOMER_DATA_TABLE_NAMES.customers,
      [ENV.billingTable]: LOCAL_CUSTOMER_DATA_TABLE_NAMES.billing,
      [ENV.accessLogTable]: LOCAL_CUSTOMER_DATA_TABLE_NAMES.accessLog,
      [ENV.dataBucket]: LOCAL_DATA_BUCKET,
      [ENV.recipientAddresses]: JSON.stringify(LOCAL_RECIPIENT_ADDRESSES),
      INBOUND_MAIL_BUCKET: LOCAL_INBOUND_MAIL_BUCKET,
      INBOUND_MAIL_PREFIX: LOCAL_INBOUND_MAIL_PREFIX,
      [ENV.staffDigestAddress]: LOCAL_STAFF_DIGEST_ADDRESS,
      // Staff sign in on a local page; their tokens are checked by the verifier AWS uses.
      ...prepareLocalConsoleSignIn(localStateDir),
      [ENV.suppressionSecret]: loadOrCreateSuppressionSecret(localStateDir),
    };
    // Every local request comes from loopback, so one per-source count would be shared by every
    // test and bench client; the per-recipient limits stay as on AWS. FORM_LIMITS overrides both.
    environment[ENV.formLimits] = process.env[ENV.formLimits] ?? JSON.stringify({ ...DEFAULT_FORM_LIMITS, perSource: [] });
    Object.assign(process.env, environment);
    const dynamoDb = new DynamoDBClient({});
    await createRequestsTable(dynamoDb, LOCAL_TABLE_NAME);
    await createCustomerDataTables(dynamoDb, LOCAL_CUSTOMER_DATA_TABLE_NAMES);
    const demo = options.seedDemo ? await seedDemoOnce({ dynamoDb }, LOCAL_CUSTOMER_DATA_TABLE_NAMES) : undefined;

    countHttpCalls();
    const functions: FunctionInvoker = options.functionWorkers ? new FunctionWorkerPool(options.functionWorkers) : new LocalFunctions();
    // Stopped after the gateway and the interpreter (stops run in reverse), before the emulators.
    if (functions instanceof FunctionWorkerPool) stops.push(() => functions.stop());
    const handlers = Object.fromEntries(
      Object.values(WORKFLOW_FUNCTIONS).map((folder) => [localFunctionArn(folder), (event: unknown) => functions.invoke(folder, event)]),
    );
    const executor = new LocalStepFunctions({
      definition: loadWorkflowDefinition(localSubstitutions()),
      handlers,
      stateMachineArn,
      retryIntervalOverrides: options.retryIntervalOverrides,
    });
    stops.push(async () => executor.stopAll());
    const sfn = await startSfnApiServer({ executor, port: options.emulatorPorts?.stepFunctions });
    stops.push(() => sfn.close());
    environment.AWS_ENDPOINT_URL_SFN = sfn.url;
    process.env.AWS_ENDPOINT_URL_SFN = sfn.url;

    const gateway = await startHttpGateway({ functions, port: options.port ?? 0, localRoutes: localSignInRoutes(environment) });
    stops.push(gateway.stop);
    // Links in mails point at the local gateway; handlers read it when they first load.
    environment[ENV.publicBaseUrl] = gateway.url;
    process.env[ENV.publicBaseUrl] = gateway.url;

    // The inbox: mail for naerkontor@obos.no is stored raw in S3 and handed to the same intake
    // function SES invokes in AWS, with the event SES would send.
    const inboundS3 = new S3Client({ forcePathStyle: true });
    const smtp = await startSmtpInbox({
      port: options.smtpPort ?? Number(process.env.SMTP_PORT ?? 2525),
      host: '127.0.0.1',
      acceptRecipients: [LOCAL_SENDER],
      prefix: LOCAL_INBOUND_MAIL_PREFIX,
      store: async (key, raw) => {
        await inboundS3.send(
          new PutObjectCommand({ Bucket: LOCAL_INBOUND_MAIL_BUCKET, Key: key, Body: raw, ContentType: 'message/rfc822' }),
        );
      },
      deliver: async (event) => {
        await functions.invoke('email-intake', event);
      },
    });
    stops.push(smtp.stop);
    environment.SMTP_PORT = String(smtp.port);

    const purge = setInterval(() => {
      void functions.invoke('purge-exports', {}).catch(() => undefined);
    }, PURGE_INTERVAL_MS);
    purge.unref();
    stops.push(async () => clearInterval(purge));

    // The deadline watch runs every morning at 07:00 Oslo time, as EventBridge Scheduler runs it in AWS.
    if (options.deadlineWatch === true) {
      const watch = scheduleDailyJob(() => functions.invoke('watch-deadlines', {}), (error) => options.onJobError?.('watch-deadlines', error));
      stops.push(async () => watch.stop());
    }

    const redriven = options.redrive === false
      ? 0
      : await redriveOpenRequests(
          new DynamoDbRequestStore(new DynamoDBClient({}), LOCAL_TABLE_NAME),
          new StepFunctionsWorkflow(new SFNClient({}), stateMachineArn),
        );

    const services: Record<string, string> = {
      [new URL(dynamo.endpoint).host]: 'dynamodb',
      [new URL(s3.endpoint).host]: 's3',
      [new URL(ses.endpoint).host]: 'ses',
      [new URL(sfn.url).host]: 'stepFunctions',
    };
    const awsCalls = async (): Promise<Record<string, number>> => {
      const byHost = addCallCounts(httpCallCounts(), functions instanceof FunctionWorkerPool ? await functions.httpCallCounts() : {});
      const byService: Record<string, number> = {};
      for (const [host, count] of Object.entries(byHost)) if (services[host]) byService[services[host]] = (byService[services[host]] ?? 0) + count;
      return byService;
    };

    return {
      awsCalls,
      urls: {
        app: gateway.url,
        mailViewer: ses.endpoint,
        dynamodb: dynamo.endpoint,
        ses: ses.endpoint,
        s3: s3.endpoint,
        stepFunctions: sfn.url,
        smtp: `smtp://127.0.0.1:${smtp.port}`,
      },
      environment,
      executor,
      redriven,
      demo,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
