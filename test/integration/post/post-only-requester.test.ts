import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbPostalLetterStore } from '../../../functions/adapters/dynamodb/dynamodb-postal-letter-store.js';
import { osloCalendarDate } from '../../../functions/domain/deadline/index.js';
import type { OutgoingMail } from '../../../functions/domain/mail/mailer.js';
import type { PostalLetter } from '../../../functions/domain/post/postal-letter.js';
import { csrfToken } from '../../../functions/domain/staff-auth/index.js';
import { createLogger } from '../../../functions/platform/logger.js';
import { watchDeadlines } from '../../../functions/schedule/watch-deadlines/watch-deadlines.js';
import { eventually, outbox, startStackFixture, type StackFixture } from '../../support/local-stack-fixture.js';
import { pdfPageTexts } from '../../support/pdf-text.js';
import { enterCode, staffPost, waitForStatus } from '../../support/rights-driver.js';
import { customerIdOf, localCustomerData, seedFeatured } from '../../support/seeded-customers.js';
import { localStaffToken } from '../../support/staff-token.js';

let fixture: StackFixture;
let letters: DynamoDbPostalLetterStore;
/** A customer who writes letters: the registered e-mail is never used in this case. */
const PERSON = { name: 'Bjørg Brevskriver', email: 'bjorg.brevskriver@example.no', subscriptions: 'ended' } as const;
const STAFF = 'kari.saksbehandler';

beforeAll(async () => {
  fixture = await startStackFixture();
  await seedFeatured([PERSON]);
  letters = new DynamoDbPostalLetterStore(new DynamoDBClient({}), fixture.stack.environment.REQUESTS_TABLE_NAME!);
});

afterAll(async () => {
  await fixture?.stack.stop();
});

const token = () => localStaffToken(fixture.stack.environment, STAFF);

/** Posts a console form as the signed-in staff member (session token and its CSRF token). */
async function consolePost(path: string, fields: Record<string, string>): Promise<Response> {
  const session = token();
  return fetch(`${fixture.stack.urls.app}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { authorization: `Bearer ${session}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrf: csrfToken(session), ...fields }).toString(),
  });
}

async function consoleGet(path: string): Promise<Response> {
  return fetch(`${fixture.stack.urls.app}${path}`, { headers: { authorization: `Bearer ${token()}` } });
}

const letterOf = (id: string, purpose: string): Promise<PostalLetter> =>
  eventually(async () => (await letters.listForRequest(id)).find((letter) => letter.purpose === purpose), `a ${purpose} letter by post for ${id}`, 400);

