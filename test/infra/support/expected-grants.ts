import type { Stack } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import { CUSTOMER_DATA_TABLES, customerDataIndexNames } from '../../../infra/constructs/customer-data-tables.js';
import { sesConfigurationSetArn, sesIdentityArn } from '../../../infra/constructs/dsr-function.js';
import { INBOUND_MAIL_PREFIX } from '../../../infra/constructs/inbound-mail-bucket.js';
import { REQUEST_DATA_PREFIXES } from '../../../infra/constructs/request-data-bucket.js';
import type { FunctionFolder, FunctionResources } from '../../../infra/stacks/dsr-functions.js';
import { REQUESTS_TABLE_LAYOUT } from '../../../functions/adapters/dynamodb/requests-table-layout.js';
import { roleStatements } from './policies.js';

/**
 * What a role may do, by a readable name of each resource (`requests`, `customers/index/…`,
 * `bucket/exports/*`, `state-machine`, `*`), each with its sorted actions.
 */
export type NamedGrants = Readonly<Record<string, readonly string[]>>;

const XRAY = { '*': ['xray:PutTelemetryRecords', 'xray:PutTraceSegments'] };

const DDB_KEY_READ = ['kms:Decrypt', 'kms:DescribeKey'];
const DDB_KEY_WRITE = [...DDB_KEY_READ, 'kms:Encrypt', 'kms:GenerateDataKey*', 'kms:ReEncrypt*'];

const REQUESTS = {
  read: { requests: ['dynamodb:GetItem', 'dynamodb:Query'], 'requests-key': DDB_KEY_READ },
  create: { requests: ['dynamodb:ConditionCheckItem', 'dynamodb:GetItem', 'dynamodb:PutItem'], 'requests-key': DDB_KEY_WRITE },
  readWrite: {
    requests: ['dynamodb:ConditionCheckItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem'],
    'requests-key': DDB_KEY_WRITE,
  },
} as const;

/**
 * Extra reads on the requests table: many keys at once (`batchRead`: the console's queue, the
 * deadline watch, the intake's look-up of earlier messages), the open requests (`queryOpenRequests`)
 * and every request for the register (`queryAllRequests`). Never a `Scan`.
 */
const BATCH_READ = { requests: ['dynamodb:BatchGetItem'] };
const OPEN_INDEX = { [`requests/index/${REQUESTS_TABLE_LAYOUT.openRequestsIndex.name}`]: ['dynamodb:Query'] };
const ALL_INDEX = { [`requests/index/${REQUESTS_TABLE_LAYOUT.allRequestsIndex.name}`]: ['dynamodb:Query'] };
/** The console's queue pages: the sparse queue index. */
const QUEUE_INDEXES = { [`requests/index/${REQUESTS_TABLE_LAYOUT.queueIndex.name}`]: ['dynamodb:Query'] };

/** Read on one store: the table and a `Query` on each of its GSIs. */
const storeRead = (table: (typeof CUSTOMER_DATA_TABLES)[number]): Record<string, string[]> => ({
  [table]: ['dynamodb:GetItem', 'dynamodb:Query'],
  ...Object.fromEntries(customerDataIndexNames(table).map((name) => [`${table}/index/${name}`, ['dynamodb:Query']])),
});
const storeReadWriteDelete = (table: (typeof CUSTOMER_DATA_TABLES)[number]): Record<string, string[]> => ({
  ...storeRead(table),
  [table]: ['dynamodb:BatchWriteItem', 'dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:UpdateItem'],
});
/** Reads and conditional updates, never a delete: the marketing stop and the objection restriction. */
const storeReadWrite = (table: (typeof CUSTOMER_DATA_TABLES)[number]): Record<string, string[]> => ({
  ...storeRead(table),
  [table]: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:UpdateItem'],
});
const storeReadUpdate = (table: (typeof CUSTOMER_DATA_TABLES)[number]): Record<string, string[]> => ({
  ...storeRead(table),
  [table]: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:UpdateItem'],
});
/** The Art. 18 flag in all three stores: staff dispute a correction or lift a restriction. */
const RESTRICTION_FLAGS = { ...storeReadUpdate('customers'), ...storeReadUpdate('billing'), ...storeReadUpdate('accessLog') };
/** The key of the customer-data tables, when the stack created them (absent for imported tables). */
const CUSTOMER_KEY_READ = { 'customer-data-key': DDB_KEY_READ };
const CUSTOMER_KEY_WRITE = { 'customer-data-key': DDB_KEY_WRITE };

