import { SesMailer } from '../adapters/ses/ses-mailer.js';
import type { WorkflowDeps } from '../domain/workflow/workflow-deps.js';
import { sesClient } from './aws-clients/sesv2.js';
import { parseConfig } from './config.js';
import { ENV } from './env-names.js';
import { storeDeps } from './store-deps.js';
import { MailConfigSchema } from './workflow-config.js';

/** Dependencies of a workflow step that also mails the requester. */
export function mailDeps(service: string): WorkflowDeps {
  const config = parseConfig(MailConfigSchema);
  return {
    ...storeDeps(service),
    mailer: new SesMailer(sesClient(), config[ENV.senderAddress], config[ENV.sesConfigurationSet]),
  };
}
