import { parseInboundMessage } from '../domain/inbox/parse-inbound-message.js';
import { recognise } from '../domain/inbox/recognise.js';
import { dynamoDbClient, s3Client, sfnClient } from '../shared/aws-clients.js';
import { parseConfig } from '../shared/config.js';
import { EmailIntakeConfigSchema } from './email-intake-config.js';
import { emailIntakeDeps } from './email-intake-deps.js';
import { createEmailIntakeHandler } from './email-intake.js';

const config = parseConfig(EmailIntakeConfigSchema);

/** `email-intake`: invoked by the SES receipt rule (and locally by the SMTP inbox) per received mail. */
export const handler = createEmailIntakeHandler(
  emailIntakeDeps(
    config,
    { dynamoDb: dynamoDbClient(), s3: s3Client(), sfn: sfnClient() },
    { parse: parseInboundMessage, recognise },
  ),
);
