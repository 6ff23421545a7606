import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WORKFLOW_DEFINITION_URL } from '../../infra/local/step-functions/load-definition.js';
import { WORKFLOW_PATHS, walkPath, type AslMachine } from '../../infra/cost/workflow-paths.js';
import { createFakeWorkflow, stopFakeWorkflows, VERIFICATION_AFTER_REMINDER_TIMEOUT_MS, VERIFICATION_TIMEOUT_MS } from './fake-workflow.js';

/**
 * `npm run cost` counts the state transitions of each path by walking the ASL. These tests run
 * the same paths through the local executor and hold the walk to what an execution really enters.
 */
const definition = JSON.parse(readFileSync(WORKFLOW_DEFINITION_URL, 'utf8')) as AslMachine;

afterEach(() => {
  stopFakeWorkflows();
  vi.useRealTimers();
});

describe('cost model paths equal executed paths', () => {
  it.each(['approved', 'rejected'] as const)('decision %s', async (outcome) => {
    const workflow = createFakeWorkflow({ requests: { 'REQ-C1': { type: 'access' } } });
    const arn = workflow.start('REQ-C1');
    await workflow.verify();
    await workflow.decide(outcome);
    await workflow.executor.waitForCompletion(arn);
    const path = outcome === 'approved' ? WORKFLOW_PATHS.answered : WORKFLOW_PATHS.refused;
    expect(walkPath(definition, path.picks)).toEqual(workflow.executor.stateHistory(arn));
  });

  it('verified after the reminder', async () => {
    vi.useFakeTimers();
    const workflow = createFakeWorkflow({ requests: { 'REQ-C2': { type: 'erasure' } } });
    const arn = workflow.start('REQ-C2');
    await workflow.called('await-verification');
    await vi.advanceTimersByTimeAsync(VERIFICATION_TIMEOUT_MS);
    await workflow.called('await-verification', 2);
    await workflow.verify(2);
    await workflow.decide('approved');
    await workflow.executor.waitForCompletion(arn);
    expect(walkPath(definition, WORKFLOW_PATHS.answeredAfterReminder.picks)).toEqual(workflow.executor.stateHistory(arn));
  });

  it('never verified', async () => {
    vi.useFakeTimers();
    const workflow = createFakeWorkflow({ requests: { 'REQ-C3': { type: 'access' } } });
    const arn = workflow.start('REQ-C3');
    await workflow.called('await-verification');
    await vi.advanceTimersByTimeAsync(VERIFICATION_TIMEOUT_MS);
    await workflow.called('await-verification', 2);
    await vi.advanceTimersByTimeAsync(VERIFICATION_AFTER_REMINDER_TIMEOUT_MS);
    await workflow.executor.waitForCompletion(arn);
    expect(walkPath(definition, WORKFLOW_PATHS.unverified.picks)).toEqual(workflow.executor.stateHistory(arn));
  });

  it('marketing stop only', async () => {
    const workflow = createFakeWorkflow({ requests: { 'REQ-C4': { type: 'objection' } } });
    const arn = workflow.start('REQ-C4');
    await workflow.executor.waitForCompletion(arn);
    expect(walkPath(definition, WORKFLOW_PATHS.marketingStopped.picks)).toEqual(workflow.executor.stateHistory(arn));
  });

  it('Art. 21(1) objection overridden', async () => {
    const workflow = createFakeWorkflow({ requests: { 'REQ-C5': { type: 'processing_objection' } } });
    const arn = workflow.start('REQ-C5');
    await workflow.verify();
    await workflow.decide('rejected');
    await workflow.executor.waitForCompletion(arn);
    expect(walkPath(definition, WORKFLOW_PATHS.objectionAssessed.picks)).toEqual(workflow.executor.stateHistory(arn));
  });
});
