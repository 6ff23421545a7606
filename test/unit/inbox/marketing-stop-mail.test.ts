import { readFile, readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { CASE_CONFIDENCE_THRESHOLD } from '../../../functions/domain/inbox/inbound-message.js';
import { parseInboundMessage } from '../../../functions/domain/inbox/parse-inbound-message.js';
import { recognise } from '../../../functions/domain/inbox/recognise.js';
import { stopsMarketing } from '../../../functions/domain/request/request-vocabulary.js';

/**
 * Issue 15, point 5: unsubscribing is recognised as the marketing stop it is, whichever of the two
 * labels (consent withdrawal or marketing objection) it gets, and clearly enough to start the
 * fast path without staff (confidence at or above the case threshold), with no other right added.
 */
const folder = new URL('../../fixtures/mail-corpus/marketing-stop/', import.meta.url);
const expected = JSON.parse(await readFile(new URL('expected.json', folder), 'utf8')) as Record<string, { stopsMarketing: boolean }>;
const files = (await readdir(folder)).filter((name) => name.endsWith('.eml')).sort();

describe('unsubscribe mail (test/fixtures/mail-corpus/marketing-stop)', () => {
  it('has an expectation for every message and a message for every expectation', () => {
    expect(files).toEqual(Object.keys(expected).sort());
  });

  it.each(files)('%s', async (file) => {
    const got = recognise(await parseInboundMessage(await readFile(new URL(file, folder))));
    if (expected[file]!.stopsMarketing) {
      expect(stopsMarketing(got.types), `types ${got.types.join(',')}`).toBe(true);
      expect(got.types.every((type) => type === 'objection' || type === 'consent_withdrawal')).toBe(true);
      expect(got.confidence).toBeGreaterThanOrEqual(CASE_CONFIDENCE_THRESHOLD);
    } else {
      expect(got.types).toEqual([]);
    }
  });
});
