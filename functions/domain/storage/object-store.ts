/**
 * Where large request data lives (gathered data, plans, export packages): encrypted S3, passed
 * between workflow steps by key so personal data never travels in the execution payload.
 */
export interface ObjectStore {
  putJson(key: string, value: unknown): Promise<void>;
  getJson<T = unknown>(key: string): Promise<T | undefined>;
  putText(key: string, body: string, contentType: string): Promise<void>;
  getText(key: string): Promise<string | undefined>;
  delete(keys: readonly string[]): Promise<void>;
  /** Every key under the prefix (paginated internally). */
  list(prefix: string): Promise<string[]>;
}

/** Key layout in the request-data bucket, per request. */
/** Binary objects (letters' PDFs, mandate documents) in the same encrypted bucket. */
export interface BinaryObjectStore {
  putBytes(key: string, body: Uint8Array, contentType: string): Promise<void>;
  getBytes(key: string): Promise<Uint8Array | undefined>;
}

export const OBJECT_KEYS = {
  gathered: (requestId: string, source: 'subscriptions' | 'billing' | 'access-log') => `requests/${requestId}/gathered/${source}.json`,
  plan: (requestId: string) => `requests/${requestId}/plan.json`,
  /** The plan after staff's `n`th correction; the request's `planKey` points at the one in force. */
  correctedPlan: (requestId: string, n: number) => `requests/${requestId}/plan-${n}.json`,
  exportPackage: (requestId: string) => `exports/${requestId}/data.json`,
  exportReport: (requestId: string) => `exports/${requestId}/report.html`,
  requestPrefix: (requestId: string) => `requests/${requestId}/`,
  /** A letter by post as made for printing, kept with the case. */
  postalLetterPdf: (requestId: string, letterId: string) => `requests/${requestId}/post/${encodeURIComponent(letterId)}.pdf`,
  /** The representative's mandate document staff attached. */
  mandate: (requestId: string, extension: string) => `requests/${requestId}/mandate/mandate.${extension}`,
  exportPrefix: (requestId: string) => `exports/${requestId}/`,
} as const;
