import {
  CHANNELS,
  REQUEST_TYPES,
  STATUSES,
  type Channel,
  type RequestType,
  type Status,
} from '../request/request-vocabulary.js';

/** The queue's filter as it arrives in the query string: anything, or nothing. */
export interface QueueFilterInput {
  readonly status?: string;
  readonly type?: string;
  readonly channel?: string;
  readonly q?: string;
}

/** The filter actually applied: only values from the vocabularies, and a trimmed search. */
export interface QueueFilter {
  readonly status?: Status;
  readonly type?: RequestType;
  readonly channel?: Channel;
  readonly q?: string;
}

/** A filter value that is not in its vocabulary, so the page can say it was not used. */
export interface IgnoredFilterValue {
  readonly field: 'status' | 'type' | 'channel';
  readonly value: string;
}

/** A search longer than any reference, name or address could match is cut here. */
export const MAX_QUERY_LENGTH = 254;

export interface ParsedQueueFilter {
  readonly filter: QueueFilter;
  readonly ignored: readonly IgnoredFilterValue[];
}

function pick<T extends string>(
  field: IgnoredFilterValue['field'],
  raw: string | undefined,
  vocabulary: readonly T[],
  ignored: IgnoredFilterValue[],
): T | undefined {
  const value = raw?.trim() ?? '';
  if (value === '') return undefined;
  if ((vocabulary as readonly string[]).includes(value)) return value as T;
  ignored.push({ field, value: value.slice(0, 100) });
  return undefined;
}

/**
 * Checks the queue's query parameters against the request vocabularies. An unknown value (an
 * old bookmark, a typo in a hand-edited URL) is ignored rather than refused, so the queue still
 * shows, and reported, so the page can tell staff it was not applied instead of silently showing
 * more than they asked for. Empty values mean "no filter" and are not reported.
 */
export function parseQueueFilter(input: QueueFilterInput): ParsedQueueFilter {
  const ignored: IgnoredFilterValue[] = [];
  const status = pick('status', input.status, STATUSES, ignored);
  const type = pick('type', input.type, REQUEST_TYPES, ignored);
  const channel = pick('channel', input.channel, CHANNELS, ignored);
  const q = input.q?.trim().slice(0, MAX_QUERY_LENGTH) ?? '';
  return {
    filter: {
      ...(status && { status }),
      ...(type && { type }),
      ...(channel && { channel }),
      ...(q !== '' && { q }),
    },
    ignored,
  };
}
