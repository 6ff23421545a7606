import { buildExportPackage } from '../../../functions/domain/export/export-package.js';
import { downloadCodeLetter } from '../../../functions/domain/export/download-code-letter.js';
import { renderExportReport } from '../../../functions/domain/export/export-report.js';
import { acknowledgementLetter } from '../../../functions/domain/letters/acknowledgement-letter.js';
import { extensionLetter } from '../../../functions/domain/letters/extension-letter.js';
import type { Letter } from '../../../functions/domain/letters/letter.js';
import { marketingStopLetter } from '../../../functions/domain/letters/marketing-stop-letter.js';
import { mergedLetter } from '../../../functions/domain/letters/merged-letter.js';
import { disputedCorrectionLetter, restrictionLiftLetter } from '../../../functions/domain/letters/restriction-texts.js';
import { rejectedReplyLetter } from '../../../functions/domain/letters/reply-letters.js';
import { triageAcknowledgementLetter } from '../../../functions/domain/letters/triage-acknowledgement-letter.js';
import { unfoundedLetter } from '../../../functions/domain/letters/unfounded-letter.js';
import {
  unverifiedClosureLetter,
  verificationCodeLetter,
  verificationReminderLetter,
} from '../../../functions/domain/verification/verification-letters.js';
import { withCodeForRepresentativeNote, withOnBehalfNote } from '../../../functions/domain/letters/on-behalf-note.js';
import { recipientNoticeLetter } from '../../../functions/domain/letters/recipient-notice-letter.js';
import { validateSubmission, type FieldError } from '../../../functions/domain/request/request-submission.js';
import { LANGUAGES, REQUEST_TYPES, type Language } from '../../../functions/domain/request/request-vocabulary.js';
import { renderEnterCodePage, renderExpiredPage, renderRequestCodePage } from '../../../functions/http/download-page/pages/download-pages.js';
import { renderVerifyCodePage } from '../../../functions/http/verify-page/pages/verify-code-page.js';
import { renderErrorPage } from '../../../functions/web/error-page.js';
import { renderNotFoundPage } from '../../../functions/web/not-found-page.js';
import { renderReceiptPage } from '../../../functions/http/web-form/pages/receipt-page.js';
import { renderRequestFormPage } from '../../../functions/http/web-form/pages/request-form-page.js';
import { ACTIVE_CUSTOMER, CUSTOMER, FORMER_CUSTOMER, NOW, scenario, type ScenarioInput } from '../carry-out/carry-out-fixture.js';
import { aRightsRequest } from '../fixtures/rights-request-fixture.js';
import { gatheredData } from '../gather/customer-data-fixture.js';
import { answered } from '../reply/reply-fixture.js';
import { pageText, type RenderedText } from '../../support/letter-style-rules.js';

export type { RenderedText };

const C = CUSTOMER.customerId;

/**
 * Plans the reply letter is rendered for: each right alone for a former and an active customer,
 * corrections done and refused, several rights at once, and a requester we hold nothing on.
 * Add a scenario here when a new kind of plan or letter section appears.
 */
export const REPLY_SCENARIOS: Readonly<Record<string, ScenarioInput>> = {
  ...Object.fromEntries(REQUEST_TYPES.map((type) => [`${type} (former customer)`, { types: [type] }])),
  ...Object.fromEntries(REQUEST_TYPES.map((type) => [`${type} (active customer)`, { types: [type], held: ACTIVE_CUSTOMER }])),
  'rectification done and refused': {
    types: ['rectification'],
    corrections: [
      { customerId: C, field: 'email', to: 'ny.adresse@example.no' },
      { customerId: C, field: 'phone', to: 'ikke et nummer' },
    ],
  },
  'every right (former customer)': { types: REQUEST_TYPES, corrections: [{ customerId: C, field: 'email', to: 'ny.adresse@example.no' }] },
  'every right (active customer)': { types: REQUEST_TYPES, held: ACTIVE_CUSTOMER },
  'erasure and objection (active customer)': { types: ['erasure', 'objection'], held: ACTIVE_CUSTOMER },
  'access, nothing held': {
    types: ['access', 'erasure'],
    held: {},
    request: { verification: { status: 'verified', subject: 'address' }, customerIds: [] },
  },
  'erasure without recipient addresses': { types: ['erasure'], recipientAddresses: {} },
  'restriction with ground and scope (active customer)': {
    types: ['restriction'],
    held: ACTIVE_CUSTOMER,
    editPlan: (plan) => ({ ...plan, restrict: true, restriction: { ground: 'a', scope: ['profile', 'subscription'], activeSubscription: true } }),
  },
  'access and portability by post (no e-mail)': {
    types: ['access', 'portability'],
    request: { channel: 'post', requester: { name: 'Kari Nordmann', postalAddress: { street: 'Kirkeveien 12', postalCode: '0368', city: 'Oslo' } } },
  },
  'restriction of what the subscription does not need (active customer)': {
    types: ['restriction'],
    held: ACTIVE_CUSTOMER,
    editPlan: (plan) => ({ ...plan, restrict: true, restriction: { ground: 'c', scope: ['invoice'], activeSubscription: true } }),
  },
};

