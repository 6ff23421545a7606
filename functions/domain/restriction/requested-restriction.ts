import * as z from 'zod';
import { RecordCategorySchema, type RecordCategory } from '../plan/action-plan.js';
import { RESTRICTION_GROUNDS, type RestrictionGround } from './restriction.js';

/**
 * What a requester asked for when asking for restriction (Art. 18): the ground of Art. 18(1) they
 * give, in their own choice, and the categories they want restricted. Both are optional (a person
 * need not give reasons, Art. 12(2)); what they chose pre-fills what staff confirm, and staff still
 * set the restriction (`setRestriction`), because staff check the ground applies.
 */
export const RequestedRestrictionSchema = z.strictObject({
  ground: z.enum(RESTRICTION_GROUNDS).optional(),
  scope: z.array(RecordCategorySchema).min(1).max(RecordCategorySchema.options.length).optional(),
});
export type RequestedRestriction = z.infer<typeof RequestedRestrictionSchema>;

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
