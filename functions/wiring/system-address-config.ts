import * as z from 'zod/mini';
import { systemAddressCheck } from '../domain/request/system-addresses.js';
import { ENV } from '../platform/env-names.js';

/**
 * The settings naming the system's own mail addresses, read by every intake (form, staff
 * intake and triage, inbound mail): our letters' From address, the staff digest address and the
 * custom MAIL FROM domain. All optional: the defaults in `system-addresses.ts` always apply.
 */
export const SystemAddressConfigSchema = z.object({
  [ENV.senderAddress]: z.optional(z.email()),
  [ENV.staffDigestAddress]: z.optional(z.email()),
  [ENV.mailFromDomain]: z.optional(z.string().check(z.trim(), z.minLength(1))),
});
export type SystemAddressConfig = z.infer<typeof SystemAddressConfigSchema>;

/** The check for a requester's address, from the parsed settings. */
export const systemAddressCheckFrom = (config: Partial<SystemAddressConfig>): ((address: string) => boolean) =>
  systemAddressCheck({
    addresses: [config[ENV.senderAddress], config[ENV.staffDigestAddress]],
    domains: [config[ENV.mailFromDomain]],
  });
