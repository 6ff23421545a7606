/**
 * Stands in for a function's `handler.ts` that is not written yet, so the infra tests can
 * synthesize (without bundling) the grants of every function definition. Never deployed.
 */
export const handler = async (): Promise<void> => undefined;
