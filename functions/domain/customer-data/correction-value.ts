import * as z from 'zod/mini';
import { normalisePhone } from '../../platform/phone-number.js';
import { CustomerProfileSchema } from './customer-records.js';

const customerId = z.optional(z.string().check(z.minLength(1), z.maxLength(64)));
// Strict: an address with a field the store does not hold is refused, not stripped.
const address = z.strictObject({
  ...CustomerProfileSchema.shape.address.def.innerType.shape,
  street: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  postalCode: z.string().check(z.trim(), z.minLength(1), z.maxLength(20)),
  city: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
});

/**
 * One correction as staff may ask for it: the field and a value the subscription store can hold
 * (a name, an e-mail address, a phone number or nothing, a postal address or nothing). Checked
 * where the decision is made, so a value the carry-out would refuse is refused before approval.
 */
export const CorrectionSchema = z.discriminatedUnion('field', [
  z.strictObject({ field: z.literal('name'), to: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)), customerId }),
  z.strictObject({ field: z.literal('email'), to: z.pipe(z.string().check(z.trim(), z.maxLength(254)), z.email()), customerId }),
  z.strictObject({
    field: z.literal('phone'),
    to: z.union([z.literal(''), z.null(), z.string().check(z.refine((value) => normalisePhone(value) !== undefined, 'Ugyldig telefonnummer.'))]),
    customerId,
  }),
  z.strictObject({ field: z.literal('address'), to: z.nullable(address), customerId }),
]);
export type Correction = z.infer<typeof CorrectionSchema>;

/** Whether `to` is a value the field can be corrected to. */
export const isValidCorrection = (field: string, to: unknown): boolean => CorrectionSchema.safeParse({ field, to }).success;
