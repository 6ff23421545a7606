import type { CaseActionDeps } from '../../../functions/domain/case-actions/case-action-deps.js';
import type { RequestChange } from '../../../functions/domain/request/request-store.js';
import type { RightsRequest } from '../../../functions/domain/request/rights-request.js';
import { FakeMailer, FakeTaskCallbacks, InMemoryRequestStore } from '../../support/in-memory-request-store.js';
import { aRightsRequest, capturingLogger, fixedClock } from '../fixtures/rights-request-fixture.js';

/**
 * The in-memory store with a hook run before each `apply`, to stage a concurrent writer or a
 * failing write at the exact step a test is about.
 */
export class HookedRequestStore extends InMemoryRequestStore {
  beforeApply: ((id: string, change: RequestChange) => Promise<void>) | undefined;

  override async apply(id: string, change: RequestChange): Promise<RightsRequest> {
    const hook = this.beforeApply;
    if (hook) await hook(id, change);
    return super.apply(id, change);
  }
}

/** An object store that records deleted keys (the only method case actions use). */
export class RecordingObjects {
  readonly deleted: string[] = [];
  async delete(keys: readonly string[]): Promise<void> {
    this.deleted.push(...keys);
  }
}

/** Case-action deps with the given requests stored (each `[request, taskToken?]`). */
export function caseActionsWith(...seeds: readonly (readonly [Partial<RightsRequest>, string?])[]) {
  const store = new HookedRequestStore();
  for (const [overrides, taskToken] of seeds) store.seed(aRightsRequest(overrides), taskToken ? { taskToken } : {});
  const mailer = new FakeMailer();
  const callbacks = new FakeTaskCallbacks();
  const objects = new RecordingObjects();
  const clock = fixedClock();
  const log = capturingLogger('case-actions');
  const deps: CaseActionDeps = { store, mailer, callbacks, objects, now: clock.now, logger: log.logger };
  return { deps, store, mailer, callbacks, objects, log, at: clock.iso };
}
