import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3ObjectStore } from '../../../functions/adapters/s3/s3-object-store.js';
import { ActionPlanSchema } from '../../../functions/domain/plan/action-plan.js';
import { csrfToken, type StaffGroup } from '../../../functions/domain/staff-auth/index.js';
import { s3Client } from '../../../functions/platform/aws-clients/s3.js';
import { LOCAL_DATA_BUCKET } from '../../../infra/local/local-stack.js';
import { outbox, postRequest, startStackFixture, type StackFixture } from '../../support/local-stack-fixture.js';
import { enterCode, latestCode, staffPost, waitForStatus } from '../../support/rights-driver.js';
import { customerIdOf, localCustomerData, seedFeatured } from '../../support/seeded-customers.js';
import { localStaffToken } from '../../support/staff-token.js';

let fixture: StackFixture;
const PEOPLE = {
  linked: { name: 'Petra Telefon', email: 'petra.telefon@example.no', subscriptions: 'ended' },
  stranger: { name: 'Sindre Samme', email: 'sindre.samme@example.no', subscriptions: 'ended' },
} as const;
const STAFF = { name: 'kari.saksbehandler', groups: ['staff'] as StaffGroup[] };
const objects = () => new S3ObjectStore(s3Client(), LOCAL_DATA_BUCKET);

beforeAll(async () => {
  fixture = await startStackFixture();
  await seedFeatured(Object.values(PEOPLE));
});

afterAll(async () => {
  await fixture?.stack.stop();
});

async function staffFetch(path: string, init: { form?: Record<string, string> } = {}) {
  const token = localStaffToken(fixture.stack.environment, STAFF.name, STAFF.groups);
  return fetch(`${fixture.stack.urls.app}${path}`, {
    method: init.form ? 'POST' : 'GET',
    redirect: 'manual',
    headers: { authorization: `Bearer ${token}`, ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
    ...(init.form ? { body: new URLSearchParams({ csrf: csrfToken(token), ...init.form }).toString() } : {}),
  });
}

/**
 * A request from an address no customer has, giving the phone registered for a customer; the
 * person enters the code mailed to the address they wrote from, so they proved only that address.
 */
async function fromPrivateAddressWithCustomersPhone(person: { name: string; email: string }, privateEmail: string): Promise<{ id: string; customerId: string }> {
  const customerId = await customerIdOf(person.email);
  const phone = (await localCustomerData().customers.getProfile(customerId))!.phone!;
  const response = await postRequest(fixture.stack.urls.app, { name: person.name, email: privateEmail, phone, types: ['access'], language: 'nb' });
  const id = String(response.json.id);
  await waitForStatus(fixture, id, 'awaiting_verification');
  await enterCode(fixture, id, await latestCode(fixture, privateEmail));
  await waitForStatus(fixture, id, 'needs_attention');
  return { id, customerId };
}

const lettersTo = async (address: string) => (await outbox(fixture.stack.urls.ses, address)).map((mail) => mail.subject);

describe('«nothing held» only after a real search, through the local stack', () => {
  it('sends a phone match under another e-mail to staff with the candidate, sends no answer, and lets staff link the case', async () => {
    const privateEmail = `petra.privat.${Date.now()}@example.org`;
    const { id, customerId } = await fromPrivateAddressWithCustomersPhone(PEOPLE.linked, privateEmail);

    const stored = await fixture.store.get(id);
    expect(stored?.identityReview).toMatchObject({ status: 'pending', candidates: 1 });
    expect((await lettersTo(privateEmail)).some((subject) => subject.includes('er behandlet'))).toBe(false);
    const page = await (await staffFetch(`/console/requests/${id}`)).text();
    expect(page).toContain('Mulige treff i kunderegisteret');
    expect(page).toContain(customerId);
    // Approving is refused while the candidates are unresolved.
    expect((await staffPost(fixture, id, 'decision', { outcome: 'approved' })).status).toBe(409);

    const linked = await staffFetch(`/console/requests/${id}/identity`, {
      form: { identity_action: 'link', customer: customerId, reason: 'Ringte nummeret registrert på kunden; hun bekreftet henvendelsen.' },
    });
    expect(linked.status).toBe(303);
    await waitForStatus(fixture, id, 'awaiting_approval');
    const relinked = await fixture.store.get(id);
    expect(relinked).toMatchObject({ customerIds: [customerId], verification: { subject: 'customer', method: 'manual' }, identityReview: { status: 'linked' } });
    const plan = ActionPlanSchema.parse(await objects().getJson(relinked!.planKey!));
    expect(plan.customerIds).toEqual([customerId]);
    expect(plan.export?.categories.find((entry) => entry.category === 'profile')?.records).toBe(1);
  });

  it('answers «nothing held» only after staff confirm none of the candidates is the person', async () => {
    const privateEmail = `sindre.privat.${Date.now()}@example.org`;
    const { id } = await fromPrivateAddressWithCustomersPhone(PEOPLE.stranger, privateEmail);

    const confirmed = await staffFetch(`/console/requests/${id}/identity`, {
      form: { identity_action: 'no_match', reason: 'Ringte nummeret; kunden kjente ikke til henvendelsen.' },
    });
    expect(confirmed.status).toBe(303);
    await waitForStatus(fixture, id, 'awaiting_approval');
    await staffPost(fixture, id, 'decision', { outcome: 'approved' });
    await waitForStatus(fixture, id, 'closed');

    const reply = (await outbox(fixture.stack.urls.ses, privateEmail)).find((mail) => mail.subject.includes('er behandlet'));
    expect(reply?.body.text).toContain('Vi har ingen personopplysninger om deg');
    expect(reply?.body.text).not.toContain(PEOPLE.stranger.email);
    expect((await fixture.store.auditTrail(id)).map((entry) => entry.event)).toEqual(
      expect.arrayContaining(['identity.partial_match', 'identity.no_match_confirmed', 'decision.approved']),
    );
  });
});
