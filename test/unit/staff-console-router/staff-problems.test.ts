import { describe, expect, it } from 'vitest';
import { ConcurrentChangeError, InvalidTransitionError } from '../../../functions/domain/request/request-errors.js';
import { NoActiveRestrictionError } from '../../../functions/domain/restriction/restriction-actions.js';
import { csrfToken } from '../../../functions/domain/staff-auth/index.js';
import { AlreadyExtendedError } from '../../../functions/domain/workflow/extend-deadline.js';
import { STAFF_PROBLEMS, staffProblem } from '../../../functions/web/staff-problems.js';
import { escapeHtml } from '../../../functions/platform/html.js';
import { REQUEST_ID } from '../fixtures/rights-request-fixture.js';
import { consoleWorld, routeEvent, SAME_ORIGIN, TOKENS, type WorldOptions } from './console-world.js';

const STAFF = TOKENS.staff;
const REASON = 'Saken omfatter svært mange opplysninger fra flere systemer.';

/**
 * Refusals staff can meet on both surfaces: the same case, the same action by the console's form
 * and by the staff API, and the domain error the action is refused with.
 */
const SHARED_REFUSALS: readonly {
  readonly name: string;
  readonly world: WorldOptions;
  readonly console: { readonly action: string; readonly form: readonly (readonly [string, string])[] };
  readonly api: { readonly route: string; readonly json: unknown };
  readonly error: Error;
}[] = [
  {
    name: 'a second extension',
    world: { request: { extended: true } },
    console: { action: 'extend', form: [['reason', REASON]] },
    api: { route: 'extension', json: { reason: REASON } },
    error: new AlreadyExtendedError(),
  },
  {
    name: 'a decision on a case still gathering',
    world: { request: { status: 'gathering' } },
    console: { action: 'decision', form: [['outcome', 'approved']] },
    api: { route: 'decision', json: { outcome: 'approved' } },
    error: new InvalidTransitionError(REQUEST_ID, 'gathering', 'decide approved'),
  },
  {
    name: 'lifting a restriction that is not set',
    world: {},
    console: { action: 'lift-restriction', form: [['reason', REASON]] },
    api: { route: 'restriction/lift', json: { reason: REASON } },
    error: new NoActiveRestrictionError(REQUEST_ID),
  },
];

describe('the staff problem table (one message per domain error, console and staff API)', () => {
  it.each(SHARED_REFUSALS)('says the same on both surfaces for $name, with the same status', async ({ world: options, console: form, api, error }) => {
    const expected = staffProblem(error)!;
    const world = consoleWorld(options);
    const before = await world.snapshot();

    const page = await world.followRefusal(
      await world.console(
        routeEvent(
          { method: 'POST', path: `/console/requests/{id}/${form.action}` },
          { token: STAFF, headers: { ...SAME_ORIGIN }, form: [...form.form, ['csrf', csrfToken(STAFF)]] },
        ),
      ),
    );
    const json = await world.api(routeEvent({ method: 'POST', path: `/api/staff/requests/{id}/${api.route}` }, { token: STAFF, via: 'bearer', json: api.json }));

    expect(page.statusCode).toBe(expected.statusCode);
    expect(page.body).toContain(escapeHtml(expected.message));
    expect(json.statusCode).toBe(expected.statusCode);
    expect(JSON.parse(json.body ?? '{}')).toMatchObject({ error: expected.message });
    expect(await world.snapshot()).toBe(before);
  });

  it('names the status in Norwegian when a step is not allowed in it', () => {
    expect(staffProblem(new InvalidTransitionError(REQUEST_ID, 'carrying_out', 'extend'))).toEqual({
      statusCode: 409,
      message: 'Saken har status «Utføres», og dette kan ikke gjøres nå.',
    });
    expect(staffProblem(new ConcurrentChangeError(REQUEST_ID))?.statusCode).toBe(409);
  });

  it('has one row per error class, and leaves any other error to be a fault (no message, so a 500)', () => {
    const classes = STAFF_PROBLEMS.map((row) => row.error);
    expect(new Set(classes).size).toBe(classes.length);
    expect(staffProblem(new Error('boom'))).toBeUndefined();
    expect(staffProblem('not an error')).toBeUndefined();
  });
});
