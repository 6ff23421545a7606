/**
 * The pipeline's own mailboxes: the inbox and sender, the privacy officer's address. No request
 * may name one as the requester's, or the system would mail itself (a loop) or let anyone make
 * it mail its own staff with their text.
 */
export const DEFAULT_SYSTEM_ADDRESSES = ['naerkontor@obos.no', 'personvern@obos.no'] as const;

/**
 * The custom MAIL FROM domain of our letters (`bounce.<SES identity domain>` unless configured):
 * every address there is SES's bounce handling, never a person.
 */
export const DEFAULT_MAIL_FROM_DOMAIN = 'bounce.obos.no';

/** Which addresses and whole domains are the system's own. */
export interface SystemAddresses {
  /** Mailboxes besides the defaults: the configured sender and digest addresses. */
  readonly addresses?: readonly (string | undefined)[];
  /** Domains (and their subdomains) besides the default MAIL FROM domain, e.g. a configured MAIL FROM domain. */
  readonly domains?: readonly (string | undefined)[];
}

/** `Naerkontor+x@OBOS.no. ` → `naerkontor@obos.no`: how a mailbox is named whatever the spelling. */
const mailbox = (address: string): string => {
  const lower = address.trim().toLowerCase().replace(/\.+$/, '');
  const at = lower.lastIndexOf('@');
  if (at < 0) return lower;
  return `${lower.slice(0, at).split('+')[0]}${lower.slice(at)}`;
};

const domainOf = (address: string): string => {
  const at = address.lastIndexOf('@');
  return at < 0 ? '' : address.slice(at + 1);
};

const present = (each: string | undefined): each is string => Boolean(each?.trim());

/**
 * A test of whether an address is one of the system's own: a listed mailbox (and the defaults),
 * ignoring case, `+tags` and a trailing dot, or any address on the MAIL FROM domain.
 * Accepts a plain list of mailboxes for the common case.
 */
export function systemAddressCheck(own: readonly (string | undefined)[] | SystemAddresses = []): (address: string) => boolean {
  const { addresses = [], domains = [] }: SystemAddresses = Array.isArray(own) ? { addresses: own as readonly (string | undefined)[] } : (own as SystemAddresses);
  const mailboxes = new Set([...DEFAULT_SYSTEM_ADDRESSES, ...addresses.filter(present)].map(mailbox));
  const ownDomains = [DEFAULT_MAIL_FROM_DOMAIN, ...domains.filter(present)].map((domain) => domain.trim().toLowerCase().replace(/^\.+|\.+$/g, ''));
  return (address) => {
    const normal = mailbox(address);
    if (mailboxes.has(normal)) return true;
    const domain = domainOf(normal);
    return ownDomains.some((own) => domain === own || domain.endsWith(`.${own}`));
  };
}
