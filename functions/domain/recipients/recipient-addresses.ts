import * as z from 'zod';
import { RecipientSchema } from '../plan/action-plan.js';
import type { RecipientId } from './recipient-changes.js';

/** Where each recipient's Art. 19 notices go, from `RECIPIENT_ADDRESSES`; an id left out has none. */
export type RecipientAddresses = Readonly<Partial<Record<RecipientId, string>>>;

/**
 * Parses the `RECIPIENT_ADDRESSES` JSON map (`{"unloc":"privacy@unloc.app"}`). Unknown ids and
 * invalid addresses fail, so a typo is found at cold start rather than as a silent skip.
 */
export const RecipientAddressesSchema = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'not JSON' });
      return z.NEVER;
    }
  })
  .pipe(z.partialRecord(RecipientSchema.shape.id, z.email()));
