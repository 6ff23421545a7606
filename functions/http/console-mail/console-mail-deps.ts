import type { InboxStore } from '../../domain/intake-mail/inbox-store.js';
import type { PostalLetterStore } from '../../domain/post/postal-letter.js';
import type { SubmitRequestDeps } from '../../domain/request/submit-request.js';
import type { BinaryObjectStore, ObjectStore } from '../../domain/storage/object-store.js';
import type { ConsoleDeps, ReceivedMailDeps } from '../../web/console/console-deps.js';

/**
 * What the mail and post desk needs: registering requests that came by phone or letter and turning
 * triaged mail into cases (both start the workflow), the inbox, and the letters to post as PDF.
 */
export interface ConsoleMailDeps extends ConsoleDeps, ReceivedMailDeps, SubmitRequestDeps {
  readonly inbox: InboxStore;
  /** Letters to people without e-mail, to make as PDF and mark posted. */
  readonly postalLetters: PostalLetterStore;
  /** The request-data bucket, where each postal letter's content and PDF are kept. */
  readonly objects: Pick<ObjectStore, 'getText'> & BinaryObjectStore;
  /** Today's date in Oslo. */
  readonly today: () => string;
  /** The system's own addresses: refused as a requester's on the intake page and in triage. */
  readonly isSystemAddress?: (address: string) => boolean;
}
