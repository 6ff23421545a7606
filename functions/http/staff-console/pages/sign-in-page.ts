import { html } from '../../../platform/html.js';
import { csrfField } from './form-controls.js';
import { errorSummary, inputField } from './form-controls.js';
import { renderConsoleLayout } from './layout.js';

export interface SignInPageModel {
  /** `local`: username and password form; `cognito`: a link to the OBOS sign-in. */
  readonly mode: 'local' | 'cognito';
  /** Guards the sign-in POST against login CSRF. */
  readonly csrfToken: string;
  /** Kept after a failed attempt; never the password. */
  readonly username?: string;
  /** One message for a failed attempt, never saying which of the two was wrong. */
  readonly error?: string;
  /** A message such as "Du er logget ut". */
  readonly notice?: string;
}

/** The sign-in page, shown before there is a user, so without the menu. */
export function renderSignInPage(model: SignInPageModel): string {
  const body =
    model.mode === 'cognito'
      ? html`<h1>Logg inn</h1>
<p>Personvernkonsollen er for saksbehandlere hos OBOS Nærkontor.</p>
<p><a class="button-link" href="/console/sign-in?provider=cognito"><strong>Logg inn med OBOS-konto</strong></a></p>`
      : html`${errorSummary(model.error ? [{ message: model.error, href: 'sign-in-username' }] : [])}
<h1>Logg inn</h1>
<p>Personvernkonsollen er for saksbehandlere hos OBOS Nærkontor.</p>
<form method="post" action="/console/sign-in">
${csrfField(model.csrfToken)}
${inputField({ id: 'sign-in-username', name: 'username', type: 'text', label: 'Brukernavn', required: true, autocomplete: 'username', maxlength: 100, value: model.username })}
${inputField({ id: 'sign-in-password', name: 'password', type: 'password', label: 'Passord', required: true, autocomplete: 'current-password', maxlength: 200 })}
<button type="submit">Logg inn</button>
</form>`;
  return renderConsoleLayout({
    title: model.error ? 'Feil: Logg inn' : 'Logg inn',
    body,
    ...(model.notice && { flash: { kind: 'success' as const, text: model.notice } }),
  });
}
