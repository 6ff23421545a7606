import { describe, expect, it } from 'vitest';
import type { ActionPlan } from '../../../functions/domain/plan/action-plan.js';
import { queueRows } from '../../../functions/domain/console-queue/queue-rows.js';
import type { RequestType } from '../../../functions/domain/request/request-vocabulary.js';
import { STAFF_TYPE_LABELS } from '../../../functions/domain/request/staff-labels.js';
import { renderCasePage } from '../../../functions/http/console-case/pages/case-page.js';
import { renderQueuePage } from '../../../functions/http/console-queue/pages/queue-page.js';
import { aRightsRequest, REQUEST_ID } from '../fixtures/rights-request-fixture.js';
import { CONTEXT, expectAccessibleMarkup, mainText } from './console-page-checks.js';

const PLAN: ActionPlan = {
  requestId: REQUEST_ID,
  builtAt: '2026-11-25T10:00:00Z',
  customerIds: ['C-1'],
  corrections: [],
  rectificationNeedsStaffInput: false,
  erasures: [],
  kept: [],
  consentChanges: [],
  channelReservations: [],
  restrict: false,
  processingObjection: { purpose: 'analytics' },
  recipientsToNotify: [],
  refusals: [],
  needsTwoApprovers: false,
  adjustments: [],
};

const page = (types: RequestType[], extra: Parameters<typeof aRightsRequest>[0] = {}) =>
  renderCasePage({
    ...CONTEXT,
    request: aRightsRequest({ status: 'awaiting_approval', customerIds: ['C-1'], types, ...extra }),
    auditTrail: [
      { requestId: REQUEST_ID, at: '2026-11-23T20:05:12Z', event: 'marketing.stopped', actor: 'system:marketing-stop', detail: { customers: 1 } },
      { requestId: REQUEST_ID, at: '2026-11-25T10:00:01Z', event: 'processing.restricted', actor: 'system:objection', detail: { ground: 'd' } },
    ],
    today: '2026-11-30',
    plan: PLAN,
    canExtend: true,
  });

describe('the case page shows the two objections to staff', () => {
  it('a split request shows when marketing stopped and that the stop cannot be refused; the plan explains the Art. 21(1) decision', () => {
    const html = page(['access', 'objection', 'processing_objection'], {
      marketingStop: { at: '2026-11-23T20:05:12Z', customers: 1, suppressed: false, confirmations: 1 },
    });
    expectAccessibleMarkup(html);
    const text = mainText(html);
    expect(text).toContain('Markedsføring');
    expect(text).toContain('på e-post, SMS, telefon og adressert post');
    expect(text).toContain('kan ikke avslås');
    expect(text).toContain('Protest mot analyse og utvikling (art. 21 nr. 1)');
    expect(text).toContain('interesseavveiningen');
    expect(text).toContain('Markedsføring stanset (e-post, SMS, telefon og adressert post) uten identitetskontroll');
    expect(text).toContain('Analyse og utvikling begrenset mens protesten vurderes (art. 18 nr. 1 bokstav d)');
  });

  it('names the two objections apart in the queue filter', () => {
    const html = renderQueuePage({ ...CONTEXT, queue: queueRows([], '2026-11-30', {}) });
    expect(html).toContain(STAFF_TYPE_LABELS.objection);
    expect(html).toContain(STAFF_TYPE_LABELS.processing_objection);
    expect(STAFF_TYPE_LABELS.objection).not.toBe(STAFF_TYPE_LABELS.processing_objection);
  });
});
