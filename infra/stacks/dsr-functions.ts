import type { RecipientDirectory } from '../../functions/domain/recipients/recipient-directory.js';
import { Duration } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import { HTTP_ROUTES } from '../../functions/http/routes.js';
import { WORKFLOW_FUNCTIONS } from '../../functions/workflow-steps/workflow-functions.js';
import { functionTimeoutSeconds } from '../function-timeouts.js';
import type { CustomerDataTables } from '../constructs/customer-data-tables.js';
import { DsrFunction, type FunctionLogLevel, type MailSenderSettings } from '../constructs/dsr-function.js';
import type { InboundMailBucket } from '../constructs/inbound-mail-bucket.js';
import { REQUEST_DATA_PREFIXES, type RequestDataBucket } from '../constructs/request-data-bucket.js';
import type { RequestsTable } from '../constructs/requests-table.js';
import type { StaffUserPool } from '../constructs/staff-user-pool.js';

/** What a function can be bound to before the workflow exists. */
export interface FunctionResources {
  readonly requests: RequestsTable;
  readonly customerData: CustomerDataTables;
  readonly requestData: RequestDataBucket;
  readonly mail: MailSenderSettings;
  /** The staff mailbox for the deadline digest and warnings. */
  readonly staffDigestAddress: string;
  /** Art. 19 recipients (id → notice address), from the `recipientAddresses` setting. */
  readonly recipientAddresses: Readonly<Record<string, string>>;
  /** The recipients by name (the `recipientDirectory` setting); the functions' default when absent. */
  readonly recipientDirectory?: RecipientDirectory;
  /** Where SES stores received e-mail; only when the inbox is enabled (`inboxEnabled`). */
  readonly inboundMail?: InboundMailBucket;
  /** The HMAC key of the marketing suppression list (a generated secret). */
  readonly suppressionSecret: ISecret;
}

/** How the stack builds and wires the function of one folder under `functions/`. */
export interface FunctionDefinition {
  /** Construct id; also names the function's alarm. */
  readonly id: string;
  readonly description: string;
  /** @default 512 MB */
  readonly memorySize?: number;
  /**
   * Reserved concurrency: at most this many instances at once. Set on the public functions, so a
   * flood of form posts or code guesses can neither run up the bill nor take the account's
   * concurrency from the workflow and the console.
   *
   * @default unreserved
   */
  readonly reservedConcurrency?: number;
  /** Environment and grants on the tables, the bucket and SES. */
  readonly bind: (fn: DsrFunction, resources: FunctionResources) => void;
  /**
   * Environment and grants on the state machine, applied once it exists. Never for a function
   * the workflow calls: the definition depends on that function's ARN, so its role cannot depend
   * on the state machine (the stack refuses such a definition).
   */
  readonly bindWorkflow?: (fn: DsrFunction, stateMachine: IStateMachine) => void;
  /**
   * Environment for staff sign-in, applied once the user pool and the console's address exist
   * (the pool's callback URL needs the API's address, which needs the functions).
   */
  readonly bindStaffSignIn?: (fn: DsrFunction, signIn: StaffSignIn) => void;
  /**
   * Always deployed, with a schedule of its own built by the stack (the deadline watch runs at
   * 07:00 Oslo time through EventBridge Scheduler, which knows time zones).
   */
  readonly ownSchedule?: boolean;
  /** Runs on this schedule (EventBridge rule); such a function is always deployed. */
  readonly schedule?: events.Schedule;
  /**
   * Invoked by the e-mail inbox's SES receipt rule; deployed exactly when the inbox is enabled
   * (`inboxEnabled`), and then given {@link FunctionResources.inboundMail}.
   */
  readonly inbox?: boolean;
  /**
   * Always deployed; the stack subscribes it to the SES configuration set's bounce and complaint
   * events itself (`MailSending.deliverEventsTo`).
   */
  readonly mailEvents?: boolean;
}

