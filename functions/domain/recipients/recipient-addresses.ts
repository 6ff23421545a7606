import * as z from 'zod/mini';
import { RecipientSchema } from '../plan/action-plan.js';
import type { RecipientId } from './recipient-changes.js';

/** Where each recipient's Art. 19 notices go, from `RECIPIENT_ADDRESSES`; an id left out has none. */
export type RecipientAddresses = Readonly<Partial<Record<RecipientId, string>>>;

/**
 * Parses the `RECIPIENT_ADDRESSES` JSON map (`{"unloc":"privacy@unloc.app"}`). Unknown ids and
 * invalid addresses fail, so a typo is found at cold start rather than as a silent skip.
 */
export const RecipientAddressesSchema = z.pipe(z.pipe(z.string(), z.transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.issues.push({ code: 'custom', message: 'not JSON', input: text });
      return z.NEVER;
    }
  })), z.partialRecord(RecipientSchema.shape.id, z.email()));
