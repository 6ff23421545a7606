import * as z from 'zod/mini';
import type { CustomerProfile } from '../../customer-data/customer-records.js';
import type { Correction, CorrectionRefusal } from '../../plan/action-plan.js';
import { readGatheredData } from '../../export/read-gathered.js';
import type { CarryOutContext } from '../carry-out-context.js';
import { ACTION_IDS } from '../../plan/planned-actions.js';

type Field = Correction['field'];

/**
 * What each correctable field may become, normalised as the store keeps it (e-mail lower-cased,
 * phone in E.164 without spaces). A value that does not fit is refused rather than stored.
 */
const FIELD_VALUES: Readonly<Record<Field, z.ZodMiniType>> = {
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  email: z.pipe(z.string().check(z.trim(), z.toLowerCase()), z.email().check(z.maxLength(254))),
  phone: z.pipe(z.pipe(z.string(), z.transform((phone) => phone.replace(/[\s-]/g, ''))), z.string().check(z.regex(/^\+[1-9]\d{6,14}$/))),
  address: z.object({
    street: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
    postalCode: z.string().check(z.trim(), z.minLength(1), z.maxLength(16)),
    city: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
  }),
};

/** Equality of stored values, independent of key order; `undefined` equals only `undefined`. */
const canonical = (value: unknown): string =>
  value === undefined
    ? 'undefined'
    : JSON.stringify(value, (_key, v: unknown) =>
        v && typeof v === 'object' && !Array.isArray(v)
          ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
          : v,
      );
const same = (a: unknown, b: unknown): boolean => canonical(a) === canonical(b);

/**
 * How a store refuses a correction, by error name: a conditional write that lost to a newer value
 * (stale), a value the store will not keep, a profile that is gone. Anything else is a failure.
 */
const STORE_REFUSALS: Readonly<Record<string, CorrectionRefusal>> = {
  StaleCorrectionError: 'stale',
  ConditionalCheckFailedException: 'stale',
  TransactionCanceledException: 'stale',
  InvalidCorrectionError: 'invalid_value',
  CustomerNotFoundError: 'no_profile',
};

const NOT_SEEN = Symbol('not seen');

/**
 * The value staff saw when they approved: the plan's `from` if the plan carries the correction,
 * else the value in the gathered profile the plan was built from. `NOT_SEEN` when neither says.
 */
async function seenValues(context: CarryOutContext): Promise<(customerId: string, field: Field) => unknown> {
  let profiles: readonly CustomerProfile[] | undefined;
  try {
    profiles = (await readGatheredData(context.deps.objects, context.request)).subscriptions.profiles;
  } catch {
    profiles = undefined;
  }
  return (customerId, field) => {
    const planned = context.plan.corrections.find((c) => c.customerId === customerId && c.field === field);
    if (planned && 'from' in planned) return planned.from;
    const profile = profiles?.find((p) => p.customerId === customerId);
    return profile ? profile[field] : NOT_SEEN;
  };
}

/**
 * Rectification (Art. 16): applies the corrections staff approved (`decision.corrections`). Each
 * is written with `from` = the value read fresh now, so the store's conditional write never
 * overwrites a value it did not expect. A correction is refused, not forced, when the value has
 * changed since staff saw it (the customer or a colleague changed it meanwhile), when the new
 * value is not valid, or when there is no profile; the reply tells the requester which and why.
 */
export async function carryOutRectification(context: CarryOutContext): Promise<void> {
  const corrections = context.request.decision?.corrections ?? [];
  const pending = corrections.filter((c) => !context.isResolved(ACTION_IDS.rectify(c.customerId, c.field)));
  if (pending.length === 0) return;
  const seen = await seenValues(context);
  const { customers } = context.deps;

  for (const correction of pending) {
    const actionId = ACTION_IDS.rectify(correction.customerId, correction.field);
    if (context.isResolved(actionId)) continue;
    const field = correction.field;
    const refuse = (reason: CorrectionRefusal) => context.resolve(actionId, 'refused', { field, reason });

    const parsed = FIELD_VALUES[field].safeParse(correction.to);
    if (!parsed.success) {
      await refuse('invalid_value');
      continue;
    }
    const to: unknown = parsed.data;
    const profile = await customers.getProfile(correction.customerId);
    if (!profile || profile.anonymisedAt) {
      await refuse('no_profile');
      continue;
    }
    const current: unknown = profile[field];
    if (same(current, to)) {
      await context.resolve(actionId, 'done', { field, alreadyApplied: true });
      continue;
    }
    const expected = seen(correction.customerId, field);
    if (expected !== NOT_SEEN && !same(current, expected)) {
      await refuse('stale');
      continue;
    }
    try {
      await customers.correctProfile(correction.customerId, [{ field, from: current, to }], context.now());
    } catch (error) {
      const refusal = error instanceof Error ? STORE_REFUSALS[error.name] : undefined;
      if (!refusal) throw error;
      await refuse(refusal);
      continue;
    }
    const after = await customers.getProfile(correction.customerId);
    if (!same(after?.[field], to)) {
      await refuse('stale');
      continue;
    }
    await context.resolve(actionId, 'done', { field });
  }
}