const letterText = (letter: Letter): string => `${letter.subject}\n\n${letter.text}`;

/** What staff write into a letter (a reason, a balancing), in the language of the case as staff would. */
const STAFF_WORDS: Readonly<Record<Language, Readonly<Record<'busy' | 'unverified' | 'notPersonal' | 'repeated', string>>>> = {
  nb: {
    busy: 'Vi har fått svært mange henvendelser denne måneden.',
    unverified: 'Vi kunne ikke bekrefte at henvendelsen kom fra deg.',
    notPersonal: 'Henvendelsen gjelder ikke personopplysninger.',
    repeated: 'Du har sendt samme henvendelse tolv ganger denne måneden.',
  },
  nn: {
    busy: 'Vi har fått svært mange førespurnader denne månaden.',
    unverified: 'Vi kunne ikkje stadfeste at førespurnaden kom frå deg.',
    notPersonal: 'Førespurnaden gjeld ikkje personopplysningar.',
    repeated: 'Du har sendt same førespurnaden tolv gonger denne månaden.',
  },
  en: {
    busy: 'We have received a great many requests this month.',
    unverified: 'We could not confirm that the request came from you.',
    notPersonal: 'The request does not concern personal data.',
    repeated: 'You have sent the same request twelve times this month.',
  },
};
/** A letter as rendered for one language, before it becomes text or HTML. */
export interface RenderedLetter {
  readonly name: string;
  readonly language: Language;
  readonly letter: Letter;
}

function fixedLetters(language: Language): RenderedText[] {
  return fixedLetterObjects(language).map(({ name, letter }) => ({ name, language, text: letterText(letter) }));
}

function fixedLetterObjects(language: Language): RenderedLetter[] {
  const request = aRightsRequest({ language, types: ['access', 'erasure'], receiptDate: '2026-11-23', dueDate: '2026-12-23' });
  const link = `https://personvern.example.no/verify/${request.id}?lang=${language}`;
  const represented = { ...request, representative: { name: 'Mor Nordmann', relation: 'parent', email: 'mor.nordmann@example.no' } } as const;
  const letters: Record<string, Letter> = {
    acknowledgement: acknowledgementLetter(request),
    'verification code': verificationCodeLetter(request, { code: '123456', link }),
    'verification reminder': verificationReminderLetter(request, { code: '123456', link }),
    'closed unverified': unverifiedClosureLetter(request, 'https://personvern.example.no'),
    extension: extensionLetter(request, STAFF_WORDS[language].busy, '2027-02-23'),
    merged: mergedLetter(request, { reference: 'NK-20261120-ORIG1NAL', email: 'kari.nordmann@example.no', dueDate: '2026-12-21' }),
    refusal: rejectedReplyLetter(request, STAFF_WORDS[language].unverified),
    'manifestly unfounded': unfoundedLetter(request, 'manifestly_unfounded', STAFF_WORDS[language].notPersonal),
    excessive: unfoundedLetter(request, 'excessive', STAFF_WORDS[language].repeated),
    'download code': downloadCodeLetter(request, '654321'),
    'download code by post': downloadCodeLetter(request, '654321', { byPost: { lastDay: '2026-12-08' } }),
    'refusal of an objection to analysis': rejectedReplyLetter({ ...request, types: ['processing_objection'] }, STAFF_WORDS[language].busy),
    'marketing stop': marketingStopLetter({ id: request.id, language, effectiveOn: '2026-11-23', otherRights: false }),
    'marketing stop with other rights': marketingStopLetter({ id: request.id, language, effectiveOn: '2026-11-23', otherRights: true }),
    'restriction lifted': restrictionLiftLetter(request, { ground: 'a', scope: ['profile', 'invoice'] }, STAFF_WORDS[language].busy),
    'correction disputed': disputedCorrectionLetter(request, ['profile'], STAFF_WORDS[language].busy),
    'triage acknowledgement': triageAcknowledgementLetter(language, '2026-11-23T09:15:00.000Z'),
    'acknowledgement to a representative': withOnBehalfNote(represented, acknowledgementLetter(represented), '2026-11-23'),
    'refusal to a representative': withOnBehalfNote(represented, rejectedReplyLetter(represented, STAFF_WORDS[language].busy), '2026-11-23'),
    'verification code of a representative request': withCodeForRepresentativeNote(represented, verificationCodeLetter(represented, { code: '123456', link })),
  };
  return Object.entries(letters).map(([name, letter]) => ({ name, language, letter }));
}

/** The form's own messages for a submission with every field wrong. */
function formErrors(language: Language): readonly FieldError[] {
  const result = validateSubmission({ name: '', email: 'x', phone: '1', types: [], details: 'x'.repeat(5001), language }, language);
  return result.ok ? [] : result.errors;
}

