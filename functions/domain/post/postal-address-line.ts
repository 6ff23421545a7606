import type { PostalAddress } from '../request/rights-request.js';

/**
 * A postal address on one line, as a letter or the console names it: `Storgata 1, 0155 OSLO`
 * (the Norwegian post's style writes the place in capitals). Empty when there is none.
 */
export function postalAddressLine(address: PostalAddress | undefined): string {
  if (!address) return '';
  return `${address.street}, ${address.postalCode}\u00a0${address.city.toUpperCase()}`;
}

/** The address block lines of a letter: name, street, postal code and place. */
export function addressBlockLines(name: string, address: PostalAddress): string[] {
  return [name, address.street, `${address.postalCode}\u00a0${address.city.toUpperCase()}`];
}
