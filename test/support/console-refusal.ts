import { expect } from 'vitest';
import { CASE_REFUSAL_COOKIE } from '../../functions/web/console/case-refusal-cookie.js';

/**
 * A refused case action as a browser goes on with it (post/redirect/get): asserts the 303 back to
 * the case with the refusal cookie, then loads the case page with that cookie and the caller's
 * sign-in (`authorization` or a `cookie` header), and returns the page.
 */
export async function followConsoleRefusal(app: string, refused: Response, signIn: Readonly<Record<string, string>>): Promise<Response> {
  expect(refused.status).toBe(303);
  const location = refused.headers.get('location') ?? '';
  expect(location).toMatch(/^\/console\/requests\/[^/?]+$/);
  const refusal = refused.headers.getSetCookie().find((cookie) => cookie.startsWith(`${CASE_REFUSAL_COOKIE}=`));
  expect(refusal).toBeDefined();
  const cookie = [signIn.cookie, refusal!.split(';')[0]].filter(Boolean).join('; ');
  return fetch(new URL(location, app), { headers: { ...signIn, cookie }, redirect: 'manual' });
}
