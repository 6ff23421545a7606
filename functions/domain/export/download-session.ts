import { createHash, randomBytes } from 'node:crypto';

/**
 * The short session a good download code opens: after one right code the person may open the
 * report and fetch the data file, in any order and as often as they like, until it ends, without
 * typing the code again. The browser holds a random token in a cookie bound to the one download
 * (its path and the stored item are both the request's); the server keeps only the token's
 * SHA-256, so a leaked table item cannot be replayed as a cookie.
 */
export interface DownloadSession {
  /** SHA-256 (hex) of the token in the cookie; never the token itself. */
  readonly tokenHash: string;
  /** ISO instant after which the session opens nothing. */
  readonly expiresAt: string;
}

/** Where download sessions are kept (the requests table, sk `DOWNLOAD_SESSION#<token hash>`). */
export interface DownloadSessionStore {
  start(requestId: string, session: DownloadSession): Promise<void>;
  /** The session with this token hash for this request, if one was started (expired or not). */
  get(requestId: string, tokenHash: string): Promise<DownloadSession | undefined>;
}

/** Minutes a session lasts: long enough to read the report and fetch the file, short enough to forget. */
export const DOWNLOAD_SESSION_MINUTES = 30;

/** The cookie's name; its path binds it to one download page. */
export const DOWNLOAD_SESSION_COOKIE = 'dsr_download';

/** 32 random bytes, URL-safe: the value of a new session's cookie. */
export const newSessionToken = (): string => randomBytes(32).toString('base64url');

/** What the store keeps of a token. */
export const sessionTokenHash = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/** Characters a token can have; anything else in a cookie is not one of ours. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** Whether a cookie value could be a token at all (checked before any table read). */
export const looksLikeSessionToken = (value: string | undefined): value is string => value !== undefined && TOKEN.test(value);

/**
 * The `Set-Cookie` value of a new session: HttpOnly (no script reads it), SameSite=Strict (no other
 * site's link or form carries it), Secure except on plain-HTTP loopback (local mode), the path of
 * this one download page, and a Max-Age equal to the session's life.
 */
export function downloadSessionCookie(token: string, downloadPath: string, options: { readonly secure: boolean }): string {
  if (!TOKEN.test(token)) throw new TypeError('not a download session token');
  return (
    `${DOWNLOAD_SESSION_COOKIE}=${token}; Path=${downloadPath}; HttpOnly; SameSite=Strict` +
    `${options.secure ? '; Secure' : ''}; Max-Age=${DOWNLOAD_SESSION_MINUTES * 60}`
  );
}

/** Whether a session opens the download now. */
export const sessionIsLive = (session: DownloadSession | undefined, now: Date): boolean =>
  session !== undefined && Date.parse(session.expiresAt) > now.getTime();
