import type { Language } from '../../../domain/request/request-vocabulary.js';
import type { ResendCodeResult } from '../../../domain/verification/resend-code.js';
import type { SubmitCodeResult } from '../../../domain/verification/submit-code.js';
import { html, type SafeHtml } from '../../../platform/html.js';
import { renderLayout } from '../../../web/page-shell.js';
import { VERIFY_TEXT } from './verify-page-text.js';

/** What the page shows: the blank form, or the outcome of a code or a request for a new one. */
export type VerifyPageOutcome = { readonly outcome: 'form' } | SubmitCodeResult | ResendCodeResult;

export interface VerifyPageInput {
  readonly language: Language;
  /** A well-formed request id (the caller checks the pattern); it is only put into the form's action. */
  readonly requestId: string;
  readonly result: VerifyPageOutcome;
}

const CODE_FIELD = 'field-code';
const RESEND_BUTTON = 'resend-button';

/** A problem with the code field itself (shown beside the field), or with the code as such. */
function problemOf(result: VerifyPageOutcome, t: (typeof VERIFY_TEXT)[Language]): { field?: string; message: string } | undefined {
  switch (result.outcome) {
    case 'malformed':
      return { field: CODE_FIELD, message: t.malformed };
    case 'wrong_code':
      if (result.triesLeft <= 0) return { field: RESEND_BUTTON, message: t.locked };
      return {
        field: CODE_FIELD,
        message: result.triesLeft === 1 ? t.wrongCodeOne : t.wrongCodeMany.replace('{n}', String(result.triesLeft)),
      };
    case 'too_many_tries':
      return { field: RESEND_BUTTON, message: t.locked };
    case 'expired':
      return { field: RESEND_BUTTON, message: t.expired };
    default:
      return undefined;
  }
}

function noticeOf(result: VerifyPageOutcome, t: (typeof VERIFY_TEXT)[Language]): string | undefined {
  switch (result.outcome) {
    case 'sent':
      return `${t.sent} ${t.whereSent}`;
    case 'too_soon':
      return t.tooSoon.replace('{n}', String(result.retryAfterSeconds));
    case 'limit_reached':
      return t.limitReached;
    default:
      return undefined;
  }
}

function finalPage(language: Language, title: string, text: string, extra?: SafeHtml): string {
  const body = html`<h1>${title}</h1>
<p>${text}</p>
${extra}`;
  return renderLayout({ language, title, body });
}

/**
 * The page where the requester enters their one-time code, or asks for a new one. It reads the same
 * whether or not the requester is a customer, and for every well-formed request id.
 *
 * Accessible without JavaScript: the code field has a label and a hint, `inputmode="numeric"` and
 * `autocomplete="one-time-code"` (phones offer the code from the mail); an error sits beside the
 * field (`aria-describedby`, `aria-invalid`) and in a summary at the top whose link moves focus to
 * where it can be fixed. Outcomes that need no fix are announced as a status.
 */
export function renderVerifyCodePage({ language, requestId, result }: VerifyPageInput): string {
  const t = VERIFY_TEXT[language];
  const path = `/verify/${requestId}`;
  if (result.outcome === 'verified') return finalPage(language, t.verifiedTitle, t.verifiedBody);
  if (result.outcome === 'not_pending') {
    return finalPage(language, t.notPendingTitle, t.notPendingBody, html`<p><a href="/?lang=${language}">${t.newRequest}</a></p>`);
  }

  const problem = problemOf(result, t);
  const notice = noticeOf(result, t);
  const fieldError = problem?.field === CODE_FIELD ? problem.message : undefined;
  const codeIsDead = problem !== undefined && problem.field === RESEND_BUTTON;
  const describedBy = [`${CODE_FIELD}-hint`, fieldError !== undefined && `${CODE_FIELD}-error`].filter(Boolean).join(' ');

  const body = html`<h1>${t.title}</h1>
${problem && html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" autofocus>
<h2 id="error-summary-title">${t.summaryTitle}</h2>
<ul><li><a href="#${problem.field ?? CODE_FIELD}">${problem.message}</a></li></ul>
</div>`}
${notice && html`<div class="panel" role="status"><p>${notice}</p></div>`}
<p>${t.lead}</p>
<p>${t.whereSent}</p>
${!codeIsDead && html`<form method="post" action="${path}" enctype="application/x-www-form-urlencoded" accept-charset="utf-8">
<input type="hidden" name="language" value="${language}">
<div class="field${fieldError !== undefined && ' field-error'}">
<label for="${CODE_FIELD}">${t.codeLabel}</label>
<p class="hint" id="${CODE_FIELD}-hint">${t.codeHint}</p>
${fieldError !== undefined && html`<p class="error-message" id="${CODE_FIELD}-error"><span class="visually-hidden">${t.errorPrefix}</span> ${fieldError}</p>`}
<input type="text" id="${CODE_FIELD}" name="code" inputmode="numeric" autocomplete="one-time-code" maxlength="16" spellcheck="false" required${fieldError !== undefined && html` aria-invalid="true"`} aria-describedby="${describedBy}">
</div>
<button type="submit">${t.submit}</button>
</form>`}
<h2>${t.resendLead}</h2>
<form method="post" action="${path}" enctype="application/x-www-form-urlencoded" accept-charset="utf-8">
<input type="hidden" name="language" value="${language}">
<input type="hidden" name="action" value="resend">
<button type="submit" id="${RESEND_BUTTON}">${t.resend}</button>
</form>
<p>${t.otherWay}</p>`;

  return renderLayout({
    language,
    title: problem ? t.errorTitlePrefix + t.title : t.title,
    body,
    languageSwitchPath: path,
  });
}
