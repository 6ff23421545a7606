import type { SesReceipt, VerdictStatus } from './ses-receipt-event.js';

/**
 * What the receiving mail server could prove about the sender, recorded on every inbox entry and
 * on the case. `addressTrusted` is true only when DMARC passed: then the From domain is the one
 * that sent it. Otherwise the From address may be forged, so nothing about the requester's
 * identity may rest on it — verification already goes to the registered contact, never to the
 * sender address, and staff see `addressTrusted: false` on the case.
 */
export interface SenderAuthentication {
  readonly spf: VerdictStatus;
  readonly dkim: VerdictStatus;
  readonly dmarc: VerdictStatus;
  readonly addressTrusted: boolean;
  /** At least one check positively failed (not merely unknown): a likely forgery or misconfiguration. */
  readonly failed: boolean;
}

export function senderAuthentication(verdicts: {
  readonly spf: VerdictStatus;
  readonly dkim: VerdictStatus;
  readonly dmarc: VerdictStatus;
}): SenderAuthentication {
  const { spf, dkim, dmarc } = verdicts;
  return { spf, dkim, dmarc, addressTrusted: dmarc === 'PASS', failed: [spf, dkim, dmarc].includes('FAIL') };
}

/** The verdicts SES computed when it accepted the mail. */
export const authenticationFromReceipt = (receipt: SesReceipt): SenderAuthentication =>
  senderAuthentication({
    spf: receipt.spfVerdict.status,
    dkim: receipt.dkimVerdict.status,
    dmarc: receipt.dmarcVerdict.status,
  });

/** RFC 8601 result keywords mapped onto SES's verdicts. */
const RESULTS: Readonly<Record<string, VerdictStatus>> = {
  pass: 'PASS',
  fail: 'FAIL',
  softfail: 'FAIL',
  hardfail: 'FAIL',
  policy: 'FAIL',
  neutral: 'GRAY',
  none: 'GRAY',
  temperror: 'PROCESSING_FAILED',
  permerror: 'PROCESSING_FAILED',
};

/**
 * SPF/DKIM/DMARC verdicts from an `Authentication-Results` header (RFC 8601), `GRAY` for a method
 * it does not mention. Only local mode uses this, to give its SES-shaped events the verdicts an
 * upstream test MTA wrote; in AWS the verdicts come from SES itself and a header the sender wrote
 * is never believed.
 *
 * @example verdictsFromAuthenticationResults('mx.obos.no; spf=pass smtp.mailfrom=a.no; dkim=fail; dmarc=fail')
 * // { spf: 'PASS', dkim: 'FAIL', dmarc: 'FAIL' }
 */
export function verdictsFromAuthenticationResults(
  header: string | undefined,
): { spf: VerdictStatus; dkim: VerdictStatus; dmarc: VerdictStatus } {
  const found: { spf: VerdictStatus; dkim: VerdictStatus; dmarc: VerdictStatus } = { spf: 'GRAY', dkim: 'GRAY', dmarc: 'GRAY' };
  if (!header) return found;
  // Comments in parentheses may contain "x=y"-like text; drop them before reading results.
  const text = header.replace(/\([^()]*\)/g, ' ');
  for (const match of text.matchAll(/\b(spf|dkim|dmarc)\s*=\s*([a-z]+)/gi)) {
    const method = match[1]!.toLowerCase() as 'spf' | 'dkim' | 'dmarc';
    const verdict = RESULTS[match[2]!.toLowerCase()] ?? 'GRAY';
    // Several DKIM signatures: one passing signature is enough, as for DMARC alignment.
    if (found[method] === 'PASS') continue;
    if (found[method] === 'GRAY' || verdict === 'PASS' || verdict === 'FAIL') found[method] = verdict;
  }
  return found;
}

/** The verdicts as a case's audit entry records them, so staff see them on the case page. */
export const authenticityDetail = (authentication: SenderAuthentication) => ({
  spf: authentication.spf,
  dkim: authentication.dkim,
  dmarc: authentication.dmarc,
  senderAddressTrusted: authentication.addressTrusted,
});
