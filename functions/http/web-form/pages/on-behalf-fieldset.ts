import { REPRESENTATIVE_RELATIONS, type RepresentativeRelation } from '../../../domain/request/representative.js';
import type { Language } from '../../../domain/request/request-vocabulary.js';
import { html, type SafeHtml } from '../../../platform/html.js';

interface OnBehalfText {
  readonly title: string;
  readonly hint: string;
  readonly relation: string;
  readonly relations: Readonly<Record<'' | RepresentativeRelation, string>>;
  readonly name: string;
  readonly email: string;
  readonly emailHint: string;
  readonly phone: string;
}

/** The form's optional part for someone asking on behalf of another person, in each language. */
export const ON_BEHALF_TEXT: Readonly<Record<Language, OnBehalfText>> = {
  nb: {
    title: 'Spør du på vegne av en annen?',
    hint: 'Fyll ut dette bare hvis opplysningene gjelder en annen person, for eksempel barnet ditt eller en du er verge eller advokat for. Da er navnet og e-postadressen over dine, og svaret kommer til deg. Vi sjekker identiteten til personen det gjelder, og vi trenger en fullmakt (for et barn: det som viser at du har foreldreansvar) før vi gir ut eller endrer noe.',
    relation: 'Hvem er du for personen?',
    relations: { '': 'Jeg spør for meg selv', parent: 'Forelder (for barnet mitt)', guardian: 'Verge', lawyer: 'Advokat', other: 'Annen fullmektig' },
    name: 'Navnet til personen det gjelder',
    email: 'E-postadressen til personen det gjelder',
    emailHint: 'Adressen personen er registrert med hos oss, hvis hen har en. Koden for å bekrefte identiteten sendes dit.',
    phone: 'Telefonnummeret til personen det gjelder (valgfritt)',
  },
  nn: {
    title: 'Spør du på vegner av ein annan?',
    hint: 'Fyll ut dette berre viss opplysningane gjeld ein annan person, til dømes barnet ditt eller ein du er verje eller advokat for. Då er namnet og e-postadressa over dine, og svaret kjem til deg. Vi sjekkar identiteten til personen det gjeld, og vi treng ei fullmakt (for eit barn: det som viser at du har foreldreansvar) før vi gjev ut eller endrar noko.',
    relation: 'Kven er du for personen?',
    relations: { '': 'Eg spør for meg sjølv', parent: 'Forelder (for barnet mitt)', guardian: 'Verje', lawyer: 'Advokat', other: 'Annan fullmektig' },
    name: 'Namnet til personen det gjeld',
    email: 'E-postadressa til personen det gjeld',
    emailHint: 'Adressa personen er registrert med hos oss, viss hen har ei. Koden for å stadfeste identiteten blir send dit.',
    phone: 'Telefonnummeret til personen det gjeld (valfritt)',
  },
  en: {
    title: 'Are you asking on behalf of someone else?',
    hint: 'Fill this in only if the data is about another person, such as your child or someone you are guardian or lawyer for. The name and e-mail address above are then yours, and the answer comes to you. We check the identity of the person concerned, and we need a mandate (for a child: what shows that you have parental responsibility) before we give out or change anything.',
    relation: 'Who are you to the person?',
    relations: { '': 'I am asking for myself', parent: 'Parent (for my child)', guardian: 'Guardian', lawyer: 'Lawyer', other: 'Other authorised representative' },
    name: 'Name of the person concerned',
    email: 'E-mail address of the person concerned',
    emailHint: 'The address the person is registered with us under, if they have one. The code to confirm their identity is sent there.',
    phone: 'Phone number of the person concerned (optional)',
  },
};

export interface OnBehalfValues {
  readonly on_behalf_relation?: string;
  readonly subject_name?: string;
  readonly subject_email?: string;
  readonly subject_phone?: string;
}

/**
 * «Spør du på vegne av en annen?»: the relation (none chosen means the person asks for themselves)
 * and the data subject's name, e-mail and phone, refilled after an error with its messages.
 */
export function onBehalfFieldset(language: Language, values: OnBehalfValues, errorFor: (field: string) => string | undefined, errorPrefix: string): SafeHtml {
  const t = ON_BEHALF_TEXT[language];
  const relationError = errorFor('on_behalf_relation');
  const chosen = values.on_behalf_relation ?? '';
  const message = (id: string, error: string | undefined): SafeHtml | false =>
    error !== undefined && html`<p class="error-message" id="${id}-error"><span class="visually-hidden">${errorPrefix}</span> ${error}</p>`;
  const text = (field: 'subject_name' | 'subject_email' | 'subject_phone', type: string, label: string, hint?: string): SafeHtml => {
    const id = `field-${field}`;
    const error = errorFor(field);
    return html`<div class="field${error !== undefined && ' field-error'}">
<label for="${id}">${label}</label>
${hint && html`<p class="hint" id="${id}-hint">${hint}</p>`}
${message(id, error)}
<input type="${type}" id="${id}" name="${field}" value="${values[field] ?? ''}"${error !== undefined && html` aria-invalid="true"`}>
</div>`;
  };
  return html`<div class="field${relationError !== undefined && ' field-error'}">
<h2>${t.title}</h2>
<p class="hint" id="field-on_behalf-hint">${t.hint}</p>
${message('field-on_behalf_relation', relationError)}
<fieldset aria-describedby="field-on_behalf-hint">
<legend>${t.relation}</legend>
${(['', ...REPRESENTATIVE_RELATIONS] as const).map((value, index) => {
  const id = index === 0 ? 'field-on_behalf_relation' : `field-on_behalf_relation-${value}`;
  return html`<div class="choice"><input type="radio" id="${id}" name="on_behalf_relation" value="${value}"${chosen === value && html` checked`}><label for="${id}">${t.relations[value]}</label></div>`;
})}
</fieldset>
${text('subject_name', 'text', t.name)}
${text('subject_email', 'email', t.email, t.emailHint)}
${text('subject_phone', 'tel', t.phone)}
</div>`;
}
