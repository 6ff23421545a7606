import * as z from 'zod/mini';
import { parseRecipientDirectory, RecipientDirectoryError } from '../domain/recipients/recipient-directory.js';

/**
 * The `RECIPIENT_DIRECTORY` variable in a function's config schema: the JSON list validated with
 * the same rules as at synth (the default directory when unset), so a bad value fails at cold start.
 */
export const RecipientDirectoryVariable = z.pipe(z.optional(z.string()), z.transform((json, context) => {
    try {
      return parseRecipientDirectory(json);
    } catch (error) {
      context.issues.push({ code: 'custom', message: error instanceof RecipientDirectoryError ? error.message : 'invalid', input: json });
      return z.NEVER;
    }
  }));
