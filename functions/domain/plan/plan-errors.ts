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

/** The request has no plan, or the stored plan is missing or unreadable. */
export class PlanNotFoundError extends Error {
  override readonly name = 'PlanNotFoundError';
  constructor(readonly requestId: string) {
    super(`the action plan of request ${requestId} is missing`);
  }
}

/** The plan names customers the verified requester is not, or another request: never acted on. */
export class PlanSubjectMismatchError extends Error {
  override readonly name = 'PlanSubjectMismatchError';
  constructor(readonly requestId: string) {
    super(`the action plan of request ${requestId} does not match its verified data subject`);
  }
}