const LIST = { bucket: ['s3:ListBucket'] };
const bucketRead = (prefix: string) => ({ ...LIST, [`bucket/${prefix}*`]: ['s3:GetObject'], 'bucket-key': ['kms:Decrypt'] });
const bucketReadWrite = (prefix: string) => ({
  ...LIST,
  [`bucket/${prefix}*`]: ['s3:GetObject', 's3:PutObject'],
  'bucket-key': ['kms:Decrypt', 'kms:GenerateDataKey'],
});
const { requests: REQ, exports: EXP } = REQUEST_DATA_PREFIXES;

/** Sending is allowed on the identity and on the configuration set every send names. */
const SES = { 'ses-identity': ['ses:SendEmail', 'ses:SendRawEmail'], 'ses-configuration-set': ['ses:SendEmail', 'ses:SendRawEmail'] };

/** Reading received mail: objects under the prefix (no listing) and the key through S3. */
const INBOUND_READ = { [`inbound-bucket/${INBOUND_MAIL_PREFIX}*`]: ['s3:GetObject'], 'inbound-key': ['kms:Decrypt'] };

/** Merges grant maps, uniting the actions granted on the same resource. */
function grants(...parts: readonly Record<string, readonly string[]>[]): NamedGrants {
  const merged: Record<string, Set<string>> = {};
  for (const part of parts) {
    for (const [resource, actions] of Object.entries(part)) {
      merged[resource] ??= new Set();
      for (const action of actions) merged[resource].add(action);
    }
  }
  return Object.fromEntries(Object.entries(merged).map(([resource, actions]) => [resource, [...actions].sort()]));
}

/**
 * Exactly what each function's code path needs, and so exactly what its role may do, with the
 * stack creating the customer-data tables (their key then appears too).
 */
