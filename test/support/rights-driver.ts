import type { Language } from '../../functions/domain/request/request-vocabulary.js';
import { eventually, outbox, postRequest, type StackFixture } from './local-stack-fixture.js';
import { localStaffToken } from './staff-token.js';

/** The six-digit code in the latest verification mail to `email`. */
export async function latestCode(fixture: StackFixture, email: string, after = 0): Promise<string> {
  return eventually(async () => {
    const mails = (await outbox(fixture.stack.urls.ses, email)).slice(after);
    const withCode = mails.reverse().find((mail) => /\b\d{6}\b/.test(mail.body.text ?? ''));
    return withCode ? /\b(\d{6})\b/.exec(withCode.body.text ?? '')![1] : undefined;
  }, `a code mailed to ${email}`);
}

export async function waitForStatus(fixture: StackFixture, id: string, status: string): Promise<void> {
  await eventually(async () => ((await fixture.store.get(id))?.status === status ? true : undefined), `${id} to be ${status}`, 400);
}

/** Posts the code on the verification page, as the requester's browser would. */
export async function enterCode(fixture: StackFixture, id: string, code: string): Promise<Response> {
  return fetch(new URL(`/verify/${encodeURIComponent(id)}`, fixture.stack.urls.app), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    body: new URLSearchParams({ code }).toString(),
    redirect: 'manual',
  });
}

/** Calls the staff JSON API as a signed-in staff member, with a token from the local sign-in's key. */
export async function staffPost(
  fixture: StackFixture,
  id: string,
  action: 'decision' | 'extension' | 'plan' | 'restriction' | 'restriction/lift' | 'merge',
  body: unknown,
  staff = 'anne',
) {
  const response = await fetch(new URL(`/api/staff/requests/${encodeURIComponent(id)}/${action}`, fixture.stack.urls.app), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${localStaffToken(fixture.stack.environment, staff)}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

/** Submits a request for a registered e-mail, enters the mailed code and waits for the plan. */
export async function submitVerified(
  fixture: StackFixture,
  request: { name: string; email: string; types: string[]; language?: Language; details?: string },
): Promise<string> {
  const response = await postRequest(fixture.stack.urls.app, { language: 'nb', ...request });
  if (response.status !== 202) throw new Error(`intake answered ${response.status}: ${JSON.stringify(response.json)}`);
  const id = String(response.json.id);
  await waitForStatus(fixture, id, 'awaiting_verification');
  const code = await latestCode(fixture, request.email);
  await enterCode(fixture, id, code);
  await waitForStatus(fixture, id, 'awaiting_approval');
  return id;
}
