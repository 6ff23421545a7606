/** Request headers as API Gateway (payload 2.0) and the local gateway hand them to a function. */
export type RequestHeaders = Readonly<Record<string, string | undefined>>;

/**
 * A header's value whatever its case. API Gateway lower-cases header names, but an event built
 * by hand or passed through without the header normalizer may not.
 */
export function headerValue(headers: RequestHeaders, name: string): string | undefined {
  const wanted = name.toLowerCase();
  const exact = headers[wanted];
  if (exact !== undefined) return exact;
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted && value !== undefined) return value;
  }
  return undefined;
}