export const EXPECTED_GRANTS: Readonly<Record<FunctionFolder, NamedGrants>> = {
  'web-form': grants(XRAY, REQUESTS.read),
  'create-request': grants(XRAY, REQUESTS.create, { 'state-machine': ['states:StartExecution'] }),
  // BatchGetItem: DynamoDbInboxStore.casesForMessages reads the cases of earlier messages at once.
  'email-intake': grants(XRAY, REQUESTS.readWrite, BATCH_READ, INBOUND_READ, { 'state-machine': ['states:StartExecution'] }, SES),
  'verify-page': grants(XRAY, REQUESTS.readWrite, storeRead('customers'), CUSTOMER_KEY_READ, SES, {
    'state-machine': ['states:SendTaskSuccess'],
  }),
  'download-page': grants(XRAY, REQUESTS.readWrite, bucketRead(EXP), SES),
  'staff-api': grants(XRAY, REQUESTS.readWrite, bucketReadWrite(REQ), RESTRICTION_FLAGS, CUSTOMER_KEY_WRITE, SES, { 'state-machine': ['states:SendTaskFailure', 'states:SendTaskSuccess'] }),
  acknowledge: grants(XRAY, REQUESTS.readWrite, SES),
  // No secretsmanager grant: the suppression key reaches the environment as a dynamic reference.
  'stop-marketing': grants(XRAY, REQUESTS.readWrite, storeReadWrite('customers'), CUSTOMER_KEY_WRITE, SES),
  'restrict-processing': grants(XRAY, REQUESTS.readWrite, storeReadWrite('customers'), CUSTOMER_KEY_WRITE),
  'start-verification': grants(XRAY, REQUESTS.readWrite, storeRead('customers'), CUSTOMER_KEY_READ, SES),
  'await-verification': grants(XRAY, REQUESTS.readWrite),
  'send-verification-reminder': grants(XRAY, REQUESTS.readWrite, storeRead('customers'), CUSTOMER_KEY_READ, SES),
  'close-unverified': grants(XRAY, REQUESTS.readWrite, SES),
  'gather-subscriptions': grants(XRAY, REQUESTS.readWrite, storeRead('customers'), CUSTOMER_KEY_READ, bucketReadWrite(REQ)),
  'gather-billing': grants(XRAY, REQUESTS.readWrite, storeRead('billing'), CUSTOMER_KEY_READ, bucketReadWrite(REQ)),
  'gather-access-log': grants(XRAY, REQUESTS.readWrite, storeRead('accessLog'), CUSTOMER_KEY_READ, bucketReadWrite(REQ)),
  'plan-request': grants(
    XRAY,
    REQUESTS.readWrite,
    bucketReadWrite(REQ),
    storeRead('customers'),
    storeRead('billing'),
    storeRead('accessLog'),
    CUSTOMER_KEY_READ,
  ),
  'await-decision': grants(XRAY, REQUESTS.readWrite),
  'read-decision': grants(XRAY, REQUESTS.read),
  'carry-out': grants(
    XRAY,
    REQUESTS.readWrite,
    storeReadWriteDelete('customers'),
    storeReadWriteDelete('billing'),
    storeReadWriteDelete('accessLog'),
    CUSTOMER_KEY_WRITE,
    bucketRead(REQ),
    bucketReadWrite(EXP),
  ),
  'notify-recipients': grants(XRAY, REQUESTS.readWrite, bucketRead(REQ), SES),
  'send-reply': grants(XRAY, REQUESTS.readWrite, bucketRead(REQ), SES),
  'close-request': grants(XRAY, REQUESTS.readWrite, LIST, { [`bucket/${REQ}*`]: ['s3:DeleteObject'] }),
  'mail-events': grants(XRAY, REQUESTS.readWrite),
  'flag-needs-attention': grants(XRAY, REQUESTS.readWrite),
  'purge-exports': grants(XRAY, REQUESTS.readWrite, LIST, { [`bucket/${EXP}*`]: ['s3:DeleteObject'] }),
  // The console by area of work: each role holds its own pages' and actions' grants only.
  'console-queue': grants(XRAY, REQUESTS.readWrite, BATCH_READ, OPEN_INDEX, ALL_INDEX, QUEUE_INDEXES),
  // The case page only reads: the case, its plan, gathered copies and mandate document.
  'console-case': grants(XRAY, REQUESTS.read, bucketRead(REQ)),
  'console-case-actions': grants(XRAY, REQUESTS.readWrite, BATCH_READ, RESTRICTION_FLAGS, CUSTOMER_KEY_WRITE, bucketReadWrite(REQ), SES, {
    [`bucket/${REQ}*`]: ['s3:DeleteObject'],
    'state-machine': ['states:SendTaskFailure', 'states:SendTaskSuccess'],
  }),
  'console-mail': grants(XRAY, REQUESTS.readWrite, bucketReadWrite(REQ), {
    // Only items of the TRIAGE partition (a condition on the statement; see requests-table.test.ts).
    requests: ['dynamodb:DeleteItem'],
    'state-machine': ['states:StartExecution'],
  }),
  'watch-deadlines': grants(XRAY, REQUESTS.readWrite, BATCH_READ, OPEN_INDEX, SES),
};

/**
 * What a function gets when the inbox is on (the function catalogue always has the inbound-mail
 * bucket; the default stack does not): the console reads received mail to turn it into a case.
 */
export const INBOX_READ_GRANTS: Readonly<Partial<Record<FunctionFolder, NamedGrants>>> = {
  'console-case': INBOUND_READ,
  'console-mail': INBOUND_READ,
};
export const INBOX_READ_ENV: Readonly<Partial<Record<FunctionFolder, readonly string[]>>> = {
  'console-case': ['INBOUND_MAIL_BUCKET', 'INBOUND_MAIL_PREFIX'],
  'console-mail': ['INBOUND_MAIL_BUCKET', 'INBOUND_MAIL_PREFIX'],
};

/** What the stack adds once the staff user pool exists (token checks; the console's sign-in). */
export const STAFF_SIGN_IN_ENV: Readonly<Partial<Record<FunctionFolder, readonly string[]>>> = {
  'staff-api': ['STAFF_TOKEN_ISSUER', 'STAFF_TOKEN_AUDIENCE', 'STAFF_TOKEN_JWKS'],
  'console-queue': ['STAFF_TOKEN_ISSUER', 'STAFF_TOKEN_AUDIENCE', 'STAFF_TOKEN_JWKS', 'CONSOLE_SIGN_IN', 'COGNITO_DOMAIN', 'PUBLIC_BASE_URL'],
  'console-case': ['STAFF_TOKEN_ISSUER', 'STAFF_TOKEN_AUDIENCE', 'STAFF_TOKEN_JWKS', 'CONSOLE_SIGN_IN', 'COGNITO_DOMAIN', 'PUBLIC_BASE_URL'],
  'console-case-actions': ['STAFF_TOKEN_ISSUER', 'STAFF_TOKEN_AUDIENCE', 'STAFF_TOKEN_JWKS', 'CONSOLE_SIGN_IN', 'COGNITO_DOMAIN', 'PUBLIC_BASE_URL'],
  'console-mail': ['STAFF_TOKEN_ISSUER', 'STAFF_TOKEN_AUDIENCE', 'STAFF_TOKEN_JWKS', 'CONSOLE_SIGN_IN', 'COGNITO_DOMAIN', 'PUBLIC_BASE_URL'],
};

