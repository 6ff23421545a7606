import type { Logger } from '../../platform/logger.js';
import type { RequestStore } from '../request/request-store.js';
import { OBJECT_KEYS, type BinaryObjectStore, type ObjectStore } from '../storage/object-store.js';
import type { PostalLetter, PostalLetterStore } from './postal-letter.js';
import { renderLetterPdf, reportHtmlAsText } from './render-letter-pdf.js';

export interface PostalLetterDeps {
  readonly letters: PostalLetterStore;
  /** The encrypted request-data bucket: the PDFs are kept there with the case. */
  readonly objects: Pick<ObjectStore, 'getText'> & BinaryObjectStore;
  readonly store: Pick<RequestStore, 'appendAudit' | 'auditTrail'>;
  readonly now: () => Date;
  readonly logger: Logger;
}

/** Audit event when staff posted a letter. */
export const LETTER_POSTED_EVENT = 'letter.posted';

/** The letter is not (or no longer) recorded for this case. */
export class PostalLetterNotFoundError extends Error {
  readonly statusCode = 404;
  constructor() {
    super('Brevet finnes ikke i denne saken.');
    this.name = 'PostalLetterNotFoundError';
  }
}

/**
 * The PDF of a letter by post: the one kept with the case, or made now from the recorded letter
 * (with the data copy enclosed when the letter carries it), stored in the encrypted bucket and its
 * key recorded before it is handed out. Made twice (two staff at once, a crash between storing and
 * recording), it is the same letter under the same key.
 *
 * @throws PostalLetterNotFoundError when the case has no such letter
 */
export async function postalLetterPdf(deps: PostalLetterDeps, requestId: string, letterId: string): Promise<{ letter: PostalLetter; pdf: Uint8Array }> {
  const letter = await deps.letters.get(requestId, letterId);
  if (!letter) throw new PostalLetterNotFoundError();
  if (letter.pdfKey) {
    const kept = await deps.objects.getBytes(letter.pdfKey);
    if (kept) return { letter, pdf: kept };
  }
  const report = letter.postal.reportKey ? await deps.objects.getText(letter.postal.reportKey) : undefined;
  const pdf = await renderLetterPdf(letter, report === undefined ? undefined : { text: reportHtmlAsText(report) });
  const key = OBJECT_KEYS.postalLetterPdf(requestId, letterId);
  await deps.objects.putBytes(key, pdf, 'application/pdf');
  await deps.letters.setPdfKey(requestId, letterId, key);
  deps.logger.info('post.pdf_made', { requestId, purpose: letter.purpose, bytes: pdf.length });
  return { letter: { ...letter, pdfKey: key }, pdf };
}

/**
 * Staff posted the letter: its PDF is kept with the case first (made now if nobody opened it),
 * then it is marked posted and leaves the list «Til utsending per post», and the audit trail
 * records who posted which letter when. Only from then does the letter count as sent (the deadline
 * watch counts an answer not yet posted as not given). Repeating it changes nothing, but writes the
 * audit entry if a crash kept the first try from it.
 *
 * @throws PostalLetterNotFoundError when the case has no such letter
 */
export async function markLetterPosted(
  deps: PostalLetterDeps,
  input: { readonly requestId: string; readonly letterId: string; readonly actor: string },
): Promise<{ readonly alreadyPosted: boolean }> {
  const { letter } = await postalLetterPdf(deps, input.requestId, input.letterId);
  const at = deps.now().toISOString();
  const marked = await deps.letters.markPosted(input.requestId, input.letterId, { by: input.actor, at });
  const trail = await deps.store.auditTrail(input.requestId);
  const audited = trail.some((entry) => entry.event === LETTER_POSTED_EVENT && entry.detail?.letterId === input.letterId);
  if (!audited) {
    const posted = marked ? { by: input.actor, at } : ((await deps.letters.get(input.requestId, input.letterId))?.posted ?? { by: input.actor, at });
    await deps.store.appendAudit(input.requestId, {
      requestId: input.requestId,
      at: posted.at,
      event: LETTER_POSTED_EVENT,
      actor: posted.by,
      detail: { letterId: input.letterId, purpose: letter.purpose, pdfKey: OBJECT_KEYS.postalLetterPdf(input.requestId, input.letterId) },
    });
  }
  deps.logger.info('post.marked_posted', { requestId: input.requestId, purpose: letter.purpose, alreadyPosted: !marked });
  return { alreadyPosted: !marked };
}
