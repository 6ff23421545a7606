import { isAnswered } from '../lifecycle/request-lifecycle.js';
import { ConcurrentChangeError, InvalidTransitionError } from '../request/request-errors.js';
import type { RightsRequest } from '../request/rights-request.js';
import { MAX_CHANGE_ATTEMPTS } from './change-request.js';
import { completeVerification } from './complete-verification.js';
import { registeredPostalRecipient } from './registered-contact.js';
import { CODE_DIGITS, codeMatches } from './one-time-code.js';
import type { VerificationDeps } from './verification-deps.js';
import { MAX_ATTEMPTS_PER_CODE } from './verification-policy.js';
import type { IssuedCode, VerificationRecord } from './verification-record.js';

/**
 * What the verify page tells the person. None of the outcomes depends on whether the requester is
 * a customer; `not_pending` also answers an unknown request id.
 */
export type SubmitCodeResult =
  | { readonly outcome: 'verified' }
  /** Not six digits: no try is used up. */
  | { readonly outcome: 'malformed' }
  | { readonly outcome: 'wrong_code'; readonly triesLeft: number }
  | { readonly outcome: 'expired' }
  | { readonly outcome: 'too_many_tries' }
  | { readonly outcome: 'not_pending' };

const CODE_PATTERN = new RegExp(`^\\d{${CODE_DIGITS}}$`);

/** Normalises what was typed (spaces and dashes people add when copying); `undefined` if it is not a code. */
export function normaliseCode(input: string): string | undefined {
  const code = input.replace(/[\s\u00a0-]/g, '');
  return CODE_PATTERN.test(code) ? code : undefined;
}

/** Compares the candidate with every live code (all of them, so timing says nothing about which). */
function matchingCode(record: VerificationRecord, candidate: string): IssuedCode | undefined {
  let found: IssuedCode | undefined;
  for (const code of record.codes) if (codeMatches(candidate, code.hash, code.salt) && !found) found = code;
  return found;
}

const awaitingCode = (request: RightsRequest | undefined): request is RightsRequest =>
  request !== undefined && request.verification?.status === 'pending' && !isAnswered(request.status);

/**
 * Checks a code the requester entered on the verify page. Each try is counted with a conditional
 * write before its result is told, so parallel tries cannot exceed {@link MAX_ATTEMPTS_PER_CODE};
 * the fifth wrong try kills the code. A right code verifies the requester as the customers whose
 * registered address received it (or as the owner of the address they gave) and resumes the
 * workflow.
 */
export async function submitCode(deps: VerificationDeps, requestId: string, input: string): Promise<SubmitCodeResult> {
  const candidate = normaliseCode(input);
  if (candidate === undefined) return { outcome: 'malformed' };
  const request = await deps.store.get(requestId);
  if (!awaitingCode(request)) return { outcome: 'not_pending' };

  for (let attempt = 1; ; attempt += 1) {
    const record = await deps.verifications.get(requestId);
    if (!record) return { outcome: 'expired' };
    const now = deps.now();
    if (record.verifiedAt) {
      // A right code was recorded but the request was not updated (a crash in between): finish it.
      const code = matchingCode(record, candidate);
      return code ? { outcome: await verifyWith(deps, request, code) } : { outcome: 'not_pending' };
    }
    if (record.attempts >= MAX_ATTEMPTS_PER_CODE) return { outcome: 'too_many_tries' };
    if (now.getTime() >= Date.parse(record.expiresAt)) return { outcome: 'expired' };

    const code = matchingCode(record, candidate);
    const { version, ...data } = record;
    try {
      await deps.verifications.save(
        { ...data, attempts: record.attempts + 1, ...(code ? { verifiedAt: now.toISOString() } : {}) },
        version,
      );
    } catch (error) {
      if (error instanceof ConcurrentChangeError && attempt < MAX_CHANGE_ATTEMPTS) continue;
      throw error;
    }
    if (!code) {
      const triesLeft = MAX_ATTEMPTS_PER_CODE - (record.attempts + 1);
      deps.logger.info('verification.wrong_code', { requestId, triesLeft });
      return { outcome: 'wrong_code', triesLeft };
    }
    return { outcome: await verifyWith(deps, request, code) };
  }
}

/** Verified (now or, by a concurrent writer, just before), or closed meanwhile. */
async function verifyWith(deps: VerificationDeps, request: RightsRequest, code: IssuedCode): Promise<'verified' | 'not_pending'> {
  const registered = code.destination === 'registered';
  // The code letter went to the postal address registered for these customers: that, not the
  // address typed on the request, is where the answer may go.
  const answerTo = registered ? await registeredPostalRecipient(deps.customers, request, code.customerIds) : undefined;
  try {
    await completeVerification(deps, request, {
      method: 'code',
      actor: 'requester',
      subject: registered ? 'customer' : 'address',
      ...(registered ? { customerIds: code.customerIds } : {}),
      ...(answerTo ? { answerTo } : {}),
    });
    return 'verified';
  } catch (error) {
    if (error instanceof InvalidTransitionError) return 'not_pending';
    throw error;
  }
}
