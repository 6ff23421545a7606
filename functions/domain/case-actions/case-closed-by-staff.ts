/**
 * The error a case action sends to the workflow step waiting on a request it closed. The state
 * machine catches it in its callback states (AwaitVerification*, AwaitDecision) and ends in
 * `ClosedByStaff`, so nothing more is done or sent for the request.
 */
export const CASE_CLOSED_BY_STAFF = 'CaseClosedByStaff';
