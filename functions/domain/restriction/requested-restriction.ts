import type { RecordCategory } from '../customer-data/customer-records.js';
import type { RequestedRestriction, RestrictionGround } from '../request/request-restriction.js';

/** The requested restriction's shape is part of the stored request, so it lives with it (`request/`). */
export { RequestedRestrictionSchema, type RequestedRestriction } from '../request/request-restriction.js';

/** The names of the public form's and the intake page's restriction fields. */
export const RESTRICTION_FORM_FIELDS = { ground: 'restriction_ground', scope: 'restriction_scope' } as const;

/**
 * An HTML form's flat fields as a submission: `restriction_ground` (one radio) and
 * `restriction_scope` (ticked boxes) become `restriction: { ground, scope }`; every other field is
 * passed as it came. A form that chose neither has no `restriction`.
 */
export function withRequestedRestriction(fields: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const { [RESTRICTION_FORM_FIELDS.ground]: ground, [RESTRICTION_FORM_FIELDS.scope]: scope, ...rest } = fields;
  const scopeList = Array.isArray(scope) ? scope : typeof scope === 'string' ? [scope] : [];
  const hasGround = typeof ground === 'string' ? ground.trim() !== '' : ground !== undefined;
  if (!hasGround && scopeList.length === 0) return { ...rest };
  return { ...rest, restriction: { ...(hasGround && { ground }), ...(scopeList.length > 0 && { scope: scopeList }) } };
}

/**
 * The ground and scope staff are asked to confirm: what they set already, else what the requester
 * asked for. Either may be missing (the person gave none, and staff have not chosen yet).
 */
export function proposedRestriction(request: {
  readonly restriction?: { readonly ground: RestrictionGround; readonly scope: readonly RecordCategory[] };
  readonly requestedRestriction?: RequestedRestriction;
}): { readonly ground?: RestrictionGround; readonly scope?: readonly RecordCategory[] } {
  if (request.restriction) return { ground: request.restriction.ground, scope: request.restriction.scope };
  return { ...request.requestedRestriction };
}
