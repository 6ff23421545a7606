import type { ActionPlan } from '../../../domain/plan/action-plan.js';
import type { AuditEntry, RightsRequest } from '../../../domain/request/rights-request.js';
import type { ConsoleContext } from '../../../web/console/pages/console-context.js';
import type { GatheredAccessLog, GatheredBilling, GatheredSubscriptions } from '../../../domain/gather/gathered-data.js';

export { CASE_ACTIONS, type CaseAction, type CaseActionError } from '../../../web/console/case-action-names.js';
import type { CaseAction, CaseActionError } from '../../../web/console/case-action-names.js';

/** SPF/DKIM/DMARC as SES judged them, and whether the From address can be trusted (DMARC pass). */
export interface MailAuthenticity {
  readonly spf: string;
  readonly dkim: string;
  readonly dmarc: string;
  readonly addressTrusted: boolean;
}

/** The e-mail a case came from, when the handler has read it (from the raw message in S3). */
export interface ReceivedEmail {
  readonly subject?: string;
  readonly from?: string;
  /** The sender's own text (without quotes and signature). */
  readonly messageText?: string;
  readonly attachmentNames?: readonly string[];
  /** Absent: taken from the case's `mail.request_received` audit entry instead. */
  readonly authentication?: MailAuthenticity;
}

export interface CasePageModel extends ConsoleContext {
  readonly request: RightsRequest;
  /** Oldest first, as the store returns it. */
  readonly auditTrail: readonly AuditEntry[];
  /** Today's Oslo calendar date, for the deadline badge. */
  readonly today: string;
  readonly plan?: ActionPlan;
  readonly email?: ReceivedEmail;
  /** From `extensionAvailability(request, today)`: the extend form shows only when true. */
  readonly canExtend: boolean;
  /** Why the deadline cannot be extended, shown in place of the form. */
  readonly extendExplanation?: string;
  /** The records the gather steps copied, per store, for «Innhentede opplysninger». */
  readonly gathered?: GatheredCopies;
  /** Which store's records to page, and to which page (1-based). */
  readonly gatheredPage?: { readonly store?: string; readonly page?: number };
  /** A fresh key for the message form, so a form sent twice sends one message. */
  readonly messageKey?: string;
  /** After a failed POST: the problems, shown in a summary and by the fields. */
  readonly errors?: readonly CaseActionError[];
  /** After a failed POST: what was typed, so nothing is lost (field name → value). */
  readonly values?: { readonly action: CaseAction; readonly fields: Readonly<Record<string, string>> };
}

/** The gathered copies the case page could read, by store (a store not gathered yet is absent). */
export interface GatheredCopies {
  readonly subscriptions?: GatheredSubscriptions;
  readonly billing?: GatheredBilling;
  readonly 'access-log'?: GatheredAccessLog;
}