/**
 * Reserved concurrency of each public function (see {@link FunctionDefinition.reservedConcurrency}):
 * a handful of requests a day, so five at once is ample for people and a ceiling for a script.
 */
export const PUBLIC_FUNCTION_CONCURRENCY = 5;

/** How staff sign in, for {@link FunctionDefinition.bindStaffSignIn}. */
export interface StaffSignIn {
  readonly pool: StaffUserPool;
  /** Where the console is served, e.g. `https://personvern.obos.no` (no trailing slash). */
  readonly consoleBaseUrl: string;
}

/** Reading every page a store holds about a customer, or carrying out a plan, takes memory. */
const BULK = { memorySize: 1024 } as const;

const { requests: REQUESTS_PREFIX, exports: EXPORTS_PREFIX } = REQUEST_DATA_PREFIXES;

/** Staff set and clear the Art. 18 flag (dispute a correction, lift a restriction): updates only. */
const RESTRICTION_FLAGS = { customers: 'readUpdate', billing: 'readUpdate', accessLog: 'readUpdate' } as const;

/** Raised at synth when an inbox function is created without the inbound-mail bucket. */
export class MissingInboundMailError extends Error {
  override readonly name = 'MissingInboundMailError';
}

function requireInboundMail(inboundMail: InboundMailBucket | undefined): InboundMailBucket {
  if (inboundMail === undefined) {
    throw new MissingInboundMailError('email-intake needs the inbound-mail bucket: create it when the inbox is enabled');
  }
  return inboundMail;
}

/**
 * Every function the stack knows how to deploy, by folder, with exactly the access its code path
 * uses. Which of them are deployed is decided by the shared tables: a folder is deployed when
 * `HTTP_ROUTES` routes to it, when `WORKFLOW_FUNCTIONS` maps a substitution to it, when it
 * has a schedule, or (`inbox`) when the e-mail inbox is enabled. Adding a route or a substitution
 * for a folder listed here is therefore all a new function needs.
 */
