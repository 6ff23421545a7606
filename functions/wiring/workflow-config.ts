import * as z from 'zod';
import { ENV } from '../platform/env-names.js';

/** Settings shared by the workflow's task functions. */
export const TableConfigSchema = z.object({
  [ENV.requestsTable]: z.string().min(1),
});

export const MailConfigSchema = TableConfigSchema.extend({
  [ENV.senderAddress]: z.email(),
  [ENV.sesConfigurationSet]: z.string().min(1).optional(),
});
