import type { RightsRequest } from '../../../functions/domain/request/rights-request.js';
import type { WorkflowDeps } from '../../../functions/domain/workflow/workflow-deps.js';
import { FakeMailer, FakeTaskCallbacks, InMemoryRequestStore } from '../../support/in-memory-request-store.js';
import { aRightsRequest, capturingLogger, fixedClock } from '../fixtures/rights-request-fixture.js';

/** Everything a workflow step needs, with one request already stored in the given state. */
export function workflowWith(overrides: Partial<RightsRequest> = {}, extras: { taskToken?: string } = {}) {
  const request = aRightsRequest(overrides);
  const store = new InMemoryRequestStore().seed(request, extras);
  const mailer = new FakeMailer();
  const callbacks = new FakeTaskCallbacks();
  const clock = fixedClock();
  const log = capturingLogger('workflow');
  const deps: WorkflowDeps & { callbacks: FakeTaskCallbacks } = { store, mailer, callbacks, now: clock.now, logger: log.logger };
  return { deps, store, mailer, callbacks, log, request, at: clock.iso };
}
