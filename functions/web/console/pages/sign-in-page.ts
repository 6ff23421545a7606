import { html } from '../../../platform/html.js';
import { renderConsoleLayout } from './layout.js';

export interface SignInPageModel {
  /** A failed sign-in: only the page title says so (as before this page lost its local form). */
  readonly error?: string;
}

/**
 * The sign-in page, shown before there is a user, so without the menu: a link to the hosted
 * sign-in (Cognito's in AWS). Local mode's username-and-password form is not here but in
 * infra/local/sign-in, served by the local gateway, so no Lambda bundle carries it.
 */
export function renderSignInPage(model: SignInPageModel = {}): string {
  return renderConsoleLayout({
    title: model.error ? 'Feil: Logg inn' : 'Logg inn',
    body: html`<h1>Logg inn</h1>
<p>Personvernkonsollen er for saksbehandlere hos OBOS Nærkontor.</p>
<p><a class="button-link" href="/console/sign-in?provider=cognito"><strong>Logg inn med OBOS-konto</strong></a></p>`,
  });
}
