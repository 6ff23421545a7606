import type { PostalLetter } from '../../../domain/post/postal-letter.js';
import { postalAddressLine } from '../../../domain/post/postal-address-line.js';
import { html } from '../../../platform/html.js';
import type { ConsoleContext } from '../../../web/console/pages/console-context.js';
import { osloDateTime } from '../../../web/console/pages/console-format.js';
import { csrfField } from '../../../web/console/pages/form-controls.js';
import { renderConsoleLayout } from '../../../web/console/pages/layout.js';

/** What each letter by post is, in the staff's words. */
const PURPOSE_LABELS: Readonly<Record<string, string>> = {
  acknowledgement: 'Kvittering',
  'verification-code': 'Kode for identitetskontroll',
  'verification-reminder': 'Påminnelse med ny kode',
  'download-code': 'Kode for nedlasting',
  reply: 'Svar',
  'unverified-closure': 'Avslutning uten bekreftet identitet',
  'extension-notice': 'Varsel om forlenget frist',
  'marketing-stop': 'Bekreftelse på stans av markedsføring',
};

export const purposeLabel = (purpose: string): string => PURPOSE_LABELS[purpose] ?? PURPOSE_LABELS[purpose.split('#')[0] ?? ''] ?? purpose;

/** Link to a letter's PDF (made and kept with the case on first opening). */
export const postalLetterHref = (letter: Pick<PostalLetter, 'requestId' | 'letterId'>): string =>
  `/console/requests/${encodeURIComponent(letter.requestId)}/letter?letter=${encodeURIComponent(letter.letterId)}`;

/**
 * The letters' table with a PDF link and «Merk som postlagt» for each unposted one; used on the
 * page «Til utsending per post» and on a case page.
 */
export function postalLettersTable(context: ConsoleContext, letters: readonly PostalLetter[], { withCase }: { readonly withCase: boolean }) {
  return html`<table>
<caption class="visually-hidden">Brev som går per post</caption>
<thead><tr>${withCase && html`<th scope="col">Sak</th>`}<th scope="col">Brev</th><th scope="col">Mottaker</th><th scope="col">Laget</th><th scope="col">PDF</th><th scope="col">Postlagt</th></tr></thead>
<tbody>
${letters.map(
  (letter) => html`<tr>
${withCase && html`<td><a href="/console/requests/${letter.requestId}">${letter.requestId}</a></td>`}
<td>${purposeLabel(letter.purpose)}</td>
<td>${letter.postal.recipient.name}, ${postalAddressLine(letter.postal.recipient.address)}</td>
<td>${osloDateTime(letter.recordedAt)}</td>
<td><a href="${postalLetterHref(letter)}" download>Last ned PDF<span class="visually-hidden"> (${purposeLabel(letter.purpose)}, ${letter.requestId})</span></a></td>
<td>${
    letter.posted
      ? html`${osloDateTime(letter.posted.at)} av ${letter.posted.by.replace(/^staff:/, '')}`
      : html`<form method="post" action="/console/requests/${letter.requestId}/posted">${csrfField(context.csrfToken)}<input type="hidden" name="letter" value="${letter.letterId}"><button type="submit">Merk som postlagt<span class="visually-hidden"> (${purposeLabel(letter.purpose)}, ${letter.requestId})</span></button></form>`
  }</td>
</tr>`,
)}
</tbody>
</table>`;
}

/** GET /console/post: every letter to a person without e-mail that is not posted yet, oldest first. */
export function renderPostPage(context: ConsoleContext & { readonly letters: readonly PostalLetter[] }): string {
  const body = html`<h1>Til utsending per post</h1>
<p>Brev til personer uten e-postadresse lages som PDF og lagres med saken. Skriv ut brevet, legg det i posten og merk det som postlagt. Et svar som ikke er postlagt, regnes ikke som gitt: fristen løper til det er postlagt.</p>
${context.letters.length === 0 ? html`<p>Ingen brev venter på utsending.</p>` : postalLettersTable(context, context.letters, { withCase: true })}`;
  return renderConsoleLayout({ title: 'Til utsending per post', body, user: context.user, csrfToken: context.csrfToken, section: 'post', flash: context.flash });
}
