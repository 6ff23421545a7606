import { html, type SafeHtml } from '../../platform/html.js';
import { formatOsloDateTime } from '../letter-format/format-calendar-date.js';
import { requestTypeLabel } from '../request/request-type-labels.js';
import type { Language } from '../request/request-vocabulary.js';
import type { ExportPackage } from './export-package.js';
import { customerAuditEventLabel, customerStatusLabel } from './report-labels.js';

type Text = Readonly<Record<Language, string>>;

const T = {
  earlier: { nb: 'Tidligere henvendelser fra deg', nn: 'Tidlegare førespurnader frå deg', en: 'Your earlier requests' },
  earlierIntro: {
    nb: 'Henvendelser om personvern du har sendt oss før denne, og hvordan de endte.',
    nn: 'Førespurnader om personvern du har sendt oss før denne, og korleis dei enda.',
    en: 'Privacy requests you sent us before this one, and how they ended.',
  },
  noEarlier: { nb: 'Vi har ingen tidligere henvendelser fra deg.', nn: 'Vi har ingen tidlegare førespurnader frå deg.', en: 'We hold no earlier requests from you.' },
  reference: { nb: 'Referanse', nn: 'Referanse', en: 'Reference' },
  received: { nb: 'Mottatt', nn: 'Motteken', en: 'Received' },
  types: { nb: 'Du ba om', nn: 'Du bad om', en: 'You asked for' },
  outcome: { nb: 'Utfall', nn: 'Utfall', en: 'Outcome' },
  closed: { nb: 'Avsluttet', nn: 'Avslutta', en: 'Closed' },
  correspondence: { nb: 'Korrespondanse', nn: 'Korrespondanse', en: 'Correspondence' },
  correspondenceIntro: {
    nb: 'E-post du har sendt til oss og brev vi har sendt deg i sakene over. Vi tar ikke vare på teksten i brevene etter at de er sendt, derfor står det hva slags brev det var.',
    nn: 'E-post du har sendt til oss og brev vi har sendt deg i sakene over. Vi tek ikkje vare på teksten i breva etter at dei er sende, difor står det kva slags brev det var.',
    en: 'E-mails you sent us and letters we sent you in the cases above. We do not keep the text of our letters once they are sent, so the table says what kind of letter each was.',
  },
  noCorrespondence: { nb: 'Vi har ingen korrespondanse med deg i dette systemet.', nn: 'Vi har ingen korrespondanse med deg i dette systemet.', en: 'We hold no correspondence with you in this system.' },
  when: { nb: 'Tidspunkt', nn: 'Tidspunkt', en: 'Time' },
  direction: { nb: 'Retning', nn: 'Retning', en: 'Direction' },
  fromYou: { nb: 'Fra deg', nn: 'Frå deg', en: 'From you' },
  toYou: { nb: 'Til deg', nn: 'Til deg', en: 'To you' },
  what: { nb: 'Hva', nn: 'Kva', en: 'What' },
  trail: { nb: 'Saksgangen i denne saken', nn: 'Saksgangen i denne saka', en: 'The history of this case' },
  trailIntro: {
    nb: 'Alt som er registrert i saken, i rekkefølge. Navnene på de ansatte som har behandlet saken, er ikke tatt med.',
    nn: 'Alt som er registrert i saka, i rekkjefølgje. Namna på dei tilsette som har behandla saka, er ikkje tekne med.',
    en: 'Everything recorded in the case, in order. The names of the staff who handled it are left out.',
  },
  event: { nb: 'Hendelse', nn: 'Hending', en: 'Event' },
  status: { nb: 'Status', nn: 'Status', en: 'Status' },
  by: { nb: 'Utført av', nn: 'Utført av', en: 'Done by' },
  notHeld: { nb: 'Opplysninger vi ikke har i dette systemet', nn: 'Opplysningar vi ikkje har i dette systemet', en: 'Data we do not hold in this system' },
  notHeldIntro: {
    nb: 'Vi behandler også disse opplysningene, men de ligger utenfor dette systemet og er derfor ikke med i kopien. Slik får du dem:',
    nn: 'Vi behandlar også desse opplysningane, men dei ligg utanfor dette systemet og er difor ikkje med i kopien. Slik får du dei:',
    en: 'We also process these data, but they are held outside this system and are therefore not in the copy. This is how to get them:',
  },
  category: { nb: 'Opplysninger', nn: 'Opplysningar', en: 'Data' },
  heldBy: { nb: 'Hvor de er', nn: 'Kvar dei er', en: 'Where they are held' },
  howToGet: { nb: 'Slik får du dem', nn: 'Slik får du dei', en: 'How to get them' },
  notClosed: { nb: 'ikke avsluttet ennå', nn: 'ikkje avslutta enno', en: 'not closed yet' },
  notClosedLegend: {
    nb: 'En strek (–) under «Avsluttet» betyr at saken ikke er avsluttet ennå.',
    nn: 'Ein strek (–) under «Avslutta» tyder at saka ikkje er avslutta enno.',
    en: 'A dash (–) under “Closed” means the case is not closed yet.',
  },
  noStatusChange: { nb: 'ingen endring av status', nn: 'inga endring av status', en: 'no change of status' },
  noStatusChangeLegend: {
    nb: 'En strek (–) under «Status» betyr at hendelsen ikke endret status på saken.',
    nn: 'Ein strek (–) under «Status» tyder at hendinga ikkje endra status på saka.',
    en: 'A dash (–) under “Status” means the event did not change the status of the case.',
  },
  noEarlierStatus: { nb: 'ingen status før', nn: 'ingen status før', en: 'no status before' },
} as const satisfies Record<string, Text>;

