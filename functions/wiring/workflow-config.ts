import * as z from 'zod/mini';
import { ENV } from '../platform/env-names.js';

/** Settings shared by the workflow's task functions. */
export const TableConfigSchema = z.object({
  [ENV.requestsTable]: z.string().check(z.minLength(1)),
});

export const MailConfigSchema = z.extend(TableConfigSchema, {
  [ENV.senderAddress]: z.email(),
  [ENV.sesConfigurationSet]: z.optional(z.string().check(z.minLength(1))),
});
