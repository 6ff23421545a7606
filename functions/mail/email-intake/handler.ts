import { parseInboundMessageLazily } from '../../domain/inbox/parse-inbound-message-lazily.js';
import { recognise } from '../../domain/inbox/recognise.js';
import { dynamoDbClient } from '../../platform/aws-clients/dynamodb.js';
import { s3Client } from '../../platform/aws-clients/s3.js';
import { sesClient } from '../../platform/aws-clients/sesv2.js';
import { sfnClient } from '../../platform/aws-clients/sfn.js';
import { parseConfig } from '../../platform/config.js';
import { EmailIntakeConfigSchema } from './email-intake-config.js';
import { emailIntakeDeps } from './email-intake-deps.js';
import { createEmailIntakeHandler } from './email-intake.js';

const config = parseConfig(EmailIntakeConfigSchema);

/** `email-intake`: invoked by the SES receipt rule (and locally by the SMTP inbox) per received mail. */
export const handler = createEmailIntakeHandler(
  emailIntakeDeps(
    config,
    { dynamoDb: dynamoDbClient(), s3: s3Client, sfn: sfnClient, ses: sesClient },
    { parse: parseInboundMessageLazily, recognise },
  ),
);