const BY: Readonly<Record<'requester' | 'staff' | 'system', Text>> = {
  requester: { nb: 'deg', nn: 'deg', en: 'you' },
  staff: { nb: 'en saksbehandler', nn: 'ein saksbehandlar', en: 'a case handler' },
  system: { nb: 'systemet', nn: 'systemet', en: 'the system' },
};

const instant = formatOsloDateTime;

/** An empty cell: a dash, with what it means in its title (and in the legend under the table). */
const dash = (meaning: string): SafeHtml => html`<abbr title="${meaning}">–</abbr>`;

/** «mottatt → til godkjenning», or a dash for an event that changed no status. */
function statusChange(entry: ExportPackage['auditTrail'][number], language: Language): SafeHtml {
  if (!entry.toStatus) return dash(T.noStatusChange[language]);
  const from = entry.fromStatus ? customerStatusLabel(entry.fromStatus)[language] : dash(T.noEarlierStatus[language]);
  return html`${from} → ${customerStatusLabel(entry.toStatus)[language]}`;
}

/** The report's table of contents entries for the sections below. */
export const historySectionLinks = (language: Language): [string, string][] => [
  ['earlier-requests', T.earlier[language]],
  ['correspondence', T.correspondence[language]],
  ['audit-trail', T.trail[language]],
  ['not-held', T.notHeld[language]],
];

/**
 * The report's sections on the person's request history (earlier requests with outcomes, every
 * mail each way, this case's trail) and on what the privacy statement names that is held
 * elsewhere (Art. 15(1), 15(3)).
 */
export function historySections(pkg: ExportPackage): SafeHtml {
  const language = pkg.language;
  return html`<section id="earlier-requests" aria-labelledby="heading-earlier-requests">
<h2 id="heading-earlier-requests">${T.earlier[language]}</h2>
<p>${T.earlierIntro[language]}</p>
${
  pkg.earlierRequests.length === 0
    ? html`<p>${T.noEarlier[language]}</p>`
    : html`<div class="table-wrap"><table>
<caption>${T.earlier[language]} (${pkg.earlierRequests.length})</caption>
<thead><tr><th scope="col">${T.reference[language]}</th><th scope="col">${T.received[language]}</th><th scope="col">${T.types[language]}</th><th scope="col">${T.outcome[language]}</th><th scope="col">${T.closed[language]}</th></tr></thead>
<tbody>${pkg.earlierRequests.map(
        (earlier) =>
          html`<tr><td>${earlier.reference}</td><td>${instant(earlier.receivedAt, language)}</td><td>${earlier.types.map((type) => requestTypeLabel(type, language)).join(', ')}</td><td>${earlier.outcomeText}</td><td>${earlier.closedAt ? instant(earlier.closedAt, language) : dash(T.notClosed[language])}</td></tr>`,
      )}</tbody>
</table></div>
${pkg.earlierRequests.some((earlier) => !earlier.closedAt) && html`<p class="legend">${T.notClosedLegend[language]}</p>`}`
}
</section>
<section id="correspondence" aria-labelledby="heading-correspondence">
<h2 id="heading-correspondence">${T.correspondence[language]}</h2>
<p>${T.correspondenceIntro[language]}</p>
${
  pkg.correspondence.length === 0
    ? html`<p>${T.noCorrespondence[language]}</p>`
    : html`<div class="table-wrap"><table>
<caption>${T.correspondence[language]} (${pkg.correspondence.length})</caption>
<thead><tr><th scope="col">${T.when[language]}</th><th scope="col">${T.direction[language]}</th><th scope="col">${T.reference[language]}</th><th scope="col">${T.what[language]}</th></tr></thead>
<tbody>${pkg.correspondence.map(
        (item) =>
          html`<tr><td>${instant(item.at, language)}</td><td>${item.direction === 'received' ? T.fromYou[language] : T.toYou[language]}</td><td>${item.reference}</td><td>${item.summary}</td></tr>`,
      )}</tbody>
</table></div>`
}
</section>
<section id="audit-trail" aria-labelledby="heading-audit-trail">
<h2 id="heading-audit-trail">${T.trail[language]}</h2>
<p>${T.trailIntro[language]}</p>
<div class="table-wrap"><table>
<caption>${T.trail[language]} (${pkg.auditTrail.length})</caption>
<thead><tr><th scope="col">${T.when[language]}</th><th scope="col">${T.event[language]}</th><th scope="col">${T.status[language]}</th><th scope="col">${T.by[language]}</th></tr></thead>
<tbody>${pkg.auditTrail.map(
    (entry) =>
      html`<tr><td>${instant(entry.at, language)}</td><td>${customerAuditEventLabel(entry.event)[language]}</td><td>${statusChange(entry, language)}</td><td>${BY[entry.by][language]}</td></tr>`,
  )}</tbody>
</table></div>
${pkg.auditTrail.some((entry) => !entry.toStatus) && html`<p class="legend">${T.noStatusChangeLegend[language]}</p>`}
</section>
<section id="not-held" aria-labelledby="heading-not-held">
<h2 id="heading-not-held">${T.notHeld[language]}</h2>
<p>${T.notHeldIntro[language]}</p>
<div class="table-wrap"><table>
<caption>${T.notHeld[language]}</caption>
<thead><tr><th scope="col">${T.category[language]}</th><th scope="col">${T.heldBy[language]}</th><th scope="col">${T.howToGet[language]}</th></tr></thead>
<tbody>${pkg.notHeld.map((entry) => html`<tr><td>${entry.category}</td><td>${entry.heldBy}</td><td>${entry.howToGet}</td></tr>`)}</tbody>
</table></div>
</section>`;
}