export const FUNCTION_DEFINITIONS = {
  // Intake and public pages
  'web-form': {
    id: 'WebForm',
    reservedConcurrency: PUBLIC_FUNCTION_CONCURRENCY,
    description: 'Renders the request form and receipt pages',
    bind: (fn, { requests }) => fn.bindRequestsTable(requests, 'read'),
  },
  'create-request': {
    id: 'CreateRequest',
    reservedConcurrency: PUBLIC_FUNCTION_CONCURRENCY,
    description: 'Records a submitted request and starts its workflow',
    bind: (fn, { requests, mail, staffDigestAddress }) => fn.bindRequestsTable(requests, 'create').bindSystemAddresses(mail, staffDigestAddress),
    bindWorkflow: (fn, stateMachine) => fn.bindStateMachineStart(stateMachine),
  },
  // Records each received message in the requests table (a case, a triage or quarantine item and
  // an inbox-log entry, with conditional writes and transactions, read back on a repeated
  // delivery) and starts the workflow for a recognised request. It sends no mail; it is told our
  // From address only to recognise our own letters coming back (no auto-reply loops). Messages
  // with attachments are parsed in memory, hence the memory size. SES invokes it asynchronously;
  // the inbox (`EmailInbox`) gives it a failure queue.
  'email-intake': {
    id: 'EmailIntake',
    description: 'Reads a received e-mail, records it for staff or as a request, and starts the workflow',
    memorySize: 1024,
    inbox: true,
    bind: (fn, { requests, inboundMail, mail, staffDigestAddress }) =>
      fn
        .bindRequestsTable(requests, 'readWrite', { batchRead: true })
        .bindInboundMail(requireInboundMail(inboundMail))
        .bindSystemAddresses(mail, staffDigestAddress)
        // Sends the neutral acknowledgement of a mail set aside for triage, from our address only.
        .bindMailSender(mail),
    bindWorkflow: (fn, stateMachine) => fn.bindStateMachineStart(stateMachine),
  },
  'verify-page': {
    id: 'VerifyPage',
    reservedConcurrency: PUBLIC_FUNCTION_CONCURRENCY,
    description: 'Checks the one-time code the requester enters and resumes the waiting workflow',
    bind: (fn, { requests, customerData, mail }) =>
      fn.bindRequestsTable(requests, 'readWrite').bindCustomerData(customerData, { customers: 'read' }).bindMailSender(mail),
    bindWorkflow: (fn, stateMachine) => fn.bindTaskCallbacks(stateMachine, ['success']),
  },
  'download-page': {
    id: 'DownloadPage',
    reservedConcurrency: PUBLIC_FUNCTION_CONCURRENCY,
    description: 'Re-verifies the requester and hands out their export package until it expires',
    bind: (fn, { requests, requestData, mail }) =>
      fn.bindRequestsTable(requests, 'readWrite').bindRequestData(requestData, 'read', EXPORTS_PREFIX).bindMailSender(mail),
  },
  'staff-api': {
    id: 'StaffApi',
    description: 'Staff JSON API: read a request, record decisions and extensions, correct a plan',
    // Reads the plan and the gathered data and writes a corrected plan (requests/ prefix only);
    // lifts a restriction by clearing the Art. 18 flag (updates of existing items, no deletes).
    bind: (fn, { requests, requestData, customerData, mail }) =>
      fn
        .bindRequestsTable(requests, 'readWrite')
        .bindRequestData(requestData, 'readWrite', REQUESTS_PREFIX)
        .bindCustomerData(customerData, RESTRICTION_FLAGS)
        .bindMailSender(mail),
    bindWorkflow: (fn, stateMachine) => fn.bindTaskCallbacks(stateMachine, ['success', 'failure']),
    bindStaffSignIn: (fn, { pool }) => fn.bindStaffTokens(pool),
  },
  // The staff console, one function per area of work (functions/http/routes.ts says which serves
  // which route). Each has the grants of its own pages and actions only; all three check staff
  // tokens and the revoked sessions in the requests table, and tell sign-in the console's address.
  //
  // The queue and overview: the queue (open-queue and open-requests indexes, batch reads), the
  // dashboard and the register (every request through the all-requests index), and sign-in and
  // sign-out (a signed-out session is recorded as revoked in the requests table).
  'console-queue': {
    id: 'ConsoleQueue',
    description: 'Staff console: the queue, the dashboard, the case register, sign-in and sign-out',
    memorySize: 1024,
    bind: (fn, { requests }) => {
      fn.bindRequestsTable(requests, 'readWrite', { queryOpenRequests: true, batchRead: true, queryAllRequests: true, queryQueue: true });
    },
    bindStaffSignIn: (fn, { pool, consoleBaseUrl }) => fn.bindConsoleSignIn(pool, consoleBaseUrl),
  },
  // One case's page: it only reads — the case and its history, the plan, the gathered copies and
  // the mandate document, and the received mail of a mail case when the inbox is on. (The revoked
  // sessions it checks are read from the requests table too.)
  'console-case': {
    id: 'ConsoleCase',
    description: 'Staff console: one case, its page and its mandate document',
    memorySize: 1024,
    bind: (fn, { requests, requestData, inboundMail }) => {
      fn.bindRequestsTable(requests, 'read').bindRequestData(requestData, 'read', REQUESTS_PREFIX);
      if (inboundMail !== undefined) fn.bindInboundMail(inboundMail);
    },
    bindStaffSignIn: (fn, { pool, consoleBaseUrl }) => fn.bindConsoleSignIn(pool, consoleBaseUrl),
  },
  // Every action on one case. It looks up customers for a manual verification, sets and clears the
  // Art. 18 flag, reads the plan and gathered copies (and deletes the copies when staff close a
  // case), keeps mandate documents, mails requesters (closure letters, extension notices, staff
  // messages) and ends or resumes waiting workflow steps. A merge reads both cases at once (batch read).
  'console-case-actions': {
    id: 'ConsoleCaseActions',
    description: 'Staff console: the actions staff take on one case',
    memorySize: 1024,
    bind: (fn, { requests, customerData, requestData, mail }) => {
      fn.bindRequestsTable(requests, 'readWrite', { batchRead: true })
        .bindCustomerData(customerData, RESTRICTION_FLAGS)
        .bindRequestData(requestData, 'readWriteDelete', REQUESTS_PREFIX)
        .bindMailSender(mail);
    },
    bindWorkflow: (fn, stateMachine) => fn.bindTaskCallbacks(stateMachine, ['success', 'failure']),
    bindStaffSignIn: (fn, { pool, consoleBaseUrl }) => fn.bindConsoleSignIn(pool, consoleBaseUrl),
  },
  // The mail and post desk: registers requests that came by phone or letter and turns triaged mail
  // into cases (both start the workflow, and refuse the system's own addresses as a requester's),
  // dismisses triaged mail (deletes its entry in the TRIAGE partition only), reads received mail
  // when the inbox is on, and makes letters by post as PDF, kept with the case's data.
  'console-mail': {
    id: 'ConsoleMail',
    description: 'Staff console: phone and post intake, triage of received mail, letters to post',
    memorySize: 1024,
    bind: (fn, { requests, requestData, mail, inboundMail, staffDigestAddress }) => {
      fn.bindRequestsTable(requests, 'readWrite', { resolveTriage: true })
        .bindRequestData(requestData, 'readWrite', REQUESTS_PREFIX)
        .bindSystemAddresses(mail, staffDigestAddress);
      if (inboundMail !== undefined) fn.bindInboundMail(inboundMail);
    },
    bindWorkflow: (fn, stateMachine) => fn.bindStateMachineStart(stateMachine),
    bindStaffSignIn: (fn, { pool, consoleBaseUrl }) => fn.bindConsoleSignIn(pool, consoleBaseUrl),
  },

  // Workflow: acknowledge and verify identity
  acknowledge: {
    id: 'Acknowledge',
    description: 'Sends the receipt with reference and due date',
    bind: (fn, { requests, mail }) => fn.bindRequestsTable(requests, 'readWrite').bindMailSender(mail),
  },
  // The marketing fast path (Art. 21(2)–(3), 7(3)): consents off and channels reserved in the
  // subscription store, unknown contacts on the suppression list (same table, keyed hashes), and
  // the confirmation mailed; before any identity check.
  'stop-marketing': {
    id: 'StopMarketing',
    description: 'Stops marketing at once: consents withdrawn, all channels reserved, unknown contacts suppressed',
    bind: (fn, { requests, customerData, mail, suppressionSecret }) =>
      fn
        .bindRequestsTable(requests, 'readWrite')
        .bindCustomerData(customerData, { customers: 'readUpdate' })
        .bindMailSender(mail)
        .bindSuppressionSecret(suppressionSecret),
  },
  // Art. 21(1): restricts the objected purpose while staff assess (Art. 18(1)(d)), and lifts it
  // after an overridden objection was answered (Art. 18(3)).
  'restrict-processing': {
    id: 'RestrictProcessing',
    description: 'Restricts a processing purpose while an objection is assessed, and lifts it when overridden',
    bind: (fn, { requests, customerData }) =>
      fn.bindRequestsTable(requests, 'readWrite').bindCustomerData(customerData, { customers: 'readUpdate' }),
  },
  'start-verification': {
    id: 'StartVerification',
    description: 'Sends a one-time code to the contact registered for the requester',
    bind: (fn, { requests, customerData, mail }) =>
      fn.bindRequestsTable(requests, 'readWrite').bindCustomerData(customerData, { customers: 'read' }).bindMailSender(mail),
  },
  'await-verification': {
    id: 'AwaitVerification',
    description: 'Stores the task token while the requester verifies',
    bind: (fn, { requests }) => fn.bindRequestsTable(requests, 'readWrite'),
  },
  'send-verification-reminder': {
    id: 'SendVerificationReminder',
    description: 'Reminds a requester who has not verified yet',
    bind: (fn, { requests, customerData, mail }) =>
      fn.bindRequestsTable(requests, 'readWrite').bindCustomerData(customerData, { customers: 'read' }).bindMailSender(mail),
  },
  'close-unverified': {
    id: 'CloseUnverified',
    description: 'Closes a request whose requester never verified, with a letter that says so',
    bind: (fn, { requests, mail }) => fn.bindRequestsTable(requests, 'readWrite').bindMailSender(mail),
  },

  // Workflow: gather, plan, decide
  'gather-subscriptions': {
    id: 'GatherSubscriptions',
    description: 'Reads the subscription store for the requester into the request-data bucket',
    ...BULK,
    bind: (fn, { requests, customerData, requestData }) =>
      fn
        .bindRequestsTable(requests, 'readWrite')
        .bindCustomerData(customerData, { customers: 'read' })
        .bindRequestData(requestData, 'readWrite', REQUESTS_PREFIX),
  },
  'gather-billing': {
    id: 'GatherBilling',
    description: 'Reads the billing store for the requester into the request-data bucket',
    ...BULK,
    bind: (fn, { requests, customerData, requestData }) =>
      fn
        .bindRequestsTable(requests, 'readWrite')
        .bindCustomerData(customerData, { billing: 'read' })
        .bindRequestData(requestData, 'readWrite', REQUESTS_PREFIX),
  },
  'gather-access-log': {
    id: 'GatherAccessLog',
    description: 'Reads the door-access log for the requester into the request-data bucket',
    ...BULK,
    bind: (fn, { requests, customerData, requestData }) =>
      fn
        .bindRequestsTable(requests, 'readWrite')
        .bindCustomerData(customerData, { accessLog: 'read' })
        .bindRequestData(requestData, 'readWrite', REQUESTS_PREFIX),
  },
  'plan-request': {
    id: 'PlanRequest',
    description: 'Builds the action plan from the gathered data for staff to approve',
    memorySize: 1024,
    bind: (fn, { requests, requestData, customerData }) =>
      fn
        .bindRequestsTable(requests, 'readWrite')
        .bindRequestData(requestData, 'readWrite', REQUESTS_PREFIX)
        // Read only: the search by every identifier before a plan says nothing is held.
        .bindCustomerData(customerData, { customers: 'read', billing: 'read', accessLog: 'read' }),
  },
  'await-decision': {
    id: 'AwaitDecision',
    description: 'Stores the task token while staff decide',
    bind: (fn, { requests }) => fn.bindRequestsTable(requests, 'readWrite'),
  },
  'read-decision': {
    id: 'ReadDecision',
    description: 'Reads a decision recorded before the execution started',
    bind: (fn, { requests }) => fn.bindRequestsTable(requests, 'read'),
  },

  // Workflow: carry out and answer
  'carry-out': {
    id: 'CarryOut',
    description: 'Carries out the approved plan: export package, corrections, erasure, consent changes',
    ...BULK,
    bind: (fn, { requests, customerData, requestData, recipientDirectory }) =>
      fn
        .bindRequestsTable(requests, 'readWrite')
        .bindCustomerData(customerData, {
          customers: 'readWriteDelete',
          billing: 'readWriteDelete',
          accessLog: 'readWriteDelete',
        })
        .bindRequestData(requestData, 'read', REQUESTS_PREFIX)
        .bindRequestData(requestData, 'readWrite', EXPORTS_PREFIX)
        .bindRecipientDirectory(recipientDirectory),
  },
  'notify-recipients': {
    id: 'NotifyRecipients',
    description: 'Tells the recipients of corrected or erased data (Art. 19)',
    bind: (fn, { requests, requestData, mail, recipientAddresses }) =>
      fn
        .bindRequestsTable(requests, 'readWrite')
        .bindRequestData(requestData, 'read', REQUESTS_PREFIX)
        .bindMailSender(mail)
        .bindRecipients(recipientAddresses),
  },
  'send-reply': {
    id: 'SendReply',
    description: 'Sends the reply or refusal letter',
    bind: (fn, { requests, requestData, mail, recipientDirectory }) =>
      fn
        .bindRequestsTable(requests, 'readWrite')
        .bindRequestData(requestData, 'read', REQUESTS_PREFIX)
        .bindMailSender(mail)
        .bindRecipientDirectory(recipientDirectory),
  },
  'close-request': {
    id: 'CloseRequest',
    description: 'Closes an answered request and deletes the copies gathered for it',
    bind: (fn, { requests, requestData }) =>
      fn.bindRequestsTable(requests, 'readWrite').bindRequestData(requestData, 'listDelete', REQUESTS_PREFIX),
  },
  // SES bounce and complaint events (SNS): flags the request of a mail that never arrived for
  // staff and records the undeliverable address in it. Reads the mail's purpose from the request.
  'mail-events': {
    id: 'MailEvents',
    description: 'Flags a request for staff when one of its mails bounced or drew a complaint',
    mailEvents: true,
    bind: (fn, { requests }) => fn.bindRequestsTable(requests, 'readWrite'),
  },
  'flag-needs-attention': {
    id: 'FlagNeedsAttention',
    description: 'Flags a failed request for staff',
    bind: (fn, { requests }) => fn.bindRequestsTable(requests, 'readWrite'),
  },

  // Jobs
  // The job finds packages by listing `exports/` and reads each request by key, so it needs no
  // index; `bindRequestsTable(..., { queryOpenRequests: true })` adds the open-requests index if a
  // later version walks open requests instead.
  'purge-exports': {
    id: 'PurgeExports',
    description: 'Deletes export packages whose download window has passed',
    schedule: events.Schedule.cron({ minute: '15', hour: '2' }),
    bind: (fn, { requests, requestData }) =>
      fn.bindRequestsTable(requests, 'readWrite').bindRequestData(requestData, 'listDelete', EXPORTS_PREFIX),
  },
  // Reads every open request and its audit trail each morning, mails staff a digest and the
  // 7- and 2-working-day warnings, records each warning in the request's audit trail, and
  // reports the overdue count as a metric (alarmed in AWS).
  'watch-deadlines': {
    id: 'WatchDeadlines',
    description: 'Daily deadline digest and warnings to staff; reports overdue requests as a metric',
    ownSchedule: true,
    bind: (fn, { requests, mail, staffDigestAddress }) =>
      fn
        .bindRequestsTable(requests, 'readWrite', { queryOpenRequests: true, batchRead: true })
        .bindMailSender(mail)
        .bindStaffDigest(staffDigestAddress),
  },
} as const satisfies Readonly<Record<string, FunctionDefinition>>;

