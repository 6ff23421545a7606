import { createHash } from 'node:crypto';
import { html, raw, type HtmlValue, type SafeHtml } from '../../platform/html.js';
import {
  AUTOMATED_DECISIONS,
  GENERAL_RECIPIENTS,
  RIGHTS,
  type Localised,
} from '../letters/art15-information.js';
import { formatCalendarDate, formatOsloDateTime } from '../letter-format/format-calendar-date.js';
import { REMEDIES } from '../letters/letter.js';
import { gdpr } from '../letter-format/legal-citations.js';
import type { RecordCategory } from '../plan/action-plan.js';
import { requestTypeLabel } from '../request/request-type-labels.js';
import { LANGUAGE_LOCALES, type Language } from '../request/request-vocabulary.js';
import { ENUM_LABELS, EXPORT_FIELDS, type ExportField } from './export-fields.js';
import { historySectionLinks, historySections } from './export-report-history.js';
import type { ExportCategory, ExportPackage } from './export-package.js';


/** Plain, printable, WCAG AA contrast; no script, no external resource. */
const REPORT_CSS = `body{margin:0 auto;max-width:60rem;padding:1.5rem 1rem 3rem;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:1rem;line-height:1.5;color:#1a1a1a;background:#fff}
h1{font-size:1.75rem;line-height:1.2}h2{font-size:1.375rem;margin-top:2.5rem;border-bottom:2px solid #0047ba}h3{font-size:1.125rem;margin-top:1.5rem}
a{color:#0047ba}
table{border-collapse:collapse;width:100%;margin:.75rem 0 1rem}
caption{text-align:left;font-weight:700;padding:.25rem 0}
th,td{border:1px solid #6b6b6b;padding:.375rem .5rem;text-align:left;vertical-align:top}
th{background:#f2f2f2}
td.multiline{white-space:pre-wrap}
dl{margin:.5rem 0}dt{font-weight:700;margin-top:.5rem}dd{margin:0 0 .25rem 0}
.table-wrap{overflow-x:auto}
.note{border-left:4px solid #0047ba;padding:.25rem .75rem;margin:1rem 0}
.legend{font-size:.9375rem;margin-top:-.5rem}
@media print{h2{break-after:avoid}tr{break-inside:avoid}.table-wrap{overflow:visible}}`;

const CSS_HASH = createHash('sha256').update(REPORT_CSS, 'utf8').digest('base64');
const META_POLICY = `default-src 'none'; style-src 'sha256-${CSS_HASH}'; base-uri 'none'; form-action 'none'`;

/**
 * The Content-Security-Policy to serve the report with: its own stylesheet and nothing else, so no
 * value from the records can ever run as script, in the browser or in a saved copy.
 */
export const REPORT_CONTENT_SECURITY_POLICY = `${META_POLICY}; frame-ancestors 'none'`;

type Text = Readonly<Record<Language, string>>;

/** A heading with the point of Art. 15(1) it answers, cited in the one style of `legal-citations.ts`. */
function art15Heading(nb: string, nn: string, en: string, point: string): Text {
  const citation = gdpr({ number: 15, paragraph: 1, point });
  return { nb: `${nb} (${citation.nb})`, nn: `${nn} (${citation.nn})`, en: `${en} (${citation.en})` };
}

/** An item of a running list: only the first starts with a capital. */
const inList = (label: string, index: number): string => (index === 0 ? label : label.charAt(0).toLowerCase() + label.slice(1));

