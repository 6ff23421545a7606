/**
 * The pipeline's own mailboxes: the inbox and sender, the privacy officer's address. No request
 * may name one as the requester's, or the system would mail itself (a loop) or let anyone make
 * it mail its own staff with their text.
 */
export const DEFAULT_SYSTEM_ADDRESSES = ['naerkontor@obos.no', 'personvern@obos.no'] as const;

/** `Naerkontor+x@OBOS.no ` → `naerkontor@obos.no`: how a mailbox is named whatever the spelling. */
const mailbox = (address: string): string => {
  const lower = address.trim().toLowerCase();
  const at = lower.lastIndexOf('@');
  if (at < 0) return lower;
  return `${lower.slice(0, at).split('+')[0]}${lower.slice(at)}`;
};

/** A test of whether an address is one of `addresses` (and the defaults), ignoring case and `+tags`. */
export function systemAddressCheck(addresses: readonly (string | undefined)[] = []): (address: string) => boolean {
  const own = new Set([...DEFAULT_SYSTEM_ADDRESSES, ...addresses.filter((each): each is string => Boolean(each))].map(mailbox));
  return (address) => own.has(mailbox(address));
}
