import { isAnswered } from '../lifecycle/request-lifecycle.js';
import { verificationCodeLetter } from './verification-letters.js';
import { ConcurrentChangeError } from '../request/request-errors.js';
import { changeRequest, MAX_CHANGE_ATTEMPTS } from './change-request.js';
import { issueCodes, recentSends } from './issue-codes.js';
import { destinationsFor } from './registered-contact.js';
import type { CodeSendingDeps } from './verification-deps.js';
import { NoRegisteredContactError } from './verification-errors.js';
import { MAX_SENDS_PER_DAY, RESEND_INTERVAL_SECONDS } from './verification-policy.js';

/** What the verify page tells the person after asking for a new code; the same for everyone. */
export type ResendCodeResult =
  | { readonly outcome: 'sent' }
  | { readonly outcome: 'too_soon'; readonly retryAfterSeconds: number }
  /** The day's codes are used up (or none can be sent now): the page offers the phone instead. */
  | { readonly outcome: 'limit_reached' }
  | { readonly outcome: 'not_pending' };

/**
 * Sends a new code (replacing the old one and its tries) to the same destinations as the first,
 * looked up again. Limited to one a minute and {@link MAX_SENDS_PER_DAY} in any 24 hours, so
 * resending cannot be used to flood a mailbox or to multiply the guesses at a code. Every answer
 * reads the same for a customer and a non-customer.
 */
export async function resendCode(deps: CodeSendingDeps, requestId: string): Promise<ResendCodeResult> {
  const request = await deps.store.get(requestId);
  if (!request || request.verification?.status !== 'pending' || isAnswered(request.status)) {
    return { outcome: 'not_pending' };
  }
  for (let attempt = 1; ; attempt += 1) {
    const previous = await deps.verifications.get(requestId);
    const now = deps.now();
    const recent = recentSends(previous, now);
    const last = recent.at(-1);
    const waitMs = last === undefined ? 0 : RESEND_INTERVAL_SECONDS * 1000 - (now.getTime() - Date.parse(last));
    if (waitMs > 0) return { outcome: 'too_soon', retryAfterSeconds: Math.ceil(waitMs / 1000) };
    if (recent.length >= MAX_SENDS_PER_DAY) return { outcome: 'limit_reached' };

    let destinations;
    try {
      destinations = await destinationsFor(deps.customers, request);
    } catch (error) {
      // Only a customer can lack a registered address: a distinct answer would tell that they are one.
      if (!(error instanceof NoRegisteredContactError)) throw error;
      deps.logger.warn('verification.no_registered_contact', { requestId });
      return { outcome: 'limit_reached' };
    }
    let issued;
    try {
      issued = await issueCodes(deps, request, destinations, previous, { purpose: 'verification-code', letter: verificationCodeLetter });
    } catch (error) {
      if (error instanceof ConcurrentChangeError && attempt < MAX_CHANGE_ATTEMPTS) continue;
      throw error;
    }
    await changeRequest(deps, request, (current, at) => ({
      set: {
        mailsSent: { ...current.mailsSent, 'verification-code': { messageId: issued.messageIds[0] ?? '', sentAt: issued.at } },
        updatedAt: at,
      },
      audit: {
        requestId,
        at,
        event: 'verification.code_resent',
        actor: 'requester',
        detail: { purpose: 'verification-code', codes: issued.messageIds.length, messageIds: [...issued.messageIds] },
      },
    }));
    return { outcome: 'sent' };
  }
}
