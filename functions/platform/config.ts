import * as z from 'zod/mini';

/** Raised at cold start when a function's environment is incomplete; names the variables only. */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
}

/**
 * Parses a function's environment once, at cold start, so a missing setting fails the deploy's
 * first invocation loudly instead of a request half-way through.
 */
export function parseConfig<T extends z.ZodMiniType>(schema: T, env: NodeJS.ProcessEnv = process.env): z.infer<T> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const names = parsed.error.issues.map((issue) => issue.path.join('.')).join(', ');
    throw new ConfigurationError(`invalid or missing environment variables: ${names}`);
  }
  return parsed.data;
}