/** Downloads the letter's PDF from the console as staff would, and reads its text back. */
async function downloadPdf(letter: PostalLetter): Promise<{ status: number; contentType: string | null; pages: string[]; body: string }> {
  const response = await consoleGet(`/console/requests/${encodeURIComponent(letter.requestId)}/letter?letter=${encodeURIComponent(letter.letterId)}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const ok = response.status === 200;
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    pages: ok ? (await pdfPageTexts(bytes)).map((page) => page.replaceAll('\u00a0', ' ')) : [],
    body: ok ? '' : Buffer.from(bytes).toString('utf8').slice(0, 500),
  };
}

/** Runs the deadline watch against the stack and answers whether the case is listed as overdue in the digest. */
async function watchListsOverdue(id: string): Promise<{ overdue: number; listed: boolean }> {
  const sent: OutgoingMail[] = [];
  const summary = await watchDeadlines({
    store: fixture.store,
    mailer: { send: async (mail) => (sent.push(mail), { messageId: `m-${sent.length}` }), resend: async () => undefined },
    now: () => new Date(),
    logger: createLogger('test-watch', 'silent'),
    staffAddress: 'personvern@obos.no',
    postalLetters: letters,
    recordCounts: () => undefined,
  });
  const digest = sent.find((mail) => mail.purpose === 'deadline-digest');
  return { overdue: summary.overdue, listed: digest?.text.includes(id) ?? false };
}

describe('a requester without e-mail, from staff intake to the posted answer', () => {
  it('refuses an intake with no way to answer, and one with half a postal address, saying what is missing', async () => {
    const base = { channel: 'post', received_date: osloCalendarDate(new Date()), received_time: '08:00', name: 'Uten Adresse', types: 'access', language: 'nb', intake_note: 'Brev i posten.' };
    const none = await consolePost('/console/intake', base);
    expect(none.status).toBe(400);
    expect(await none.text()).toContain('Oppgi minst én måte å svare på');
    const half = await consolePost('/console/intake', { ...base, street: 'Storgata 1', postal_code: '15' });
    expect(half.status).toBe(400);
    const page = await half.text();
    expect(page).toContain('Postnummeret skal være fire sifre');
    expect(page).toContain('Skriv inn poststedet');
  });

  it('verifies by a code letter to the registered postal address, answers by a PDF letter with the copy, and the deadline holds until staff posted it', async () => {
    const customerId = await customerIdOf(PERSON.email);
    const profile = (await localCustomerData().customers.getProfile(customerId))!;
    // The letter came 35 days ago: the month has run out, so the watch must see the case as overdue.
    const received = new Date(Date.now() - 35 * 24 * 60 * 60 * 1000);
    const registered = await consolePost('/console/intake', {
      channel: 'post',
      received_date: osloCalendarDate(received),
      received_time: '10:15',
      name: PERSON.name,
      email: '',
      street: 'Feilskrevet vei 1',
      postal_code: '0151',
      city: 'Oslo',
      phone: profile.phone!,
      types: 'access',
      language: 'nb',
      intake_note: 'Brev mottatt i posten, skannet av Kari.',
    });
    expect(registered.status).toBe(303);
    const id = decodeURIComponent(registered.headers.get('location')!.split('/').pop()!.split('?')[0]!);
    expect((await fixture.store.get(id))?.requester).toMatchObject({ name: PERSON.name, postalAddress: { postalCode: '0151' } });
    expect((await fixture.store.get(id))?.requester.email).toBeUndefined();

    // The code goes by post to the address REGISTERED for the customer, in the registered name.
    await waitForStatus(fixture, id, 'awaiting_verification');
    const codeLetter = await letterOf(id, 'verification-code');
    expect(codeLetter.postal.recipient).toEqual({ name: profile.name, address: profile.address });
    expect(codeLetter.posted).toBeUndefined();
    const code = /\b(\d{6})\b/.exec(codeLetter.text)![1]!;
    // The address typed at intake is not the registered one: it gets a code of its own that proves only itself.
    const codeLetters = (await letters.listForRequest(id)).filter((letter) => letter.purpose === 'verification-code');
    expect(codeLetters.map((letter) => letter.postal.recipient.address.street).sort()).toEqual([profile.address!.street, 'Feilskrevet vei 1'].sort());
    expect(await outbox(fixture.stack.urls.ses, PERSON.email)).toEqual([]);

    // «Til utsending per post» lists it; the PDF carries reference, date and page numbers.
    const list = await (await consoleGet('/console/post')).text();
    expect(list).toContain('Til utsending per post');
    expect(list).toContain(id);
    const { status, contentType, pages } = await downloadPdf(codeLetter);
    expect(status).toBe(200);
    expect(contentType).toBe('application/pdf');
    expect(pages[0]).toContain(`Vår referanse: ${id}`);
    expect(pages[0]).toContain(`Dato: ${new Intl.DateTimeFormat('nb-NO', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Oslo' }).format(new Date(codeLetter.recordedAt))}`);
    expect(pages[0]).toContain(profile.name);
    expect(pages[0]).toContain(code);
    expect(pages.at(-1)).toContain(`Side ${pages.length} av ${pages.length}`);

    // Staff post it: recorded with who and when; it leaves the list.
    expect((await consolePost(`/console/requests/${encodeURIComponent(id)}/posted`, { letter: codeLetter.letterId })).status).toBe(303);
    expect((await letters.get(id, codeLetter.letterId))?.posted?.by).toBe(`staff:${STAFF}`);
    const postedEntry = (await fixture.store.auditTrail(id)).find((entry) => entry.event === 'letter.posted' && entry.detail?.letterId === codeLetter.letterId);
    expect(postedEntry).toMatchObject({ actor: `staff:${STAFF}`, detail: { purpose: 'verification-code' } });
    expect(await (await consoleGet('/console/post')).text()).not.toContain(`value="${codeLetter.letterId}"`);

    // The person types the code from the letter; staff approve; the reply is made as a letter by post.
    await enterCode(fixture, id, code);
    await waitForStatus(fixture, id, 'awaiting_approval');
    expect((await fixture.store.get(id))?.customerIds).toEqual([customerId]);
    const before = await watchListsOverdue(id);
    expect(before.listed).toBe(true);
    expect((await staffPost(fixture, id, 'decision', { outcome: 'approved' })).status).toBe(200);
    await waitForStatus(fixture, id, 'closed');
    const reply = await letterOf(id, 'reply');
    expect(reply.postal.reportKey).toBeDefined();
    // The copy goes to the address the code letter proved (the registered one), never the typed one.
    expect(reply.postal.recipient).toEqual({ name: profile.name, address: profile.address });

    // Answered on paper but not posted: not given. The case stays overdue in the watch.
    const unposted = await watchListsOverdue(id);
    expect(unposted.listed).toBe(true);
    expect(unposted.overdue).toBeGreaterThanOrEqual(1);

    const replyPdf = await downloadPdf(reply);
    expect(replyPdf.status, replyPdf.body).toBe(200);
    const all = replyPdf.pages.join('\n');
    expect(all).toContain(`Vår referanse: ${id}`);
    expect(all).toContain('Kopien følger med dette brevet');
    expect(all).toContain('Vedlegg: kopi av opplysningene dine');
    expect(all).toContain(profile.name);
    expect(replyPdf.pages.at(-1)).toContain(`Side ${replyPdf.pages.length} av ${replyPdf.pages.length}`);

    expect((await consolePost(`/console/requests/${encodeURIComponent(id)}/posted`, { letter: 'reply' })).status).toBe(303);
    // The answer counts as given from the moment staff posted it, with who and when.
    expect((await letters.get(id, 'reply'))?.posted?.by).toBe(`staff:${STAFF}`);
    expect((await fixture.store.auditTrail(id)).find((entry) => entry.event === 'letter.posted' && entry.detail?.letterId === 'reply')).toMatchObject({
      actor: `staff:${STAFF}`,
      detail: { purpose: 'reply' },
    });
    const after = await watchListsOverdue(id);
    expect(after.listed).toBe(false);
    expect(after.overdue).toBe(unposted.overdue - 1);
    expect(await outbox(fixture.stack.urls.ses, PERSON.email)).toEqual([]);
  }, 300_000);
});
