import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDsr } from '../../support/dsr-cli.js';
import { writeEndpoints } from '../../../infra/local/local-settings.js';
import { outbox, postRequest, startStackFixture, tempDataDir, type StackFixture } from '../../support/local-stack-fixture.js';
import { latestCode, staffPost, submitVerified, waitForStatus } from '../../support/rights-driver.js';
import { customerIdOf, seedFeatured } from '../../support/seeded-customers.js';


let fixture: StackFixture;
const PERSON = { name: 'Dina Nedlasting', email: 'dina.nedlasting@example.no', subscriptions: 'ended' } as const;

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
  await seedFeatured([PERSON]);
});

afterAll(async () => {
  await fixture?.stack.stop();
});

describe('the export download page', () => {
  it('serves both files for one good code through a short session, and logs each download', async () => {
    const id = await submitVerified(fixture, { name: PERSON.name, email: PERSON.email, types: ['access'] });
    await staffPost(fixture, id, 'decision', { outcome: 'approved' });
    await waitForStatus(fixture, id, 'closed');
    const mailsBefore = (await outbox(fixture.stack.urls.ses, PERSON.email)).length;

    const page = await getPage(`/download/${id}`);
    const wrong = await postForm(`/download/${id}`, { code: '000000', file: 'report' });
    const wrongPage = await getPage(wrong.headers.get('location') ?? '');
    await (await postForm(`/download/${id}`, { action: 'send-code' })).text();
    const code = await latestCode(fixture, PERSON.email, mailsBefore);
    const accepted = await postForm(`/download/${id}`, { code, file: 'report' });
    const cookie = (accepted.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const report = await getPage(accepted.headers.get('location') ?? '', cookie);
    const data = await getPage(`/download/${id}?file=data`, cookie);
    const withoutSession = await getPage(`/download/${id}?file=data`);
    await Promise.all([wrong.text(), accepted.text(), data.text()]);

    expect(page.status).toBe(200);
    expect(await page.text()).toContain('id="code"');
    expect(wrong.status).toBe(303);
    expect(await wrongPage.text()).not.toContain(await customerIdOf(PERSON.email));
    expect(accepted.status).toBe(303);
    expect(accepted.headers.get('set-cookie')).toContain('HttpOnly; SameSite=Strict');
    expect(report.status).toBe(200);
    expect(report.headers.get('content-disposition')).toContain('inline');
    expect(await report.text()).toContain('Datatilsynet');
    expect(data.headers.get('content-disposition')).toContain('attachment');
    expect(await withoutSession.text()).toContain('id="code"');
    const stored = await fixture.store.get(id);
    expect(stored?.export?.downloads).toBe(2);
    expect((await fixture.store.auditTrail(id)).filter((entry) => entry.event === 'export.downloaded')).toHaveLength(2);
  });
});

