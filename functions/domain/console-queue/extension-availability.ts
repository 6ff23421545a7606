import { compareCalendarDates } from '../deadline/index.js';
import { formatCalendarDate } from '../letter-format/format-calendar-date.js';
import { isAnswered } from '../lifecycle/request-lifecycle.js';
import type { RightsRequest } from '../request/rights-request.js';

export type ExtensionAvailability =
  | { readonly allowed: true }
  /** `explanation` is shown to staff in Norwegian in place of the extend form. */
  | { readonly allowed: false; readonly explanation: string };

/**
 * Whether staff may still extend the deadline (Art. 12(3)), with the same rules `extendDeadline`
 * enforces, so the console offers the form only when the action would succeed and otherwise says
 * why. The action itself checks again: this is a courtesy, not the guard.
 */
export function extensionAvailability(
  request: Pick<RightsRequest, 'extended' | 'status' | 'dueDate' | 'extension'>,
  today: string,
): ExtensionAvailability {
  if (request.extended) {
    const until = formatCalendarDate(request.dueDate, 'nb');
    return { allowed: false, explanation: `Fristen er allerede forlenget til ${until}. Den kan bare forlenges én gang.` };
  }
  // The requester already has their answer: there is nothing to extend.
  if (isAnswered(request.status)) {
    return { allowed: false, explanation: 'Henvendelsen er besvart eller avsluttet, så fristen kan ikke forlenges.' };
  }
  if (compareCalendarDates(today, request.dueDate) > 0) {
    const due = formatCalendarDate(request.dueDate, 'nb');
    return {
      allowed: false,
      explanation: `Fristen på én måned gikk ut ${due}. Forlengelse må varsles innen den første måneden og kan ikke gjøres nå.`,
    };
  }
  return { allowed: true };
}
