import * as z from 'zod';
import { normalisePhone } from '../../platform/phone-number.js';
import { CustomerProfileSchema } from './customer-records.js';

const customerId = z.string().min(1).max(64).optional();
const address = CustomerProfileSchema.shape.address.unwrap().extend({
  street: z.string().trim().min(1).max(200),
  postalCode: z.string().trim().min(1).max(20),
  city: z.string().trim().min(1).max(100),
});

/**
 * One correction as staff may ask for it: the field and a value the subscription store can hold
 * (a name, an e-mail address, a phone number or nothing, a postal address or nothing). Checked
 * where the decision is made, so a value the carry-out would refuse is refused before approval.
 */
export const CorrectionSchema = z.discriminatedUnion('field', [
  z.strictObject({ field: z.literal('name'), to: z.string().trim().min(1).max(200), customerId }),
  z.strictObject({ field: z.literal('email'), to: z.string().trim().max(254).pipe(z.email()), customerId }),
  z.strictObject({
    field: z.literal('phone'),
    to: z.union([z.literal(''), z.null(), z.string().refine((value) => normalisePhone(value) !== undefined, 'Ugyldig telefonnummer.')]),
    customerId,
  }),
  z.strictObject({ field: z.literal('address'), to: address.strict().nullable(), customerId }),
]);
export type Correction = z.infer<typeof CorrectionSchema>;

/** Whether `to` is a value the field can be corrected to. */
export const isValidCorrection = (field: string, to: unknown): boolean => CorrectionSchema.safeParse({ field, to }).success;
