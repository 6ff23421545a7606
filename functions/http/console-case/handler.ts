import { DynamoDbPostalLetterStore } from '../../adapters/dynamodb/dynamodb-postal-letter-store.js';
import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import * as z from 'zod';
import { DynamoDbAccessLogStore } from '../../adapters/dynamodb/dynamodb-access-log-store.js';
import { DynamoDbBillingStore } from '../../adapters/dynamodb/dynamodb-billing-store.js';
import { DynamoDbCustomerStore } from '../../adapters/dynamodb/dynamodb-customer-store.js';
import { storeRestrictionFlags } from '../../domain/restriction/restriction-flags.js';
import { DynamoDbInboxStore } from '../../adapters/dynamodb/dynamodb-inbox-store.js';
import { DynamoDbRequestStore } from '../../adapters/dynamodb/dynamodb-request-store.js';
import { DynamoDbSessionRevocations } from '../../adapters/dynamodb/dynamodb-session-revocations.js';
import { S3ObjectStore } from '../../adapters/s3/s3-object-store.js';
import { StepFunctionsWorkflow } from '../../adapters/sfn/step-functions-workflow.js';
import { osloCalendarDate, statutoryDeadline } from '../../domain/deadline/index.js';
import { parseInboundMessageLazily } from '../../domain/inbox/parse-inbound-message-lazily.js';
import { newRequestId } from '../../domain/request/request-id.js';
import { isSecureOrigin } from '../../domain/staff-auth/index.js';
import { toOsloIsoString } from '../../domain/deadline/oslo-calendar-date.js';
import { dynamoDbClient } from '../../platform/aws-clients/dynamodb.js';
import { s3Client } from '../../platform/aws-clients/s3.js';
import { sesClient } from '../../platform/aws-clients/sesv2.js';
import { sfnClient } from '../../platform/aws-clients/sfn.js';
import { parseConfig } from '../../platform/config.js';
import { ENV } from '../../platform/env-names.js';
import { errorPageMiddleware } from '../../web/error-page-middleware.js';
import { originSecretFromEnv, originVerifyMiddleware } from '../../web/origin-verify.js';
import { createLogger } from '../../platform/logger.js';
import { staffTokenVerifierFromEnv } from '../../wiring/staff-token-verifier.js';
import { recordingSesMailer } from '../../wiring/task-deps.js';
import { SystemAddressConfigSchema, systemAddressCheckFrom } from '../../wiring/system-address-config.js';
import { htmlPage } from '../../web/console/console-responses.js';
import { renderServerErrorPage } from '../../web/console/pages/status-pages.js';
import type { SignInMethod } from '../../web/console/sign-in/sign-in-methods.js';
import { serveStaffConsole } from '../../web/console/serve-console-route.js';
import type { StaffConsoleDeps } from '../../web/console/console-deps.js';
import { observability } from '../../platform/observability.js';

const config = parseConfig(
  z
    .object({
      [ENV.requestsTable]: z.string().min(1),
      [ENV.customersTable]: z.string().min(1),
      [ENV.billingTable]: z.string().min(1),
      [ENV.accessLogTable]: z.string().min(1),
      [ENV.dataBucket]: z.string().min(3),
      [ENV.dataBucketEncryption]: z.enum(['aws:kms', '']).optional(),
      ...SystemAddressConfigSchema.shape,
      [ENV.senderAddress]: z.email(),
      [ENV.sesConfigurationSet]: z.string().optional(),
      [ENV.stateMachineArn]: z.string().startsWith('arn:'),
      [ENV.publicBaseUrl]: z.url(),
      [ENV.staffTokenIssuer]: z.url(),
      [ENV.staffTokenAudience]: z.string().min(1),
      INBOUND_MAIL_BUCKET: z.string().min(3).optional(),
      [ENV.consoleSignIn]: z.enum(['cognito', 'local']),
      [ENV.cognitoDomain]: z.string().optional(),
    })
    .refine((env) => env[ENV.consoleSignIn] !== 'cognito' || env[ENV.cognitoDomain], { path: [ENV.cognitoDomain] }),
);

/** AWS hands sign-in to Cognito's hosted pages; locally the gateway serves the sign-in page (infra/local/sign-in). */
const signInMethod = (): SignInMethod =>
  config[ENV.consoleSignIn] === 'cognito'
    ? { kind: 'cognito', domain: config[ENV.cognitoDomain]!, clientId: config[ENV.staffTokenAudience] }
    : { kind: 'local' };

const table = config[ENV.requestsTable];
const workflow = new StepFunctionsWorkflow(sfnClient, config[ENV.stateMachineArn]);
const inboundMail = config.INBOUND_MAIL_BUCKET === undefined ? undefined : new S3ObjectStore(s3Client, config.INBOUND_MAIL_BUCKET);
const deps: StaffConsoleDeps = {
  signIn: signInMethod(),
  verifier: staffTokenVerifierFromEnv(),
  publicBaseUrl: config[ENV.publicBaseUrl],
  secureCookies: isSecureOrigin(config[ENV.publicBaseUrl]),
  store: new DynamoDbRequestStore(dynamoDbClient(), table),
  inbox: new DynamoDbInboxStore(dynamoDbClient(), table),
  postalLetters: new DynamoDbPostalLetterStore(dynamoDbClient(), table),
  objects: new S3ObjectStore(s3Client, config[ENV.dataBucket], config[ENV.dataBucketEncryption] || undefined),
  mailer: recordingSesMailer({
    dynamoDb: dynamoDbClient(),
    ses: sesClient,
    tableName: config[ENV.requestsTable],
    senderAddress: config[ENV.senderAddress],
    configurationSet: config[ENV.sesConfigurationSet],
  }),
  callbacks: workflow,
  workflow,
  customers: new DynamoDbCustomerStore(dynamoDbClient(), config[ENV.customersTable]),
  flags: storeRestrictionFlags({
    customers: new DynamoDbCustomerStore(dynamoDbClient(), config[ENV.customersTable]),
    billing: new DynamoDbBillingStore(dynamoDbClient(), config[ENV.billingTable]),
    accessLog: new DynamoDbAccessLogStore(dynamoDbClient(), config[ENV.accessLogTable]),
  }),
  revocations: new DynamoDbSessionRevocations(dynamoDbClient(), table),
  // Without the inbox (its bucket), there is no received mail to show or to turn into a case.
  rawMail: { read: async (key) => (inboundMail === undefined ? undefined : inboundMail.getBytes(key)) },
  parse: parseInboundMessageLazily,
  now: () => new Date(),
  today: () => osloCalendarDate(new Date()),
  formatInstant: toOsloIsoString,
  receiptDate: (receivedAt: string) => osloCalendarDate(receivedAt),
  dueDate: (receivedAt: string) => statutoryDeadline(receivedAt),
  newId: newRequestId,
  isSystemAddress: systemAddressCheckFrom(config),
  logger: createLogger('staff-console'),
};

export const handler = middy((event: APIGatewayProxyEventV2) => serveStaffConsole(deps, event))
  .use(observability('staff-console'))
  .use(httpHeaderNormalizer())
  .use(originVerifyMiddleware(originSecretFromEnv(), deps.logger))
  .use(errorPageMiddleware(deps.logger, () => htmlPage(500, renderServerErrorPage())));
