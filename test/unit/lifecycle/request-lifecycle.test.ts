import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyTransition, transitionRequest } from '../../../functions/domain/lifecycle/apply-transition.js';
import {
  ANSWERED_STATUSES,
  CLOSED_STATUSES,
  LEGACY_STATUSES,
  LIFECYCLE_EVENTS,
  OPEN_STATUSES,
  TRANSITIONS,
  canTransition,
  isClosableByStaff,
  statusesAllowing,
  type LifecycleEvent,
  type TransitionRule,
} from '../../../functions/domain/lifecycle/request-lifecycle.js';
import { ConcurrentChangeError, InvalidTransitionError } from '../../../functions/domain/request/request-errors.js';
import { RECEIVED, STATUSES, type Status } from '../../../functions/domain/request/request-vocabulary.js';
import { AUDIT_EVENT_LABELS } from '../../../functions/http/console-case/pages/audit-event-labels.js';
import { FUNCTIONS_DIR, functionSourceFiles } from '../../support/function-sources.js';
import { InMemoryRequestStore } from '../../support/in-memory-request-store.js';
import { REQUEST_ID, aRightsRequest } from '../fixtures/rights-request-fixture.js';

const rules = LIFECYCLE_EVENTS.map((event) => [event, TRANSITIONS[event] as TransitionRule] as const);
const changing = LIFECYCLE_EVENTS.filter((event): event is Exclude<LifecycleEvent, 'received'> => event !== 'received');
const AT = '2026-11-24T08:00:00.000Z';

/** Statuses a new request can reach by the table's events, breadth first from `received`. */
function reachable(): Set<Status> {
  const seen = new Set<Status>([RECEIVED.status]);
  const queue: Status[] = [RECEIVED.status];
  while (queue.length > 0) {
    const status = queue.shift()!;
    for (const [, rule] of rules) {
      if (rule.from.includes(status) && !seen.has(rule.to)) {
        seen.add(rule.to);
        queue.push(rule.to);
      }
    }
  }
  return seen;
}

describe('the request lifecycle table', () => {
  it('leads a new request to every status but the legacy ones, and no event leads to a legacy status', () => {
    const expected = STATUSES.filter((status) => !LEGACY_STATUSES.includes(status));
    expect([...reachable()].sort()).toEqual([...expected].sort());
    expect(rules.filter(([, rule]) => LEGACY_STATUSES.includes(rule.to))).toEqual([]);
  });

  it('has no dead end but the closed status: every other status, legacy ones included, has a way on', () => {
    expect(CLOSED_STATUSES).toEqual(['closed']);
    for (const status of STATUSES.filter((s) => !CLOSED_STATUSES.includes(s))) {
      const onwards = rules.filter(([, rule]) => rule.from.includes(status) && rule.to !== status);
      expect(onwards.length, status).toBeGreaterThan(0);
    }
  });

  it('records every transition as an audit event the case history labels in Norwegian', () => {
    const labels = AUDIT_EVENT_LABELS as Readonly<Record<string, string>>;
    for (const [event, rule] of rules) {
      for (const audit of [rule.audit, rule.auditWhenUnchanged].filter((name): name is string => name !== undefined)) {
        expect(labels[audit], `${event} → ${audit}`).toMatch(/\S/);
      }
    }
  });

  it('derives the open, answered and staff-closable statuses from the rows', () => {
    expect([...OPEN_STATUSES].sort()).toEqual(STATUSES.filter((status) => status !== 'closed').sort());
    expect([...ANSWERED_STATUSES].sort()).toEqual(['closed', 'rejected', 'replied', 'unverified']);
    expect(STATUSES.filter(isClosableByStaff).sort()).toEqual(['awaiting_approval', 'awaiting_verification', 'extended', 'needs_attention', 'on_hold']);
    // Nothing answered is closable by staff except through the workflow's own close.
    expect(statusesAllowing('closed_by_staff').filter((status) => ANSWERED_STATUSES.includes(status))).toEqual([]);
  });
});

