import * as z from 'zod/mini';
import { SystemAddressConfigSchema } from '../../wiring/system-address-config.js';
import { ENV } from '../../platform/env-names.js';

/**
 * The intake's own environment names. They belong in `ENV` (`functions/platform/env-names.ts`);
 * the CDK side already uses the same names (`INBOUND_MAIL_ENV` in `infra/constructs/inbound-mail-bucket.ts`).
 */
export const INTAKE_ENV = {
  /** The bucket the receipt rule's S3 action stores raw mail in. */
  inboundMailBucket: 'INBOUND_MAIL_BUCKET',
  /** The S3 action's object key prefix; the object is `<prefix><SES message id>`. */
  inboundMailPrefix: 'INBOUND_MAIL_PREFIX',
} as const;

export const DEFAULT_INBOUND_MAIL_PREFIX = 'inbound/';

/** Everything `email-intake` needs, parsed once at cold start. */
export const EmailIntakeConfigSchema = z.object({
  [ENV.requestsTable]: z.string().check(z.minLength(1)),
  [ENV.stateMachineArn]: z.string().check(z.startsWith('arn:')),
  [INTAKE_ENV.inboundMailBucket]: z.string().check(z.minLength(3)),
  [INTAKE_ENV.inboundMailPrefix]: z._default(z.string(), DEFAULT_INBOUND_MAIL_PREFIX),
  /** Our letters' From address, digest address and MAIL FROM domain: mail from them never becomes a case. */
  ...SystemAddressConfigSchema.shape,
  /** Named on every send (the triage acknowledgement), so bounces and complaints are tracked. */
  [ENV.sesConfigurationSet]: z.optional(z.string().check(z.minLength(1))),
});
export type EmailIntakeConfig = z.infer<typeof EmailIntakeConfigSchema>;
