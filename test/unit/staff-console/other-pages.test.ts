import { describe, expect, it } from 'vitest';
import { html } from '../../../functions/platform/html.js';
import { renderDashboardPage } from '../../../functions/http/console-queue/pages/dashboard-page.js';
import { renderSignInPage } from '../../../functions/web/console/pages/sign-in-page.js';
import { renderLocalSignInPage } from '../../../infra/local/sign-in/local-sign-in.js';
import {
  renderConflictPage,
  renderForbiddenPage,
  renderNotFoundPage,
  renderServerErrorPage,
  renderUnauthenticatedPage,
} from '../../../functions/web/console/pages/status-pages.js';
import { tags } from '../web-form/page-inspection.js';
import { CONTEXT, CSRF, HOSTILE, expectAccessibleMarkup, expectCsrfOnEveryPostForm, mainText } from './console-page-checks.js';

describe('renderDashboardPage', () => {
  it('wraps the given body under its own h1', () => {
    const page = renderDashboardPage({ ...CONTEXT, body: html`<h2>Tall</h2><p>42</p>` });
    expectAccessibleMarkup(page);
    expect(page).toContain('<h2>Tall</h2><p>42</p>');
  });
});

describe('renderSignInPage', () => {
  it('asks for username and password locally, posting with CSRF, and never refills the password', () => {
    const page = renderLocalSignInPage({ csrfToken: CSRF, username: HOSTILE, error: 'Feil brukernavn eller passord.' });
    expectAccessibleMarkup(page);
    expectCsrfOnEveryPostForm(page);
    expect(tags(page, 'form')[0]).toMatchObject({ method: 'post', action: '/console/sign-in' });
    expect(tags(page, 'input').find((i) => i.name === 'password')).toMatchObject({ type: 'password', value: '', autocomplete: 'current-password' });
    expect(page).not.toContain(HOSTILE);
    expect(mainText(page)).toContain('Feil brukernavn eller passord.');
    expect(tags(page, 'nav')).toEqual([]);
  });

  it('offers the OBOS sign-in in AWS mode', () => {
    const page = renderSignInPage();
    expectAccessibleMarkup(page);
    expect(tags(page, 'a').find((a) => a.href === '/console/sign-in?provider=cognito')).toBeDefined();
    expect(mainText(page)).toContain('Logg inn med OBOS-konto');
    expect(tags(page, 'input').filter((i) => i.name === 'password')).toEqual([]);
  });
});

describe('status pages', () => {
  it('401 on a first visit says «Logg inn», not that a session ran out, and links to the sign-in', () => {
    const page = renderUnauthenticatedPage('no-session');
    expectAccessibleMarkup(page);
    expect(page).toContain('<h1>Logg inn</h1>');
    expect(page).not.toContain('utløpt');
    expect(tags(page, 'a').some((a) => a.href === '/console/sign-in')).toBe(true);
  });

  it('401 with a session that ended says so and links to the sign-in', () => {
    const page = renderUnauthenticatedPage('session-ended');
    expectAccessibleMarkup(page);
    expect(page).toContain('<h1>Økten din er utløpt</h1>');
    expect(tags(page, 'a').some((a) => a.href === '/console/sign-in')).toBe(true);
  });

  it('403 names the group needed, escaped', () => {
    const page = renderForbiddenPage('dsr-approvers <x>', CONTEXT);
    expectAccessibleMarkup(page);
    expect(page).toContain('<h1>Du har ikke tilgang</h1>');
    expect(page).toContain('<strong>dsr-approvers &lt;x&gt;</strong>');
  });

  it('404, 409 with its message and a way back, and 500 each have one h1', () => {
    for (const page of [renderNotFoundPage(CONTEXT), renderConflictPage('Saken er endret av en annen.', 'NK-1', CONTEXT), renderServerErrorPage()]) {
      expectAccessibleMarkup(page);
    }
    const conflict = renderConflictPage(`Henvendelsen har status ${HOSTILE}.`, 'NK-1', CONTEXT);
    expect(conflict).not.toContain(HOSTILE);
    expect(tags(conflict, 'a').some((a) => a.href === '/console/requests/NK-1')).toBe(true);
  });
});