function pages(language: Language): RenderedText[] {
  const input = { language, reference: 'NK-20261123-7KQ4M2PX', availableUntil: '2026-12-08' };
  const rendered: Record<string, string> = {
    'download: ask for a code': renderRequestCodePage(input),
    'download: enter the code': renderEnterCodePage(input, 'sent'),
    'download: wrong code': renderEnterCodePage(input, undefined, { kind: 'wrong', attemptsLeft: 2 }),
    'download by post: enter the code': renderEnterCodePage({ ...input, byPost: true }, 'sent'),
    'download: expired': renderExpiredPage(input),
    'verify: form': renderVerifyCodePage({ language, requestId: input.reference, result: { outcome: 'form' } }),
    'verify: verified': renderVerifyCodePage({ language, requestId: input.reference, result: { outcome: 'verified' } }),
    'verify: wrong code': renderVerifyCodePage({ language, requestId: input.reference, result: { outcome: 'wrong_code', triesLeft: 2 } }),
    'form: blank': renderRequestFormPage({ language, idempotencyKey: 'key-1' }),
    'form: every error': renderRequestFormPage({
      language,
      idempotencyKey: 'key-1',
      errors: formErrors(language),
    }),
    receipt: renderReceiptPage({ language, reference: input.reference, dueDate: '2026-12-23', types: ['access', 'erasure'] }),
    'page not found': renderNotFoundPage(language),
    'error 500': renderErrorPage(language, { status: 500 }),
    'error 503': renderErrorPage(language, { status: 503 }),
  };
  return Object.entries(rendered).map(([name, html]) => ({ name, language, text: pageText(html) }));
}

function exportReports(language: Language): RenderedText[] {
  return (['former', 'active'] as const).map((who) => {
    const held = who === 'former' ? FORMER_CUSTOMER : ACTIVE_CUSTOMER;
    const { plan, request } = scenario({ types: ['access', 'portability'], request: { language }, held });
    const gathered = gatheredData({ ...held, customerIds: [C] });
    return { name: `export report (${who} customer)`, language, text: pageText(renderExportReport(buildExportPackage({ request, plan, gathered, exportedAt: NOW }))) };
  });
}

async function replies(language: Language): Promise<RenderedText[]> {
  return (await replyObjects(language)).map(({ name, letter }) => ({ name, language, text: letterText(letter) }));
}

async function replyObjects(language: Language): Promise<RenderedLetter[]> {
  const rendered: RenderedLetter[] = [];
  for (const [name, input] of Object.entries(REPLY_SCENARIOS)) {
    const { reply } = await answered({ ...input, request: { ...input.request, language } });
    rendered.push({ name: `reply: ${name}`, language, letter: reply });
  }
  return rendered;
}

/** The Art. 19 notices to recipients (Norwegian only), for an erasure, a restriction and corrections. */
async function recipientNotices(): Promise<RenderedText[]> {
  return recipientNoticeObjects().map(({ name, language, letter }) => ({ name, language, text: letterText(letter) }));
}

function recipientNoticeObjects(): RenderedLetter[] {
  const changes = [
    { id: 'invoicing' as const, name: 'Faktura', categories: ['profile', 'invoice', 'payment'] as const },
    { id: 'unloc' as const, name: 'Unloc', categories: ['profile', 'door_event'] as const },
  ];
  return changes.map((recipient) => ({
    name: `recipient notice (${recipient.id})`,
    language: 'nb' as const,
    letter: recipientNoticeLetter(
        {
          id: recipient.id,
          name: recipient.name,
          customerIds: [C],
          changes: [
            { reason: 'erasure', categories: [...recipient.categories], fields: [] },
            { reason: 'restriction', categories: [...recipient.categories], fields: [] },
            { reason: 'rectification', categories: ['profile'], fields: ['email', 'address'] },
          ],
        },
        'NK-20261123-7KQ4M2PX',
      ),
  }));
}

/**
 * Every text a customer reads, rendered through the public letter and page functions for the
 * plans above, in every language: the fixed letters, every reply scenario, the export report, the
 * download and verify pages, and the recipient notices. A new letter joins the style checks by
 * being added here.
 */
export async function renderEveryText(): Promise<RenderedText[]> {
  const all: RenderedText[] = [];
  for (const language of LANGUAGES) {
    all.push(...fixedLetters(language), ...pages(language), ...exportReports(language), ...(await replies(language)));
  }
  all.push(...(await recipientNotices()));
  return all;
}

/**
 * Every mail a person receives, as a letter (subject and text) before the mailer renders its HTML
 * part: the fixed letters, every reply scenario and the recipient notices, in every language.
 * The HTML e-mail accessibility check runs over each.
 */
export async function renderEveryLetter(): Promise<RenderedLetter[]> {
  const all: RenderedLetter[] = [];
  for (const language of LANGUAGES) all.push(...fixedLetterObjects(language), ...(await replyObjects(language)));
  all.push(...recipientNoticeObjects());
  return all;
}
