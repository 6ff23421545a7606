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
} as const;