/** A folder under `functions/` the stack knows how to deploy. */
export type FunctionFolder = keyof typeof FUNCTION_DEFINITIONS;

/** Raised at synth when a route or substitution names a folder without a definition. */
export class UnknownFunctionFolderError extends Error {
  override readonly name = 'UnknownFunctionFolderError';
}

const isKnownFolder = (folder: string): folder is FunctionFolder => Object.hasOwn(FUNCTION_DEFINITIONS, folder);

/** Optional parts of the stack that bring functions of their own. */
export interface DeployedFeatures {
  /**
   * The e-mail inbox (`inboxEnabled`).
   *
   * @default false
   */
  readonly inbox?: boolean;
}

/**
 * The folders to deploy, in the order of {@link FUNCTION_DEFINITIONS}: every folder the route
 * table or the workflow substitutions name, every scheduled job, and the inbox's functions when
 * the inbox is enabled.
 *
 * @throws UnknownFunctionFolderError naming each folder that has no definition
 */
export function deployedFolders(
  routes: readonly { readonly function: string }[] = HTTP_ROUTES,
  workflowFunctions: Readonly<Record<string, string>> = WORKFLOW_FUNCTIONS,
  features: DeployedFeatures = {},
): FunctionFolder[] {
  const wanted = new Set<string>([...routes.map((route) => route.function), ...Object.values(workflowFunctions)]);
  const unknown = [...wanted].filter((folder) => !isKnownFolder(folder));
  if (unknown.length > 0) {
    throw new UnknownFunctionFolderError(
      `No function definition for ${unknown.map((folder) => `"${folder}"`).join(', ')} (named in HTTP_ROUTES or ` +
        'WORKFLOW_FUNCTIONS): add it to FUNCTION_DEFINITIONS in infra/stacks/dsr-functions.ts with its grants',
    );
  }
  return (Object.keys(FUNCTION_DEFINITIONS) as FunctionFolder[]).filter((folder) => {
    const definition: FunctionDefinition = FUNCTION_DEFINITIONS[folder];
    return wanted.has(folder) || definition.schedule !== undefined || definition.ownSchedule === true || definition.mailEvents === true || (definition.inbox === true && features.inbox === true);
  });
}

