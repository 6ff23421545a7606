import * as z from 'zod/mini';
import { REQUEST_TYPES } from './request-vocabulary.js';

/**
 * How the person who asks stands to the data subject. A parent asks for a child under parental
 * responsibility (foreldreansvar), a guardian (verge) under a guardianship, a lawyer or anyone
 * else under a written mandate (fullmakt). Staff check the document in every case.
 */
export const REPRESENTATIVE_RELATIONS = ['parent', 'guardian', 'lawyer', 'other'] as const;
export type RepresentativeRelation = (typeof REPRESENTATIVE_RELATIONS)[number];

/** A Norwegian postal address (the same shape as the requester's; kept here to avoid a schema cycle). */
const RepresentativeAddressSchema = z.strictObject({
  street: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  postalCode: z.string().check(z.regex(/^\d{4}$/, 'four digits')),
  city: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
});

/**
 * Someone who asks on behalf of the data subject (Art. 12 read with national law on parental
 * responsibility, guardianship and mandates). Letters about the request go to the representative
 * (e-mail, else post); the identity check stays with the data subject.
 */
export const RepresentativeSchema = z.strictObject({
    name: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
    relation: z.enum(REPRESENTATIVE_RELATIONS),
    email: z.optional(z.pipe(z.string().check(z.trim(), z.toLowerCase()), z.email().check(z.maxLength(254)))),
    /** To reach them (staff may call to ask for the mandate); letters go by e-mail or post. */
    phone: z.optional(z.string().check(z.trim(), z.regex(/^\+?[0-9][0-9 ()-]{4,19}$/))),
    postalAddress: z.optional(RepresentativeAddressSchema),
  }).check(z.refine((representative) => representative.email !== undefined || representative.postalAddress !== undefined, {
    message: 'a representative needs an e-mail or a postal address',
    path: ['email'],
  }));
export type Representative = z.infer<typeof RepresentativeSchema>;

/** The file types a mandate document may have: what staff can open and print without risk. */
export const MANDATE_CONTENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export type MandateContentType = (typeof MANDATE_CONTENT_TYPES)[number];

/**
 * The mandate (fullmakt) and what staff found in it. The document is attached first; staff then
 * accept it with its scope (which rights, until when) and who checked it, or refuse it. Until it
 * is accepted and covers the rights asked for, the request is not carried out.
 */
export const MandateSchema = z.object({
  status: z.enum(['attached', 'accepted', 'refused']),
  document: z.optional(z.object({
      key: z.string().check(z.minLength(1)),
      contentType: z.enum(MANDATE_CONTENT_TYPES),
      bytes: z.number().check(z.int(), z.positive()),
      sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
      attachedBy: z.string().check(z.minLength(1)),
      attachedAt: z.iso.datetime({ offset: true }),
    })),
  /** The rights the mandate gives the representative (a subset of the request's types may be refused). */
  scope: z.optional(z.array(z.enum(REQUEST_TYPES))),
  /** The last day the mandate is valid (Oslo calendar date). */
  validUntil: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))),
  /** Staff's judgement: what was checked (e.g. parental responsibility from the birth certificate). */
  note: z.optional(z.string().check(z.maxLength(2000))),
  checkedBy: z.optional(z.string()),
  checkedAt: z.optional(z.iso.datetime({ offset: true })),
});
export type Mandate = z.infer<typeof MandateSchema>;