const T = {
  title: { nb: 'Personopplysninger om deg hos OBOS Nærkontor AS', nn: 'Personopplysningar om deg hos OBOS Nærkontor AS', en: 'Your personal data at OBOS Nærkontor AS' },
  intro: {
    nb: 'Dette er kopien av personopplysningene vi har om deg (personvernforordningen artikkel 15), med informasjon om hvordan vi behandler dem.',
    nn: `Dette er kopien av personopplysningane vi har om deg (${gdpr({ number: 15 }).nn}), med informasjon om korleis vi behandlar dei.`,
    en: 'This is the copy of the personal data we hold about you (Article 15 of the General Data Protection Regulation), with information about how we process them.',
  },
  reference: { nb: 'Referanse', nn: 'Referanse', en: 'Reference' },
  produced: { nb: 'Laget', nn: 'Laga', en: 'Produced' },
  dataAsOf: { nb: 'Opplysningene er hentet', nn: 'Opplysningane er henta', en: 'Data collected' },
  contents: { nb: 'Innhold', nn: 'Innhald', en: 'Contents' },
  summary: { nb: 'Hva vi har om deg', nn: 'Kva vi har om deg', en: 'What we hold about you' },
  summaryIntro: {
    nb: 'Tabellen viser hvor mange oppføringer vi har i hver kategori. Står det 0, har vi ingen opplysninger om deg i den kategorien.',
    nn: 'Tabellen viser kor mange oppføringar vi har i kvar kategori. Står det 0, har vi ingen opplysningar om deg i den kategorien.',
    en: 'The table shows how many records we hold in each category. A 0 means we hold no data about you in that category.',
  },
  category: { nb: 'Kategori', nn: 'Kategori', en: 'Category' },
  records: { nb: 'Oppføringer', nn: 'Oppføringar', en: 'Records' },
  none: { nb: 'Vi har ingen opplysninger om deg i denne kategorien.', nn: 'Vi har ingen opplysningar om deg i denne kategorien.', en: 'We hold no data about you in this category.' },
  emptyCell: { nb: 'ikke registrert', nn: 'ikkje registrert', en: 'not recorded' },
  emptyLegend: {
    nb: 'En strek (–) i en tabell betyr at feltet er tomt: vi har ikke registrert noen verdi der.',
    nn: 'Ein strek (–) i ein tabell tyder at feltet er tomt: vi har ikkje registrert nokon verdi der.',
    en: 'A dash (–) in a table means the field is empty: we have not recorded any value there.',
  },
  field: { nb: 'Opplysning', nn: 'Opplysning', en: 'Item' },
  value: { nb: 'Verdi', nn: 'Verdi', en: 'Value' },
  purposes: art15Heading('Formål', 'Føremål', 'Purposes', 'a'),
  recipients: art15Heading('Mottakere', 'Mottakarar', 'Recipients', 'c'),
  retention: art15Heading('Lagringstid', 'Lagringstid', 'Storage period', 'd'),
  source: art15Heading('Kilde', 'Kjelde', 'Source', 'g'),
  noRecipients: { nb: 'Ingen eksterne mottakere utover dem som er nevnt under «Om behandlingen».', nn: 'Ingen eksterne mottakarar utover dei som er nemnde under «Om behandlinga».', en: 'No external recipients beyond those listed under “How we process your data”.' },
  processing: { nb: 'Om behandlingen', nn: 'Om behandlinga', en: 'How we process your data' },
  categoriesHeading: art15Heading('Kategorier av opplysninger', 'Kategoriar av opplysningar', 'Categories of personal data', 'b'),
  categoriesText: {
    nb: 'Kategoriene er de som er listet under «Hva vi har om deg». For hver kategori står formål, mottakere, lagringstid og kilde sammen med opplysningene.',
    nn: 'Kategoriane er dei som er lista opp under «Kva vi har om deg». For kvar kategori står føremål, mottakarar, lagringstid og kjelde saman med opplysningane.',
    en: 'The categories are those listed under “What we hold about you”. Purposes, recipients, storage period and source are given with the data of each category.',
  },
  generalRecipients: art15Heading('Mottakere av alle kategorier', 'Mottakarar av alle kategoriar', 'Recipients of every category', 'c'),
  namedRecipients: art15Heading('Mottakere med navn og land', 'Mottakarar med namn og land', 'Recipients by name and country', 'c'),
  processors: {
    nb: 'Alle som behandler opplysninger for oss, gjør det etter databehandleravtaler med krav til personvern og informasjonssikkerhet.',
    nn: 'Alle som behandlar opplysningar for oss, gjer det etter databehandlaravtalar med krav til personvern og informasjonstryggleik.',
    en: 'Everyone who processes data for us does so under data-processing agreements that require data protection and information security.',
  },
  rights: art15Heading('Rettighetene dine', 'Rettane dine', 'Your rights', 'e'),
  complaint: art15Heading('Klage', 'Klage', 'Complaints', 'f'),
  automated: art15Heading('Automatiserte avgjørelser og profilering', 'Automatiserte avgjerder og profilering', 'Automated decisions and profiling', 'h'),
  request: { nb: 'Henvendelsen din', nn: 'Førespurnaden din', en: 'Your request' },
  requestIntro: {
    nb: 'Henvendelsen din til oss er også personopplysninger om deg. Vi oppbevarer den for å dokumentere hvordan vi har behandlet den.',
    nn: 'Førespurnaden din til oss er også personopplysningar om deg. Vi oppbevarer han for å dokumentere korleis vi har handsama han.',
    en: 'Your request to us is also personal data about you. We keep it to document how we handled it.',
  },
  receivedAt: { nb: 'Mottatt', nn: 'Motteken', en: 'Received' },
  channel: { nb: 'Kanal', nn: 'Kanal', en: 'Channel' },
  types: { nb: 'Du ba om', nn: 'Du bad om', en: 'You asked for' },
  name: { nb: 'Navn', nn: 'Namn', en: 'Name' },
  email: { nb: 'E-post', nn: 'E-post', en: 'E-mail' },
  phone: { nb: 'Telefon', nn: 'Telefon', en: 'Phone' },
  details: { nb: 'Det du skrev', nn: 'Det du skreiv', en: 'What you wrote' },
  notes: { nb: 'Merknader', nn: 'Merknader', en: 'Notes' },
  dataFile: { nb: 'Om datafilen', nn: 'Om datafila', en: 'About the data file' },
  dataFileText: {
    nb: 'Den samme kopien finnes som maskinlesbar fil (data.json). Filen har formatet {format}, versjon {version}, og beskriver selv hva hvert felt betyr (feltet «fields» i hver kategori). Beløp er i øre, datoer er ÅÅÅÅ-MM-DD og tidspunkter ISO 8601 med tidssone.',
    nn: 'Den same kopien finst som maskinlesbar fil (data.json). Fila har formatet {format}, versjon {version}, og skildrar sjølv kva kvart felt tyder (feltet «fields» i kvar kategori). Beløp er i øre, datoar er ÅÅÅÅ-MM-DD og tidspunkt ISO 8601 med tidssone.',
    en: 'The same copy is available as a machine-readable file (data.json). The file has the format {format}, version {version}, and describes what each field means (the “fields” entry of each category). Amounts are in øre, dates are YYYY-MM-DD and times ISO 8601 with a time zone.',
  },
  yes: { nb: 'Ja', nn: 'Ja', en: 'Yes' },
  no: { nb: 'Nei', nn: 'Nei', en: 'No' },
} as const satisfies Record<string, Text>;

