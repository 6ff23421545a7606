/**
 * Environment variable names shared by the CDK app (which sets them) and the handlers' config
 * schemas (which read them), so a rename cannot leave the two disagreeing.
 */
export const ENV = {
  requestsTable: 'REQUESTS_TABLE_NAME',
  stateMachineArn: 'STATE_MACHINE_ARN',
  senderAddress: 'SENDER_ADDRESS',
  /** Optional JSON override of the form's rate limits (`FormLimits`); the defaults apply when unset. */
  formLimits: 'FORM_LIMITS',
  sesConfigurationSet: 'SES_CONFIGURATION_SET',
  publicBaseUrl: 'PUBLIC_BASE_URL',
  logLevel: 'LOG_LEVEL',
  /** The three stores a request is answered from; ops may point these at existing tables. */
  customersTable: 'CUSTOMERS_TABLE_NAME',
  billingTable: 'BILLING_TABLE_NAME',
  accessLogTable: 'ACCESS_LOG_TABLE_NAME',
  /** Encrypted bucket for gathered data, plans and export packages. */
  dataBucket: 'REQUEST_DATA_BUCKET',
  /** `aws:kms` in AWS; empty locally (the S3 stand-in has no KMS). */
  dataBucketEncryption: 'REQUEST_DATA_BUCKET_SSE',
  /** Days an export package can be downloaded (default 14). */
  exportDays: 'EXPORT_DOWNLOAD_DAYS',
  /** JSON map of recipient id → notice e-mail address (Art. 19), e.g. {"unloc":"privacy@unloc.app"}. */
  recipientAddresses: 'RECIPIENT_ADDRESSES',
  /** JSON list of the recipients by name, role and country (Art. 15(1)(c), 15(2)); see `recipient-directory.ts`. */
  recipientDirectory: 'RECIPIENT_DIRECTORY',
  /** Expected `iss` of staff tokens (the Cognito user pool's issuer URL; the local issuer locally). */
  staffTokenIssuer: 'STAFF_TOKEN_ISSUER',
  /** Expected `aud` of staff tokens: the console's Cognito app client id. */
  staffTokenAudience: 'STAFF_TOKEN_AUDIENCE',
  /** Where the token signing keys are: Cognito's `https://…/jwks.json`, or `file://…` locally. */
  staffTokenJwks: 'STAFF_TOKEN_JWKS',
  /** `cognito` (hosted sign-in with MFA) or `local` (the local gateway serves the sign-in page, infra/local/sign-in). */
  consoleSignIn: 'CONSOLE_SIGN_IN',
  /** The Cognito hosted sign-in domain, e.g. `obos-dsr.auth.eu-north-1.amazoncognito.com`. */
  cognitoDomain: 'COGNITO_DOMAIN',
  /** Where the daily deadline digest and warnings go (a staff mailbox). */
  staffDigestAddress: 'STAFF_DIGEST_ADDRESS',
  /** The custom MAIL FROM domain of our letters: its addresses are the system's, never a requester's. */
  mailFromDomain: 'MAIL_FROM_DOMAIN',
  /**
   * The HMAC key of the marketing suppression list (at least 32 characters). In AWS a Secrets
   * Manager secret resolved into the environment at deploy time; locally a key kept in `.local-data/`.
   */
  suppressionSecret: 'SUPPRESSION_HMAC_SECRET',
  /** The secret CloudFront sends to the origin in `x-origin-verify`; unset where no edge stands in front. */
  originVerifySecret: 'ORIGIN_VERIFY_SECRET',
} as const;
