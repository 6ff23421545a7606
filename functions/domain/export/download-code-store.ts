/**
 * The one-time code that unlocks a request's export package on the download page. Kept beside the
 * request (its own item, sk `DOWNLOAD_CODE`, in the requests table) rather than on the request
 * item, whose schema has no place for it and which the workflow rewrites with optimistic locking.
 * Only the salted hash of the code is stored.
 */
export interface DownloadCode {
  readonly hash: string;
  readonly salt: string;
  /** ISO instant after which the code no longer unlocks anything. */
  readonly expiresAt: string;
  /** Wrong guesses so far; at {@link MAX_DOWNLOAD_CODE_ATTEMPTS} the code is spent. */
  readonly attempts: number;
  /** When the latest code was mailed, to refuse a burst of resends. */
  readonly sentAt: string;
  /** How many codes were mailed for this request in all. */
  readonly sends: number;
}

/** Wrong guesses allowed per code: with six digits, 5 in 10^6 odds of guessing. */
export const MAX_DOWNLOAD_CODE_ATTEMPTS = 5;
/** Minutes a mailed code works. It unlocks both files, as often as needed, in that time. */
export const DOWNLOAD_CODE_MINUTES = 15;
/** Seconds before another code may be mailed. */
export const DOWNLOAD_CODE_RESEND_SECONDS = 60;
/** Codes per request in all; past it the person is asked to contact us. */
export const MAX_DOWNLOAD_CODE_SENDS = 10;

export interface DownloadCodeStore {
  get(requestId: string): Promise<DownloadCode | undefined>;
  /** Replaces any earlier code: a new code makes the old one useless. */
  put(requestId: string, code: DownloadCode): Promise<void>;
  /**
   * Counts one wrong guess against the code with this hash (not against a newer one that replaced
   * it meanwhile) and returns the attempts now recorded.
   */
  recordFailedAttempt(requestId: string, hash: string): Promise<number>;
  delete(requestId: string): Promise<void>;
}