/** The prefixes each function may list (`s3:prefix` of its `s3:ListBucket` statements). */
export const EXPECTED_LIST_PREFIXES: Readonly<Partial<Record<FunctionFolder, readonly string[]>>> = {
  'download-page': [`${EXP}*`],
  'gather-subscriptions': [`${REQ}*`],
  'gather-billing': [`${REQ}*`],
  'gather-access-log': [`${REQ}*`],
  'plan-request': [`${REQ}*`],
  'staff-api': [`${REQ}*`],
  'carry-out': [`${EXP}*`, `${REQ}*`],
  'notify-recipients': [`${REQ}*`],
  'send-reply': [`${REQ}*`],
  'purge-exports': [`${EXP}*`],
  'close-request': [`${REQ}*`],
  'console-case': [`${REQ}*`],
  'console-case-actions': [`${REQ}*`],
  'console-mail': [`${REQ}*`],
};

/** The environment each function's config schema reads, and nothing else (NODE_OPTIONS aside). */
export const EXPECTED_ENV: Readonly<Record<FunctionFolder, readonly string[]>> = {
  'web-form': ['REQUESTS_TABLE_NAME'],
  // The system's own addresses without any SES grant: refused as a requester's.
  'create-request': ['REQUESTS_TABLE_NAME', 'STATE_MACHINE_ARN', 'SENDER_ADDRESS', 'STAFF_DIGEST_ADDRESS', 'MAIL_FROM_DOMAIN'],
  // SENDER_ADDRESS without any SES grant: only to recognise our own letters coming back.
  'email-intake': ['REQUESTS_TABLE_NAME', 'STATE_MACHINE_ARN', 'INBOUND_MAIL_BUCKET', 'INBOUND_MAIL_PREFIX', 'SENDER_ADDRESS', 'STAFF_DIGEST_ADDRESS', 'MAIL_FROM_DOMAIN', 'SES_CONFIGURATION_SET'],
  'verify-page': ['REQUESTS_TABLE_NAME', 'CUSTOMERS_TABLE_NAME', 'SENDER_ADDRESS', 'SES_CONFIGURATION_SET', 'STATE_MACHINE_ARN'],
  'download-page': ['REQUESTS_TABLE_NAME', 'REQUEST_DATA_BUCKET', 'SENDER_ADDRESS', 'SES_CONFIGURATION_SET'],
  'staff-api': ['REQUESTS_TABLE_NAME', 'REQUEST_DATA_BUCKET', 'CUSTOMERS_TABLE_NAME', 'BILLING_TABLE_NAME', 'ACCESS_LOG_TABLE_NAME', 'SENDER_ADDRESS', 'SES_CONFIGURATION_SET', 'STATE_MACHINE_ARN'],
  acknowledge: ['REQUESTS_TABLE_NAME', 'SENDER_ADDRESS', 'SES_CONFIGURATION_SET'],
  'stop-marketing': ['REQUESTS_TABLE_NAME', 'CUSTOMERS_TABLE_NAME', 'SENDER_ADDRESS', 'SES_CONFIGURATION_SET', 'SUPPRESSION_HMAC_SECRET'],
  'restrict-processing': ['REQUESTS_TABLE_NAME', 'CUSTOMERS_TABLE_NAME'],
  'start-verification': ['REQUESTS_TABLE_NAME', 'CUSTOMERS_TABLE_NAME', 'SENDER_ADDRESS', 'SES_CONFIGURATION_SET'],
  'await-verification': ['REQUESTS_TABLE_NAME'],
  'send-verification-reminder': ['REQUESTS_TABLE_NAME', 'CUSTOMERS_TABLE_NAME', 'SENDER_ADDRESS', 'SES_CONFIGURATION_SET'],
  'close-unverified': ['REQUESTS_TABLE_NAME', 'SENDER_ADDRESS', 'SES_CONFIGURATION_SET'],
  'gather-subscriptions': ['REQUESTS_TABLE_NAME', 'CUSTOMERS_TABLE_NAME', 'REQUEST_DATA_BUCKET'],
  'gather-billing': ['REQUESTS_TABLE_NAME', 'BILLING_TABLE_NAME', 'REQUEST_DATA_BUCKET'],
  'gather-access-log': ['REQUESTS_TABLE_NAME', 'ACCESS_LOG_TABLE_NAME', 'REQUEST_DATA_BUCKET'],
  'plan-request': ['REQUESTS_TABLE_NAME', 'REQUEST_DATA_BUCKET', 'CUSTOMERS_TABLE_NAME', 'BILLING_TABLE_NAME', 'ACCESS_LOG_TABLE_NAME'],
  'await-decision': ['REQUESTS_TABLE_NAME'],
  'read-decision': ['REQUESTS_TABLE_NAME'],
  'carry-out': [
    'REQUESTS_TABLE_NAME',
    'CUSTOMERS_TABLE_NAME',
    'BILLING_TABLE_NAME',
    'ACCESS_LOG_TABLE_NAME',
    'REQUEST_DATA_BUCKET',
    'EXPORT_DOWNLOAD_DAYS',
    'RECIPIENT_DIRECTORY',
  ],
  'notify-recipients': ['REQUESTS_TABLE_NAME', 'REQUEST_DATA_BUCKET', 'SENDER_ADDRESS', 'SES_CONFIGURATION_SET', 'RECIPIENT_ADDRESSES'],
  'send-reply': ['REQUESTS_TABLE_NAME', 'REQUEST_DATA_BUCKET', 'SENDER_ADDRESS', 'SES_CONFIGURATION_SET', 'RECIPIENT_DIRECTORY'],
  'close-request': ['REQUESTS_TABLE_NAME', 'REQUEST_DATA_BUCKET'],
  'mail-events': ['REQUESTS_TABLE_NAME'],
  'flag-needs-attention': ['REQUESTS_TABLE_NAME'],
  'purge-exports': ['REQUESTS_TABLE_NAME', 'REQUEST_DATA_BUCKET'],
  'console-queue': ['REQUESTS_TABLE_NAME'],
  'console-case': ['REQUESTS_TABLE_NAME', 'REQUEST_DATA_BUCKET'],
  'console-case-actions': ['REQUESTS_TABLE_NAME', 'CUSTOMERS_TABLE_NAME', 'BILLING_TABLE_NAME', 'ACCESS_LOG_TABLE_NAME', 'REQUEST_DATA_BUCKET', 'SENDER_ADDRESS', 'SES_CONFIGURATION_SET', 'STATE_MACHINE_ARN'],
  // The system's own addresses without any SES grant: refused as a requester's on the intake page and in triage.
  'console-mail': ['REQUESTS_TABLE_NAME', 'REQUEST_DATA_BUCKET', 'STATE_MACHINE_ARN', 'SENDER_ADDRESS', 'STAFF_DIGEST_ADDRESS', 'MAIL_FROM_DOMAIN'],
  'watch-deadlines': ['REQUESTS_TABLE_NAME', 'SENDER_ADDRESS', 'SES_CONFIGURATION_SET', 'STAFF_DIGEST_ADDRESS'],
};

