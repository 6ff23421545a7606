import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDsr } from '../../support/dsr-cli.js';
import { writeEndpoints } from '../../../infra/local/local-settings.js';
import { outbox, postRequest, startStackFixture, tempDataDir, type StackFixture } from '../../support/local-stack-fixture.js';
import { latestCode, staffPost, submitVerified, waitForStatus } from '../../support/rights-driver.js';
import { customerIdOf, seedFeatured } from '../../support/seeded-customers.js';


let fixture: StackFixture;
let dataDir: string;
const PERSON = { name: 'Dina Nedlasting', email: 'dina.nedlasting@example.no', subscriptions: 'ended' } as const;

const dsr = (...args: string[]) => runDsr(dataDir, ...args);

/** A form POST as a browser sends it; the answer is the 303, not where it leads. */
const postForm = (path: string, fields: Record<string, string>) =>
  fetch(new URL(path, fixture.stack.urls.app), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    body: new URLSearchParams(fields).toString(),
  });

const getPage = (path: string, cookie?: string) =>
  fetch(new URL(path, fixture.stack.urls.app), { redirect: 'manual', headers: cookie ? { cookie } : {} });

beforeAll(async () => {
  fixture = await startStackFixture();
  dataDir = tempDataDir();
  writeEndpoints(dataDir, fixture.stack.environment, fixture.stack.urls);
  await seedFeatured([PERSON]);
});

afterAll(async () => {
  await fixture?.stack.stop();
});

describe('staff tools on the local stack', () => {
  it('dsr verify confirms identity with a recorded reason and the workflow goes on', async () => {
    const email = `manuell.${Date.now()}@example.no`;
    const { json } = await postRequest(fixture.stack.urls.app, { name: 'Mona Manuell', email, types: ['access'], language: 'nb' });
    const id = String(json.id);
    await waitForStatus(fixture, id, 'awaiting_verification');

    const noReason = await dsr('verify', id);
    const verified = await dsr('verify', id, '--reason', 'Bekreftet i telefon mot registrert nummer', '--by', 'anne');

    expect(noReason.code).toBe(2);
    expect(verified.code).toBe(0);
    await waitForStatus(fixture, id, 'awaiting_approval');
    const request = await fixture.store.get(id);
    expect(request?.verification).toMatchObject({ status: 'verified', method: 'manual', verifiedBy: 'staff:anne' });
  });

  it('dsr seed fills the local stores with the number of customers asked for', async () => {
    const seeded = await dsr('seed', '--customers', '3', '--seed', '99');
    const refused = await dsr('seed', '--customers', '0');

    expect(seeded.code).toBe(0);
    expect(seeded.stdout).toContain('Seeded 3 synthetic customers');
    expect(refused.code).toBe(2);
  });

  it('the staff API refuses an extension once the request is answered', async () => {
    const id = await submitVerified(fixture, { name: PERSON.name, email: PERSON.email, types: ['restriction'] });
    await staffPost(fixture, id, 'restriction', { ground: 'a', scope: ['profile'] });
    await staffPost(fixture, id, 'decision', { outcome: 'approved' });
    await waitForStatus(fixture, id, 'closed');

    const response = await staffPost(fixture, id, 'extension', { reason: 'For sent.' });

    expect(response.status).toBe(409);
  });
});
