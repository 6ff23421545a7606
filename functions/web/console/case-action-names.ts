/**
 * The actions staff take on one case (`POST /console/requests/{id}/{action}`) and the shape of a
 * refused one. Shared by the case page (which renders their forms and their errors) and the
 * actions function (which performs them), so neither carries the other's code.
 */
export const CASE_ACTIONS = ['decision', 'verify', 'extend', 'note', 'take', 'merge', 'close', 'plan', 'restriction', 'lift-restriction', 'dispute', 'identity', 'message', 'mandate', 'mandate-document'] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** Whether a path segment names a case action. */
export const isCaseAction = (name: string): name is CaseAction => (CASE_ACTIONS as readonly string[]).includes(name);

/** A failed action, to show next to its field: `field` is the form field name (`reason`, `into`…). */
export interface CaseActionError {
  readonly action: CaseAction;
  readonly field?: string;
  readonly message: string;
}
