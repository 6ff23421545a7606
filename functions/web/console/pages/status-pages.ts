import { html, type SafeHtml } from '../../../platform/html.js';
import type { ConsoleUser } from './console-context.js';
import { renderConsoleLayout } from './layout.js';

/** A signed-in user, when there is one, so error pages keep the menu and the way back. */
export interface StatusPageContext {
  readonly user?: ConsoleUser;
  readonly csrfToken?: string;
}

const page = (title: string, body: SafeHtml, context: StatusPageContext = {}): string =>
  renderConsoleLayout({ title, body, user: context.user, csrfToken: context.csrfToken });

/**
 * 401. A first visit (no session at all) is simply asked to sign in; only a browser that came with
 * a session that is no longer valid (expired or signed out) is told that its session ended.
 */
export const renderUnauthenticatedPage = (reason: 'no-session' | 'session-ended' = 'no-session'): string =>
  reason === 'no-session'
    ? page(
        'Logg inn',
        html`<h1>Logg inn</h1><p>Personvernkonsollen er for saksbehandlere hos OBOS Nærkontor. Logg inn for å se køen og sakene.</p><p><a class="button-link" href="/console/sign-in">Logg inn</a></p>`,
      )
    : page(
        'Økten er utløpt',
        html`<h1>Økten din er utløpt</h1><p>Du er logget ut, eller økten varte for lenge. Logg inn på nytt for å fortsette.</p><p><a class="button-link" href="/console/sign-in">Logg inn på nytt</a></p>`,
      );

/** 403: signed in, but without the group the page or action needs. */
export const renderForbiddenPage = (neededGroup: string, context: StatusPageContext = {}): string =>
  page(
    'Du har ikke tilgang',
    html`<h1>Du har ikke tilgang</h1><p>Dette krever at du er med i gruppen <strong>${neededGroup}</strong>. Be personvernansvarlig om tilgang hvis du trenger den.</p><p><a href="/console">Til køen</a></p>`,
    context,
  );

/** 404: no such page or case. */
export const renderNotFoundPage = (context: StatusPageContext = {}): string =>
  page(
    'Fant ikke siden',
    html`<h1>Fant ikke siden</h1><p>Siden eller saken finnes ikke. Sjekk referansen.</p><p><a href="/console">Til køen</a></p>`,
    context,
  );

/**
 * 400 for a queue address whose `after` (the link to the next page) was not made by the queue: an
 * edited or cut-off link. The queue does not guess where to go on; the way back keeps the filter.
 */
export const renderBadQueueCursorPage = (firstPageHref: string, context: StatusPageContext = {}): string =>
  page(
    'Ugyldig sidelenke',
    html`<h1>Lenken til neste side er ugyldig</h1><p>Adressen har en «after»-verdi som køen ikke har laget, for eksempel fordi lenken er endret eller kuttet av. Gå til første side og bla videre derfra.</p><p><a href="${firstPageHref}">Til første side av køen</a></p>`,
    context,
  );

/** 409: the action no longer fits the case (someone else changed it, or the step has passed). */
export const renderConflictPage = (message: string, caseId: string | undefined, context: StatusPageContext = {}): string =>
  page(
    'Kunne ikke utføres',
    html`<h1>Handlingen kunne ikke utføres</h1><p>${message}</p>${caseId
      ? html`<p><a href="/console/requests/${encodeURIComponent(caseId)}">Tilbake til saken</a> (siden viser nå siste versjon)</p>`
      : html`<p><a href="/console">Til køen</a></p>`}`,
    context,
  );

/** 500: something failed on our side; nothing about the cause is shown. */
export const renderServerErrorPage = (context: StatusPageContext = {}): string =>
  page(
    'Noe gikk galt',
    html`<h1>Noe gikk galt</h1><p>Prøv igjen om litt. Hvis feilen fortsetter, si fra til den som drifter konsollen og oppgi klokkeslettet.</p><p><a href="/console">Til køen</a></p>`,
    context,
  );
