/**
 * The fixed vocabularies of a rights request. Kept as `as const` tuples so zod schemas, the form,
 * the CLI and the infrastructure all enumerate the same values.
 */
export const REQUEST_TYPES = [
  'access',
  'rectification',
  'erasure',
  'restriction',
  'portability',
  'objection',
  'consent_withdrawal',
] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

export const CHANNELS = ['web', 'email', 'phone', 'post'] as const;
export type Channel = (typeof CHANNELS)[number];

export const LANGUAGES = ['nb', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * Lifecycle of a request. Not every status is reached by every workflow version: later steps
 * (verification, gathering, carrying out) fill in the middle of the path.
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

/** Statuses after which the workflow has nothing more to do for the request. */
export const TERMINAL_STATUSES: readonly Status[] = ['closed'];

export const isOpenStatus = (status: Status): boolean => !TERMINAL_STATUSES.includes(status);
