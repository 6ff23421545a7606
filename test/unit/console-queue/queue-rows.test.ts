import { describe, expect, it } from 'vitest';
import { queueRows } from '../../../functions/domain/console-queue/queue-rows.js';
import type { RightsRequest } from '../../../functions/domain/request/rights-request.js';
import { aRightsRequest } from '../fixtures/rights-request-fixture.js';

const TODAY = '2026-12-07'; // Monday

function req(id: string, overrides: Partial<RightsRequest> = {}): RightsRequest {
  return aRightsRequest({ id, ...overrides });
}

describe('queueRows', () => {
  it('sorts overdue first (most overdue first), then fewest working days left, then received earliest; closed last', () => {
    const requests = [
      req('NK-A-NORMAL', { dueDate: '2026-12-23' }),
      req('NK-B-CLOSED', { dueDate: '2026-12-01', status: 'closed' }),
      req('NK-C-LATE1', { dueDate: '2026-12-04' }),
      req('NK-D-SOON-LATER', { dueDate: '2026-12-10', receivedAt: '2026-11-10T12:00:00+01:00' }),
      req('NK-E-SOON-EARLIER', { dueDate: '2026-12-10', receivedAt: '2026-11-10T11:30:00Z' }),
      req('NK-F-LATE5', { dueDate: '2026-11-30' }),
      req('NK-G-TODAY', { dueDate: '2026-12-07' }),
    ];
    const { rows } = queueRows(requests, TODAY, {});
    expect(rows.map((r) => r.reference)).toEqual([
      'NK-F-LATE5',
      'NK-C-LATE1',
      'NK-G-TODAY',
      'NK-D-SOON-LATER', // 12:00+01:00 is 11:00Z, earlier than 11:30Z
      'NK-E-SOON-EARLIER',
      'NK-A-NORMAL',
      'NK-B-CLOSED',
    ]);
    expect(rows.map((r) => [r.urgency, r.workingDaysLeft])).toEqual([
      ['overdue', -5],
      ['overdue', -1],
      ['critical', 0],
      ['soon', 3],
      ['soon', 3],
      ['normal', 12],
      ['normal', null],
    ]);
  });

  it('counts Norwegian holidays when ranking: a case due after Easter is more urgent than its calendar days suggest', () => {
    const requests = [
      req('NK-AFTER-EASTER', { dueDate: '2026-04-07' }), // 6 calendar days, 1 working day
      req('NK-YESTERDAY', { dueDate: '2026-03-31' }),
    ];
    const { rows } = queueRows(requests, '2026-04-01', {});
    expect(rows.map((r) => [r.reference, r.workingDaysLeft])).toEqual([
      ['NK-YESTERDAY', -1],
      ['NK-AFTER-EASTER', 1],
    ]);
  });

  it('carries what the table shows: assignee, last activity, channel, types', () => {
    const [row] = queueRows(
      [req('NK-1', { assignee: { username: 'ola', at: '2026-12-01T09:00:00+01:00' }, updatedAt: '2026-12-02T10:00:00Z', channel: 'post' })],
      TODAY,
      {},
    ).rows;
    expect(row).toMatchObject({ assignee: 'ola', lastActivity: '2026-12-02T10:00:00Z', channel: 'post', types: ['access', 'erasure'] });
  });

  it('filters by status, type and channel', () => {
    const requests = [
      req('NK-1', { status: 'awaiting_approval', types: ['erasure'], channel: 'email' }),
      req('NK-2', { status: 'awaiting_approval', types: ['access'], channel: 'email' }),
      req('NK-3', { status: 'received', types: ['erasure'], channel: 'email' }),
      req('NK-4', { status: 'awaiting_approval', types: ['erasure', 'access'], channel: 'web' }),
    ];
    const view = queueRows(requests, TODAY, { status: 'awaiting_approval', type: 'erasure', channel: 'email' });
    expect(view.rows.map((r) => r.reference)).toEqual(['NK-1']);
    expect(view.filter).toEqual({ status: 'awaiting_approval', type: 'erasure', channel: 'email' });
  });

  it('ignores unknown filter values, reports them and shows everything else', () => {
    const view = queueRows([req('NK-1'), req('NK-2')], TODAY, { status: 'bogus' });
    expect(view.rows).toHaveLength(2);
    expect(view.ignored).toEqual([{ field: 'status', value: 'bogus' }]);
  });

  it('searches part of the reference in any case', () => {
    const view = queueRows([req('NK-20261123-7KQ4M2PX'), req('NK-20261124-AAAAAAAA')], TODAY, { q: '7kq4' });
    expect(view.rows.map((r) => r.reference)).toEqual(['NK-20261123-7KQ4M2PX']);
  });

  it('searches the requester name and e-mail ignoring case and accents', () => {
    const requests = [
      req('NK-1', { requester: { name: 'Åse Sørlie', email: 'ase@example.no' } }),
      req('NK-2', { requester: { name: 'Kari Nordmann', email: 'KARI.nordmann@Example.no' } }),
      req('NK-3', { requester: { name: 'José Ærø', email: 'jose@example.no' } }),
    ];
    expect(queueRows(requests, TODAY, { q: 'ase sorlie' }).rows.map((r) => r.reference)).toEqual(['NK-1']);
    expect(queueRows(requests, TODAY, { q: 'SØRLIE' }).rows.map((r) => r.reference)).toEqual(['NK-1']);
    expect(queueRows(requests, TODAY, { q: 'kari.nordmann@example' }).rows.map((r) => r.reference)).toEqual(['NK-2']);
    expect(queueRows(requests, TODAY, { q: 'jose aero' }).rows.map((r) => r.reference)).toEqual(['NK-3']);
    expect(queueRows(requests, TODAY, { q: 'nobody' }).rows).toEqual([]);
  });
});
