import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RequestType } from '../../functions/domain/request/request-vocabulary.js';
import { createFakeWorkflow, GATHER, INSTANT_RETRIES, stopFakeWorkflows, type FakeWorkflow, type FunctionFolder } from './fake-workflow.js';

/**
 * The two Art. 21 paths of the real ASL: the marketing fast path (a Choice right after Acknowledge
 * into StopMarketing, which ends the request or hands the other rights to the normal path) and the
 * Art. 21(1) assessment (the purpose restricted before the staff decision, lifted after a refusal).
 */

const NORMAL_AFTER_STOP = ['StartVerification', 'IsAlreadyVerified', 'AwaitVerification', ...GATHER, 'PlanRequest', 'AssessesObjection', 'AwaitDecision'];
const APPROVED_TAIL = ['DecisionOutcome', 'CarryOut', 'NotifyRecipients', 'SendReply', 'CloseRequest', 'Closed'];

function notCalled(workflow: FakeWorkflow, ...folders: FunctionFolder[]): void {
  for (const folder of folders) expect(workflow.calls[folder], folder).toEqual([]);
}

afterEach(() => {
  stopFakeWorkflows();
  vi.restoreAllMocks();
});

describe('marketing fast path', () => {
  it.each<RequestType>(['objection', 'consent_withdrawal'])(
    '%s alone: stopped right after the receipt, with no identity check and no staff decision, and the execution ends',
    async (type) => {
      const requestId = `REQ-${type}`;
      const workflow = createFakeWorkflow({ requests: { [requestId]: { type } } });
      const arn = workflow.start(requestId);
      const result = await workflow.executor.waitForCompletion(arn);

      expect(result.status).toBe('SUCCEEDED');
      expect(workflow.executor.stateHistory(arn)).toEqual(['Acknowledge', 'StopsMarketing', 'StopMarketing', 'HasOtherRights', 'MarketingStopped']);
      expect(workflow.calls['stop-marketing']).toEqual([{ requestId }]);
      notCalled(workflow, 'start-verification', 'await-verification', 'gather-subscriptions', 'plan-request', 'await-decision', 'carry-out', 'send-reply', 'flag-needs-attention');
      expect(JSON.parse(result.output ?? 'null')).toEqual({
        requestId,
        route: { marketingStop: true, processingObjection: false },
        marketingStop: { otherRights: false },
      });
    },
  );

  it('split: the stop takes effect before verification, then the other rights follow the normal path to the reply', async () => {
    const requestId = 'REQ-SPLIT';
    const workflow = createFakeWorkflow({ requests: { [requestId]: { type: 'objection', types: ['access', 'objection'] } } });
    const arn = workflow.start(requestId);
    // The stop is done before anyone is asked for a code.
    await workflow.called('await-verification');
    expect(workflow.world.actions).toEqual([{ requestId, type: 'objection', action: 'marketing-stopped' }]);
    await workflow.verify();
    await workflow.decide('approved');
    const result = await workflow.executor.waitForCompletion(arn);

    expect(result.status).toBe('SUCCEEDED');
    expect(workflow.executor.stateHistory(arn)).toEqual([
      'Acknowledge',
      'StopsMarketing',
      'StopMarketing',
      'HasOtherRights',
      ...NORMAL_AFTER_STOP,
      ...APPROVED_TAIL,
    ]);
    expect(workflow.calls['stop-marketing']).toHaveLength(1);
    notCalled(workflow, 'restrict-processing', 'flag-needs-attention');
  });

  it('split and refused: the refusal covers the other rights; the stop is not undone and nothing is lifted', async () => {
    const requestId = 'REQ-SPLIT-REFUSED';
    const workflow = createFakeWorkflow({ requests: { [requestId]: { type: 'consent_withdrawal', types: ['erasure', 'consent_withdrawal'] } } });
    const arn = workflow.start(requestId);
    await workflow.verify();
    await workflow.decide('rejected');
    const result = await workflow.executor.waitForCompletion(arn);

    expect(result.status).toBe('SUCCEEDED');
    expect(workflow.executor.stateHistory(arn).slice(-5)).toEqual(['DecisionOutcome', 'SendRefusal', 'LiftsRestriction', 'CloseRequest', 'Closed']);
    expect(workflow.world.actions).toEqual([{ requestId, type: 'consent_withdrawal', action: 'marketing-stopped' }]);
    notCalled(workflow, 'carry-out', 'restrict-processing');
  });

  it('a failing stop is retried when transient and then flagged for staff, never skipped', async () => {
    let attempts = 0;
    const workflow = createFakeWorkflow({
      requests: { 'REQ-FAIL': { type: 'objection' } },
      retryIntervalOverrides: INSTANT_RETRIES,
      behaviours: {
        'stop-marketing': async () => {
          attempts += 1;
          const error = new Error('throttled');
          error.name = 'TransientError';
          throw error;
        },
      },
    });
    const arn = workflow.start('REQ-FAIL');
    const result = await workflow.executor.waitForCompletion(arn);

    expect(result).toMatchObject({ status: 'FAILED', error: 'NeedsAttention' });
    expect(attempts).toBe(6);
    expect(workflow.executor.stateHistory(arn)).toEqual(['Acknowledge', 'StopsMarketing', 'StopMarketing', 'FlagNeedsAttention', 'NeedsAttention']);
    notCalled(workflow, 'start-verification');
  });
});