const CHANNEL_NAMES: Readonly<Record<string, Localised>> = {
  web: { nb: 'nettskjema', nn: 'nettskjema', en: 'web form' },
  email: { nb: 'e-post', nn: 'e-post', en: 'e-mail' },
  phone: { nb: 'telefon', nn: 'telefon', en: 'phone' },
  post: { nb: 'brev', nn: 'brev', en: 'letter' },
};

const valueAt = (record: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), record);

/** A stored value as a person reads it; empty for a value the record does not have. */
function formatValue(value: unknown, field: ExportField, language: Language): string {
  if (value === undefined || value === null || value === '') return '';
  switch (field.format) {
    case 'date':
      return typeof value === 'string' ? formatCalendarDate(value, language) : String(value);
    case 'instant':
      return formatOsloDateTime(String(value), language);
    case 'amount':
      return new Intl.NumberFormat(LANGUAGE_LOCALES[language], { style: 'currency', currency: 'NOK' }).format(Number(value) / 100);
    case 'boolean':
      return value ? T.yes[language] : T.no[language];
    case 'enum':
      return ENUM_LABELS[String(value)]?.[language] ?? String(value);
    case 'address': {
      const address = value as { street?: string; postalCode?: string; city?: string };
      return [address.street, [address.postalCode, address.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
    }
    default:
      return String(value);
  }
}

const isEmpty = (record: unknown, field: ExportField, language: Language): boolean =>
  formatValue(valueAt(record, field.path), field, language) === '';

/** Under a table with a dash in it: what the dash means, where the reader sees it. */
const emptyFootnote = (records: readonly unknown[], fields: readonly ExportField[], language: Language): SafeHtml | false =>
  records.some((record) => fields.some((field) => isEmpty(record, field, language))) && html`<p class="legend">${T.emptyLegend[language]}</p>`;

function cell(record: unknown, field: ExportField, language: Language): SafeHtml {
  const text = formatValue(valueAt(record, field.path), field, language);
  // Never an empty cell: a dash, explained once above the tables and by its title here.
  if (text === '') return html`<td><abbr title="${T.emptyCell[language]}">–</abbr></td>`;
  return field.format === 'multiline' ? html`<td class="multiline">${text}</td>` : html`<td>${text}</td>`;
}

/** One record per row; a single profile reads better as label/value rows. */
function recordsTable(category: ExportCategory, records: readonly unknown[], language: Language): SafeHtml {
  const fields = EXPORT_FIELDS[category.category];
  if (records.length === 0) return html`<p>${T.none[language]}</p>`;
  if (category.category === 'profile') {
    return html`${records.map(
      (record) => html`<div class="table-wrap"><table>
<caption>${category.label}</caption>
<thead><tr><th scope="col">${T.field[language]}</th><th scope="col">${T.value[language]}</th></tr></thead>
<tbody>${fields.map((field) => html`<tr><th scope="row">${field.label[language]}</th>${cell(record, field, language)}</tr>`)}</tbody>
</table></div>`,
    )}
${emptyFootnote(records, fields, language)}`;
  }
  return html`<div class="table-wrap"><table>
<caption>${category.label} (${records.length})</caption>
<thead><tr>${fields.map((field) => html`<th scope="col">${field.label[language]}</th>`)}</tr></thead>
<tbody>${records.map((record) => html`<tr>${fields.map((field) => cell(record, field, language))}</tr>`)}</tbody>
</table></div>
${emptyFootnote(records, fields, language)}`;
}

const list = (items: readonly HtmlValue[]): SafeHtml => html`<ul>${items.map((item) => html`<li>${item}</li>`)}</ul>`;

function categorySection(pkg: ExportPackage, category: ExportCategory): SafeHtml {
  const language = pkg.language;
  const records = (pkg.records as Partial<Record<RecordCategory, readonly unknown[]>>)[category.category] ?? [];
  return html`<section id="category-${category.category}" aria-labelledby="heading-${category.category}">
<h2 id="heading-${category.category}">${category.label}</h2>
${recordsTable(category, records, language)}
<dl>
<dt>${T.purposes[language]}</dt><dd>${list(category.purposes)}</dd>
<dt>${T.recipients[language]}</dt><dd>${category.recipients.length ? list(category.recipients) : T.noRecipients[language]}</dd>
<dt>${T.retention[language]}</dt><dd>${category.retention}</dd>
<dt>${T.source[language]}</dt><dd>${category.source}</dd>
</dl>
</section>`;
}

function requestSection(pkg: ExportPackage): SafeHtml {
  const language = pkg.language;
  const request = pkg.request;
  const instant: ExportField = { path: 'receivedAt', label: T.receivedAt, format: 'instant' };
  const rows: [string, HtmlValue][] = [
    [T.reference[language], request.reference],
    [T.receivedAt[language], formatValue(request.receivedAt, instant, language)],
    [T.channel[language], CHANNEL_NAMES[request.channel]?.[language] ?? request.channel],
    [T.types[language], request.types.map((type, index) => inList(requestTypeLabel(type, language), index)).join(', ')],
    [T.name[language], request.requester.name],
    ...(request.requester.email ? ([[T.email[language], request.requester.email]] as [string, HtmlValue][]) : []),
    ...(request.requester.phone ? ([[T.phone[language], request.requester.phone]] as [string, HtmlValue][]) : []),
    ...(request.details ? ([[T.details[language], request.details]] as [string, HtmlValue][]) : []),
  ];
  return html`<section id="request" aria-labelledby="heading-request">
<h2 id="heading-request">${T.request[language]}</h2>
<p>${T.requestIntro[language]}</p>
<div class="table-wrap"><table>
<caption>${T.request[language]}</caption>
<tbody>${rows.map(([label, value]) => html`<tr><th scope="row">${label}</th><td class="multiline">${value}</td></tr>`)}</tbody>
</table></div>
</section>`;
}

function processingSection(pkg: ExportPackage): SafeHtml {
  const language = pkg.language;
  return html`<section id="processing" aria-labelledby="heading-processing">
<h2 id="heading-processing">${T.processing[language]}</h2>
<h3>${T.categoriesHeading[language]}</h3>
<p>${T.categoriesText[language]}</p>
<h3>${T.generalRecipients[language]}</h3>
${list(GENERAL_RECIPIENTS.map((recipient) => recipient[language]))}
${pkg.recipients.length > 0 && html`<h3>${T.namedRecipients[language]}</h3>${list(pkg.recipients.map((recipient) => recipient.text))}`}
<p>${T.processors[language]}</p>
<h3>${T.rights[language]}</h3>
<p>${RIGHTS[language]}</p>
<h3>${T.complaint[language]}</h3>
<p>${REMEDIES[language]}</p>
<h3>${T.automated[language]}</h3>
<p>${AUTOMATED_DECISIONS[language]}</p>
</section>`;
}

/**
 * The readable report of an export package, in the requester's language: every exported category
 * with all its records in tables, the Art. 15(1)(a)–(h) information, the request itself and what
 * the data file is. A complete HTML document with one inline stylesheet and no script; serve it
 * with {@link REPORT_CONTENT_SECURITY_POLICY}.
 */
export function renderExportReport(pkg: ExportPackage): string {
  const language = pkg.language;
  const instant: ExportField = { path: '', label: T.produced, format: 'instant' };
  const asOf = [...new Set([pkg.dataAsOf.subscriptions, pkg.dataAsOf.billing, pkg.dataAsOf.accessLog])].sort()[0] ?? pkg.exportedAt;
  const dataFileText = T.dataFileText[language].replace('{format}', pkg.format).replace('{version}', pkg.schemaVersion);
  const sections: [string, string][] = [
    ['summary', T.summary[language]],
    ...pkg.categories.map((category): [string, string] => [`category-${category.category}`, category.label]),
    ['processing', T.processing[language]],
    ['request', T.request[language]],
    ...historySectionLinks(language),
    ['data-file', T.dataFile[language]],
  ];
  return html`<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${META_POLICY}">
<title>${T.title[language]} – ${pkg.reference}</title>
<style>${raw(REPORT_CSS)}</style>
</head>
<body>
<main>
<h1>${T.title[language]}</h1>
<p>${T.intro[language]}</p>
<dl>
<dt>${T.reference[language]}</dt><dd>${pkg.reference}</dd>
<dt>${T.produced[language]}</dt><dd>${formatValue(pkg.exportedAt, instant, language)}</dd>
<dt>${T.dataAsOf[language]}</dt><dd>${formatValue(asOf, instant, language)}</dd>
</dl>
<nav aria-labelledby="heading-contents">
<h2 id="heading-contents">${T.contents[language]}</h2>
<ol>${sections.map(([id, label]) => html`<li><a href="#${id}">${label}</a></li>`)}</ol>
</nav>
<section id="summary" aria-labelledby="heading-summary">
<h2 id="heading-summary">${T.summary[language]}</h2>
<p>${T.summaryIntro[language]}</p>
<p>${T.emptyLegend[language]}</p>
<table>
<caption>${T.summary[language]}</caption>
<thead><tr><th scope="col">${T.category[language]}</th><th scope="col">${T.records[language]}</th></tr></thead>
<tbody>${pkg.categories.map((category) => html`<tr><td><a href="#category-${category.category}">${category.label}</a></td><td>${category.records}</td></tr>`)}</tbody>
</table>
${pkg.notes.length > 0 && html`<div class="note"><h3>${T.notes[language]}</h3>${list(pkg.notes)}</div>`}
</section>
${pkg.categories.map((category) => categorySection(pkg, category))}
${processingSection(pkg)}
${requestSection(pkg)}
${historySections(pkg)}
<section id="data-file" aria-labelledby="heading-data-file">
<h2 id="heading-data-file">${T.dataFile[language]}</h2>
<p>${dataFileText}</p>
</section>
</main>
</body>
</html>
`.toString();
}
