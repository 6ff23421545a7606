/** Typed failures of planning. Messages name identifiers only, never personal data. */

/**
 * The gathered bundles are not about the customers the request is now verified for (e.g. gathered
 * before staff changed the verification): planning on them could act on the wrong person.
 */
export class GatheredDataMismatchError extends Error {
  override readonly name = 'GatheredDataMismatchError';
  constructor(
    readonly requestId: string,
    readonly source: string,
  ) {
    super(`gathered ${source} data of request ${requestId} do not match its verified customers`);
  }
}

/** A gather step has not recorded its bundle on the request, or the object is missing. */
export class GatheredDataMissingError extends Error {
  override readonly name = 'GatheredDataMissingError';
  constructor(
    readonly requestId: string,
    readonly source: string,
  ) {
    super(`gathered ${source} data of request ${requestId} are missing`);
  }
}