/**
 * What the inbox adds to `email-intake`'s role in the stack: sending a failed event to the
 * failure queue, encrypted with the mail key (through SQS).
 */
export const INBOX_FAILURE_GRANTS: NamedGrants = {
  'failed-intakes': ['sqs:SendMessage'],
  'inbound-key': ['kms:Decrypt', 'kms:GenerateDataKey'],
};

/**
 * What the stack adds to `mail-events`' role: putting an event it failed into the failed-events
 * queue (SSE-SQS, so no key grant).
 */
export const MAIL_EVENTS_FAILURE_GRANTS: NamedGrants = { 'failed-mail-events': ['sqs:SendMessage'] };

/** Merges grant maps; see {@link EXPECTED_GRANTS}. */
export const mergeGrants = (...parts: readonly NamedGrants[]): NamedGrants => grants(...parts);

/** The expected grants when the customer-data tables are imported and use no customer-managed key. */
export const withoutCustomerDataKey = (expected: NamedGrants): NamedGrants =>
  Object.fromEntries(Object.entries(expected).filter(([resource]) => resource !== 'customer-data-key'));

/** What a test needs to name the resources of a synthesized stack. */
export interface NamedResources {
  readonly stack: Stack;
  readonly resources: FunctionResources;
  readonly stateMachineArn: string;
  /** The inbox's failed-invocation queue, when the inbox is deployed. */
  readonly failedIntakesArn?: string;
  /** The queue of SES events mail-events failed, in a deployed stack. */
  readonly failedMailEventsArn?: string;
}

