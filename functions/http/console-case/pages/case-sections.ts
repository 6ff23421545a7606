import type { AuditEntry, RightsRequest } from '../../../domain/request/rights-request.js';
import { REQUEST_TYPE_LABELS } from '../../../domain/request/request-type-labels.js';
import { html, type SafeHtml } from '../../../platform/html.js';
import { auditEventText } from './audit-event-text.js';
import type { MailAuthenticity, ReceivedEmail } from './case-page-model.js';
import { actorName, osloDateTime } from '../../../web/console/pages/console-format.js';
import { STAFF_CHANNEL_LABELS, STAFF_LANGUAGE_LABELS } from '../../../domain/request/staff-labels.js';
import { GATHER_SOURCE_LABELS, mailPurposeLabel } from '../../../web/console/pages/console-labels.js';

/** The read-only sections of the case page, each a `<section>` named by its heading. */

export const section = (id: string, title: string, content: SafeHtml): SafeHtml =>
  html`<section aria-labelledby="${id}">
<h2 id="${id}">${title}</h2>
${content}
</section>`;

const time = (instant: string): SafeHtml => html`<time datetime="${instant}">${osloDateTime(instant)}</time>`;

const VERDICT_WORDS: Readonly<Record<string, string>> = {
  PASS: 'bestått',
  FAIL: 'feilet',
  GRAY: 'ikke avgjort',
  PROCESSING_FAILED: 'kunne ikke sjekkes',
  DISABLED: 'ikke sjekket',
};

const verdict = (value: string): string => `${VERDICT_WORDS[value] ?? value} (${value})`;

/** Verdicts as the intake recorded them on the case, when the handler gave none. */
function authenticityFromAudit(trail: readonly AuditEntry[]): MailAuthenticity | undefined {
  const entry = trail.find((e) => e.event === 'mail.request_received' || e.event === 'mail.triaged');
  const d = entry?.detail;
  if (!d || typeof d['spf'] !== 'string' || typeof d['dkim'] !== 'string' || typeof d['dmarc'] !== 'string') return undefined;
  return { spf: d['spf'], dkim: d['dkim'], dmarc: d['dmarc'], addressTrusted: d['senderAddressTrusted'] === true };
}

function emailFacts(email: ReceivedEmail | undefined, trail: readonly AuditEntry[]): SafeHtml {
  const auth = email?.authentication ?? authenticityFromAudit(trail);
  return html`<h3>E-posten</h3>
<dl class="facts">
${email?.from && html`<dt>Avsender</dt><dd>${email.from}</dd>`}
${email?.subject !== undefined && html`<dt>Emne</dt><dd>${email.subject}</dd>`}
${auth &&
html`<dt>SPF</dt><dd>${verdict(auth.spf)}</dd><dt>DKIM</dt><dd>${verdict(auth.dkim)}</dd><dt>DMARC</dt><dd>${verdict(auth.dmarc)}</dd>`}
<dt>Vedlegg</dt><dd>${email?.attachmentNames?.length
    ? html`<ul>${email.attachmentNames.map((name) => html`<li>${name}</li>`)}</ul>`
    : email
      ? 'Ingen'
      : 'Ikke lest inn'}</dd>
</dl>
${auth &&
!auth.addressTrusted &&
html`<p class="notice"><strong>Avsenderadressen er ikke bekreftet (DMARC).</strong> Den kan være forfalsket. Identiteten må bekreftes via registrert kontaktinformasjon, aldri via denne adressen.</p>`}
${email?.messageText !== undefined && html`<h3>Meldingsteksten</h3><div class="message-text">${email.messageText}</div>`}`;
}

/** "Henvendelsen": the request as received, with the e-mail's text and authenticity for e-mail. */
export function requestSection(request: RightsRequest, email: ReceivedEmail | undefined, trail: readonly AuditEntry[]): SafeHtml {
  const { requester } = request;
  return section(
    'section-request',
    'Henvendelsen',
    html`<dl class="facts">
<dt>Kanal</dt><dd>${STAFF_CHANNEL_LABELS[request.channel]}</dd>
<dt>Mottatt</dt><dd>${time(request.receivedAt)} (norsk tid)</dd>
<dt>Gjelder</dt><dd><ul>${request.types.map((t) => html`<li>${REQUEST_TYPE_LABELS[t].nb}</li>`)}</ul></dd>
<dt>Navn</dt><dd>${requester.name}</dd>
<dt>E-post</dt><dd>${requester.email}</dd>
<dt>Telefon</dt><dd>${requester.phone ?? 'Ikke oppgitt'}</dd>
<dt>Svarspråk</dt><dd>${STAFF_LANGUAGE_LABELS[request.language]}</dd>
${request.marketingStop &&
html`<dt>Markedsføring</dt><dd>Stanset ${time(request.marketingStop.at)} (norsk tid) på e-post, SMS, telefon og adressert post, for ${request.marketingStop.customers} kundeforhold${request.marketingStop.suppressed ? '; adressen er satt på sperrelisten' : ''}. Dette kan ikke avslås eller avsluttes som grunnløst.</dd>`}
</dl>
<h3>Beskrivelse fra den registrerte</h3>
${request.details ? html`<div class="message-text">${request.details}</div>` : html`<p>Ingen beskrivelse.</p>`}
${request.channel === 'email' && emailFacts(email, trail)}`,
  );
}

