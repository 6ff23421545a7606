/**
 * Links into the staff console. Mails to staff carry these instead of the requester's details:
 * whoever needs them signs in to the console (data minimisation, Art. 5(1)(c)).
 * `publicBaseUrl` is the site's origin (`PUBLIC_BASE_URL`); without it the links are site-relative.
 *
 * @module
 */

const origin = (publicBaseUrl: string | undefined): string => (publicBaseUrl ?? '').replace(/\/+$/, '');

/**
 * The console page of one case.
 *
 * @example consoleCaseLink('https://personvern.example.no/', 'NK-20261123-7KQ4M2PX')
 * // 'https://personvern.example.no/console/requests/NK-20261123-7KQ4M2PX'
 */
export function consoleCaseLink(publicBaseUrl: string | undefined, requestId: string): string {
  return `${origin(publicBaseUrl)}/console/requests/${encodeURIComponent(requestId)}`;
}

/** The console's queue of open cases, for a digest that has no case to link to. */
export function consoleQueueLink(publicBaseUrl: string | undefined): string {
  return `${origin(publicBaseUrl)}/console`;
}

/** The console's list of mail set aside for triage. */
export function consoleTriageLink(publicBaseUrl: string | undefined): string {
  return `${origin(publicBaseUrl)}/console/triage`;
}