/**
 * The resolved template value of each resource a function can be granted on, by readable name:
 * what {@link namedGrants} reads roles with.
 */
export function resourceNames({ stack, resources, stateMachineArn, failedIntakesArn, failedMailEventsArn }: NamedResources): ReadonlyMap<string, string> {
  const { requests, customerData, requestData, mail, inboundMail } = resources;
  const names: [string, unknown][] = [
    ['*', '*'],
    ['requests', requests.table.tableArn],
    [`requests/index/${REQUESTS_TABLE_LAYOUT.openRequestsIndex.name}`, `${requests.table.tableArn}/index/${REQUESTS_TABLE_LAYOUT.openRequestsIndex.name}`],
    [`requests/index/${REQUESTS_TABLE_LAYOUT.allRequestsIndex.name}`, `${requests.table.tableArn}/index/${REQUESTS_TABLE_LAYOUT.allRequestsIndex.name}`],
    [`requests/index/${REQUESTS_TABLE_LAYOUT.queueIndex.name}`, `${requests.table.tableArn}/index/${REQUESTS_TABLE_LAYOUT.queueIndex.name}`],
    ['requests-key', requests.key.keyArn],
    ['bucket', requestData.bucket.bucketArn],
    ['bucket-key', requestData.key.keyArn],
    ['ses-identity', sesIdentityArn(stack, mail.sesIdentityDomain)],
    ['ses-configuration-set', sesConfigurationSetArn(stack, mail.configurationSetName)],
    ['state-machine', stateMachineArn],
  ];
  for (const prefix of Object.values(REQUEST_DATA_PREFIXES)) {
    names.push([`bucket/${prefix}*`, requestData.bucket.arnForObjects(`${prefix}*`)]);
  }
  if (customerData.key !== undefined) names.push(['customer-data-key', customerData.key.keyArn]);
  if (inboundMail !== undefined) {
    names.push(['inbound-bucket', inboundMail.bucket.bucketArn]);
    names.push([`inbound-bucket/${INBOUND_MAIL_PREFIX}*`, inboundMail.bucket.arnForObjects(`${INBOUND_MAIL_PREFIX}*`)]);
    names.push(['inbound-key', inboundMail.key.keyArn]);
  }
  if (failedIntakesArn !== undefined) names.push(['failed-intakes', failedIntakesArn]);
  if (failedMailEventsArn !== undefined) names.push(['failed-mail-events', failedMailEventsArn]);
  for (const table of CUSTOMER_DATA_TABLES) {
    const arn = customerData.table(table).tableArn;
    names.push([table, arn]);
    for (const index of customerDataIndexNames(table)) names.push([`${table}/index/${index}`, `${arn}/index/${index}`]);
  }
  return new Map(names.map(([name, value]) => [JSON.stringify(stack.resolve(value)), name]));
}

/** What a role may do, by resource name; a resource without a name shows as its template JSON. */
export function namedGrants(template: Template, roleId: string, names: ReadonlyMap<string, string>): NamedGrants {
  const merged: Record<string, Set<string>> = {};
  for (const statement of roleStatements(template, roleId)) {
    if (statement.effect !== 'Allow') continue;
    for (const resource of statement.resources) {
      const json = JSON.stringify(resource);
      const name = names.get(json) ?? json;
      merged[name] ??= new Set();
      for (const action of statement.actions) merged[name].add(action);
    }
  }
  return Object.fromEntries(
    Object.entries(merged)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([resource, actions]) => [resource, [...actions].sort()]),
  );
}

/** Sorts a grant map's keys, so `toEqual` diffs read well. */
export const sortedGrants = (expected: NamedGrants): NamedGrants =>
  Object.fromEntries(Object.entries(expected).sort(([a], [b]) => a.localeCompare(b)));
