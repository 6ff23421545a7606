import { describe, expect, it } from 'vitest';
import { warningAuditEntry, warningsSentFrom } from '../../../functions/domain/deadline-watch/deadline-warning-audit.js';
import type { AuditEntry } from '../../../functions/domain/request/rights-request.js';

const at = '2026-12-01T07:00:00+01:00';
const id = 'NK-20261123-7KQ4M2PX';

describe('warningsSentFrom', () => {
  it('reads back the thresholds the watch recorded', () => {
    const trail = [warningAuditEntry(id, 7, at, 'm-1'), warningAuditEntry(id, 2, at, 'm-2')];

    expect([...warningsSentFrom(trail)].sort()).toEqual([2, 7]);
  });

  it('ignores other events and thresholds it does not know', () => {
    const trail: AuditEntry[] = [
      { requestId: id, at, event: 'mail.sent', actor: 'system:reply', detail: { threshold: 7 } },
      { requestId: id, at, event: 'deadline.warning_sent', actor: 'system:deadline-watch', detail: { threshold: '2' } },
      { requestId: id, at, event: 'deadline.warning_sent', actor: 'system:deadline-watch', detail: { threshold: 5 } },
      { requestId: id, at, event: 'deadline.warning_sent', actor: 'system:deadline-watch' },
    ];

    expect(warningsSentFrom(trail).size).toBe(0);
  });
});
