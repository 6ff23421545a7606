import { deadlineStanding } from '../../../domain/console-queue/urgency.js';
import { isOpenStatus } from '../../../domain/lifecycle/request-lifecycle.js';
import type { RightsRequest } from '../../../domain/request/rights-request.js';
import { html, type SafeHtml } from '../../../platform/html.js';
import { actionsSection, caseFieldId } from './case-actions.js';
import type { CasePageModel } from './case-page-model.js';
import { planSection } from './case-plan-section.js';
import { representationSection } from './representation-section.js';
import { gatheredRecordsSection } from './gathered-records-section.js';
import { gatheredSection, historySection, mailSection, requestSection, verificationSection } from './case-sections.js';
import { actorName, longDate, osloDateTime } from '../../../web/console/pages/console-format.js';
import { STAFF_STATUS_LABELS } from '../../../domain/request/staff-labels.js';
import { errorSummary } from '../../../web/console/pages/form-controls.js';
import { renderConsoleLayout } from '../../../web/console/pages/layout.js';
import { urgencyBadge } from '../../../web/console/pages/console-labels.js';
import { RECORD_CATEGORY_LABELS } from '../../../web/console/pages/console-labels.js';
import { needsTwoApprovers } from '../../../domain/workflow/record-decision.js';

export type { CaseAction, CaseActionError, CasePageModel, MailAuthenticity, ReceivedEmail } from './case-page-model.js';
export { CASE_ACTIONS } from './case-page-model.js';

const CLOSURE_WORDS = {
  merged: 'Slått sammen med en annen sak',
  manifestly_unfounded: 'Avsluttet som åpenbart grunnløs',
  excessive: 'Avsluttet som overdreven',
} as const;

/**
 * The decision so far, read from the request the action wrote: after «Godkjenn» the page shows the
 * approval (or the first of two) at once, not only when the workflow has moved on.
 */
function approvalFacts(request: RightsRequest): SafeHtml | undefined {
  if (request.decision) {
    const { outcome, decidedBy, decidedAt } = request.decision;
    return html`<dt>Beslutning</dt><dd>${outcome === 'approved' ? 'Godkjent' : 'Avvist'} av ${actorName(decidedBy)} ${osloDateTime(decidedAt)}</dd>`;
  }
  if (request.status !== 'awaiting_approval' || !needsTwoApprovers(request)) return undefined;
  const given = request.approvals ?? [];
  return html`<dt>Godkjenninger</dt><dd>${Math.min(given.length, 2)} av 2 godkjenninger${given.length > 0 &&
    html` (${given.map((approval) => `${actorName(approval.by)} ${osloDateTime(approval.at)}`).join('; ')})`}</dd>`;
}

function summary(request: RightsRequest, today: string): SafeHtml {
  const open = isOpenStatus(request.status);
  const standing = open ? deadlineStanding(today, request.dueDate) : undefined;
  const closure = request.closure;
  return html`<dl class="facts">
<dt>Status</dt><dd>${STAFF_STATUS_LABELS[request.status]}</dd>
<dt>Frist</dt><dd>${urgencyBadge(standing?.urgency ?? 'normal', standing?.workingDaysLeft ?? null)} ${longDate(request.dueDate)}${request.extension &&
    html` (forlenget fra ${longDate(request.extension.originalDueDate)} av ${actorName(request.extension.by)}: ${request.extension.reason})`}</dd>
<dt>Saksbehandler</dt><dd>${request.assignee ? html`${request.assignee.username} (siden ${osloDateTime(request.assignee.at)})` : 'Ingen'}</dd>
${approvalFacts(request)}
${request.restriction &&
html`<dt>Begrensning</dt><dd>Bokstav ${request.restriction.ground}, ${request.restriction.scope.map((c) => RECORD_CATEGORY_LABELS[c].toLowerCase()).join(', ')}: ${request.restriction.liftedAt
  ? `opphevet ${osloDateTime(request.restriction.liftedAt)}`
  : request.restriction.appliedAt
    ? `gjelder fra ${osloDateTime(request.restriction.appliedAt)}`
    : `satt av ${actorName(request.restriction.setBy)} ${osloDateTime(request.restriction.setAt)}, gjelder når planen er godkjent`}</dd>`}
${closure &&
html`<dt>Avslutning</dt><dd>${CLOSURE_WORDS[closure.kind]}${closure.mergedInto &&
  html` (<a href="/console/requests/${encodeURIComponent(closure.mergedInto)}">${closure.mergedInto}</a>)`}, ${actorName(closure.by)}, ${osloDateTime(closure.at)}: ${closure.reason}</dd>`}
</dl>`;
}

/**
 * The case page: the request as received, identity check, what was gathered, the plan, mail,
 * the history, and the actions that fit the case now. Every value from the requester or the
 * mail is escaped; after a failed action the page comes back with an error summary linking to
 * the field and with what was typed.
 */
export function renderCasePage(model: CasePageModel): string {
  const { request, auditTrail } = model;
  const errors = (model.errors ?? []).map((e) => ({
    message: e.message,
    href: e.field ? caseFieldId(e.action, e.field) : `action-${e.action}`,
  }));
  const body = html`${errorSummary(errors)}
<h1>Sak ${request.id}</h1>
<p><a href="/console">Tilbake til køen</a></p>
${summary(request, model.today)}
${requestSection(request, model.email, auditTrail)}
${representationSection(model)}
${verificationSection(request)}
${gatheredSection(auditTrail)}
${gatheredRecordsSection(request.id, model.gathered ?? {}, model.gatheredPage ?? {})}
${planSection(model.plan)}
${mailSection(request, auditTrail)}
${historySection(auditTrail)}
${actionsSection(model)}`;
  return renderConsoleLayout({
    title: `${errors.length > 0 ? 'Feil: ' : ''}Sak ${request.id}`,
    body,
    user: model.user,
    csrfToken: model.csrfToken,
    section: 'queue',
    flash: model.flash,
  });
}
