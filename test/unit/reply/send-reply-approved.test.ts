import { describe, expect, it } from 'vitest';
import { carryOut } from '../../../functions/domain/carry-out/carry-out.js';
import { CarryOutIncompleteError } from '../../../functions/domain/carry-out/carry-out-errors.js';
import { PlanNotFoundError } from '../../../functions/domain/plan/plan-errors.js';
import { sendReply } from '../../../functions/domain/workflow/send-reply.js';
import { scenario } from '../carry-out/carry-out-fixture.js';
import { answered } from './reply-fixture.js';

describe('sendReply (approved)', () => {
  it('mails the answer to the requester and moves the request to replied', async () => {
    const { store, request, reply } = await answered({ types: ['access', 'erasure'] });

    expect(reply).toMatchObject({ to: request.requester.email, purpose: 'reply', requestId: request.id });
    const stored = await store.get(request.id);
    expect(stored?.status).toBe('replied');
    expect(stored?.mailsSent.reply).toBeDefined();
  });

  it('sends no second answer when run again', async () => {
    const { deps, mailer, request, store } = await answered({ types: ['access'] });
    const attempts = mailer.attempts.length;
    const trail = await store.auditTrail(request.id);

    await sendReply(deps, request.id, 'approved');

    expect(mailer.attempts).toHaveLength(attempts);
    expect(await store.auditTrail(request.id)).toEqual(trail);
  });

  it('throws CarryOutIncompleteError and sends nothing when the plan has not been carried out', async () => {
    const { deps, request, mailer } = scenario({ types: ['erasure'] });

    await expect(sendReply(deps, request.id, 'approved')).rejects.toBeInstanceOf(CarryOutIncompleteError);
    expect(mailer.attempts).toEqual([]);
  });

  it('throws CarryOutIncompleteError and sends nothing when the recipients have not been notified', async () => {
    const { deps, request, mailer } = scenario({ types: ['restriction'] });
    await carryOut(deps, request.id);

    await expect(sendReply(deps, request.id, 'approved')).rejects.toBeInstanceOf(CarryOutIncompleteError);
    expect(mailer.attempts).toEqual([]);
  });

  it('throws PlanNotFoundError when an approved request has no plan', async () => {
    const { deps, request } = scenario({ types: ['access'], request: { planKey: undefined } });

    await expect(sendReply(deps, request.id, 'approved')).rejects.toBeInstanceOf(PlanNotFoundError);
  });
});