/** "Identitetskontroll": how (and whether) the requester's identity was confirmed. */
export function verificationSection(request: RightsRequest): SafeHtml {
  const v = request.verification;
  const content = !v
    ? html`<p>Identitetskontrollen er ikke startet.</p>`
    : html`<dl class="facts">
<dt>Status</dt><dd>${v.status === 'verified' ? 'Bekreftet' : 'Venter på bekreftelse'}</dd>
<dt>Gjelder</dt><dd>${v.subject === 'customer' ? 'Registrert kunde' : 'Ikke kunde: bare adressen kontrolleres'}</dd>
${v.method && html`<dt>Metode</dt><dd>${v.method === 'code' ? 'Kode til registrert kontaktinformasjon' : 'Manuell kontroll'}</dd>`}
${v.verifiedAt && html`<dt>Bekreftet</dt><dd>${time(v.verifiedAt)}${v.verifiedBy && html` av ${actorName(v.verifiedBy)}`}</dd>`}
${v.reason && html`<dt>Begrunnelse</dt><dd>${v.reason}</dd>`}
${v.remindedAt && html`<dt>Påminnelse sendt</dt><dd>${time(v.remindedAt)}</dd>`}
<dt>Kundeforhold funnet</dt><dd>${request.customerIds?.length ?? 0}</dd>
</dl>`;
  return section('section-verification', 'Identitetskontroll', content);
}

/** "Innhentet": how many records each source returned (the latest gathering per source). */
export function gatheredSection(trail: readonly AuditEntry[]): SafeHtml {
  const bySource = new Map<string, number>();
  for (const entry of trail) {
    const source = entry.detail?.['source'];
    const records = entry.detail?.['records'];
    if (entry.event === 'data.gathered' && typeof source === 'string' && typeof records === 'number') bySource.set(source, records);
  }
  const content =
    bySource.size === 0
      ? html`<p>Ingenting er innhentet ennå.</p>`
      : html`<table>
<caption>Poster per kilde</caption>
<thead><tr><th scope="col">Kilde</th><th scope="col">Poster</th></tr></thead>
<tbody>${[...bySource].map(([source, records]) => html`<tr><th scope="row">${GATHER_SOURCE_LABELS[source] ?? source}</th><td>${records}</td></tr>`)}</tbody>
</table>`;
  return section('section-gathered', 'Innhentet', content);
}

/** "E-post": letters we sent (by purpose) and follow-up mails that reached the case. */
export function mailSection(request: RightsRequest, trail: readonly AuditEntry[]): SafeHtml {
  const sent = Object.entries(request.mailsSent).sort(([, a], [, b]) => Date.parse(a.sentAt) - Date.parse(b.sentAt));
  const followUps = trail.filter((e) => e.event === 'mail.followup_received');
  return section(
    'section-mail',
    'E-post',
    html`<h3>Sendt</h3>
${sent.length === 0
  ? html`<p>Ingen e-post er sendt.</p>`
  : html`<ul>${sent.map(([purpose, mail]) => html`<li>${mailPurposeLabel(purpose)}: ${time(mail.sentAt)}</li>`)}</ul>`}
<h3>Mottatte oppfølginger</h3>
${followUps.length === 0
  ? html`<p>Ingen oppfølginger er mottatt.</p>`
  : html`<ul>${followUps.map((e) => {
      const d = e.detail ?? {};
      const fromRequester = d['fromRequester'] === true ? 'fra den registrertes adresse' : 'fra en annen adresse';
      const trusted = d['senderAddressTrusted'] === true ? '' : ', avsender ikke bekreftet (DMARC)';
      return html`<li>${time(e.at)}: ${fromRequester}${trusted}</li>`;
    })}</ul>`}`,
  );
}

/** "Historikk": the audit trail in time order, in words, with who and why. */
export function historySection(trail: readonly AuditEntry[]): SafeHtml {
  const ordered = [...trail].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return section(
    'section-history',
    'Historikk',
    ordered.length === 0
      ? html`<p>Ingen hendelser er registrert.</p>`
      : html`<ol class="timeline">${ordered.map(
          (e) =>
            html`<li>${time(e.at)} – <strong>${actorName(e.actor)}</strong>: ${auditEventText(e)}${e.reason && html`<br>Begrunnelse: ${e.reason}`}</li>`,
        )}</ol>`,
  );
}
