import { afterEach, describe, expect, it } from 'vitest';
import { StepFunctionsWorkflow } from '../../functions/adapters/sfn/step-functions-workflow.js';
import { recordDecision } from '../../functions/domain/workflow/record-decision.js';
import { createLogger } from '../../functions/platform/logger.js';
import { freePort } from '../../infra/local/emulators/free-port.js';
import { eventually, outbox, startStackFixture, tempDataDir, type StackFixture } from '../support/local-stack-fixture.js';
import { submitVerified, waitForStatus } from '../support/rights-driver.js';

let running: StackFixture | undefined;

afterEach(async () => {
  await running?.stack.stop();
  running = undefined;
});

// The same ports on every start: handlers keep their SDK clients for the life of the process,
// as in Lambda, so the restarted emulators must be where those clients look.
const ports = Promise.all([freePort(), freePort(), freePort(), freePort()]);
const start = async (dataDir: string): Promise<StackFixture> => {
  const [dynamodb, s3, stepFunctions, ses] = await ports;
  return (running = await startStackFixture({ dataDir, sesPort: ses, emulatorPorts: { dynamodb, s3, stepFunctions } }));
};
const stop = async (): Promise<void> => {
  await running?.stack.stop();
  running = undefined;
};


/** Approves as two different staff members, which an erasure needs; returns the last result. */
const decide = async (fixture: StackFixture, id: string) => {
  const deps = {
    store: fixture.store,
    callbacks: new StepFunctionsWorkflow(fixture.sfn, fixture.stack.environment.STATE_MACHINE_ARN!),
    now: () => new Date(),
    logger: createLogger('test', 'silent'),
  };
  const first = await recordDecision(deps, { requestId: id, outcome: 'approved', actor: 'staff:anne' });
  return first.awaitingSecondApprover ? recordDecision(deps, { requestId: id, outcome: 'approved', actor: 'staff:bjorn' }) : first;
};

describe('local mode across a restart', () => {
  it('keeps requests and re-drives an unfinished one without mailing the requester twice', async () => {
    const dataDir = tempDataDir();
    const email = `restart.${Date.now()}@example.no`;
    let fixture = await start(dataDir);
    const id = await submitVerified(fixture, { name: 'Liv', email, types: ['access'] });
    await stop();

    fixture = await start(dataDir);

    expect(fixture.stack.redriven).toBe(1);
    await eventually(async () => {
      const trail = await fixture.store.auditTrail(id);
      return trail.some((entry) => entry.event === 'decision.awaiting_again') ? true : undefined;
    }, 'the re-driven execution to wait again');
    expect((await decide(fixture, id)).delivered).toBe(true);
    await waitForStatus(fixture, id, 'closed');
    const subjects = (await outbox(fixture.stack.urls.ses, email)).map((mail) => mail.subject);
    expect(subjects).toEqual([
      `Vi har mottatt henvendelsen din – referanse ${id}`,
      `Engangskode for henvendelsen din – referanse ${id}`,
      `Henvendelsen din er behandlet – referanse ${id}`,
    ]);
  });

  it('finishes from a decision recorded while no execution was waiting', async () => {
    const dataDir = tempDataDir();
    const email = `lost.${Date.now()}@example.no`;
    let fixture = await start(dataDir);
    const id = await submitVerified(fixture, { name: 'Nils', email, types: ['erasure'] });
    fixture.stack.executor.stopAll(); // the execution is lost, as in a crash
    expect((await decide(fixture, id)).delivered).toBe(false);
    await stop();

    fixture = await start(dataDir);

    await waitForStatus(fixture, id, 'closed');
    const trail = await fixture.store.auditTrail(id);
    expect(trail.filter((entry) => entry.event === 'decision.approved')).toHaveLength(1);
    expect((await outbox(fixture.stack.urls.ses, email)).map((mail) => mail.subject)).toEqual([
      `Vi har mottatt henvendelsen din – referanse ${id}`,
      `Engangskode for henvendelsen din – referanse ${id}`,
      `Henvendelsen din er behandlet – referanse ${id}`,
    ]);
  });
});
