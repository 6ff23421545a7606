/**
 * Environment variable names shared by the CDK app (which sets them) and the handlers' config
 * schemas (which read them), so a rename cannot leave the two disagreeing.
 */
export const ENV = {
  requestsTable: 'REQUESTS_TABLE_NAME',
  stateMachineArn: 'STATE_MACHINE_ARN',
  senderAddress: 'SENDER_ADDRESS',
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
} as const;
