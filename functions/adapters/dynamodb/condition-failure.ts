import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';

/**
 * Whether a single-item write was refused on its condition (someone else wrote first, or the item is
 * not as expected). By name as well as by class: an error that crossed a second copy of the SDK
 * (a layer, a test's own client) is not an instance of this copy's class.
 */
export const isConditionalCheckFailure = (error: unknown): boolean =>
  error instanceof ConditionalCheckFailedException || (error as { name?: unknown } | undefined)?.name === 'ConditionalCheckFailedException';
