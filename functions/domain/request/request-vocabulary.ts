/**
 * The fixed vocabularies of a rights request. Kept as `as const` tuples so zod schemas, the form,
 * the CLI and the infrastructure all enumerate the same values.
 *
 * Two objections (Art. 21), two types: `objection` is the objection to DIRECT MARKETING (Art.
 * 21(2)–(3)), the name it has carried since the first stored request, so every stored request,
 * API client and labelled mail keeps its meaning; `processing_objection` is the objection to
 * processing based on legitimate interest (Art. 21(1)), which staff assess.
 */
export const REQUEST_TYPES = [
  'access',
  'rectification',
  'erasure',
  'restriction',
  'portability',
  'objection',
  'consent_withdrawal',
  'processing_objection',
] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

/**
 * The types that stop marketing the moment they are received (Art. 21(2)–(3) and 7(3)): no
 * identity check, no staff decision, in every marketing channel. Every consent the subscription
 * store records (newsletter, SMS, phone) is a marketing consent.
 */
export const MARKETING_STOP_TYPES: readonly RequestType[] = ['objection', 'consent_withdrawal'];

/** Whether a request stops marketing at once (the workflow's fast path). */
export const stopsMarketing = (types: readonly RequestType[]): boolean =>
  types.some((type) => MARKETING_STOP_TYPES.includes(type));

/** The rights of a request that follow the normal path (verification, plan, staff decision). */
export const otherThanMarketingStop = (types: readonly RequestType[]): RequestType[] =>
  types.filter((type) => !MARKETING_STOP_TYPES.includes(type));

export const CHANNELS = ['web', 'email', 'phone', 'post'] as const;
export type Channel = (typeof CHANNELS)[number];

export const LANGUAGES = ['nb', 'nn', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The Intl locale each language is formatted in (dates, amounts, lower-casing). */
export const LANGUAGE_LOCALES: Readonly<Record<Language, string>> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };

/**
 * The statuses of a request. How a request moves between them, and which are open, answered or
 * closable, is the lifecycle's transition table (`lifecycle/request-lifecycle.ts`).
 */
export const STATUSES = [
  'received',
  'awaiting_verification',
  'gathering',
  'awaiting_approval',
  'carrying_out',
  'replied',
  'closed',
  'extended',
  'on_hold',
  'rejected',
  'unverified',
  'needs_attention',
] as const;
export type Status = (typeof STATUSES)[number];

/**
 * The status a new request is stored in and the audit event its first entry records: the first
 * row of the lifecycle's transition table, kept here so storing a request needs no lifecycle import.
 */
export const RECEIVED = { status: 'received', audit: 'request.received' } as const satisfies { status: Status; audit: string };