/** Options of {@link createDsrFunction} that do not depend on the folder. */
export interface CreateFunctionOptions {
  readonly logRetention: logs.RetentionDays;
  readonly logLevel: FunctionLogLevel;
  /**
   * A module to bundle instead of `functions/<group>/<folder>/handler.ts`; for tests only.
   *
   * @default the folder's handler
   */
  readonly entry?: (folder: FunctionFolder) => string | undefined;
}

/** Creates the function of one folder as its definition says and binds it to the resources. */
export function createDsrFunction(
  scope: Construct,
  folder: FunctionFolder,
  resources: FunctionResources,
  options: CreateFunctionOptions,
): DsrFunction {
  const definition: FunctionDefinition = FUNCTION_DEFINITIONS[folder];
  const fn = new DsrFunction(scope, definition.id, {
    folder,
    entry: options.entry?.(folder),
    description: definition.description,
    logRetention: options.logRetention,
    logLevel: options.logLevel,
    // The one table the local runtime reads too, so local runs stop where AWS would.
    timeout: Duration.seconds(functionTimeoutSeconds(folder)),
    memorySize: definition.memorySize,
    reservedConcurrency: definition.reservedConcurrency,
  });
  definition.bind(fn, resources);
  return fn;
}

/** Applies a definition's {@link FunctionDefinition.bindStaffSignIn}, if any. */
export function bindToStaffSignIn(folder: FunctionFolder, fn: DsrFunction, signIn: StaffSignIn): void {
  const { bindStaffSignIn }: FunctionDefinition = FUNCTION_DEFINITIONS[folder];
  bindStaffSignIn?.(fn, signIn);
}

/**
 * Applies a definition's {@link FunctionDefinition.bindWorkflow}, if any.
 *
 * @param calledByWorkflow whether the state machine calls this function
 * @throws Error when a function the workflow calls would be granted on the state machine
 */
export function bindToWorkflow(
  folder: FunctionFolder,
  fn: DsrFunction,
  stateMachine: IStateMachine,
  calledByWorkflow: boolean,
): void {
  const { bindWorkflow }: FunctionDefinition = FUNCTION_DEFINITIONS[folder];
  if (bindWorkflow === undefined) return;
  if (calledByWorkflow) {
    throw new Error(
      `${folder} is called by the workflow, so it cannot also be granted on the state machine: the definition ` +
        'depends on its ARN and its role would depend on the definition (a circular dependency)',
    );
  }
  bindWorkflow(fn, stateMachine);
}
