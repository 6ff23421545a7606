import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3ObjectStore } from '../../../functions/adapters/s3/s3-object-store.js';
import { OBJECT_KEYS } from '../../../functions/domain/storage/object-store.js';
import { s3Client } from '../../../functions/platform/aws-clients/s3.js';
import { LOCAL_DATA_BUCKET } from '../../../infra/local/local-stack.js';
import { LETTER_STYLE_RULES, pageText, type RenderedText } from '../../support/letter-style-rules.js';
import { outbox, startStackFixture, type StackFixture } from '../../support/local-stack-fixture.js';
import { staffPost, submitVerified, waitForStatus } from '../../support/rights-driver.js';
import { seedFeatured } from '../../support/seeded-customers.js';

let fixture: StackFixture;

const PEOPLE = {
  nb: { name: 'Nora Ordentlig', email: 'nora.ordentlig@example.no', subscriptions: 'active' },
  en: { name: 'Emma Proper', email: 'emma.proper@example.no', subscriptions: 'active' },
} as const;

beforeAll(async () => {
  fixture = await startStackFixture();
  await seedFeatured(Object.values(PEOPLE));
});

afterAll(async () => {
  await fixture?.stack.stop();
});

/**
 * Runs a request for every right on an active customer through the local stack (so erasure is
 * partly refused, objection keeps service information, accounting records are kept) and returns
 * every mail the person got and the export report, as the style rules read them.
 */
async function everythingSent(language: 'nb' | 'en'): Promise<{ texts: RenderedText[]; reply: string }> {
  const person = PEOPLE[language];
  const id = await submitVerified(fixture, {
    name: person.name,
    email: person.email,
    language,
    types: ['access', 'erasure', 'restriction', 'objection', 'consent_withdrawal'],
  });
  // A restriction is approved only once staff set its ground and scope (Art. 18(1)).
  const restriction = await staffPost(fixture, id, 'restriction', { ground: 'a', scope: ['profile'] });
  expect(restriction.status, JSON.stringify(restriction.json)).toBeLessThan(300);
  for (const staff of ['anne', 'bjorn']) {
    const response = await staffPost(fixture, id, 'decision', { outcome: 'approved' }, staff);
    expect(response.status, JSON.stringify(response.json)).toBeLessThan(300);
  }
  await waitForStatus(fixture, id, 'closed');
  const mails = await outbox(fixture.stack.urls.ses, person.email);
  const report = await new S3ObjectStore(s3Client(), LOCAL_DATA_BUCKET).getText(OBJECT_KEYS.exportReport(id));
  const reply = mails.find((mail) => mail.subject.includes(id) && /behandlet|handled/.test(mail.subject))!;
  return {
    reply: reply.body.text ?? '',
    texts: [
      ...mails.map((mail) => ({ name: `mail «${mail.subject}»`, language, text: `${mail.subject}\n\n${mail.body.text ?? ''}` })),
      { name: 'export report', language, text: pageText(report ?? '') },
    ],
  };
}

describe('the letters a person gets through the local stack', () => {
  it.each(['nb', 'en'] as const)('keep the house style in %s, citing the law and saying only what was not done under that heading', async (language) => {
    const { texts, reply } = await everythingSent(language);

    expect(texts.length).toBeGreaterThanOrEqual(4);
    for (const [rule, faults] of Object.entries(LETTER_STYLE_RULES)) expect(faults(texts), rule).toEqual([]);
    if (language === 'nb') {
      expect(reply).toContain('Rettslig grunnlag: bokføringsforskriften § 5-1-1, bokføringsloven § 13 første ledd og personvernforordningen artikkel 17 nr. 3 bokstav b.');
      expect(reply).toMatch(/\d+ oppføringer? slettet/);
      expect(reply).toContain('Dette har vi ikke gjort, og hvorfor\n-----------------------------------\n  • Vi har ikke slettet alt');
    } else {
      expect(reply).toContain('Legal basis: section 5-1-1 of the Norwegian Bookkeeping Regulations, section 13(1) of the Norwegian Bookkeeping Act and Article 17(3)(b) of the General Data Protection Regulation.');
      expect(reply).toContain('What we have not done, and why\n------------------------------\n  • We have not erased everything');
    }
    expect(reply).not.toMatch(/personvernerklæring|privacy (policy|statement)/i);
  });
});