describe('applyTransition', () => {
  it.each(changing)('%s: moves exactly the statuses of its row, with its audit entry, and refuses every other', (event) => {
    const rule: TransitionRule = TRANSITIONS[event];
    for (const status of STATUSES) {
      const request = { id: REQUEST_ID, status };
      const input = { actor: 'staff:kari', at: AT, reason: 'why', detail: { n: 1 } };
      if (!rule.from.includes(status)) {
        expect(canTransition(status, event)).toBe(false);
        expect(() => applyTransition(request, event, input), `${event} from ${status}`).toThrow(InvalidTransitionError);
        continue;
      }
      expect(canTransition(status, event)).toBe(true);
      expect(applyTransition(request, event, input)).toEqual({
        status: rule.to,
        auditEntry: {
          requestId: REQUEST_ID,
          at: AT,
          event: status === rule.to && rule.auditWhenUnchanged ? rule.auditWhenUnchanged : rule.audit,
          fromStatus: status,
          toStatus: rule.to,
          actor: 'staff:kari',
          reason: 'why',
          detail: { n: 1 },
        },
      });
    }
  });

  it('records a re-driven wait for the decision as waiting again, a first wait as a status change', () => {
    const input = { actor: 'system:workflow', at: AT };
    expect(applyTransition({ id: REQUEST_ID, status: 'awaiting_approval' }, 'decision_awaited', input).auditEntry.event).toBe('decision.awaiting_again');
    expect(applyTransition({ id: REQUEST_ID, status: 'gathering' }, 'decision_awaited', input).auditEntry.event).toBe('status.changed');
  });
});

describe('transitionRequest', () => {
  it('writes the status, the other fields and the audit entry together', async () => {
    const store = new InMemoryRequestStore().seed(aRightsRequest({ status: 'awaiting_approval', version: 3 }));
    const request = (await store.get(REQUEST_ID))!;
    const updated = await transitionRequest(store, request, 'closed_by_staff', { actor: 'staff:kari', at: AT, reason: 'duplicate' }, {
      set: { closure: { kind: 'merged', reason: 'duplicate', by: 'staff:kari', at: AT, mergedInto: 'NK-20261123-AAAAAAAA' } },
    });
    expect(updated).toMatchObject({ status: 'closed', updatedAt: AT, version: 4, closure: { kind: 'merged' } });
    expect((await store.auditTrail(REQUEST_ID)).at(-1)).toMatchObject({
      event: 'case.closed_by_staff',
      fromStatus: 'awaiting_approval',
      toStatus: 'closed',
      actor: 'staff:kari',
    });
  });

  it('writes nothing when the request changed since it was read (still in the status it was read in)', async () => {
    const store = new InMemoryRequestStore().seed(aRightsRequest({ status: 'gathering', version: 2 }));
    const stale = { ...(await store.get(REQUEST_ID))!, version: 1 };
    await expect(transitionRequest(store, stale, 'workflow_failed', { actor: 'system:workflow', at: AT })).rejects.toThrow(ConcurrentChangeError);
    expect((await store.get(REQUEST_ID))!.status).toBe('gathering');
  });

  it('refuses a transition the table does not allow, writing nothing', async () => {
    const store = new InMemoryRequestStore().seed(aRightsRequest({ status: 'replied', version: 2 }));
    const request = (await store.get(REQUEST_ID))!;
    await expect(transitionRequest(store, request, 'closed_by_staff', { actor: 'staff:kari', at: AT })).rejects.toThrow(InvalidTransitionError);
    expect((await store.get(REQUEST_ID))!).toMatchObject({ status: 'replied', version: 2 });
  });
});

describe('status changes in the code', () => {

  it('are all made by the lifecycle: no other file writes a status into a change or an audit entry', () => {
    // A status literal in a change (`status: 'closed'`) or a `toStatus:` of an audit entry outside the
    // lifecycle is a status change that bypasses the table. Storing a new request uses the table's
    // first row (RECEIVED, defined with the vocabulary); the schema declares the field; the export
    // copies entries already written.
    const allowed = [
      'domain/lifecycle/',
      'domain/request/request-vocabulary.ts',
      'domain/request/rights-request.ts',
      'domain/request/submit-request.ts',
      'domain/export/correspondence.ts',
    ];
    const statuses = STATUSES.join('|');
    const write = new RegExp(`(\\bstatus: '(${statuses})'|\\btoStatus:)`);
    const offenders = functionSourceFiles()
      .map((file) => relative(FUNCTIONS_DIR, file))
      .filter((file) => !allowed.some((prefix) => file.startsWith(prefix)))
      .flatMap((file) =>
        readFileSync(join(FUNCTIONS_DIR, file), 'utf8')
          .split('\n')
          .filter((line) => write.test(line) && !line.trim().startsWith('*'))
          .map((line) => `${file}: ${line.trim()}`),
      );
    expect(offenders).toEqual([]);
  });
});