describe('objection to processing (Art. 21(1))', () => {
  const OBJECTION = 'REQ-OBJ';
  const toDecision = [
    'Acknowledge',
    'StopsMarketing',
    'StartVerification',
    'IsAlreadyVerified',
    'AwaitVerification',
    ...GATHER,
    'PlanRequest',
    'AssessesObjection',
    'RestrictWhileAssessing',
    'AwaitDecision',
  ];

  it('upheld: the purpose is restricted before staff decide, then the approval is carried out and answered', async () => {
    const workflow = createFakeWorkflow({ requests: { [OBJECTION]: { type: 'processing_objection' } } });
    const arn = workflow.start(OBJECTION);
    await workflow.verify();
    await workflow.called('await-decision');
    // Restricted while staff assess: before any decision exists.
    expect(workflow.calls['restrict-processing']).toEqual([{ requestId: OBJECTION, action: 'restrict' }]);
    await workflow.decide('approved');
    const result = await workflow.executor.waitForCompletion(arn);

    expect(result.status).toBe('SUCCEEDED');
    expect(workflow.executor.stateHistory(arn)).toEqual([...toDecision, ...APPROVED_TAIL]);
    expect(workflow.calls['restrict-processing']).toHaveLength(1);
    notCalled(workflow, 'stop-marketing', 'flag-needs-attention');
  });

  it('overridden: the refusal is sent first, then the restriction is lifted, then the request closes', async () => {
    const workflow = createFakeWorkflow({ requests: { [OBJECTION]: { type: 'processing_objection' } } });
    const arn = workflow.start(OBJECTION);
    await workflow.verify();
    await workflow.decide('rejected');
    const result = await workflow.executor.waitForCompletion(arn);

    expect(result.status).toBe('SUCCEEDED');
    expect(workflow.executor.stateHistory(arn)).toEqual([
      ...toDecision,
      'DecisionOutcome',
      'SendRefusal',
      'LiftsRestriction',
      'LiftObjectionRestriction',
      'CloseRequest',
      'Closed',
    ]);
    expect(workflow.calls['restrict-processing']).toEqual([
      { requestId: OBJECTION, action: 'restrict' },
      { requestId: OBJECTION, action: 'lift' },
    ]);
    expect(workflow.calls['send-reply']).toEqual([{ requestId: OBJECTION, outcome: 'rejected' }]);
    notCalled(workflow, 'carry-out', 'flag-needs-attention');
  });

  it('a marketing objection together with an Art. 21(1) objection takes both paths', async () => {
    const workflow = createFakeWorkflow({ requests: { BOTH: { type: 'objection', types: ['objection', 'processing_objection'] } } });
    const arn = workflow.start('BOTH');
    await workflow.verify();
    await workflow.decide('approved');
    const result = await workflow.executor.waitForCompletion(arn);

    expect(result.status).toBe('SUCCEEDED');
    expect(workflow.executor.stateHistory(arn)).toEqual([
      'Acknowledge',
      'StopsMarketing',
      'StopMarketing',
      'HasOtherRights',
      ...toDecision.slice(2),
      ...APPROVED_TAIL,
    ]);
  });
});
